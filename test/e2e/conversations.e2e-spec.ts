import { generateDeviceKeys, registrationOf } from '@app/crypto';
import { MemberStatus } from '@app/identity';
import { createMember } from '../factories/member.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const CONVERSATION = `id kind title lastSeq unreadCount myRole participants { memberId role }`;

describe('conversations and devices over GraphQL', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  async function member(status = MemberStatus.VETTED) {
    const created = await createMember(api.dataSource, { status });
    const { accessToken } = await openSession(api.dataSource, created, api.config.auth);
    return { id: created.id, token: accessToken };
  }

  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) =>
    (await api.graphql(query, variables, token)).body;

  it('should start one direct conversation per pair, from either side', async () => {
    const [alice, bob] = [await member(), await member()];
    const start = `mutation($id: ID!) { startDirectConversation(memberId: $id) { ${CONVERSATION} } }`;
    const first = await gql(alice.token, start, { id: bob.id });
    const again = await gql(bob.token, start, { id: alice.id });
    expect(first.data.startDirectConversation.kind).toBe('DIRECT');
    expect(again.data.startDirectConversation.id).toBe(first.data.startDirectConversation.id);
    const self = await gql(alice.token, start, { id: alice.id });
    expect(self.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const pending = await member(MemberStatus.PENDING);
    const withPending = await gql(alice.token, start, { id: pending.id });
    expect(withPending.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const byPending = await gql(pending.token, start, { id: alice.id });
    expect(byPending.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('should let owners only add and remove, members leave, and list with unread counts', async () => {
    const [owner, bob, carol, dave] = [await member(), await member(), await member(), await member()];
    const created = await gql(
      owner.token,
      `mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { ${CONVERSATION} } }`,
      { input: { title: 'Operation Silk Road', memberIds: [bob.id, carol.id] } },
    );
    const room = created.data.createGroupConversation;
    expect(room).toMatchObject({ kind: 'GROUP', title: 'Operation Silk Road', myRole: 'OWNER', lastSeq: 0 });
    expect(room.participants).toHaveLength(3);

    const add = `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { ${CONVERSATION} } }`;
    const byMember = await gql(bob.token, add, { input: { conversationId: room.id, memberIds: [dave.id] } });
    expect(byMember.errors[0].extensions.code).toBe('FORBIDDEN');
    const byOwner = await gql(owner.token, add, { input: { conversationId: room.id, memberIds: [dave.id] } });
    expect(byOwner.data.addParticipants.participants).toHaveLength(4);

    const remove = `mutation($input: RemoveParticipantInput!) { removeParticipant(input: $input) { ${CONVERSATION} } }`;
    const removed = await gql(owner.token, remove, {
      input: { conversationId: room.id, memberId: carol.id },
    });
    expect(
      removed.data.removeParticipant.participants.map((p: { memberId: string }) => p.memberId),
    ).not.toContain(carol.id);
    const carolList = await gql(carol.token, `{ conversations { id } }`);
    expect(carolList.data.conversations).toEqual([]);
    const carolHistory = await gql(
      carol.token,
      `query($id: ID!) { messages(conversationId: $id) { hasMore } }`,
      {
        id: room.id,
      },
    );
    expect(carolHistory.data.messages.hasMore).toBe(false); // left: history up to then stays readable

    expect(
      (await gql(bob.token, `mutation($id: ID!) { leaveConversation(conversationId: $id) }`, { id: room.id }))
        .data.leaveConversation,
    ).toBe(true);
    const ownerList = await gql(
      owner.token,
      `{ conversations { id unreadCount participants { memberId } } }`,
    );
    const mine = ownerList.data.conversations.find((c: { id: string }) => c.id === room.id);
    expect(mine.participants.map((p: { memberId: string }) => p.memberId).sort()).toEqual(
      [owner.id, dave.id].sort(),
    );

    const outsider = await member();
    const peek = await gql(outsider.token, `query($id: ID!) { messages(conversationId: $id) { hasMore } }`, {
      id: room.id,
    });
    expect(peek.errors[0].extensions.code).toBe('FORBIDDEN');
    const invalid = await gql(
      owner.token,
      `mutation { createGroupConversation(input: { title: "", memberIds: [] }) { id } }`,
    );
    expect(invalid.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('should register, list and revoke devices, keys stored as given', async () => {
    const [alice, bob] = [await member(), await member()];
    const register = `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { id memberId name identityKey encryptionKey keySignature revokedAt } }`;
    const keys = generateDeviceKeys();
    const input = { name: 'Office laptop', ...registrationOf(keys) };
    const device = (await gql(alice.token, register, { input })).data.registerDevice;
    expect(device).toMatchObject({ ...input, memberId: alice.id, revokedAt: null });
    const bad = await gql(alice.token, register, { input: { ...input, identityKey: 'short' } });
    expect(bad.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'identityKey', code: 'INVALID_FORMAT', message: expect.any(String) }],
    });
    // The encryption key must be bound to the identity key; an identity key is registered once.
    const other = registrationOf(generateDeviceKeys());
    const unbound = await gql(alice.token, register, {
      input: { ...input, encryptionKey: other.encryptionKey },
    });
    expect(unbound.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'keySignature', code: 'INVALID', message: expect.any(String) }],
    });
    const copied = await gql(bob.token, register, { input });
    expect(copied.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'identityKey', code: 'DUPLICATE', message: 'is already registered' }],
    });

    const list = `query($id: ID!) { devices(memberId: $id) { id revokedAt } }`;
    expect((await gql(bob.token, list, { id: alice.id })).data.devices).toEqual([
      { id: device.id, revokedAt: null },
    ]);
    const notYours = await gql(bob.token, `mutation($id: ID!) { revokeDevice(id: $id) { id } }`, {
      id: device.id,
    });
    expect(notYours.errors[0].extensions.code).toBe('NOT_FOUND');
    const revoked = await gql(alice.token, `mutation($id: ID!) { revokeDevice(id: $id) { revokedAt } }`, {
      id: device.id,
    });
    expect(revoked.data.revokeDevice.revokedAt).not.toBeNull();
    expect((await gql(bob.token, list, { id: alice.id })).data.devices).toEqual([]);
    expect((await gql(alice.token, list, { id: alice.id })).data.devices).toHaveLength(1);
  });
});
