import { MemberRole } from '@app/identity';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createTarget } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { totpCode } from '../utils/totp';

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { accessToken refreshToken expiresAt member { id role status } }
}`;

describe('membership from invitation to suspension (the whole flow over GraphQL)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  async function ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) {
    const response = await api.graphql(query, variables, token);
    expect(response.body.errors).toBeUndefined();
    return response.body.data as T;
  }

  it('should take an applicant through vetting, two-factor, contacts, suspension and the audit trail', async () => {
    // A coordinator for Uzbekistan signs in.
    const coordinator = await createMember(api.dataSource, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['UZ'],
    });
    const coordinatorToken = (
      await ok<{ signIn: { accessToken: string } }>(SIGN_IN, {
        input: { email: coordinator.email, password: FACTORY_PASSWORD },
      })
    ).signIn.accessToken;

    // They invite an applicant.
    const email = `dilnoza.karimova.${Date.now()}@gpo.uz.test`;
    const { createInvitation } = await ok<{ createInvitation: { code: string } }>(
      'mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { code expiresAt } }',
      { input: { country: 'UZ', email } },
      coordinatorToken,
    );

    // The applicant applies with the invitation and is pending.
    const password = 'a long enough passphrase';
    const { applyForMembership } = await ok<{ applyForMembership: { id: string; status: string } }>(
      `mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id status } }`,
      {
        input: {
          email,
          password,
          displayName: 'Dilnoza Karimova',
          nativeName: 'Дилноза Каримова',
          country: 'UZ',
          agencyName: 'General Prosecutor’s Office',
          agencyType: 'PROSECUTION',
          position: 'Prosecutor',
          timeZone: 'Asia/Tashkent',
          languages: [
            { code: 'uz', level: 'NATIVE' },
            { code: 'ru', level: 'FLUENT' },
          ],
          expertise: ['TIP_FORCED_LABOUR'],
          competences: ['UNTOC_MLA'],
          invitationCode: createInvitation.code.toLowerCase(),
        },
      },
    );
    expect(applyForMembership.status).toBe('PENDING');
    const memberId = applyForMembership.id;

    // Pending: signs in, sees their own profile, nobody else's.
    const { target } = { target: (await createTarget(api)).member };
    const pending = (await ok<{ signIn: { accessToken: string } }>(SIGN_IN, { input: { email, password } }))
      .signIn;
    const denied = await api.graphql(
      'query($id: ID!) { practitioner(id: $id) { id } }',
      { id: target.id },
      pending.accessToken,
    );
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await ok('query($id: ID!) { practitioner(id: $id) { id } }', { id: memberId }, pending.accessToken);

    // The coordinator finds them in the queue and vets them.
    const { vettingQueue } = await ok<{ vettingQueue: { id: string }[] }>(
      '{ vettingQueue { id } }',
      {},
      coordinatorToken,
    );
    expect(vettingQueue.map((m) => m.id)).toContain(memberId);
    const { vetMember } = await ok<{ vetMember: { status: string; vettedUntil: string } }>(
      'mutation($input: VetMemberInput!) { vetMember(input: $input) { status vettedUntil } }',
      { input: { memberId, decision: 'APPROVE', reason: 'Known from the Tashkent workshop' } },
      coordinatorToken,
    );
    expect(vetMember.status).toBe('VETTED');
    expect(new Date(vetMember.vettedUntil).getTime()).toBeGreaterThan(Date.now() + 700 * 24 * 3600 * 1000);

    // The member enrolls in two-factor authentication.
    const { beginTotpEnrollment } = await ok<{ beginTotpEnrollment: { secret: string; otpauthUrl: string } }>(
      'mutation { beginTotpEnrollment { secret otpauthUrl } }',
      {},
      pending.accessToken,
    );
    expect(beginTotpEnrollment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Counterpart:/);
    const { confirmTotpEnrollment: recoveryCodes } = await ok<{ confirmTotpEnrollment: string[] }>(
      'mutation($code: String!) { confirmTotpEnrollment(code: $code) }',
      { code: totpCode(beginTotpEnrollment.secret) },
      pending.accessToken,
    );
    expect(recoveryCodes).toHaveLength(10);

    // Signing in now needs the second factor; a code from the next step works, the same code twice does not.
    const missing = await api.graphql(SIGN_IN, { input: { email, password } });
    expect(missing.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      fields: [{ path: 'totp', code: 'REQUIRED', message: expect.any(String) }],
    });
    const code = totpCode(beginTotpEnrollment.secret, 1);
    const session = (
      await ok<{ signIn: { accessToken: string; refreshToken: string } }>(SIGN_IN, {
        input: { email, password, totp: code },
      })
    ).signIn;
    const replay = await api.graphql(SIGN_IN, { input: { email, password, totp: code } });
    expect(replay.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // A vetted member sees member-visible contacts of a counterpart, never coordinator-only ones.
    const { member: counterpart } = await createTarget(api);
    const view = await api.graphql(
      'query($id: ID!) { practitioner(id: $id) { displayName contacts { kind value visibility } } }',
      { id: counterpart.id },
      session.accessToken,
    );
    expect(view.body.data.practitioner.contacts).toEqual([
      { kind: 'EMAIL', value: expect.stringContaining('@target.test'), visibility: 'MEMBERS' },
    ]);
    expect(view.text).not.toContain('+998901234567');

    // A recovery code works once.
    await ok(SIGN_IN, { input: { email, password, recoveryCode: recoveryCodes[0] } });
    const reused = await api.graphql(SIGN_IN, { input: { email, password, recoveryCode: recoveryCodes[0] } });
    expect(reused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // The coordinator suspends the member: access and refresh tokens stop working at once.
    await ok(
      'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { status } }',
      { input: { memberId, reason: 'Left the prosecution service' } },
      coordinatorToken,
    );
    const afterAccess = await api.graphql('{ me { id } }', {}, session.accessToken);
    expect(afterAccess.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const afterRefresh = await api.graphql(
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
      { t: session.refreshToken },
    );
    expect(afterRefresh.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const suspendedSignIn = await api.graphql(SIGN_IN, {
      input: { email, password, recoveryCode: recoveryCodes[1] },
    });
    expect(suspendedSignIn.body.errors[0].extensions.code).toBe('FORBIDDEN');

    // The audit chain is intact and tells the story.
    const { auditChainStatus } = await ok<{ auditChainStatus: { valid: boolean; length: number } }>(
      '{ auditChainStatus { valid length headHash firstBrokenSeq } }',
      {},
      coordinatorToken,
    );
    expect(auditChainStatus.valid).toBe(true);
    const { auditLog } = await ok<{ auditLog: { edges: { node: { action: string; targetId: string } }[] } }>(
      'query($f: AuditLogFilterInput) { auditLog(filter: $f, first: 50) { edges { node { action targetId reason } } } }',
      { f: { targetId: memberId } },
      coordinatorToken,
    );
    expect(auditLog.edges.map((edge) => edge.node.action).reverse()).toEqual([
      'MEMBER_APPLIED',
      'MEMBER_APPROVED',
      'TOTP_ENABLED',
      'RECOVERY_CODE_USED',
      'SESSION_REVOKED',
      'MEMBER_SUSPENDED',
    ]);
  });
});
