import { Logger } from '@nestjs/common';
import { MemberEntity } from '@app/identity';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { API_CLI, runNode, STACK_LINE } from '../utils/processes';
import { createTestDatabase, type TestDatabase } from '../utils/test-database';
import { totpCode } from '../utils/totp';

// The documented rotations (docs/OPERATIONS.md "Key rotation"), each a restart with new variables on the same
// database while members stay signed in.
const JWT_OLD = 'jwt-old-'.padEnd(40, 'o');
const JWT_NEW = 'jwt-new-'.padEnd(40, 'n');
const JWT_K1 = { JWT_KEY_ID: 'k1', JWT_SECRET: JWT_OLD };
const JWT_K2_WITH_K1 = { JWT_KEY_ID: 'k2', JWT_SECRET: JWT_NEW, JWT_PREVIOUS_KEYS: `k1:${JWT_OLD}` };
const JWT_K2 = { JWT_KEY_ID: 'k2', JWT_SECRET: JWT_NEW };

const TOTP_OLD = 'totp-old-'.padEnd(40, 'o');
const TOTP_NEW = 'totp-new-'.padEnd(40, 'n');
const TOTP_T1 = { TOTP_KEY_ID: 't1', TOTP_ENCRYPTION_KEY: TOTP_OLD };
const TOTP_T2_WITH_T1 = {
  TOTP_KEY_ID: 't2',
  TOTP_ENCRYPTION_KEY: TOTP_NEW,
  TOTP_PREVIOUS_KEYS: `t1:${TOTP_OLD}`,
};
const TOTP_T2 = { TOTP_KEY_ID: 't2', TOTP_ENCRYPTION_KEY: TOTP_NEW };

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = '{ me { id } }';

/** Several boots and a CLI run per test, on two cores shared with other suites. */
const TIMEOUT_MS = 90_000;

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

type Response = {
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions: { code: string } }[];
  };
};

const errorOf = (response: Response) => response.body.errors?.[0];
const kidOf = (token: string): unknown =>
  (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid?: unknown }).kid;

describe('key rotation without downtime', () => {
  let database: TestDatabase;
  let api: TestApp | undefined;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await api?.close();
    api = undefined;
    await database.drop();
  });

  /** Stops the running app (if any) and boots it again on the same database with these keys. */
  async function restartWith(env: Record<string, string>): Promise<TestApp> {
    await api?.close();
    api = await createTestApp({ database, env });
    return api;
  }

  async function signIn(app: TestApp, email: string, extra: Record<string, string> = {}): Promise<Tokens> {
    const response = await app.graphql(SIGN_IN, { input: { email, password: FACTORY_PASSWORD, ...extra } });
    expect(errorOf(response)).toBeUndefined();
    return response.body.data?.signIn as Tokens;
  }

  async function refresh(app: TestApp, refreshToken: string): Promise<Tokens> {
    const response = await app.graphql(REFRESH, { t: refreshToken });
    expect(errorOf(response)).toBeUndefined();
    return response.body.data?.refreshSession as Tokens;
  }

  async function expectSignedIn(app: TestApp, accessToken: string, memberId: string): Promise<void> {
    const response = await app.graphql(ME, {}, accessToken);
    expect(errorOf(response)).toBeUndefined();
    expect(response.body.data?.me).toEqual({ id: memberId });
  }

  /** A member who enabled TOTP through the API under the keys of `app`; the confirming code used step -1. */
  async function memberWithTotp(
    app: TestApp,
  ): Promise<{ email: string; secret: string; recoveryCodes: string[] }> {
    const member = await createMember(app.dataSource);
    const { accessToken } = await signIn(app, member.email);
    const begin = await app.graphql('mutation { beginTotpEnrollment { secret } }', {}, accessToken);
    const { secret } = begin.body.data?.beginTotpEnrollment as { secret: string };
    const confirm = await app.graphql(
      'mutation($c: String!) { confirmTotpEnrollment(code: $c) }',
      { c: totpCode(secret, -1) },
      accessToken,
    );
    expect(errorOf(confirm)).toBeUndefined();
    return {
      email: member.email,
      secret,
      recoveryCodes: confirm.body.data?.confirmTotpEnrollment as string[],
    };
  }

  const storedMember = (app: TestApp, email: string) =>
    app.dataSource.getRepository(MemberEntity).findOneByOrFail({ email });

  const rekeyTotp = (env: Record<string, string>) =>
    runNode(API_CLI, { ...database.env, ...env }, ['rekey-totp'], { timeoutMs: 60_000 });

  it(
    'should keep JWT sessions across a signing-key rotation, and refuse old access tokens once the old key is dropped',
    async () => {
      let app = await restartWith(JWT_K1);
      const member = await createMember(app.dataSource);
      const before = await signIn(app, member.email);
      expect(kidOf(before.accessToken)).toBe('k1');

      // k2 signs, k1 still verifies: the signed-in member notices nothing.
      app = await restartWith(JWT_K2_WITH_K1);
      await expectSignedIn(app, before.accessToken, member.id);
      const rotated = await refresh(app, before.refreshToken);
      expect(kidOf(rotated.accessToken)).toBe('k2');
      await expectSignedIn(app, rotated.accessToken, member.id);
      expect(kidOf((await signIn(app, member.email)).accessToken)).toBe('k2');

      // k1 dropped: a k1 access token is refused; the session goes on (refresh tokens are opaque, stored hashed,
      // not signed with the JWT key).
      app = await restartWith(JWT_K2);
      const refused = await app.graphql(ME, {}, before.accessToken);
      expect(errorOf(refused)?.extensions.code).toBe('UNAUTHENTICATED');
      const after = await refresh(app, rotated.refreshToken);
      expect(kidOf(after.accessToken)).toBe('k2');
      await expectSignedIn(app, after.accessToken, member.id);
    },
    TIMEOUT_MS,
  );

  it(
    'should keep TOTP sign-in working across a rotation, rekey-totp, and dropping the old key',
    async () => {
      let app = await restartWith(TOTP_T1);
      const { email, secret } = await memberWithTotp(app);
      const sealedUnderT1 = await storedMember(app, email);
      expect(sealedUnderT1.totpKeyId).toBe('t1');

      app = await restartWith(TOTP_T2_WITH_T1);
      await signIn(app, email, { totp: totpCode(secret, 0) });

      // While the API runs with the rotated ring, as an operator would.
      const rekey = await rekeyTotp(TOTP_T2_WITH_T1);
      expect(rekey.code).toBe(0);
      expect(rekey.stdout).toMatch(/re-encrypted 1, already current 0, unreadable 0/);
      expect(`${rekey.stdout}${rekey.stderr}`).not.toContain(secret);
      const resealed = await storedMember(app, email);
      expect(resealed.totpKeyId).toBe('t2');
      expect(resealed.totpSecretEncrypted).not.toBe(sealedUnderT1.totpSecretEncrypted);

      app = await restartWith(TOTP_T2);
      await signIn(app, email, { totp: totpCode(secret, 1) });
      expect((await rekeyTotp(TOTP_T2)).stdout).toMatch(/re-encrypted 0, already current 1, unreadable 0/);
    },
    TIMEOUT_MS,
  );

  it(
    'should say what is wrong, to the member and the operator, when the old TOTP key is dropped before rekey-totp',
    async () => {
      let app = await restartWith(TOTP_T1);
      const { email, secret, recoveryCodes } = await memberWithTotp(app);
      const member = await storedMember(app, email);

      app = await restartWith(TOTP_T2);
      const logged = jest.spyOn(Logger.prototype, 'error');
      try {
        const refused = await app.graphql(SIGN_IN, {
          input: { email, password: FACTORY_PASSWORD, totp: totpCode(secret, 0) },
        });
        expect(errorOf(refused)?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(errorOf(refused)?.message).toMatch(/recovery code/);
        const lines = logged.mock.calls.map((call) => String(call[0]));
        expect(lines).toContainEqual(
          expect.stringMatching(new RegExp(`member ${member.id} .*key "t1".*TOTP_PREVIOUS_KEYS`)),
        );
        expect(lines.join('\n')).not.toContain(secret);
      } finally {
        logged.mockRestore();
      }
      // Recovery codes are hashes, not sealed: they still let the member in.
      await signIn(app, email, { recoveryCode: recoveryCodes[0] });

      const rekey = await rekeyTotp(TOTP_T2);
      expect(rekey.code).toBe(1);
      expect(rekey.stdout).toMatch(/re-encrypted 0, already current 0, unreadable 1/);
      expect(rekey.stderr).toMatch(/^1 TOTP secret\(s\) could not be decrypted/m);
      expect(rekey.stderr).not.toMatch(STACK_LINE);
      expect(`${rekey.stdout}${rekey.stderr}`).not.toContain(secret);
    },
    TIMEOUT_MS,
  );
});
