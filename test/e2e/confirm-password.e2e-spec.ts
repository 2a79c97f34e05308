import {
  AuditAction,
  AuditEntryEntity,
  MAX_PASSWORD_LENGTH,
  MemberEntity,
  RefreshTokenEntity,
  SessionEntity,
} from '@app/identity';
import { createMember, FACTORY_PASSWORD, passwordHashOf } from '../factories/member.factory';
import { findCanary, newCanary } from '../utils/canary';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { API_MAIN, STACK_LINE, startNode } from '../utils/processes';
import { openSession } from '../utils/sessions';
import { connectDataSource, createTestDatabase, type TestDatabase } from '../utils/test-database';

jest.setTimeout(60_000);

const CONFIRM = 'mutation($password: String!) { confirmPassword(password: $password) }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }';

type Body = { data?: Record<string, unknown> | null; errors?: { extensions: Record<string, unknown> }[] };
const code = (body: Body) => body.errors?.[0].extensions.code;

/**
 * confirmPassword (the web client's auto-lock): the signed-in member's password checked with sign-in's own
 * verification, counted on sign-in's own per-account throttle; no session, no token, nothing else changes.
 */
describe('confirmPassword', () => {
  let api: TestApp;
  let max: number;

  beforeAll(async () => {
    api = await createTestApp();
    max = api.config.auth.throttle.maxFailuresPerAccount;
  });

  afterAll(() => api.close());

  const confirm = (password: string, token: string | undefined) => api.graphql(CONFIRM, { password }, token);
  const signIn = (email: string, password: string) => api.graphql(SIGN_IN, { input: { email, password } });

  /** Everything a confirmation must leave alone: the member row, their sessions and tokens, the audit chain. */
  async function stateOf(memberId: string) {
    const sessions = await api.dataSource
      .getRepository(SessionEntity)
      .find({ where: { memberId }, order: { id: 'ASC' } });
    const tokens = await api.dataSource
      .getRepository(RefreshTokenEntity)
      .find({ order: { tokenHash: 'ASC' } });
    return {
      member: await api.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: memberId }),
      sessions,
      tokens: tokens.filter((token) => sessions.some((session) => session.id === token.sessionId)),
      audit: await api.dataSource.getRepository(AuditEntryEntity).count(),
    };
  }

  async function bursts(memberId: string): Promise<AuditEntryEntity[]> {
    return api.dataSource
      .getRepository(AuditEntryEntity)
      .findBy({ action: AuditAction.SIGN_IN_FAILURE_BURST, targetId: memberId });
  }

  it('should answer true for the right password and open no session, rotate no token, change nothing', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = (await signIn(member.email, FACTORY_PASSWORD)).body.data.signIn;
    const before = await stateOf(member.id);
    expect(before.sessions).toHaveLength(1);
    expect(before.tokens).toHaveLength(1);

    const response = await confirm(FACTORY_PASSWORD, accessToken);
    expect(response.body).toEqual({ data: { confirmPassword: true } });

    expect(await stateOf(member.id)).toEqual(before);
    const listed = await api.graphql('{ sessions { id current } }', {}, accessToken);
    expect(listed.body.data.sessions).toEqual([{ id: before.sessions[0].id, current: true }]);
  });

  it('should answer a wrong password with BAD_USER_INPUT naming password, and keep the session', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = await openSession(api.dataSource, member, api.config.auth);
    const before = await stateOf(member.id);

    const response = await confirm('not the password at all', accessToken);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    // Not UNAUTHENTICATED: on that code the web client refreshes its token and tries again.
    expect(response.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'password', code: 'INVALID', message: 'does not match' }],
    });
    expect(response.text).not.toMatch(STACK_LINE);
    expect(response.text).not.toContain('not the password at all');

    expect(await stateOf(member.id)).toEqual(before);
    expect(code((await api.graphql('{ me { id } }', {}, accessToken)).body)).toBeUndefined();
  });

  it('should refuse an empty or too long password with field errors, uncounted', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = await openSession(api.dataSource, member, api.config.auth);

    const empty = await confirm('', accessToken);
    expect(empty.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'password', code: 'REQUIRED', message: 'password should not be empty' }],
    });
    const long = await confirm('x'.repeat(MAX_PASSWORD_LENGTH + 1), accessToken);
    expect(long.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          path: 'password',
          code: 'TOO_LONG',
          message: `password must be shorter than or equal to ${MAX_PASSWORD_LENGTH} characters`,
          max: MAX_PASSWORD_LENGTH,
        },
      ],
    });
    const missing = await api.graphql('mutation { confirmPassword }', {}, accessToken);
    expect(code(missing.body)).toBe('GRAPHQL_VALIDATION_FAILED');

    // Refused before the check: none of them counts as a failure.
    for (let attempt = 0; attempt < max; attempt += 1) {
      expect(code((await confirm('', accessToken)).body)).toBe('BAD_USER_INPUT');
    }
    expect((await confirm(FACTORY_PASSWORD, accessToken)).body.data).toEqual({ confirmPassword: true });
  });

  it('should answer UNAUTHENTICATED when signed out', async () => {
    const member = await createMember(api.dataSource);
    expect(code((await confirm(FACTORY_PASSWORD, undefined)).body)).toBe('UNAUTHENTICATED');

    const { accessToken } = (await signIn(member.email, FACTORY_PASSWORD)).body.data.signIn;
    await api.graphql('mutation { signOut }', {}, accessToken);
    const ended = await confirm(FACTORY_PASSWORD, accessToken);
    expect(code(ended.body)).toBe('UNAUTHENTICATED');
    expect(ended.body.data).toBeNull();
  });

  it('should share sign-in’s limit: RATE_LIMITED after as many failures, the right password too', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = await openSession(api.dataSource, member, api.config.auth);

    // Failed sign-ins and failed confirmations are counted on the same key: the lock screen adds no guesses.
    expect(code((await signIn(member.email, 'wrong at sign-in')).body)).toBe('UNAUTHENTICATED');
    for (let attempt = 1; attempt < max; attempt += 1) {
      expect(code((await confirm(`wrong ${attempt}`, accessToken)).body)).toBe('BAD_USER_INPUT');
    }
    expect(await bursts(member.id)).toHaveLength(1);

    const blocked = await confirm('wrong again', accessToken);
    expect(blocked.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(code((await confirm(FACTORY_PASSWORD, accessToken)).body)).toBe('RATE_LIMITED');
    expect(code((await signIn(member.email, FACTORY_PASSWORD)).body)).toBe('RATE_LIMITED');

    // The block's start is audited as sign-in's are (once), naming the session that guessed.
    const [burst] = await bursts(member.id);
    expect(burst).toMatchObject({ actorId: member.id, targetId: member.id });
    expect(JSON.parse(burst.data)).toMatchObject({ blockedFor: 'account', operation: 'confirmPassword' });
    expect(await bursts(member.id)).toHaveLength(1);
    // Still signed in: only the check is blocked.
    expect(code((await api.graphql('{ me { id } }', {}, accessToken)).body)).toBeUndefined();
  });

  it('should count every attempt, aliases buying none, and start again after the right password', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = await openSession(api.dataSource, member, api.config.auth);
    const aliased = (round: number) =>
      `mutation { ${[0, 1, 2].map((i) => `a${i}: confirmPassword(password: "wrong ${round}.${i}")`).join(' ')} }`;

    // The first failure ends the request (mutations run one after another): one counted failure per request.
    for (let round = 1; round < max; round += 1) {
      const response = await api.graphql(aliased(round), {}, accessToken);
      expect(
        response.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code),
      ).toEqual(['BAD_USER_INPUT']);
    }
    expect((await confirm(FACTORY_PASSWORD, accessToken)).body.data).toEqual({ confirmPassword: true });
    for (let attempt = 1; attempt < max; attempt += 1) {
      expect(code((await confirm(`wrong ${attempt}`, accessToken)).body)).toBe('BAD_USER_INPUT');
    }
    expect((await confirm(FACTORY_PASSWORD, accessToken)).body.data).toEqual({ confirmPassword: true });
    expect(await bursts(member.id)).toEqual([]);
  });
});

describe('confirmPassword in a real server process (SQLite)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('should keep right, wrong and too long passwords out of the logs (trace level, SQL on)', async () => {
    const right = newCanary();
    const wrong = newCanary();
    const long = newCanary().repeat(9);
    const dataSource = await connectDataSource(database.config);
    let token: string;
    try {
      const member = await createMember(dataSource, { passwordHash: await passwordHashOf(right) });
      token = (await openSession(dataSource, member)).accessToken;
    } finally {
      await dataSource.destroy();
    }

    const api = startNode(API_MAIN, {
      ...database.env,
      PORT: '0',
      NODE_ENV: 'development',
      DB_SEED_ON_BOOT: 'false',
      LOG_LEVEL: 'trace',
      DB_LOGGING: 'true',
    });
    const answers: string[] = [];
    try {
      const [, url] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
      for (const password of [right, wrong, long]) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({ query: CONFIRM, variables: { password } }),
        });
        answers.push(await response.text());
      }
    } finally {
      api.child.kill('SIGTERM');
    }
    const { stdout, stderr } = await api.finished;

    expect(answers.map((answer) => code(JSON.parse(answer) as Body) ?? 'OK')).toEqual([
      'OK',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect(stdout.length).toBeGreaterThan(1000); // trace logging really ran
    for (const canary of [right, wrong, long.slice(0, 32)]) {
      expect(findCanary(stdout + stderr, canary)).toEqual([]);
      expect(findCanary(answers.join('\n'), canary)).toEqual([]);
    }
    expect(answers.join('\n')).not.toMatch(STACK_LINE);
  });
});
