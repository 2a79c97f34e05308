import { createHash } from 'node:crypto';
import request from 'supertest';
import { IsNull } from 'typeorm';
import { loadConfiguration } from '@app/config';
import {
  AuditEntryEntity,
  IdentityEvents,
  RefreshTokenEntity,
  SessionEntity,
  type SessionsRevokedEvent,
} from '@app/identity';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';

const COOKIE = 'counterpart_refresh';
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;

interface Answer {
  status: number;
  body: { accessToken?: string; errors?: { extensions: { code: string } }[] };
  cookie: string | undefined;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

function cookieOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const line = lines.find((candidate) => candidate.startsWith(`${COOKIE}=`));
  return line?.split(';')[0].slice(COOKIE.length + 1);
}

/** Helpers bound to one app: the HTTP routes, the database rows they change, the revocations they publish. */
function sessionsOn(api: () => TestApp) {
  const revocations: SessionsRevokedEvent[] = [];
  const post = async (path: string, cookie?: string): Promise<Answer> => {
    const req = request(api().app.getHttpServer()).post(path).set('Content-Type', 'application/json');
    if (cookie !== undefined) {
      void req.set('Cookie', `${COOKIE}=${cookie}`);
    }
    const response = await req.send('{}');
    return {
      status: response.status,
      body: response.body as Answer['body'],
      cookie: cookieOf(response.headers),
    };
  };
  const signIn = async (email: string): Promise<Answer> => {
    const response = await request(api().app.getHttpServer())
      .post('/auth/sign-in')
      .send({ email, password: FACTORY_PASSWORD });
    return {
      status: response.status,
      body: response.body as Answer['body'],
      cookie: cookieOf(response.headers),
    };
  };
  const meCode = async (token: string | undefined) => {
    const response = await api().graphql('{ me { id } }', {}, token);
    return (
      (response.body as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code ?? 'OK'
    );
  };
  /** Moves a token's rotation `seconds` into the past: the grace window passes without waiting. */
  const rotatedAgo = (token: string, seconds: number) =>
    api()
      .dataSource.getRepository(RefreshTokenEntity)
      .update({ tokenHash: sha256(token) }, { rotatedAt: new Date(Date.now() - seconds * 1000) });
  const session = async (memberId: string) =>
    api().dataSource.getRepository(SessionEntity).findOneByOrFail({ memberId });
  const reuseAudits = (memberId: string) =>
    api()
      .dataSource.getRepository(AuditEntryEntity)
      .findBy({ action: 'SESSION_REVOKED', targetId: memberId, reason: 'REFRESH_REUSE' });
  const listen = () =>
    api()
      .app.get(IdentityEvents)
      .onSessionsRevoked((event) => revocations.push(event));
  return { post, signIn, meCode, rotatedAgo, session, reuseAudits, revocations, listen };
}

describe('refresh grace window (REFRESH_REUSE_GRACE_SECONDS, default 10)', () => {
  let api: TestApp;
  const s = sessionsOn(() => api);

  beforeAll(async () => {
    api = await createTestApp();
    s.listen();
  });

  afterAll(() => api.close());

  it('should default to 10 seconds', () => {
    expect(api.config.auth.refreshReuseGraceSeconds).toBe(10);
  });

  it('should answer two concurrent refreshes with the same cookie both, with one successor, and keep the session', async () => {
    const member = await createMember(api.dataSource);
    const first = (await s.signIn(member.email)).cookie!;
    const [a, b] = await Promise.all([s.post('/auth/refresh', first), s.post('/auth/refresh', first)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.cookie).toBeDefined();
    expect(a.cookie).not.toBe(first);
    expect(b.cookie).toBe(a.cookie);
    expect(await s.meCode(a.body.accessToken)).toBe('OK');
    expect(await s.meCode(b.body.accessToken)).toBe('OK');

    expect((await s.session(member.id)).revokedAt).toBeNull();
    // One successor row, still unrotated: the next refresh (from either tab) rotates it normally.
    const tokens = await api.dataSource.getRepository(RefreshTokenEntity).findBy({
      sessionId: (await s.session(member.id)).id,
    });
    expect(tokens).toHaveLength(2);
    expect(tokens.filter((token) => token.rotatedAt === null).map((token) => token.tokenHash)).toEqual([
      sha256(a.cookie!),
    ]);
    const next = await s.post('/auth/refresh', a.cookie);
    expect(next.status).toBe(200);
    expect(next.cookie).not.toBe(a.cookie);
    expect(await s.reuseAudits(member.id)).toHaveLength(0);
  });

  it('should keep the session through many tabs refreshing at once', async () => {
    const member = await createMember(api.dataSource);
    const first = (await s.signIn(member.email)).cookie!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.post('/auth/refresh', first)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.cookie)).size).toBe(1);
    expect((await s.session(member.id)).revokedAt).toBeNull();
  });

  it('should recover a dropped refresh answer: the old cookie again within the window gets the successor', async () => {
    const member = await createMember(api.dataSource);
    const first = (await s.signIn(member.email)).cookie!;
    const lost = await s.post('/auth/refresh', first); // the browser never saw this answer
    expect(lost.status).toBe(200);
    const retried = await s.post('/auth/refresh', first);
    expect(retried.status).toBe(200);
    expect(retried.cookie).toBe(lost.cookie);
    expect(await s.meCode(retried.body.accessToken)).toBe('OK');

    // The recovered cookie works as any other: it rotates, and the chain goes on.
    const next = await s.post('/auth/refresh', retried.cookie);
    expect(next.status).toBe(200);
    expect(next.cookie).not.toBe(retried.cookie);
    // A late replay of the first cookie follows the chain to its current end.
    const late = await s.post('/auth/refresh', first);
    expect(late.status).toBe(200);
    expect(late.cookie).toBe(next.cookie);
    expect((await s.session(member.id)).revokedAt).toBeNull();
  });

  it('should end the session when a rotated token is replayed after the window (reuse)', async () => {
    const member = await createMember(api.dataSource);
    const first = (await s.signIn(member.email)).cookie!;
    const second = await s.post('/auth/refresh', first);
    expect(second.status).toBe(200);
    await s.rotatedAgo(first, api.config.auth.refreshReuseGraceSeconds + 1);
    s.revocations.length = 0;

    const replay = await s.post('/auth/refresh', first);
    expect(replay.status).toBe(401);
    expect(replay.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(replay.cookie).toBe('');

    const ended = await s.session(member.id);
    expect(ended.revokedReason).toBe('REFRESH_REUSE');
    // Every token of the session dies with it: the newest cookie and the newest access token.
    expect((await s.post('/auth/refresh', second.cookie)).status).toBe(401);
    expect(await s.meCode(second.body.accessToken)).toBe('UNAUTHENTICATED');
    const audits = await s.reuseAudits(member.id);
    expect(audits).toHaveLength(1);
    expect(audits[0].actorId).toBeNull();
    expect(s.revocations).toEqual([{ memberId: member.id, sessionId: ended.id, reason: 'REFRESH_REUSE' }]);
  });

  it('should treat a replay as reuse when the chain left the window or is longer than a few steps', async () => {
    const member = await createMember(api.dataSource);
    let cookie = (await s.signIn(member.email)).cookie!;
    const first = cookie;
    for (let step = 0; step < 6; step += 1) {
      const answer = await s.post('/auth/refresh', cookie);
      expect(answer.status).toBe(200);
      cookie = answer.cookie!;
    }
    // Six rotations within seconds of each other: the first token is more than the bounded walk behind.
    const replay = await s.post('/auth/refresh', first);
    expect(replay.status).toBe(401);
    expect((await s.session(member.id)).revokedReason).toBe('REFRESH_REUSE');
  });

  it('should apply the same window to GraphQL refreshSession', async () => {
    const member = await createMember(api.dataSource);
    const signedIn = await api.graphql(SIGN_IN, {
      input: { email: member.email, password: FACTORY_PASSWORD },
    });
    const token = (signedIn.body as { data: { signIn: { refreshToken: string } } }).data.signIn.refreshToken;
    const [a, b] = await Promise.all([
      api.graphql(REFRESH, { t: token }),
      api.graphql(REFRESH, { t: token }),
    ]);
    const answers = [a, b].map(
      (response) =>
        (response.body as { data: { refreshSession: { accessToken: string; refreshToken: string } } }).data
          .refreshSession,
    );
    expect(answers[0].refreshToken).toBe(answers[1].refreshToken);
    expect(answers[0].refreshToken).not.toBe(token);
    expect(await s.meCode(answers[1].accessToken)).toBe('OK');

    await s.rotatedAgo(token, 60);
    const replay = await api.graphql(REFRESH, { t: token });
    expect((replay.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await s.session(member.id)).revokedReason).toBe('REFRESH_REUSE');
  });

  it('should store no token in plaintext: only SHA-256 hashes, the successor included', async () => {
    const member = await createMember(api.dataSource);
    const first = (await s.signIn(member.email)).cookie!;
    const second = (await s.post('/auth/refresh', first)).cookie!;
    const rows = await api.dataSource.getRepository(RefreshTokenEntity).findBy({
      sessionId: (await s.session(member.id)).id,
    });
    expect(rows.map((row) => row.tokenHash).sort()).toEqual([sha256(first), sha256(second)].sort());
    const dump = JSON.stringify(await api.dataSource.query('SELECT * FROM refresh_token'));
    expect(dump).not.toContain(first);
    expect(dump).not.toContain(second);
  });
});

describe('refresh grace window switched off (REFRESH_REUSE_GRACE_SECONDS=0)', () => {
  let api: TestApp;
  const s = sessionsOn(() => api);

  beforeAll(async () => {
    api = await createTestApp({ env: { REFRESH_REUSE_GRACE_SECONDS: '0' } });
  });

  afterAll(() => api.close());

  it('should treat any replay as reuse at once', async () => {
    const member = await createMember(api.dataSource);
    const first = (await s.signIn(member.email)).cookie!;
    expect((await s.post('/auth/refresh', first)).status).toBe(200);
    expect((await s.post('/auth/refresh', first)).status).toBe(401);
    expect((await s.session(member.id)).revokedReason).toBe('REFRESH_REUSE');
    const open = await api.dataSource
      .getRepository(SessionEntity)
      .countBy({ memberId: member.id, revokedAt: IsNull() });
    expect(open).toBe(0);
  });
});

describe('REFRESH_REUSE_GRACE_SECONDS validation', () => {
  it.each(['-1', '61', '2.5', 'ten'])('should refuse %s at boot, naming the variable', (value) => {
    expect(() => loadConfiguration({ REFRESH_REUSE_GRACE_SECONDS: value })).toThrow(
      /REFRESH_REUSE_GRACE_SECONDS/,
    );
  });

  it('should accept 0 to 60', () => {
    expect(loadConfiguration({ REFRESH_REUSE_GRACE_SECONDS: '0' }).auth.refreshReuseGraceSeconds).toBe(0);
    expect(loadConfiguration({ REFRESH_REUSE_GRACE_SECONDS: '60' }).auth.refreshReuseGraceSeconds).toBe(60);
    expect(loadConfiguration({}).auth.refreshReuseGraceSeconds).toBe(10);
  });
});
