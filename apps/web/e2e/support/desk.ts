import { randomUUID } from 'node:crypto';
import {
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { DEMO, signInContext, uniqueEmail, type Account, type Api } from './api';
import { catalogs, deskCatalogs, type Catalog } from './catalog';
import { title, userAgentOf } from './ui';

export const desk = deskCatalogs.en;

/** The desk's words in the language of a translation catalog (the desk has its own namespace). */
export const deskOf = (cat: Catalog) => (cat === catalogs.ru ? deskCatalogs.ru : deskCatalogs.en);

/** Someone the desk tests make: an account with the name and country of their profile. */
export interface DeskPerson extends Account {
  name: string;
  country: string;
}

/** A name no other test uses (the desk lists everyone of a country: each test finds its own people by name). */
export const uniqueName = (first: string, last: string): string =>
  `${first} ${last} ${randomUUID().slice(0, 4)}`;

/** What the desk tests' applicants write as their work (Latin test data a Russian screen shows as it is). */
export const APPLICANT_WORK = {
  agency: 'Prosecutor General’s Office',
  position: 'Senior investigator',
} as const;

const INVITE = 'mutation Invite($input: CreateInvitationInput!) { createInvitation(input: $input) { code } }';
const APPLY =
  'mutation Apply($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id status } }';
const VET = 'mutation Vet($input: VetMemberInput!) { vetMember(input: $input) { id vettedUntil } }';
const PROMOTE = 'mutation Promote($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id } }';

/**
 * Members, applicants and coordinators of any country for the desk's tests, made through the public API as the
 * administrator would (the demo admin invites and vets: its scope is every country). A country of a test's own keeps
 * its desk lists free of other tests' people.
 */
export class DeskApi {
  constructor(private readonly api: Api) {}

  /** A pending applicant of `country` (an invitation of the administrator's, then the application). */
  async applicant(country: string, label: string, name: string): Promise<DeskPerson> {
    const admin = await this.api.tokenOf(DEMO.admin);
    const invitation = await this.api.graphql<{ createInvitation: { code: string } }>(admin, INVITE, {
      input: { country },
    });
    const email = uniqueEmail(label);
    const password = `e2e-password-${randomUUID()}`;
    const applied = await this.api.graphql<{ applyForMembership: { id: string; status: string } }>(
      null,
      APPLY,
      {
        input: {
          email,
          password,
          displayName: name,
          country,
          agencyName: APPLICANT_WORK.agency,
          agencyType: 'PROSECUTION',
          position: APPLICANT_WORK.position,
          timeZone: 'Asia/Tashkent',
          languages: [{ code: 'ru', level: 'FLUENT' }],
          expertise: [],
          competences: [],
          invitationCode: invitation.createInvitation.code,
        },
      },
    );
    expect(applied.applyForMembership.status).toBe('PENDING');
    return { id: applied.applyForMembership.id, email, password, name, country };
  }

  /** A vetted member of `country`, vetted by the administrator (until `vettedUntil`, or the API's default). */
  async member(country: string, label: string, name: string, vettedUntil?: Date): Promise<DeskPerson> {
    const person = await this.applicant(country, label, name);
    await this.api.graphql(await this.api.tokenOf(DEMO.admin), VET, {
      input: {
        memberId: person.id,
        decision: 'APPROVE',
        reason: 'Browser test',
        vettedUntil: vettedUntil?.toISOString() ?? null,
      },
    });
    return person;
  }

  /** A coordinator of `countries` (their own profile in the first), two-factor off, promoted by the administrator. */
  async coordinator(countries: string[], label: string, name: string): Promise<DeskPerson> {
    const person = await this.member(countries[0], label, name);
    await this.api.graphql(await this.api.tokenOf(DEMO.admin), PROMOTE, {
      input: { memberId: person.id, role: 'COORDINATOR', countries, reason: 'Browser test' },
    });
    return person;
  }

  /** A member as the administrator's API sees them now. */
  async memberNow(id: string): Promise<{ status: string; vettedUntil: string | null }> {
    const answer = await this.api.graphql<{ member: { status: string; vettedUntil: string | null } }>(
      await this.api.tokenOf(DEMO.admin),
      'query Member($id: ID!) { member(id: $id) { status vettedUntil } }',
      { id },
    );
    return answer.member;
  }
}

/** A GraphQL call whose errors are the point: the `extensions.code` of each error (an empty list when it worked). */
export async function errorCodesOf(
  request: APIRequestContext,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<string[]> {
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: { query, variables },
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return (body.errors ?? []).map((error) => error.extensions?.code ?? 'none');
}

/** A browser signed in as a desk person (no form), at `path`, its h1 awaited. */
export async function openDesk(
  page: Page,
  context: BrowserContext,
  person: Account,
  path: string,
  heading: string,
): Promise<void> {
  await signInContext(context, person, await userAgentOf(page));
  await page.goto(path);
  await expect(title(page, heading)).toBeVisible();
}

/** The vetting queue's list and one applicant's card in it, by their name (and e-mail: a name may come twice). */
export const queueList = (page: Page, cat = desk): Locator =>
  page.getByRole('list', { name: cat.queue.list, exact: true });
export const queueCard = (page: Page, person: { name: string; email: string }, cat = desk): Locator =>
  queueList(page, cat)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: person.name, exact: true }) })
    .filter({ hasText: person.email });

/** The desk's own navigation (under the header's). */
export const deskNavigation = (page: Page, cat = desk): Locator =>
  page.getByRole('navigation', { name: cat.nav.label, exact: true });

/** The open alert dialog of an action, by its title. */
export const actionDialog = (page: Page, name: string): Locator =>
  page.getByRole('alertdialog', { name, exact: true });
