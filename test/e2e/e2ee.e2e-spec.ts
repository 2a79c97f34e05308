import { SafetyNumberChangedError, type ChatClient } from '@app/client';
import { randomUUID } from 'node:crypto';
import { generateDeviceKeys, registrationOf, TweetnaclDeviceSecrets, type EnvelopeV1 } from '@app/crypto';
import { AuthService, MemberRole, MembershipService } from '@app/identity';
import { ConversationService, DeviceEntity, DeviceService, MessageEntity } from '@app/messaging';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import { chatUser, inbox, sleep, textsOf, type ChatUser } from '../utils/chat';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

/** End-to-end encryption through the real gateway: what the server stores, and what clients accept. */
describe('E2EE (real gateway, real clients)', () => {
  let api: TestApp;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterEach(() => opened.splice(0).forEach((client) => client.close()));

  afterAll(() => api.close());

  const viewerOf = (user: ChatUser) => api.app.get(AuthService).authenticate(user.token);
  const body = (text: string) => ({ text });

  async function room(...users: ChatUser[]): Promise<string> {
    const [owner, ...others] = users;
    const view = await api.app.get(ConversationService).createGroup(await viewerOf(owner), {
      title: 'Operation Silk Road',
      memberIds: others.map((user) => user.member.id),
    });
    return view.conversation.id;
  }

  const stored = (conversationId: string) =>
    api.dataSource.getRepository(MessageEntity).find({ where: { conversationId }, order: { seq: 'ASC' } });
  const wrapsOf = (message: MessageEntity) =>
    (JSON.parse(message.envelope) as EnvelopeV1).wraps.map((wrap) => wrap.deviceId).sort();
  const connected = async (client: ChatClient) => {
    await client.connect();
    return client;
  };

  it('should store ciphertext only, wrapped for every current device, the sender’s other devices included', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const alicePhone = await createDevice(api.dataSource, alice.member.id);
    const conversationId = await room(alice, bob);
    const phone = await connected(
      alice.client({ deviceId: alicePhone.id, secrets: new TweetnaclDeviceSecrets(alicePhone.keys) }),
    );
    const onPhone = inbox(phone);
    const a = await connected(alice.client());
    await a.send(conversationId, {
      text: 'Shipment via Termez on Friday',
      caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE',
    });
    await onPhone.until(1);
    expect(onPhone.messages[0]).toMatchObject({
      body: { text: 'Shipment via Termez on Friday', caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' },
      problem: null,
    });
    const [message] = await stored(conversationId);
    expect(message.envelope).not.toContain('Termez');
    expect(message.envelope).not.toContain('INFORMAL');
    expect(wrapsOf(message)).toEqual([alice.deviceId, alicePhone.id, bob.deviceId].sort());
  });

  it('(b) should show a message as undecryptable when its stored envelope is altered or replayed elsewhere', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const other = await room(alice, bob);
    const a = await connected(alice.client());
    for (const text of ['ciphertext', 'wrap', 'signature', 'intact']) {
      await a.send(conversationId, body(text));
    }
    await a.send(other, body('elsewhere'));
    const rows = await stored(conversationId);
    const flip = (value: string) => `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
    const alter = async (row: MessageEntity, change: (envelope: EnvelopeV1) => EnvelopeV1) =>
      api.dataSource
        .getRepository(MessageEntity)
        .update({ id: row.id }, { envelope: JSON.stringify(change(JSON.parse(row.envelope) as EnvelopeV1)) });
    await alter(rows[0], (e) => ({ ...e, ciphertext: flip(e.ciphertext) }));
    await alter(rows[1], (e) => ({ ...e, wraps: e.wraps.map((w) => ({ ...w, key: flip(w.key) })) }));
    await alter(rows[2], (e) => ({ ...e, signature: flip(e.signature) }));
    // The server copies a message of the other conversation over the fourth one (same sender, other conversation).
    const [elsewhere] = await stored(other);
    await api.dataSource
      .getRepository(MessageEntity)
      .update({ id: rows[3].id }, { envelope: elsewhere.envelope });

    const b = bob.client();
    const received = inbox(b);
    await b.connect();
    await received.until(5);
    const mine = received.messages.filter((message) => message.conversationId === conversationId);
    expect(textsOf(mine)).toEqual([
      '!BAD_SIGNATURE',
      '!BAD_SIGNATURE',
      '!BAD_SIGNATURE',
      '!WRONG_CONVERSATION',
    ]);
    expect(textsOf(received.messages.filter((message) => message.conversationId === other))).toEqual([
      'elsewhere',
    ]);
  });

  it('(c) should wrap no key for a removed participant’s devices, nor for a suspended member’s', async () => {
    const [alice, bob, carol] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    const carolPhone = await createDevice(api.dataSource, carol.member.id);
    const conversationId = await room(alice, bob, carol);
    const a = await connected(alice.client());
    await a.send(conversationId, body('before'));

    await api.app
      .get(ConversationService)
      .removeParticipant(await viewerOf(alice), { conversationId, memberId: carol.member.id });
    await a.send(conversationId, body('after the removal'));

    // Bob is suspended while Alice's client still holds his device as current: the server refuses the stale wraps
    // and the client seals again for who may read now.
    const admin = await createMember(api.dataSource, { role: MemberRole.ADMIN });
    const adminViewer = await api.app
      .get(AuthService)
      .authenticate((await openSession(api.dataSource, admin, api.config.auth)).accessToken);
    await api.app.get(MembershipService).suspend(adminViewer, { memberId: bob.member.id, reason: 'Review' });
    await a.send(conversationId, body('after the suspension'));

    const [before, afterRemoval, afterSuspension] = await stored(conversationId);
    expect(wrapsOf(before)).toEqual([alice.deviceId, bob.deviceId, carol.deviceId, carolPhone.id].sort());
    expect(wrapsOf(afterRemoval)).toHaveLength(2);
    expect(wrapsOf(afterRemoval)).toEqual([alice.deviceId, bob.deviceId].sort());
    expect(wrapsOf(afterSuspension)).toEqual([alice.deviceId]);
  });

  it('(d) should give both sides the same safety number and catch a key the server swapped', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const a = await connected(alice.client());
    const b = await connected(bob.client());
    const fromAlice = await a.safetyNumber(bob.member.id);
    const fromBob = await b.safetyNumber(alice.member.id);
    expect(fromAlice.digits).toMatch(/^\d{60}$/);
    expect(fromAlice.digits).toBe(fromBob.digits);
    await a.send(conversationId, body('hello'));
    a.trust.verify(bob.member.id, fromAlice.theirKeys);
    expect(a.trust.state(bob.member.id)).toBe('verified');

    // A compromised server replaces Bob's registered keys with its own.
    const mallory = registrationOf(generateDeviceKeys());
    await api.dataSource.getRepository(DeviceEntity).update({ id: bob.deviceId }, mallory);

    const again = alice.client({ trust: a.trust });
    const seen = inbox(again);
    await again.connect();
    await seen.until(1);
    await expect(again.send(conversationId, body('for Bob only'))).rejects.toBeInstanceOf(
      SafetyNumberChangedError,
    );
    expect(again.trust.state(bob.member.id)).toBe('changed');
    expect(await stored(conversationId)).toHaveLength(1);
    // Read aloud, the numbers no longer match: Bob's side uses the key his device really holds.
    expect((await again.safetyNumber(bob.member.id)).digits).not.toBe(
      (await b.safetyNumber(alice.member.id)).digits,
    );
    // What Bob really signs no longer verifies against the key the server hands out.
    await b.send(conversationId, body('really Bob'));
    await seen.until(2);
    expect(textsOf(seen.messages)).toEqual(['hello', '!BAD_SIGNATURE']);
    // Sending anyway takes an explicit confirmation.
    await expect(
      again.send(conversationId, body('confirmed'), { confirmKeyChanges: true }),
    ).resolves.toMatchObject({ seq: 3 });
    expect(again.trust.state(bob.member.id)).toBe('unverified');
  });

  it('should tell partners when a member’s devices change (key-change notice)', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const a = await connected(alice.client());
    await a.send(conversationId, body('hi'));
    const notices: unknown[] = [];
    a.on('keysChanged', (notice) => notices.push(notice));
    await api.app
      .get(DeviceService)
      .register(await viewerOf(bob), { name: 'New phone', ...registrationOf(generateDeviceKeys()) });
    await sleep(300);
    expect(notices).toEqual([{ memberId: bob.member.id, change: 'REGISTERED', trust: 'changed' }]);
  });

  it('should tell partners when a member revokes a device, and wrap nothing for it afterwards', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const bobPhone = await createDevice(api.dataSource, bob.member.id);
    const conversationId = await room(alice, bob);
    const a = await connected(alice.client());
    await a.send(conversationId, body('while the phone was his'));
    const notice = new Promise((resolve) => a.on('keysChanged', resolve));

    await api.app.get(DeviceService).revoke(await viewerOf(bob), bobPhone.id);
    // A device that left changes no trust: sending goes on without a confirmation.
    expect(await notice).toEqual({ memberId: bob.member.id, change: 'REVOKED', trust: 'unverified' });
    await a.send(conversationId, body('after the phone was wiped'));

    const [before, after] = await stored(conversationId);
    expect(wrapsOf(before)).toContain(bobPhone.id);
    expect(wrapsOf(after)).toEqual([alice.deviceId, bob.deviceId].sort());
  });

  it('should answer keys only for conversations and members the caller shares', async () => {
    const [alice, bob, mallory] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    const conversationId = await room(alice, bob);
    const outsider = await mallory.raw();
    for (const payload of [{ conversationId }, { memberIds: [alice.member.id] }]) {
      expect(await outsider.timeout(2000).emitWithAck('keys', payload)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    for (const payload of [{}, { conversationId, memberIds: [bob.member.id] }, { memberIds: ['x'] }]) {
      expect(await outsider.timeout(2000).emitWithAck('keys', payload)).toMatchObject({
        ok: false,
        error: { code: 'BAD_USER_INPUT' },
      });
    }
    const insider = await alice.raw();
    const answer = await insider.timeout(2000).emitWithAck('keys', { conversationId });
    expect(answer.ok).toBe(true);
    expect(answer.devices.map((device: { deviceId: string }) => device.deviceId).sort()).toEqual(
      [alice.deviceId, bob.deviceId].sort(),
    );
    expect(JSON.stringify(answer)).not.toMatch(/secret/i);
  });

  it('should never seal for an encryption key its identity key did not sign, nor believe its messages', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    // The server keeps Bob's identity key and signature but pairs them with an encryption key of its own.
    const attacker = registrationOf(generateDeviceKeys());
    await api.dataSource
      .getRepository(DeviceEntity)
      .update({ id: bob.deviceId }, { encryptionKey: attacker.encryptionKey });
    const a = await connected(alice.client());
    const seen = inbox(a);
    await a.send(conversationId, body('for Bob'));
    const [message] = await stored(conversationId);
    expect(wrapsOf(message)).toEqual([alice.deviceId]);
    // What arrives from that device cannot be attributed to Bob.
    const b = await connected(bob.client());
    await b.send(conversationId, body('from the server?'));
    await seen.until(2);
    expect(textsOf(seen.messages)).toEqual(['for Bob', '!UNKNOWN_SENDER_DEVICE']);
  });

  it('should flag a device slipped into a partner’s account, on what it sends and before sealing for it', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const a = await connected(alice.client());
    const seen = inbox(a);
    await a.send(conversationId, body('hello Bob'));
    expect(a.trust.state(bob.member.id)).toBe('unverified');
    // A new, validly self-signed device appears on Bob's account (the server made it).
    const forged = await createDevice(api.dataSource, bob.member.id);
    const impostor = await connected(
      bob.client({ deviceId: forged.id, secrets: new TweetnaclDeviceSecrets(forged.keys) }),
    );
    await impostor.send(conversationId, body('it is me, Bob'));
    await seen.until(2);
    expect(seen.messages[1]).toMatchObject({ body: { text: 'it is me, Bob' }, senderTrust: 'changed' });
    await expect(a.send(conversationId, body('reply'))).rejects.toBeInstanceOf(SafetyNumberChangedError);
  });

  it('should ask before sealing for a device newly added to the sender’s own account', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const a = await connected(alice.client());
    await a.send(conversationId, body('first'));
    await createDevice(api.dataSource, alice.member.id); // not made by Alice
    const other = await connected(alice.client({ trust: a.trust }));
    await expect(other.send(conversationId, body('second'))).rejects.toMatchObject({
      memberIds: [alice.member.id],
    });
  });

  it('should show a signed envelope delivered again as another message as replayed', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const a = await connected(alice.client());
    await a.send(conversationId, body('pay 100'));
    const b = await connected(bob.client());
    const [row] = await stored(conversationId);
    const original = {
      conversationId,
      messageId: row.id,
      seq: row.seq,
      senderId: row.senderId,
      senderDeviceId: row.senderDeviceId,
      clientMessageId: row.clientMessageId,
      envelope: row.envelope,
      sentAt: row.sentAt.toISOString(),
    };
    expect(await b.decrypt(original)).toMatchObject({ body: { text: 'pay 100' }, problem: null });
    expect(await b.decrypt({ ...original, messageId: randomUUID(), seq: 2 })).toMatchObject({
      body: null,
      problem: 'REPLAYED',
    });
  });

  it('should show a former participant only the keys of who was there with them', async () => {
    const [alice, bob, carol, dave] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    const conversationId = await room(alice, bob, carol);
    const conversations = api.app.get(ConversationService);
    await conversations.removeParticipant(await viewerOf(alice), {
      conversationId,
      memberId: carol.member.id,
    });
    await sleep(20); // Dave joins strictly after Carol left
    await conversations.addParticipants(await viewerOf(alice), {
      conversationId,
      memberIds: [dave.member.id],
    });
    const socket = await carol.raw();
    const answer = await socket.timeout(2000).emitWithAck('keys', { conversationId });
    expect(answer.ok).toBe(true);
    const ids = answer.devices.map((device: { deviceId: string }) => device.deviceId);
    expect(ids).not.toContain(dave.deviceId);
    expect(ids).toEqual(expect.arrayContaining([alice.deviceId, bob.deviceId, carol.deviceId]));
    expect(answer.devices.filter((device: { current: boolean }) => device.current)).toEqual([]);
    expect(await socket.timeout(2000).emitWithAck('keys', { memberIds: [dave.member.id] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
