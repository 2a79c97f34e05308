import { randomUUID } from 'node:crypto';
import { expect, type Page, type Request } from '@playwright/test';
import { DEMO, uniqueEmail, type Account, type Api } from './api';

/** A contact channel as updateMyProfile takes it. */
export interface Contact {
  kind: 'EMAIL' | 'PHONE' | 'MOBILE' | 'TELEGRAM';
  value: string;
  visibility: 'MEMBERS' | 'COORDINATORS';
}

export interface NetworkAccount extends Account {
  displayName: string;
  country: string;
}

/**
 * Members and coordinators of any country for the network home's tests, made through the public API as the
 * administrator would (the demo coordinator oversees Uzbekistan only): a country of their own keeps a test's
 * coordinators apart from the demo network's and from other tests'.
 */
export class NetworkApi {
  constructor(private readonly api: Api) {}

  /** A vetted member of `country` with the agency and position given (or made up), vetted by the administrator. */
  async member(
    country: string,
    label: string,
    profile: { displayName?: string; position?: string; agencyName?: string } = {},
  ): Promise<NetworkAccount> {
    const admin = await this.api.tokenOf(DEMO.admin);
    const invitation = await this.api.graphql<{ createInvitation: { code: string } }>(
      admin,
      'mutation Invite($input: CreateInvitationInput!) { createInvitation(input: $input) { code } }',
      { input: { country } },
    );
    const email = uniqueEmail(label);
    const password = `e2e-password-${randomUUID()}`;
    const displayName = profile.displayName ?? `Test ${label}`;
    const applied = await this.api.graphql<{ applyForMembership: { id: string } }>(
      null,
      'mutation Apply($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }',
      {
        input: {
          email,
          password,
          displayName,
          country,
          agencyName: profile.agencyName ?? 'Prosecutor General’s Office',
          agencyType: 'PROSECUTION',
          position: profile.position ?? 'Prosecutor',
          timeZone: 'UTC',
          languages: [{ code: 'ru', level: 'FLUENT' }],
          expertise: [],
          competences: [],
          invitationCode: invitation.createInvitation.code,
        },
      },
    );
    const id = applied.applyForMembership.id;
    await this.api.graphql(
      admin,
      'mutation Vet($input: VetMemberInput!) { vetMember(input: $input) { id } }',
      { input: { memberId: id, decision: 'APPROVE', reason: 'Browser test' } },
    );
    return { id, email, password, displayName, country };
  }

  /** A coordinator of `country` (promoted by the administrator) whose profile lists `contacts`. */
  async coordinator(
    country: string,
    label: string,
    contacts: Contact[],
    profile: { displayName?: string; position?: string; agencyName?: string } = {},
  ): Promise<NetworkAccount> {
    const account = await this.member(country, label, profile);
    await this.api.graphql(
      await this.api.tokenOf(DEMO.admin),
      'mutation Promote($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id } }',
      { input: { memberId: account.id, role: 'COORDINATOR', countries: [country], reason: 'Browser test' } },
    );
    const { accessToken } = await this.api.signIn(account.email, account.password);
    await this.api.graphql(
      accessToken,
      'mutation Contacts($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }',
      { input: { contacts } },
    );
    await this.api.graphql(accessToken, 'mutation { signOut }');
    return account;
  }

  /** When `account` last confirmed their profile, as the API says. */
  async confirmedAt(account: Account): Promise<string> {
    const { accessToken } = await this.api.signIn(account.email, account.password);
    const data = await this.api.graphql<{ practitioner: { confirmedAt: string } }>(
      accessToken,
      'query Mine($id: ID!) { practitioner(id: $id) { confirmedAt } }',
      { id: account.id },
    );
    await this.api.graphql(accessToken, 'mutation { signOut }');
    return data.practitioner.confirmedAt;
  }
}

/** The GraphQL operation a request sends, by name (the client POSTs every operation with its name). */
function operationOf(request: Request): string | undefined {
  const body =
    request.method() === 'POST' ? (request.postDataJSON() as { operationName?: unknown } | null) : null;
  return typeof body?.operationName === 'string' ? body.operationName : undefined;
}

/**
 * A profile confirmed `months` months ago, as the home page sees it until the member confirms it. The API keeps a
 * new account's profile fresh (confirmed when they applied) and its clock of staleness is the real one, so the browser's
 * view of the member's own profile is aged here; the confirmation itself goes to the API untouched.
 */
export async function ageOwnProfile(page: Page, months: number): Promise<void> {
  let confirmed = false;
  const confirmedAt = new Date();
  confirmedAt.setUTCMonth(confirmedAt.getUTCMonth() - months);
  await page.route('**/graphql*', async (route) => {
    const operation = operationOf(route.request());
    if (operation === 'HomeConfirmProfile') {
      confirmed = true;
    }
    if (operation !== 'HomeMyProfile' || confirmed) {
      await route.fallback();
      return;
    }
    const response = await route.fetch();
    const body = (await response.json()) as { data?: { practitioner?: Record<string, unknown> } };
    expect(body.data?.practitioner, 'the member’s own profile').toBeTruthy();
    body.data!.practitioner!.confirmedAt = confirmedAt.toISOString();
    body.data!.practitioner!.stale = months >= 12;
    await route.fulfill({ response, json: body });
  });
}
