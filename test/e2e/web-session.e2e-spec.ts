import request from 'supertest';
import { IsNull } from 'typeorm';
import {
  AuditEntryEntity,
  IdentityEvents,
  MemberEntity,
  MemberStatus,
  SessionEntity,
  type SessionsRevokedEvent,
} from '@app/identity';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';
import { totpCode } from '../utils/totp';

const COOKIE = 'counterpart_refresh';
const ALLOWED_ORIGIN = 'https://counterpart.example';
const ME = '{ me { id locale } }';

interface Answer {
  status: number;
  text: string;
  body: {
    accessToken?: string;
    expiresAt?: string;
    member?: Record<string, unknown>;
    ok?: boolean;
    errors?: { message: string; extensions: { code: string; fields?: unknown } }[];
  };
  headers: Record<string, string | string[] | undefined>;
}

interface SetCookie {
  value: string;
  attributes: string[];
}

interface PostOptions {
  cookie?: string;
  body?: Record<string, unknown>;
  origin?: string;
  host?: string;
  bearer?: string;
  /** A raw body with its own content type (a form, text/plain); JSON otherwise. */
  raw?: { contentType: string; body: string };
}

/** The refresh cookie a response sets (or clears: value ''), with its attributes in lower case. */
function refreshCookieOf(response: Answer): SetCookie | undefined {
  const header = response.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const line = lines.find((candidate) => candidate.startsWith(`${COOKIE}=`));
  if (!line) {
    return undefined;
  }
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair.slice(COOKIE.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

function cleared(cookie: SetCookie | undefined): boolean {
  return (
    cookie !== undefined &&
    cookie.value === '' &&
    cookie.attributes.includes('path=/auth') &&
    cookie.attributes.some((a) => a.startsWith('expires=') && new Date(a.slice(8)).getTime() <= Date.now())
  );
}

describe('browser sessions over HTTP (/auth)', () => {
  let api: TestApp;
  /** Every answer of an /auth route, to check that no refresh token ever appears in a body. */
  const answers: Answer[] = [];
  const issued = new Set<string>();
  const revocations: SessionsRevokedEvent[] = [];

  beforeAll(async () => {
    api = await createTestApp({ env: { CHAT_ALLOWED_ORIGINS: ALLOWED_ORIGIN } });
    api.app.get(IdentityEvents).onSessionsRevoked((event) => revocations.push(event));
  });

  afterAll(() => api.close());

  async function post(path: string, options: PostOptions = {}): Promise<Answer> {
    let req = request(api.app.getHttpServer()).post(path);
    if (options.host) {
      req = req.set('Host', options.host);
    }
    if (options.origin) {
      req = req.set('Origin', options.origin);
    }
    if (options.cookie !== undefined) {
      req = req.set('Cookie', `theme=dark; ${COOKIE}=${options.cookie}`);
    }
    if (options.bearer) {
      req = req.set('Authorization', `Bearer ${options.bearer}`);
    }
    const response = options.raw
      ? await req.set('Content-Type', options.raw.contentType).send(options.raw.body)
      : await req.set('Content-Type', 'application/json').send(JSON.stringify(options.body ?? {}));
    const answer: Answer = {
      status: response.status,
      text: response.text,
      body: response.body as Answer['body'],
      headers: response.headers,
    };
    answers.push(answer);
    const cookie = refreshCookieOf(answer);
    if (cookie?.value) {
      issued.add(cookie.value);
    }
    return answer;
  }

  const signIn = (email: string, extra: Record<string, unknown> = {}, options: PostOptions = {}) =>
    post('/auth/sign-in', { ...options, body: { email, password: FACTORY_PASSWORD, ...extra } });

  const openSessions = (memberId: string) =>
    api.dataSource.getRepository(SessionEntity).countBy({ memberId, revokedAt: IsNull() });

  const sessionsOf = (memberId: string) => api.dataSource.getRepository(SessionEntity).findBy({ memberId });

  const graphqlCode = async (token: string) => {
    const response = await api.graphql(ME, {}, token);
    return (
      (response.body as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code ?? 'OK'
    );
  };

  const sessionAudits = (memberId: string) =>
    api.dataSource.getRepository(AuditEntryEntity).findBy({ action: 'SESSION_REVOKED', targetId: memberId });

  it('should sign in: the access token and the member in the body, the refresh token in an HttpOnly cookie', async () => {
    const member = await createMember(api.dataSource);
    const answer = await signIn(member.email, { deviceLabel: 'Firefox on a laptop' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['accessToken', 'expiresAt', 'member']);
    expect(answer.body.member).toEqual({ id: member.id, role: 'MEMBER', status: 'VETTED', locale: 'en' });
    expect(new Date(answer.body.expiresAt!).getTime()).toBeGreaterThan(Date.now());
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(await graphqlCode(answer.body.accessToken!)).toBe('OK');

    const cookie = refreshCookieOf(answer)!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ttl = api.config.auth.refreshTokenTtlDays * 24 * 3600;
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth', `max-age=${ttl}`]),
    );
    // Plain HTTP on 127.0.0.1 (a secure context for browsers): no Secure, or the browser would drop the cookie.
    expect(cookie.attributes).not.toContain('secure');
    const [session] = await sessionsOf(member.id);
    expect(session.deviceLabel).toBe('Firefox on a laptop');
  });

  it('should mark the cookie Secure for any host but localhost, 127.0.0.1 and ::1', async () => {
    const member = await createMember(api.dataSource);
    for (const host of ['counterpart.example', 'counterpart.example:8443', '10.0.0.7']) {
      const answer = await signIn(member.email, {}, { host });
      expect(answer.status).toBe(200);
      expect(refreshCookieOf(answer)!.attributes).toContain('secure');
    }
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000']) {
      const answer = await signIn(member.email, {}, { host });
      expect(answer.status).toBe(200);
      expect(refreshCookieOf(answer)!.attributes).not.toContain('secure');
    }
    const refreshed = await post('/auth/refresh', {
      host: 'counterpart.example',
      cookie: refreshCookieOf(await signIn(member.email))!.value,
    });
    expect(refreshCookieOf(refreshed)!.attributes).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/auth']),
    );
  });

  it('should refresh with the cookie alone: a new access token and a rotated cookie', async () => {
    const member = await createMember(api.dataSource);
    const first = refreshCookieOf(await signIn(member.email))!.value;
    const answer = await post('/auth/refresh', { cookie: first });
    expect(answer.status).toBe(200);
    expect(answer.body.member).toEqual({ id: member.id, role: 'MEMBER', status: 'VETTED', locale: 'en' });
    expect(await graphqlCode(answer.body.accessToken!)).toBe('OK');
    const second = refreshCookieOf(answer)!;
    expect(second.value).not.toBe(first);
    expect(second.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth']));
    const third = await post('/auth/refresh', { cookie: second.value });
    expect(third.status).toBe(200);
    expect(await openSessions(member.id)).toBe(1);
  });

  it('should answer a missing, unknown or ended session with 401 and clear the cookie', async () => {
    const missing = await post('/auth/refresh');
    expect(missing.status).toBe(401);
    expect(missing.body.errors).toEqual([
      { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(cleared(refreshCookieOf(missing))).toBe(true);

    const unknown = await post('/auth/refresh', { cookie: 'A'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(cleared(refreshCookieOf(unknown))).toBe(true);

    const member = await createMember(api.dataSource);
    const cookie = refreshCookieOf(await signIn(member.email))!.value;
    await api.dataSource
      .getRepository(SessionEntity)
      .update({ memberId: member.id }, { expiresAt: new Date(1000) });
    const expired = await post('/auth/refresh', { cookie });
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(cleared(refreshCookieOf(expired))).toBe(true);
  });

  it('should refuse a suspended member’s refresh', async () => {
    const member = await createMember(api.dataSource);
    const cookie = refreshCookieOf(await signIn(member.email))!.value;
    await api.dataSource
      .getRepository(MemberEntity)
      .update({ id: member.id }, { status: MemberStatus.SUSPENDED });
    const answer = await post('/auth/refresh', { cookie });
    expect(answer.status).toBe(401);
    expect(cleared(refreshCookieOf(answer))).toBe(true);
  });

  it('should sign out this browser only: its session ends, the cookie is cleared, others stay open', async () => {
    const member = await createMember(api.dataSource);
    const laptop = await signIn(member.email, { deviceLabel: 'laptop' });
    const phone = await signIn(member.email, { deviceLabel: 'phone' });
    revocations.length = 0;

    const answer = await post('/auth/sign-out', { cookie: refreshCookieOf(laptop)!.value });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
    expect(cleared(refreshCookieOf(answer))).toBe(true);

    expect(await graphqlCode(laptop.body.accessToken!)).toBe('UNAUTHENTICATED');
    expect((await post('/auth/refresh', { cookie: refreshCookieOf(laptop)!.value })).status).toBe(401);
    expect(await graphqlCode(phone.body.accessToken!)).toBe('OK');
    expect((await post('/auth/refresh', { cookie: refreshCookieOf(phone)!.value })).status).toBe(200);

    const sessions = await sessionsOf(member.id);
    const ended = sessions.find((s) => s.deviceLabel === 'laptop')!;
    expect(ended.revokedReason).toBe('SIGNED_OUT');
    expect(sessions.find((s) => s.deviceLabel === 'phone')!.revokedAt).toBeNull();
    const audits = await sessionAudits(member.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: member.id, reason: 'SIGNED_OUT' });
    expect(JSON.parse(audits[0].data)).toEqual({ sessions: [ended.id], count: 1 });
    expect(revocations).toEqual([{ memberId: member.id, sessionId: ended.id, reason: 'SIGNED_OUT' }]);
  });

  it('should sign out with the Bearer access token when the browser has no cookie', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken, sessionId } = await openSession(api.dataSource, member, api.config.auth);
    const answer = await post('/auth/sign-out', { bearer: accessToken });
    expect(answer.status).toBe(200);
    expect(cleared(refreshCookieOf(answer))).toBe(true);
    const [session] = await sessionsOf(member.id);
    expect(session).toMatchObject({ id: sessionId, revokedReason: 'SIGNED_OUT' });
    expect(await graphqlCode(accessToken)).toBe('UNAUTHENTICATED');
  });

  it('should sign out everywhere: every session of the member ends, other members’ stay open', async () => {
    const member = await createMember(api.dataSource);
    const other = await createMember(api.dataSource);
    const laptop = await signIn(member.email);
    const phone = await signIn(member.email);
    const elsewhere = await openSession(api.dataSource, member, api.config.auth);
    const bystander = await signIn(other.email);
    revocations.length = 0;

    const answer = await post('/auth/sign-out', {
      cookie: refreshCookieOf(laptop)!.value,
      body: { everywhere: true },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
    expect(cleared(refreshCookieOf(answer))).toBe(true);

    for (const token of [laptop.body.accessToken!, phone.body.accessToken!, elsewhere.accessToken]) {
      expect(await graphqlCode(token)).toBe('UNAUTHENTICATED');
    }
    expect((await post('/auth/refresh', { cookie: refreshCookieOf(phone)!.value })).status).toBe(401);
    expect(await openSessions(member.id)).toBe(0);
    expect(await graphqlCode(bystander.body.accessToken!)).toBe('OK');

    const audits = await sessionAudits(member.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: member.id, reason: 'SIGNED_OUT_EVERYWHERE' });
    expect(JSON.parse(audits[0].data)).toEqual({ sessions: 'all', count: 3 });
    expect(revocations).toEqual([{ memberId: member.id, reason: 'SIGNED_OUT_EVERYWHERE' }]);
  });

  it('should answer a sign-out without a session with 401 and still clear the cookie', async () => {
    const none = await post('/auth/sign-out');
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(cleared(refreshCookieOf(none))).toBe(true);

    const member = await createMember(api.dataSource);
    const cookie = refreshCookieOf(await signIn(member.email))!.value;
    expect((await post('/auth/sign-out', { cookie })).status).toBe(200);
    const again = await post('/auth/sign-out', { cookie, body: { everywhere: true } });
    expect(again.status).toBe(401);
    expect(cleared(refreshCookieOf(again))).toBe(true);
    expect(await sessionAudits(member.id)).toHaveLength(1);
  });

  it('should refuse another origin with 403 and change nothing', async () => {
    const member = await createMember(api.dataSource);
    const evil = 'https://evil.example';
    const refused = await signIn(member.email, {}, { origin: evil });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }]);
    expect(refreshCookieOf(refused)).toBeUndefined();
    expect(await sessionsOf(member.id)).toHaveLength(0);

    const allowed = await signIn(member.email, {}, { origin: ALLOWED_ORIGIN });
    expect(allowed.status).toBe(200);
    const cookie = refreshCookieOf(allowed)!.value;

    const refresh = await post('/auth/refresh', { cookie, origin: evil });
    expect(refresh.status).toBe(403);
    expect(refreshCookieOf(refresh)).toBeUndefined();
    const signOut = await post('/auth/sign-out', { cookie, origin: evil, body: { everywhere: true } });
    expect(signOut.status).toBe(403);
    expect(refreshCookieOf(signOut)).toBeUndefined();
    expect(await openSessions(member.id)).toBe(1);
    expect(await sessionAudits(member.id)).toHaveLength(0);
    // The cookie was neither rotated nor revoked: it still refreshes, once.
    expect((await post('/auth/refresh', { cookie, origin: ALLOWED_ORIGIN })).status).toBe(200);
  });

  it('should refuse a form or text body with 400 BAD_REQUEST and change nothing', async () => {
    const member = await createMember(api.dataSource);
    const form = `email=${encodeURIComponent(member.email)}&password=${encodeURIComponent(FACTORY_PASSWORD)}`;
    for (const contentType of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const refused = await post('/auth/sign-in', { raw: { contentType, body: form } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { message: expect.any(String), extensions: { code: 'BAD_REQUEST' } },
      ]);
      expect(refreshCookieOf(refused)).toBeUndefined();
    }
    expect(await sessionsOf(member.id)).toHaveLength(0);

    const cookie = refreshCookieOf(await signIn(member.email))!.value;
    const textRefresh = await post('/auth/refresh', { cookie, raw: { contentType: 'text/plain', body: '' } });
    expect(textRefresh.status).toBe(400);
    const formSignOut = await post('/auth/sign-out', {
      cookie,
      raw: { contentType: 'application/x-www-form-urlencoded', body: 'everywhere=true' },
    });
    expect(formSignOut.status).toBe(400);
    expect(refreshCookieOf(formSignOut)).toBeUndefined();
    expect(await openSessions(member.id)).toBe(1);
    expect((await post('/auth/refresh', { cookie })).status).toBe(200);
  });

  it('should answer a wrong password with 401 in the error shape, exactly like an unknown e-mail', async () => {
    const member = await createMember(api.dataSource);
    const wrong = await post('/auth/sign-in', {
      body: { email: member.email, password: 'not the password at all' },
    });
    const unknown = await post('/auth/sign-in', {
      body: { email: `nobody.${Date.now()}@nowhere.test`, password: 'not the password at all' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      errors: [{ message: 'Invalid e-mail or password.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(refreshCookieOf(wrong)).toBeUndefined();
    expect(wrong.text).not.toMatch(/at .*\.ts|stack|Error:/);
  });

  it('should validate the sign-in body field by field (400 BAD_USER_INPUT with fields)', async () => {
    const answer = await post('/auth/sign-in', { body: { email: 'not an e-mail', extra: 1 } });
    expect(answer.status).toBe(400);
    const [error] = answer.body.errors!;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    // A list of { path, code, message }: the client translates the code.
    expect(error.extensions.fields).toEqual(
      expect.arrayContaining([
        { path: 'extra', code: 'NOT_ALLOWED', message: 'property extra should not exist' },
        { path: 'email', code: 'INVALID_EMAIL', message: 'email must be an email' },
        { path: 'password', code: 'REQUIRED', message: 'password is required' },
      ]),
    );
    expect(error.extensions.fields).toHaveLength(3);

    const signOut = await post('/auth/sign-out', { body: { everywhere: 'yes' } });
    expect(signOut.status).toBe(400);
    expect(signOut.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refreshCookieOf(signOut)).toBeUndefined();

    const notJson = await post('/auth/sign-in', {
      raw: { contentType: 'application/json', body: '{"email":' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');

    // Never transformed: an array, or a key every object inherits (class-transformer would drop it silently).
    for (const [body, field] of [
      ['[1,2]', { path: 'body', code: 'INVALID' }],
      [
        '{"email":"a@b.test","password":"x","__proto__":{"admin":true}}',
        { path: '__proto__', code: 'NOT_ALLOWED' },
      ],
      ['{"constructor":1}', { path: 'constructor', code: 'NOT_ALLOWED' }],
    ] as const) {
      const hostile = await post('/auth/sign-in', { raw: { contentType: 'application/json', body } });
      expect(hostile.status).toBe(400);
      expect(hostile.body.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ ...field, message: expect.any(String) }],
      });
    }
  });

  it('should block repeated failures with 429 RATE_LIMITED, as GraphQL signIn does', async () => {
    const member = await createMember(api.dataSource);
    for (let attempt = 0; attempt < api.config.auth.throttle.maxFailuresPerAccount; attempt += 1) {
      const failed = await post('/auth/sign-in', {
        body: { email: member.email, password: `wrong ${attempt}` },
      });
      expect(failed.status).toBe(401);
    }
    const blocked = await signIn(member.email);
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(refreshCookieOf(blocked)).toBeUndefined();
  });

  it('should require the second factor when it is enabled (401 UNAUTHENTICATED, fields.totp)', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = await openSession(api.dataSource, member, api.config.auth);
    const begun = await api.graphql('mutation { beginTotpEnrollment { secret } }', {}, accessToken);
    const secret = (begun.body as { data: { beginTotpEnrollment: { secret: string } } }).data
      .beginTotpEnrollment.secret;
    await api.graphql(
      'mutation($c: String!) { confirmTotpEnrollment(code: $c) }',
      { c: totpCode(secret) },
      accessToken,
    );

    const missing = await signIn(member.email);
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      fields: [
        { path: 'totp', code: 'REQUIRED', message: 'a two-factor code or a recovery code is required' },
      ],
    });
    expect(refreshCookieOf(missing)).toBeUndefined();

    const wrongCode = await signIn(member.email, { totp: totpCode(secret, -4) });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });

    const withCode = await signIn(member.email, { totp: totpCode(secret, 1) });
    expect(withCode.status).toBe(200);
    expect(refreshCookieOf(withCode)!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('should refuse members who may not sign in (403 FORBIDDEN)', async () => {
    const member = await createMember(api.dataSource, { status: MemberStatus.SUSPENDED });
    const answer = await signIn(member.email);
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(refreshCookieOf(answer)).toBeUndefined();
  });

  it('should let any signed-in member set their language, pending applicants included', async () => {
    const applicant = await createMember(api.dataSource, {
      status: MemberStatus.PENDING,
      vettedAt: null,
      vettedUntil: null,
    });
    const signedIn = await signIn(applicant.email);
    const token = signedIn.body.accessToken!;
    expect(signedIn.body.member).toMatchObject({ status: 'PENDING', locale: 'en' });

    const SET = 'mutation($l: Locale!) { setMyLocale(locale: $l) { id locale status } }';
    const set = await api.graphql(SET, { l: 'ru' }, token);
    expect(set.body).toEqual({
      data: { setMyLocale: { id: applicant.id, locale: 'ru', status: 'PENDING' } },
    });
    expect((await api.graphql(ME, {}, token)).body.data.me).toEqual({ id: applicant.id, locale: 'ru' });
    const refreshed = await post('/auth/refresh', { cookie: refreshCookieOf(signedIn)!.value });
    expect(refreshed.body.member).toMatchObject({ id: applicant.id, locale: 'ru' });

    const unknown = await api.graphql(SET, { l: 'fr' }, token);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const inline = await api.graphql('mutation { setMyLocale(locale: de) { locale } }', {}, token);
    expect(inline.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const anonymous = await api.graphql(SET, { l: 'en' });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.graphql(ME, {}, token)).body.data.me.locale).toBe('ru');

    expect((await api.graphql(SET, { l: 'en' }, token)).body.data.setMyLocale.locale).toBe('en');
  });

  it('should never put a refresh token in any response body of the /auth routes', () => {
    expect(issued.size).toBeGreaterThan(10);
    expect(answers.length).toBeGreaterThan(40);
    for (const answer of answers) {
      for (const token of issued) {
        expect(answer.text).not.toContain(token);
      }
      expect(answer.text).not.toMatch(/refreshToken/);
      expect(answer.text).not.toMatch(/\bat .+:\d+:\d+\)/);
    }
  });
});
