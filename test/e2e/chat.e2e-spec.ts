import { ChatError } from '@app/client';
import { MemberRole, MembershipService, AuthService } from '@app/identity';
import {
  ConversationService,
  DeviceService,
  MessageEntity,
  MessageService,
  ParticipantEntity,
} from '@app/messaging';
import { createMember } from '../factories/member.factory';
import { chatUser, inbox, sleep, textsOf, type ChatUser } from '../utils/chat';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const body = (text: string) => ({ text });

describe('chat delivery (real gateway, no mocks)', () => {
  let api: TestApp;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    api = await createTestApp({ env: { CHAT_RATE_LIMIT_MESSAGES: '60', CHAT_TYPING_INTERVAL_MS: '300' } });
  });

  afterEach(() => opened.splice(0).forEach((client) => client.close()));

  afterAll(() => api.close());

  const viewerOf = (user: ChatUser) => api.app.get(AuthService).authenticate(user.token);

  /** A group conversation of the given users, created by the first. */
  async function room(...users: ChatUser[]): Promise<string> {
    const [owner, ...others] = users;
    const view = await api.app.get(ConversationService).createGroup(await viewerOf(owner), {
      title: 'Case 2026/114',
      memberIds: others.map((user) => user.member.id),
    });
    return view.conversation.id;
  }

  const storedMessages = (conversationId: string) =>
    api.dataSource.getRepository(MessageEntity).find({ where: { conversationId }, order: { seq: 'ASC' } });

  it('should store, ack after commit, and deliver to every participant device with gap-free seqs', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const sender = alice.client();
    const receiver = bob.client();
    const received = inbox(receiver);
    const echoed = inbox(sender);
    await Promise.all([sender.connect(), receiver.connect()]);

    const acks = [];
    for (let i = 1; i <= 5; i += 1) {
      acks.push(await sender.send(conversationId, body(`message ${i}`)));
    }
    expect(acks.map((ack) => ack.seq)).toEqual([1, 2, 3, 4, 5]);
    await received.until(5);
    await echoed.until(5);
    expect(received.messages.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(received.messages[0]).toMatchObject({
      conversationId,
      senderId: alice.member.id,
      senderDeviceId: alice.deviceId,
      body: { text: 'message 1' },
      problem: null,
    });
    expect(textsOf(echoed.messages)).toEqual([1, 2, 3, 4, 5].map((i) => `message ${i}`));
    const stored = await storedMessages(conversationId);
    expect(stored.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(stored.map((message) => message.id)).toEqual(acks.map((ack) => ack.messageId));
  });

  it('(a) should store and deliver once when the ack is lost and the client retries', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const receiver = bob.client();
    const received = inbox(receiver);
    await receiver.connect();

    // The same frame twice, the first ack ignored (lost): the retry gets the first ack back.
    const raw = await alice.raw();
    const frame = {
      conversationId,
      clientMessageId: 'lost-ack-0001',
      envelope: await alice.seal(conversationId, 'lost-ack-0001', 'once', [alice, bob]),
    };
    raw.emit('message:send', frame);
    await sleep(200);
    const retried = await raw.timeout(2000).emitWithAck('message:send', frame);
    expect(retried).toMatchObject({ ok: true, seq: 1 });

    // And through the typed client's outbox with an ack timeout too short to ever wait for the first answer.
    const impatient = alice.client({ ackTimeoutMs: 1, retryDelayMs: 20 });
    await impatient.connect();
    const ack = await impatient.send(conversationId, body('twice?'), { clientMessageId: 'impatient-0001' });
    expect(ack.seq).toBe(2);

    await sleep(300);
    expect((await storedMessages(conversationId)).map((message) => message.clientMessageId)).toEqual([
      'lost-ack-0001',
      'impatient-0001',
    ]);
    expect(received.messages.map((message) => message.seq)).toEqual([1, 2]);
    expect(textsOf(received.messages)).toEqual(['once', 'twice?']);
    expect(retried).toMatchObject({ messageId: (await storedMessages(conversationId))[0].id });
  });

  it('(b) should catch a recipient up on 50 messages sent while offline, in order, without gaps or duplicates', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const first = bob.client();
    await first.connect();
    const positions = first.positions;
    first.close(); // offline (longer than any recovery window: there is none, clients sync)

    const sender = alice.client();
    await sender.connect();
    await Promise.all(Array.from({ length: 50 }, (_, i) => sender.send(conversationId, body(`m${i + 1}`))));

    const back = bob.client({ cursors: positions, syncPageSize: 7 });
    const received = inbox(back);
    await back.connect();
    await received.until(50);
    await sleep(200);
    expect(received.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(new Set(received.messages.map((message) => message.messageId)).size).toBe(50);
    expect(back.positions[conversationId]).toBe(50);
    // 100 envelopes sealed and opened with tweetnacl on a shared 2-core machine: CPU-bound, more than the default 15 s
    // when other suites run beside it (a budget, not a speed check: bench:chat measures speed).
  }, 45_000);

  it('(c) should close only the client that sends an oversized frame', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const offender = await alice.raw();
    const bystander = await bob.raw();
    const closed = new Promise<string>((resolve) => offender.once('disconnect', resolve));
    offender.emit('message:send', {
      conversationId,
      clientMessageId: 'oversized-0001',
      envelope: { padding: 'x'.repeat(api.config.chat.maxHttpBufferSize + 1024) },
    });
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await bystander.timeout(2000).emitWithAck('session:ping', {})).toMatchObject({ ok: true });
    expect(await storedMessages(conversationId)).toEqual([]);
  });

  it('(d) should refuse a non-participant’s send, read and typing, and change nothing', async () => {
    const [alice, bob, mallory] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    const conversationId = await room(alice, bob);
    const member = bob.client();
    const typingSeen: unknown[] = [];
    member.on('typing', (signal) => typingSeen.push(signal));
    await member.connect();
    const outsider = await mallory.raw();

    const send = await outsider.timeout(2000).emitWithAck('message:send', {
      conversationId,
      clientMessageId: 'intruder-0001',
      envelope: await mallory.seal(conversationId, 'intruder-0001', 'let me in', [mallory, alice, bob]),
    });
    const read = await outsider.timeout(2000).emitWithAck('message:read', { conversationId, seq: 1 });
    const typing = await outsider.timeout(2000).emitWithAck('typing', { conversationId, typing: true });
    for (const ack of [send, read, typing]) {
      expect(ack).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
    const sync = await outsider.timeout(2000).emitWithAck('sync', { since: { [conversationId]: 0 } });
    expect(sync).toEqual({ ok: true, messages: [], hasMore: false });
    await sleep(200);
    expect(typingSeen).toEqual([]);
    expect(await storedMessages(conversationId)).toEqual([]);
    const participants = await api.dataSource.getRepository(ParticipantEntity).findBy({ conversationId });
    expect(participants.map((row) => row.memberId).sort()).toEqual([alice.member.id, bob.member.id].sort());
  });

  it('(e) should answer malformed payloads of every kind with a typed error and keep serving', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const socket = await alice.raw();
    const valid = {
      conversationId,
      clientMessageId: 'valid-id-0001',
      envelope: await alice.seal(conversationId, 'valid-id-0001', 'x', [alice, bob]),
    };
    const outsider = await chatUser(api, opened);
    const cases: [string, unknown][] = [
      ['message:send', undefined],
      ['message:send', null],
      ['message:send', 42],
      ['message:send', 'text'],
      ['message:send', []],
      ['message:send', {}],
      ['message:send', { ...valid, conversationId: 'not-a-uuid' }],
      ['message:send', { ...valid, clientMessageId: 'short' }],
      ['message:send', { ...valid, clientMessageId: 'x'.repeat(65) }],
      ['message:send', { ...valid, envelope: 'a string' }],
      ['message:send', { ...valid, envelope: [1, 2] }],
      ['message:send', { ...valid, extra: true }],
      ['message:send', { ...valid, envelope: { big: 'y'.repeat(api.config.chat.maxEnvelopeBytes) } }],
      // Not envelope v1, or sealed for another conversation, message or device, or for someone outside it.
      ['message:send', { ...valid, envelope: { v: 0, text: 'plain text' } }],
      ['message:send', { ...valid, envelope: { ...valid.envelope, ciphertext: 'bm90IHNlYWxlZA==' } }],
      [
        'message:send',
        { ...valid, envelope: await alice.seal(crypto.randomUUID(), 'valid-id-0001', 'x', [bob]) },
      ],
      ['message:send', { ...valid, envelope: await alice.seal(conversationId, 'other-id-0001', 'x', [bob]) }],
      ['message:send', { ...valid, envelope: { ...valid.envelope, senderDeviceId: bob.deviceId } }],
      [
        'message:send',
        { ...valid, envelope: await alice.seal(conversationId, 'valid-id-0001', 'x', [bob, outsider]) },
      ],
      ['sync', { since: [] }],
      ['sync', { since: { 'not-a-uuid': 1 } }],
      ['sync', { since: { [conversationId]: -1 } }],
      ['sync', { since: { [conversationId]: 'one' } }],
      ['sync', { since: {}, limit: 100000 }],
      ['message:read', { conversationId, seq: -1 }],
      ['message:read', { conversationId, seq: 1.5 }],
      ['message:read', { conversationId }],
      ['typing', { conversationId, typing: 'yes' }],
      ['typing', { conversationId: 7, typing: true }],
    ];
    for (const [event, payload] of cases) {
      const ack = await socket.timeout(2000).emitWithAck(event, payload);
      expect({ event, payload, code: ack.error?.code, ok: ack.ok }).toEqual({
        event,
        payload,
        code: 'BAD_USER_INPUT',
        ok: false,
      });
    }
    // The failing fields as a list with stable codes (the client translates the code, never the message).
    expect(await socket.timeout(2000).emitWithAck('typing', { conversationId })).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message: 'Some fields are invalid.',
        fields: [{ path: 'typing', code: 'REQUIRED', message: 'typing is required' }],
      },
    });
    const stray = await socket.timeout(2000).emitWithAck('message:send', {
      ...valid,
      envelope: await alice.seal(conversationId, 'valid-id-0001', 'x', [bob, outsider]),
    });
    expect(stray.error.fields).toEqual([
      {
        path: 'wraps',
        code: 'NOT_ALLOWED',
        message: `device ${outsider.deviceId} may not read this conversation`,
      },
    ]);
    expect(await storedMessages(conversationId)).toEqual([]);
    expect(await socket.timeout(2000).emitWithAck('session:ping', {})).toMatchObject({ ok: true });
  });

  it('should move read cursors with receipts, and pass typing on throttled', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const a = alice.client();
    const b = bob.client();
    const receipts: unknown[] = [];
    const typing: unknown[] = [];
    a.on('receipt', (receipt) => receipts.push(receipt));
    a.on('typing', (signal) => typing.push(signal));
    await Promise.all([a.connect(), b.connect()]);
    await a.send(conversationId, body('one'));
    await a.send(conversationId, body('two'));

    expect(await b.read(conversationId, 99)).toBe(2); // never past the last message
    expect(await b.read(conversationId, 1)).toBe(2); // never back
    await sleep(200);
    expect(receipts).toEqual([{ conversationId, memberId: bob.member.id, readSeq: 2 }]);

    await b.typing(conversationId, true);
    await b.typing(conversationId, true); // within the interval: not passed on
    await b.typing(conversationId, false);
    await sleep(200);
    expect(typing).toEqual([
      { conversationId, memberId: bob.member.id, typing: true },
      { conversationId, memberId: bob.member.id, typing: false },
    ]);
    const views = await api.app.get(ConversationService).list(await viewerOf(bob));
    expect(views.find((view) => view.conversation.id === conversationId)?.unreadCount).toBe(0);
  });

  it('should stop delivering to a removed participant at once', async () => {
    const [alice, bob, carol] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    const conversationId = await room(alice, bob, carol);
    const a = alice.client();
    const c = carol.client();
    const carolInbox = inbox(c);
    const updates: unknown[] = [];
    c.on('conversation', (update) => updates.push(update));
    await Promise.all([a.connect(), c.connect()]);
    await a.send(conversationId, body('before'));
    await carolInbox.until(1);

    await api.app
      .get(ConversationService)
      .removeParticipant(await viewerOf(alice), { conversationId, memberId: carol.member.id });
    await a.send(conversationId, body('after'));
    await sleep(300);
    expect(carolInbox.messages.map((message) => message.seq)).toEqual([1]);
    expect(updates).toEqual([{ conversationId, change: 'PARTICIPANT_REMOVED' }]);
    await expect(c.send(conversationId, body('still here?'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Their history ends where they left.
    const raw = await carol.raw();
    const sync = await raw.timeout(2000).emitWithAck('sync', { since: {} });
    expect(sync.messages.map((message: { seq: number }) => message.seq)).toEqual([1]);
  });

  it('should refuse RATE_LIMITED beyond the per-socket budget and store nothing for it', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const socket = await alice.raw();
    const ids = Array.from({ length: 65 }, (_, i) => `burst-${String(i).padStart(4, '0')}`);
    const envelopes = await Promise.all(ids.map((id, i) => alice.seal(conversationId, id, `${i}`, [bob])));
    const acks = await Promise.all(
      ids.map((clientMessageId, i) =>
        // 65 verified and stored in turn by one server: 20 s each on a loaded machine (a budget, not a speed check).
        socket.timeout(20_000).emitWithAck('message:send', {
          conversationId,
          clientMessageId,
          envelope: envelopes[i],
        }),
      ),
    );
    const limited = acks.filter((ack) => !ack.ok);
    expect(acks.filter((ack) => ack.ok)).toHaveLength(60);
    expect(limited).toHaveLength(5);
    expect(limited[0].error.code).toBe('RATE_LIMITED');
    expect(await storedMessages(conversationId)).toHaveLength(60);
  }, 45_000);

  it('should page history backwards with beforeSeq and last', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const conversationId = await room(alice, bob);
    const client = alice.client();
    await client.connect();
    for (let i = 1; i <= 7; i += 1) {
      await client.send(conversationId, body(`h${i}`));
    }
    const viewer = await viewerOf(bob);
    const messages = api.app.get(MessageService);
    const newest = await messages.history(viewer, { conversationId, last: 3 });
    expect(newest.messages.map((message) => message.seq)).toEqual([5, 6, 7]);
    expect(newest.hasMore).toBe(true);
    const older = await messages.history(viewer, { conversationId, beforeSeq: 5, last: 3 });
    expect(older.messages.map((message) => message.seq)).toEqual([2, 3, 4]);
    const oldest = await messages.history(viewer, { conversationId, beforeSeq: 2, last: 3 });
    expect(oldest).toMatchObject({ hasMore: false, messages: [{ seq: 1 }] });
    // History decrypts like live messages (the client verifies and opens what GraphQL or the service returns).
    const reader = bob.client();
    await reader.connect();
    expect(await reader.decrypt(oldest.messages[0])).toMatchObject({ body: { text: 'h1' }, problem: null });
    await expect(messages.history(viewer, { conversationId, last: 101 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('should refuse a clientMessageId reused for another conversation (CONFLICT)', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const first = await room(alice, bob);
    const second = await room(alice, bob);
    const client = alice.client();
    await client.connect();
    await client.send(first, body('a'), { clientMessageId: 'reused-id-0001' });
    const refused = client.send(second, body('b'), { clientMessageId: 'reused-id-0001' });
    await expect(refused).rejects.toBeInstanceOf(ChatError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(client.pending).toBe(0);
  });

  it('should disconnect a suspended member and a revoked device within a second, and refuse them again', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const a = alice.client();
    const b = bob.client();
    const revoked = [
      new Promise((resolve) => a.on('revoked', resolve)),
      new Promise((resolve) => b.on('revoked', resolve)),
    ];
    await Promise.all([a.connect(), b.connect()]);
    const admin = await createMember(api.dataSource, { role: MemberRole.ADMIN });
    const adminActor = await api.app
      .get(AuthService)
      .authenticate((await openSession(api.dataSource, admin, api.config.auth)).accessToken);
    const started = Date.now();
    await api.app.get(MembershipService).suspend(adminActor, { memberId: alice.member.id, reason: 'Review' });
    await api.app.get(DeviceService).revoke(await viewerOf(bob), bob.deviceId);
    await Promise.all(revoked);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(alice.client().connect()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(bob.client().connect()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should tell conversation partners only when a member comes online and goes offline', async () => {
    const [alice, bob, stranger] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    await room(alice, bob);
    const watcher = alice.client();
    const outsider = stranger.client();
    const seen: { memberId: string; online: boolean; lastSeenAt: string | null }[] = [];
    const strangerSaw: unknown[] = [];
    watcher.on('presence', (state) => seen.push(state));
    outsider.on('presence', (state) => strangerSaw.push(state));
    await Promise.all([watcher.connect(), outsider.connect()]);

    const first = bob.client();
    const second = bob.client();
    await first.connect();
    await second.connect(); // already online: no second notice
    await sleep(200);
    expect(seen).toEqual([{ memberId: bob.member.id, online: true, lastSeenAt: null }]);
    const query = `query($ids: [ID!]!) { presence(memberIds: $ids) { memberId online lastSeenAt } }`;
    const asAlice = await api.graphql(query, { ids: [bob.member.id] }, alice.token);
    expect(asAlice.body.data.presence).toEqual([{ memberId: bob.member.id, online: true, lastSeenAt: null }]);
    const asStranger = await api.graphql(query, { ids: [bob.member.id] }, stranger.token);
    expect(asStranger.body.data.presence).toEqual([]);

    first.close();
    await sleep(200);
    expect(seen).toHaveLength(1); // one socket left
    second.close();
    await sleep(300);
    expect(seen[1]).toEqual({ memberId: bob.member.id, online: false, lastSeenAt: expect.any(String) });
    const after = await api.graphql(query, { ids: [bob.member.id] }, alice.token);
    expect(after.body.data.presence[0]).toMatchObject({ online: false, lastSeenAt: seen[1].lastSeenAt });
    expect(strangerSaw).toEqual([]);
  });

  it('should refuse a socket without a device of the caller’s own', async () => {
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    await expect(alice.client({ deviceId: bob.deviceId }).connect()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(alice.client({ deviceId: 'nope' }).connect()).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
