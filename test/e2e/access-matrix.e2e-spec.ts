import { MemberStatus } from '@app/identity';
import { FACTORY_PASSWORD } from '../factories/member.factory';
import { createActor, createTarget, outcomeOf, ROLES, type RoleName, type TestActor } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';

type Expect = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface Operation {
  name: string;
  /** Builds the GraphQL call against fresh targets. */
  prepare(api: TestApp): Promise<{ query: string; variables?: Record<string, unknown> }>;
  /** Expected outcome per caller. */
  expect: Record<RoleName, Expect>;
}

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
/** Any signed-in, not suspended member. */
const SIGNED_IN: Record<RoleName, Expect> = {
  anonymous: U,
  pending: 'OK',
  vetted: 'OK',
  expired: 'OK',
  coordinatorInScope: 'OK',
  coordinatorOutOfScope: 'OK',
  suspended: U,
  admin: 'OK',
};
/** Any active coordinator or admin. */
const STAFF: Record<RoleName, Expect> = {
  anonymous: U,
  pending: F,
  vetted: F,
  expired: F,
  coordinatorInScope: 'OK',
  coordinatorOutOfScope: 'OK',
  suspended: U,
  admin: 'OK',
};
/** A coordinator of the target's country, or an admin. */
const IN_SCOPE: Record<RoleName, Expect> = { ...STAFF, coordinatorOutOfScope: F };
const ADMIN_ONLY: Record<RoleName, Expect> = { ...IN_SCOPE, coordinatorInScope: F };
/** Active members read active members' profiles. */
const ACTIVE_MEMBERS: Record<RoleName, Expect> = { ...STAFF, vetted: 'OK' };

const reasonInput = async (api: TestApp, status = MemberStatus.VETTED) => {
  const { member } = await createTarget(api, { status });
  return { variables: { input: { memberId: member.id, reason: 'matrix test' } } };
};

const OPERATIONS: Operation[] = [
  { name: 'me', prepare: () => Promise.resolve({ query: '{ me { id } }' }), expect: SIGNED_IN },
  { name: 'sessions', prepare: () => Promise.resolve({ query: '{ sessions { id } }' }), expect: SIGNED_IN },
  {
    name: 'beginTotpEnrollment',
    prepare: () => Promise.resolve({ query: 'mutation { beginTotpEnrollment { otpauthUrl } }' }),
    expect: SIGNED_IN,
  },
  {
    name: 'confirmPassword',
    prepare: () =>
      Promise.resolve({
        query: 'mutation($password: String!) { confirmPassword(password: $password) }',
        variables: { password: FACTORY_PASSWORD },
      }),
    expect: SIGNED_IN,
  },
  {
    name: 'practitioner',
    prepare: async (api) => {
      const { member } = await createTarget(api);
      return { query: 'query($id: ID!) { practitioner(id: $id) { id } }', variables: { id: member.id } };
    },
    expect: ACTIVE_MEMBERS,
  },
  {
    name: 'coordinators',
    prepare: () => Promise.resolve({ query: '{ coordinators(country: "UZ") { id contacts { value } } }' }),
    expect: ACTIVE_MEMBERS,
  },
  {
    name: 'createInvitation',
    prepare: () =>
      Promise.resolve({
        query: 'mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { code } }',
        variables: { input: { country: 'UZ' } },
      }),
    expect: IN_SCOPE,
  },
  {
    name: 'vettingQueue',
    prepare: () => Promise.resolve({ query: '{ vettingQueue { id } }' }),
    expect: STAFF,
  },
  { name: 'members', prepare: () => Promise.resolve({ query: '{ members { totalCount } }' }), expect: STAFF },
  {
    name: 'networkStatistics',
    prepare: () =>
      Promise.resolve({ query: '{ networkStatistics { countries applicantsWaiting { count } } }' }),
    expect: STAFF,
  },
  {
    name: 'member',
    prepare: async (api) => {
      const { member } = await createTarget(api);
      return { query: 'query($id: ID!) { member(id: $id) { id } }', variables: { id: member.id } };
    },
    expect: IN_SCOPE,
  },
  {
    name: 'vetMember',
    prepare: async (api) => {
      const { member } = await createTarget(api, { status: MemberStatus.PENDING, vettedUntil: null });
      return {
        query: 'mutation($input: VetMemberInput!) { vetMember(input: $input) { status } }',
        variables: { input: { memberId: member.id, decision: 'APPROVE', reason: 'known to us' } },
      };
    },
    expect: IN_SCOPE,
  },
  {
    name: 'suspendMember',
    prepare: async (api) => ({
      query: 'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { status } }',
      ...(await reasonInput(api)),
    }),
    expect: IN_SCOPE,
  },
  {
    name: 'reinstateMember',
    prepare: async (api) => ({
      query: 'mutation($input: MemberReasonInput!) { reinstateMember(input: $input) { status } }',
      ...(await reasonInput(api, MemberStatus.SUSPENDED)),
    }),
    expect: IN_SCOPE,
  },
  {
    name: 'revokeMember',
    prepare: async (api) => ({
      query: 'mutation($input: MemberReasonInput!) { revokeMember(input: $input) { status } }',
      ...(await reasonInput(api)),
    }),
    expect: IN_SCOPE,
  },
  {
    name: 'issueAccountReset',
    prepare: async (api) => ({
      query: 'mutation($input: MemberReasonInput!) { issueAccountReset(input: $input) { code } }',
      ...(await reasonInput(api)),
    }),
    expect: IN_SCOPE,
  },
  {
    name: 'setMemberRole',
    prepare: async (api) => {
      const { member } = await createTarget(api);
      return {
        query: 'mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { role } }',
        variables: {
          input: { memberId: member.id, role: 'COORDINATOR', countries: ['UZ'], reason: 'new focal point' },
        },
      };
    },
    expect: ADMIN_ONLY,
  },
  {
    name: 'auditLog',
    prepare: () => Promise.resolve({ query: '{ auditLog { edges { cursor } } }' }),
    expect: STAFF,
  },
  {
    name: 'auditChainStatus',
    prepare: () => Promise.resolve({ query: '{ auditChainStatus { valid } }' }),
    expect: STAFF,
  },
];

describe('access control: every operation × every kind of caller', () => {
  let api: TestApp;
  const actors = {} as Record<RoleName, TestActor>;

  beforeAll(async () => {
    api = await createTestApp();
    for (const role of ROLES) {
      actors[role] = await createActor(api, role);
    }
  });

  afterAll(() => api.close());

  const cells = OPERATIONS.flatMap((operation) =>
    ROLES.map((role) => [operation.name, role, operation.expect[role], operation] as const),
  );

  it.each(cells)('%s as %s → %s', async (_name, role, expected, operation) => {
    const { query, variables } = await operation.prepare(api);
    const response = await api.graphql(query, variables, actors[role].token);
    expect(outcomeOf(response.body)).toBe(expected);
  });
});
