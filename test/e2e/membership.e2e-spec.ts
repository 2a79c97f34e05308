import { MemberRole, MemberStatus } from '@app/identity';
import { createMember } from '../factories/member.factory';
import { createTarget } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const DAY = 24 * 3600 * 1000;

describe('membership lifecycle rules', () => {
  let api: TestApp;
  let coordinator: string;
  let coordinatorId: string;
  let admin: string;

  beforeAll(async () => {
    api = await createTestApp();
    const uz = await createTarget(api, { role: MemberRole.COORDINATOR, coordinatorCountries: ['UZ'] });
    coordinatorId = uz.member.id;
    coordinator = (await openSession(api.dataSource, uz.member, api.config.auth)).accessToken;
    const root = await createMember(api.dataSource, { role: MemberRole.ADMIN });
    admin = (await openSession(api.dataSource, root, api.config.auth)).accessToken;
  });

  afterAll(() => api.close());

  const call = (query: string, input: Record<string, unknown>, token = coordinator) =>
    api.graphql(query, { input }, token);
  const VET = 'mutation($input: VetMemberInput!) { vetMember(input: $input) { status vettedUntil active } }';
  const SUSPEND = 'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { status } }';
  const REINSTATE = 'mutation($input: MemberReasonInput!) { reinstateMember(input: $input) { status } }';

  it('should put a lapsed vetting back in the queue and let a coordinator renew it', async () => {
    const { member } = await createTarget(api, { vettedUntil: new Date(Date.now() - DAY) });
    const queue = await api.graphql('{ vettingQueue { id active status } }', {}, coordinator);
    expect(queue.body.data.vettingQueue).toContainEqual({ id: member.id, active: false, status: 'VETTED' });

    const until = new Date(Date.now() + 365 * DAY).toISOString();
    const renewed = await call(VET, {
      memberId: member.id,
      decision: 'APPROVE',
      reason: 'Renewed',
      vettedUntil: until,
    });
    expect(renewed.body.data.vetMember).toEqual({ status: 'VETTED', vettedUntil: until, active: true });
    const after = await api.graphql('{ vettingQueue { id } }', {}, coordinator);
    expect(after.body.data.vettingQueue.map((m: { id: string }) => m.id)).not.toContain(member.id);
  });

  it('should renew a vetting before it lapses, and refuse to reject a member whose vetting still runs', async () => {
    const { member } = await createTarget(api, { vettedUntil: new Date(Date.now() + 10 * DAY) });
    const until = new Date(Date.now() + 700 * DAY).toISOString();
    const renewed = await call(VET, {
      memberId: member.id,
      decision: 'APPROVE',
      reason: 'Renewed early',
      vettedUntil: until,
    });
    expect(renewed.body.data.vetMember).toEqual({ status: 'VETTED', vettedUntil: until, active: true });
    const audit = await api.graphql(
      'query($filter: AuditLogFilterInput) { auditLog(filter: $filter, first: 1) { edges { node { action data } } } }',
      { filter: { targetId: member.id, action: 'MEMBER_APPROVED' } },
      admin,
    );
    expect(JSON.parse(audit.body.data.auditLog.edges[0].node.data)).toMatchObject({
      renewal: true,
      vettedUntil: until,
    });

    const rejected = await call(VET, { memberId: member.id, decision: 'REJECT', reason: 'Not now' });
    expect(rejected.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it("should let only an admin act on a staff account in a coordinator's countries", async () => {
    // A UZ coordinator whose profile is in UZ, in the acting coordinator's scope: no take-over by reset or re-vetting.
    const { member: colleague } = await createTarget(api, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['UZ', 'TJ'],
    });
    const { member: root } = await createTarget(api, { role: MemberRole.ADMIN });
    const RESET = 'mutation($input: MemberReasonInput!) { issueAccountReset(input: $input) { code } }';
    const CORRECT =
      'mutation($input: UpdateMemberProfileInput!) { updateMemberProfile(input: $input) { id } }';
    for (const target of [colleague, root]) {
      for (const [query, input] of [
        [SUSPEND, { memberId: target.id, reason: 'Take over' }],
        [RESET, { memberId: target.id, reason: 'Take over' }],
        [VET, { memberId: target.id, decision: 'APPROVE', reason: 'Shorten it' }],
        [CORRECT, { memberId: target.id, reason: 'Rename', position: 'Clerk' }],
      ] as const) {
        const response = await call(query, input);
        expect({ query, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
          query,
          code: 'FORBIDDEN',
        });
      }
      const unchanged = await api.graphql(
        'query($id: ID!) { member(id: $id) { status vettedUntil } }',
        { id: target.id },
        admin,
      );
      expect(unchanged.body.data.member).toEqual({
        status: 'VETTED',
        vettedUntil: target.vettedUntil?.toISOString() ?? null,
      });
    }
    const byAdmin = await call(SUSPEND, { memberId: colleague.id, reason: 'Left the service' }, admin);
    expect(byAdmin.body.data.suspendMember).toEqual({ status: 'SUSPENDED' });
  });

  it('should refuse a vetting period in the past or beyond 36 months', async () => {
    const { member } = await createTarget(api, { status: MemberStatus.PENDING, vettedUntil: null });
    for (const vettedUntil of [new Date(Date.now() - DAY), new Date(Date.now() + 40 * 31 * DAY)]) {
      const response = await call(VET, {
        memberId: member.id,
        decision: 'APPROVE',
        reason: 'checked credentials',
        vettedUntil: vettedUntil.toISOString(),
      });
      expect(response.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'vettedUntil', code: 'OUT_OF_RANGE', message: expect.stringMatching(/36 months/) }],
      });
    }
  });

  it('should answer impossible transitions with CONFLICT and change nothing', async () => {
    const { member } = await createTarget(api);
    expect(
      (await call(REINSTATE, { memberId: member.id, reason: 'not suspended' })).body.errors[0].extensions
        .code,
    ).toBe('CONFLICT');
    expect(
      (await call(VET, { memberId: member.id, decision: 'REJECT', reason: 'already vetted' })).body.errors[0]
        .extensions.code,
    ).toBe('CONFLICT');
    expect(
      (await call(SUSPEND, { memberId: member.id, reason: 'investigation' })).body.data.suspendMember.status,
    ).toBe('SUSPENDED');
    expect(
      (await call(SUSPEND, { memberId: member.id, reason: 'again' })).body.errors[0].extensions.code,
    ).toBe('CONFLICT');
    expect(
      (await call(REINSTATE, { memberId: member.id, reason: 'cleared' })).body.data.reinstateMember.status,
    ).toBe('VETTED');
  });

  it('should require a reason and never let staff act on their own account', async () => {
    const { member } = await createTarget(api);
    const noReason = await call(SUSPEND, { memberId: member.id, reason: '' });
    expect(noReason.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const self = await call(SUSPEND, { memberId: coordinatorId, reason: 'self-suspension' });
    expect(self.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('should let an admin change roles and scopes, and audit it', async () => {
    const { member } = await createTarget(api);
    const SET_ROLE =
      'mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { role coordinatorCountries } }';
    const promoted = await call(
      SET_ROLE,
      { memberId: member.id, role: 'COORDINATOR', countries: ['TJ', 'UZ', 'UZ'], reason: 'New focal point' },
      admin,
    );
    expect(promoted.body.data.setMemberRole).toEqual({
      role: 'COORDINATOR',
      coordinatorCountries: ['TJ', 'UZ'],
    });
    const noCountries = await call(
      SET_ROLE,
      { memberId: member.id, role: 'COORDINATOR', countries: [], reason: 'x y z' },
      admin,
    );
    expect(noCountries.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const log = await api.graphql(
      'query($f: AuditLogFilterInput) { auditLog(filter: $f) { edges { node { action data actorId } } } }',
      { f: { targetId: member.id, action: 'ROLE_CHANGED' } },
      admin,
    );
    const [entry] = log.body.data.auditLog.edges;
    expect(JSON.parse(entry.node.data)).toMatchObject({
      from: 'MEMBER',
      to: 'COORDINATOR',
      countries: ['TJ', 'UZ'],
    });
  });

  it('should page through members with opaque cursors, within the coordinator’s countries', async () => {
    for (let i = 0; i < 3; i += 1) {
      await createTarget(api);
    }
    const QUERY = `query($after: String) { members(first: 2, after: $after, filter: { status: VETTED }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id country } } } }`;
    const first = (await api.graphql(QUERY, {}, coordinator)).body.data.members;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const ids = new Set(first.edges.map((e: { node: { id: string } }) => e.node.id));
    let cursor = first.pageInfo.endCursor;
    let seen = first.edges.length;
    while (cursor) {
      const page = (await api.graphql(QUERY, { after: cursor }, coordinator)).body.data.members;
      page.edges.forEach((e: { node: { id: string; country: string } }) => {
        expect(ids.has(e.node.id)).toBe(false);
        ids.add(e.node.id);
        expect(e.node.country).toBe('UZ');
      });
      seen += page.edges.length;
      cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(seen).toBe(first.totalCount);
    const bad = await api.graphql('{ members(first: 500) { totalCount } }', {}, coordinator);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
