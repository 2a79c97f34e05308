import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { authenticator } from 'otplib';

/** The demo network (libs/database/src/seed): one password for all; seeded because the server runs as development. */
export const DEMO_PASSWORD = 'counterpart-demo-2026';

/** The agency every test applicant names: their own words, which stay in Latin letters in Russian. */
export const TEST_AGENCY = 'General Prosecutor’s Office';
export const DEMO = {
  admin: 'admin@demo.counterpart.example',
  coordinator: 'coordinator.uz@demo.counterpart.example',
  member: 'aigul.bekmukhanova@kz.demo.counterpart.example',
  pending: 'zhanar.nurlanova@kz.demo.counterpart.example',
} as const;

export interface Account {
  id: string;
  email: string;
  password: string;
}

export interface TwoFactorAccount extends Account {
  secret: string;
  recoveryCodes: string[];
}

interface SessionAnswer {
  accessToken: string;
  expiresAt: string;
  member: { id: string; role: string; status: string };
}

/** A fresh address no other test uses. */
export function uniqueEmail(label: string): string {
  return `e2e-${label}-${randomUUID().slice(0, 8)}@e2e.example.org`;
}

/**
 * A TOTP code later than any used so far: the server accepts each 30-second step once and one step of drift, so the
 * next step's code works now and after a code of this step was spent (enrollment, then sign-in).
 */
export function nextTotp(secret: string): string {
  return authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
}

export function currentTotp(secret: string): string {
  return authenticator.generate(secret);
}

/**
 * Test data through the public API, as a coordinator or an administrator would make it: invitations, applications,
 * vetting, roles, two-factor. Each test makes its own accounts, so none depends on another's state or order.
 */
export class Api {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(private readonly request: APIRequestContext) {}

  async signIn(
    email: string,
    password = DEMO_PASSWORD,
    extra: Record<string, string> = {},
  ): Promise<SessionAnswer> {
    const response = await this.request.post('/auth/sign-in', { data: { email, password, ...extra } });
    expect(response.ok(), `sign-in of ${email}: ${await response.text()}`).toBe(true);
    return (await response.json()) as SessionAnswer;
  }

  /** An access token of a demo account, reused while it is valid. */
  async tokenOf(email: string): Promise<string> {
    const cached = this.tokens.get(email);
    if (cached && cached.until > Date.now() + 60_000) {
      return cached.token;
    }
    const answer = await this.signIn(email);
    this.tokens.set(email, { token: answer.accessToken, until: Date.parse(answer.expiresAt) });
    return answer.accessToken;
  }

  async graphql<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await this.request.post('/graphql', {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      data: { query, variables },
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
    }
    return body.data;
  }

  /** A single-use invitation for Uzbekistan by its coordinator. */
  async invitation(country = 'UZ'): Promise<string> {
    const data = await this.graphql<{ createInvitation: { code: string } }>(
      await this.tokenOf(DEMO.coordinator),
      'mutation Invite($input: CreateInvitationInput!) { createInvitation(input: $input) { code } }',
      { input: { country } },
    );
    return data.createInvitation.code;
  }

  /** A pending applicant from Uzbekistan (with an invitation). */
  async applicant(label = 'applicant'): Promise<Account> {
    const email = uniqueEmail(label);
    const password = `e2e-password-${randomUUID()}`;
    const data = await this.graphql<{ applyForMembership: { id: string; status: string } }>(
      null,
      'mutation Apply($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id status } }',
      {
        input: {
          email,
          password,
          displayName: 'Test Applicant',
          country: 'UZ',
          agencyName: TEST_AGENCY,
          agencyType: 'PROSECUTION',
          timeZone: 'Asia/Tashkent',
          languages: [{ code: 'ru', level: 'FLUENT' }],
          expertise: [],
          competences: [],
          invitationCode: await this.invitation(),
        },
      },
    );
    expect(data.applyForMembership.status).toBe('PENDING');
    return { id: data.applyForMembership.id, email, password };
  }

  /** A vetted member, approved by the coordinator of Uzbekistan. */
  async member(label = 'member'): Promise<Account> {
    const account = await this.applicant(label);
    await this.graphql(
      await this.tokenOf(DEMO.coordinator),
      'mutation Vet($input: VetMemberInput!) { vetMember(input: $input) { id } }',
      { input: { memberId: account.id, decision: 'APPROVE', reason: 'Browser test' } },
    );
    return account;
  }

  /** A vetted coordinator of Uzbekistan (two-factor off), promoted by the administrator. */
  async coordinator(label = 'coordinator'): Promise<Account> {
    const account = await this.member(label);
    await this.graphql(
      await this.tokenOf(DEMO.admin),
      'mutation Promote($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id } }',
      {
        input: { memberId: account.id, role: 'COORDINATOR', countries: ['UZ'], reason: 'Browser test' },
      },
    );
    return account;
  }

  /** Two-factor turned on through the API (for screens past enrollment); the secret and codes come back. */
  async withTwoFactor(account: Account): Promise<TwoFactorAccount> {
    const { accessToken } = await this.signIn(account.email, account.password);
    const begun = await this.graphql<{ beginTotpEnrollment: { secret: string } }>(
      accessToken,
      'mutation { beginTotpEnrollment { secret } }',
    );
    const secret = begun.beginTotpEnrollment.secret;
    const confirmed = await this.graphql<{ confirmTotpEnrollment: string[] }>(
      accessToken,
      'mutation Confirm($code: String!) { confirmTotpEnrollment(code: $code) }',
      { code: currentTotp(secret) },
    );
    await this.graphql(accessToken, 'mutation { signOut }');
    return { ...account, secret, recoveryCodes: confirmed.confirmTotpEnrollment };
  }
}

/**
 * Signs a browser context in without the form (`POST /auth/sign-in` through the context's own request, which shares
 * its cookies): the context then holds the HttpOnly refresh cookie, and a page load restores the session from it.
 */
export async function signInContext(
  context: BrowserContext,
  account: { email: string; password?: string; secret?: string },
  deviceLabel?: string,
): Promise<SessionAnswer> {
  const response = await context.request.post('/auth/sign-in', {
    data: {
      email: account.email,
      password: account.password ?? DEMO_PASSWORD,
      totp: account.secret ? nextTotp(account.secret) : undefined,
      deviceLabel,
    },
  });
  expect(response.ok(), `sign-in of ${account.email}: ${await response.text()}`).toBe(true);
  return (await response.json()) as SessionAnswer;
}
