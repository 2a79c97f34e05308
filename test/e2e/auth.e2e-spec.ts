import { createHash } from 'node:crypto';
import { MemberEntity, MemberRole, MemberStatus, RefreshTokenEntity } from '@app/identity';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createTarget } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';
import { totpCode } from '../utils/totp';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken member { id } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const APPLY = `mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id status } }`;

function application(overrides: Record<string, unknown> = {}) {
  return {
    email: `applicant.${Math.random().toString(36).slice(2)}@police.kg.test`,
    password: 'correct horse battery',
    displayName: 'Aibek Asanov',
    nativeName: 'Айбек Асанов',
    country: 'KG',
    agencyName: 'Ministry of Internal Affairs',
    agencyType: 'POLICE',
    languages: [{ code: 'ky', level: 'NATIVE' }],
    expertise: ['SOM_LAND'],
    competences: ['INTERPOL_CHANNELS'],
    ...overrides,
  };
}

describe('authentication and sessions', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  const signIn = (email: string, password = FACTORY_PASSWORD, extra: Record<string, unknown> = {}) =>
    api.graphql(SIGN_IN, { input: { email, password, ...extra } });
  const code = (response: { body: { errors?: { extensions: { code: string } }[] } }) =>
    response.body.errors?.[0].extensions.code;

  it('should answer an unknown e-mail exactly like a wrong password', async () => {
    const member = await createMember(api.dataSource);
    const wrong = await signIn(member.email, 'not the password at all');
    const unknown = await signIn(`nobody.${Date.now()}@nowhere.test`, 'not the password at all');
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors[0]).toEqual(wrong.body.errors[0]);
  });

  it('should rotate refresh tokens and end the whole session when an old one is replayed', async () => {
    const member = await createMember(api.dataSource);
    const first = (await signIn(member.email)).body.data.signIn;
    const second = (await api.graphql(REFRESH, { t: first.refreshToken })).body.data.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(code(await api.graphql('{ me { id } }', {}, second.accessToken))).toBeUndefined();

    // The first token again, after the grace window (REFRESH_REUSE_GRACE_SECONDS): theft is assumed, the session
    // ends, the newest tokens die with it. Within the window it would get its successor (web-session-grace spec).
    await api.dataSource
      .getRepository(RefreshTokenEntity)
      .update(
        { tokenHash: createHash('sha256').update(first.refreshToken).digest('hex') },
        { rotatedAt: new Date(Date.now() - (api.config.auth.refreshReuseGraceSeconds + 1) * 1000) },
      );
    expect(code(await api.graphql(REFRESH, { t: first.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await api.graphql(REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await api.graphql('{ me { id } }', {}, second.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('should sign out one session and leave the others open', async () => {
    const member = await createMember(api.dataSource);
    const laptop = (await signIn(member.email, FACTORY_PASSWORD, { deviceLabel: 'laptop' })).body.data.signIn;
    const phone = (await signIn(member.email, FACTORY_PASSWORD, { deviceLabel: 'phone' })).body.data.signIn;
    const sessions = (await api.graphql('{ sessions { id deviceLabel current } }', {}, phone.accessToken))
      .body.data.sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s: { current: boolean }) => s.current).deviceLabel).toBe('phone');

    await api.graphql('mutation { signOut }', {}, laptop.accessToken);
    expect(code(await api.graphql('{ me { id } }', {}, laptop.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await api.graphql('{ me { id } }', {}, phone.accessToken))).toBeUndefined();
  });

  it('should never let a member revoke or list another member’s sessions (IDOR)', async () => {
    const alice = await createMember(api.dataSource);
    const bob = await createMember(api.dataSource);
    const aliceSession = await openSession(api.dataSource, alice, api.config.auth);
    const bobSession = await openSession(api.dataSource, bob, api.config.auth);

    const attempt = await api.graphql(
      'mutation($id: ID!) { revokeSession(id: $id) }',
      { id: bobSession.sessionId },
      aliceSession.accessToken,
    );
    expect(code(attempt)).toBe('NOT_FOUND');
    expect(code(await api.graphql('{ me { id } }', {}, bobSession.accessToken))).toBeUndefined();
    const listed = (await api.graphql('{ sessions { id } }', {}, aliceSession.accessToken)).body.data
      .sessions;
    expect(listed.map((s: { id: string }) => s.id)).toEqual([aliceSession.sessionId]);
  });

  it('should block an account after repeated failures, aliases included', async () => {
    const member = await createMember(api.dataSource);
    const aliased = (round: number) =>
      `mutation { ${[0, 1, 2]
        .map(
          (i) =>
            `a${i}: signIn(input: { email: "${member.email}", password: "wrong ${round}.${i}" }) { accessToken }`,
        )
        .join('\n')} }`;
    // Mutations run one after another and the first failure ends the request, so aliases buy no extra attempts;
    // every attempt that runs is counted.
    for (let round = 0; round < 5; round += 1) {
      const response = await api.graphql(aliased(round));
      expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const blocked = await api.graphql(aliased(5));
    expect(code(blocked)).toBe('RATE_LIMITED');

    // Even the right password is refused while blocked, and the burst is audited.
    expect(code(await signIn(member.email))).toBe('RATE_LIMITED');
    const [{ count }] = await api.dataSource.query(
      `SELECT COUNT(*) AS count FROM audit_entry WHERE action = 'SIGN_IN_FAILURE_BURST' AND target_id = '${member.id}'`,
    );
    expect(Number(count)).toBe(1);
  });

  it('should accept a TOTP code once and refuse codes outside the window', async () => {
    const member = await createMember(api.dataSource);
    const { accessToken } = await openSession(api.dataSource, member, api.config.auth);
    const { secret } = (await api.graphql('mutation { beginTotpEnrollment { secret } }', {}, accessToken))
      .body.data.beginTotpEnrollment;
    const wrongConfirm = await api.graphql(
      'mutation($c: String!) { confirmTotpEnrollment(code: $c) }',
      { c: totpCode(secret, 5) },
      accessToken,
    );
    expect(wrongConfirm.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'code', code: 'INVALID_CODE', message: 'does not match' }],
    });
    await api.graphql(
      'mutation($c: String!) { confirmTotpEnrollment(code: $c) }',
      { c: totpCode(secret) },
      accessToken,
    );

    expect(code(await signIn(member.email, FACTORY_PASSWORD, { totp: totpCode(secret, -3) }))).toBe(
      'UNAUTHENTICATED',
    );
    const next = totpCode(secret, 1);
    expect(code(await signIn(member.email, FACTORY_PASSWORD, { totp: next }))).toBeUndefined();
    expect(code(await signIn(member.email, FACTORY_PASSWORD, { totp: next }))).toBe('UNAUTHENTICATED');
    const stored = await api.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: member.id });
    expect(stored.totpSecretEncrypted).not.toContain(secret);
    expect(stored.totpKeyId).toBe('t1');
  });

  it('should reset an account with a one-time code: new password, no two-factor, no sessions', async () => {
    const coordinator = await createMember(api.dataSource, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['UZ'],
    });
    const staff = await openSession(api.dataSource, coordinator, api.config.auth);
    const { member } = await createTarget(api, {
      totpEnabledAt: new Date(),
      totpSecretEncrypted: 'v1.t1.x.y.z',
    });
    const old = await openSession(api.dataSource, member, api.config.auth);

    const issued = await api.graphql(
      'mutation($input: MemberReasonInput!) { issueAccountReset(input: $input) { code expiresAt } }',
      { input: { memberId: member.id, reason: 'Lost phone, identity checked by video call' } },
      staff.accessToken,
    );
    const resetCode: string = issued.body.data.issueAccountReset.code;
    const reset = (newPassword: string) =>
      api.graphql('mutation($input: ResetAccountInput!) { resetAccount(input: $input) }', {
        input: { code: resetCode, newPassword },
      });
    expect((await reset('brand new passphrase')).body.data.resetAccount).toBe(true);
    expect(code(await reset('another new passphrase'))).toBe('BAD_USER_INPUT');

    expect(code(await api.graphql('{ me { id } }', {}, old.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await signIn(member.email))).toBe('UNAUTHENTICATED');
    const fresh = await signIn(member.email, 'brand new passphrase');
    expect(code(fresh)).toBeUndefined();
    const me = await api.graphql('{ me { totpEnabled } }', {}, fresh.body.data.signIn.accessToken);
    expect(me.body.data.me.totpEnabled).toBe(false);
  });

  it('should validate an application field by field and change nothing on error', async () => {
    const before = await api.dataSource.getRepository(MemberEntity).count();
    const response = await api.graphql(APPLY, {
      input: application({
        password: 'short',
        country: 'XX',
        languages: [{ code: 'zz', level: 'NATIVE' }],
        expertise: ['NOT_A_CODE'],
      }),
    });
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Shapes first (class-validator): only the password, with the policy's bound for the client to show.
    expect(response.body.errors[0].extensions.fields).toEqual([
      {
        path: 'password',
        code: 'TOO_SHORT',
        message: 'password must be longer than or equal to 12 characters',
        min: 12,
      },
    ]);

    const semantic = await api.graphql(APPLY, {
      input: application({
        country: 'XX',
        languages: [{ code: 'zz', level: 'NATIVE' }],
        expertise: ['NOT_A_CODE'],
      }),
    });
    expect(semantic.body.errors[0].extensions.fields).toEqual([
      { path: 'country', code: 'INVALID_COUNTRY', message: 'must be an ISO 3166-1 alpha-2 code' },
      { path: 'languages.0.code', code: 'INVALID_LANGUAGE', message: 'must be an ISO 639-1 code' },
      { path: 'expertise.0', code: 'INVALID_EXPERTISE', message: 'unknown expertise area: NOT_A_CODE' },
    ]);
    expect(await api.dataSource.getRepository(MemberEntity).count()).toBe(before);
  });

  it('should not reveal whether an e-mail is already registered when applying', async () => {
    const existing = await createMember(api.dataSource);
    const before = await api.dataSource.getRepository(MemberEntity).count();
    const response = await api.graphql(APPLY, { input: application({ email: existing.email }) });
    expect(response.body.data.applyForMembership).toEqual({ id: expect.any(String), status: 'PENDING' });
    expect(await api.dataSource.getRepository(MemberEntity).count()).toBe(before);
  });

  it('should refuse an invitation for another country, a used one and a made-up one', async () => {
    const coordinator = await createMember(api.dataSource, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['KG'],
    });
    const { accessToken } = await openSession(api.dataSource, coordinator, api.config.auth);
    const invite = async () =>
      (await api.graphql('mutation { createInvitation(input: { country: "KG" }) { code } }', {}, accessToken))
        .body.data.createInvitation.code as string;

    const forKg = await invite();
    expect(
      code(await api.graphql(APPLY, { input: application({ country: 'UZ', invitationCode: forKg }) })),
    ).toBe('BAD_USER_INPUT');
    expect(code(await api.graphql(APPLY, { input: application({ invitationCode: forKg }) }))).toBeUndefined();
    expect(code(await api.graphql(APPLY, { input: application({ invitationCode: forKg }) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      code(await api.graphql(APPLY, { input: application({ invitationCode: 'AAAA-BBBB-CCCC-DDDD' }) })),
    ).toBe('BAD_USER_INPUT');
  });

  it('should show coordinator-only contacts to staff and to nobody else', async () => {
    const { member: target } = await createTarget(api);
    const coordinator = await createMember(api.dataSource, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['KZ'],
    });
    const pending = await createMember(api.dataSource, { status: MemberStatus.PENDING, vettedUntil: null });
    const query = 'query($id: ID!) { practitioner(id: $id) { contacts { value visibility } } }';

    const staffView = await api.graphql(
      query,
      { id: target.id },
      (await openSession(api.dataSource, coordinator)).accessToken,
    );
    expect(
      staffView.body.data.practitioner.contacts.map((c: { visibility: string }) => c.visibility),
    ).toEqual(['MEMBERS', 'COORDINATORS']);
    for (const token of [undefined, (await openSession(api.dataSource, pending)).accessToken]) {
      const response = await api.graphql(query, { id: target.id }, token);
      expect(response.body.data).toBeNull();
      expect(response.text).not.toMatch(/@target\.test|\+998901234567/);
    }
  });
});

describe('two-factor authentication required for staff', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ env: { AUTH_REQUIRE_2FA_FOR_STAFF: 'true' } });
  });

  afterAll(() => api.close());

  it('should keep a coordinator out of staff operations until they enroll', async () => {
    const coordinator = await createMember(api.dataSource, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['UZ'],
    });
    const { accessToken } = await openSession(api.dataSource, coordinator, api.config.auth);
    const before = await api.graphql('{ vettingQueue { id } }', {}, accessToken);
    expect(before.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(before.body.errors[0].message).toMatch(/two-factor/);

    const { secret } = (await api.graphql('mutation { beginTotpEnrollment { secret } }', {}, accessToken))
      .body.data.beginTotpEnrollment;
    await api.graphql(
      'mutation($c: String!) { confirmTotpEnrollment(code: $c) }',
      { c: totpCode(secret) },
      accessToken,
    );
    const after = await api.graphql('{ vettingQueue { id } }', {}, accessToken);
    expect(after.body.errors).toBeUndefined();
  });
});
