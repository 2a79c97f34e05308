import { SharedKeyCache, tweetnaclVerifier, type MessageBody } from '@app/crypto';
import { ErrorCode } from '@app/common/error-codes';
import type { SendAck } from '@app/common/chat-protocol';
import { ContactTrust } from './contact-trust';
import {
  LocalOutboxLock,
  LocalOutboxPeers,
  MemoryOutboxStore,
  Outbox,
  SafetyNumberChangedError,
  type OutboxEvents,
  type OutboxLock,
  type OutboxPeers,
  type OutboxStore,
} from './outbox';
import { directoryOf, fakeDevice, FakeChatServer, openAs, type FakeDevice } from './testing/fake-chat-server';
import { ChatError } from './transport';

const CANARY = 'canary-bus-route-7f3a';

/** This device's outbox against the fake server, with the real key directory and trust in front of it. */
function outboxOf(
  server: FakeChatServer,
  me: FakeDevice,
  options: {
    store?: OutboxStore;
    lock?: OutboxLock;
    peers?: OutboxPeers;
    trust?: ContactTrust;
    retryDelayMs?: number;
  } = {},
) {
  const events: Array<{ event: keyof OutboxEvents; clientMessageId: string }> = [];
  const rejected: Array<Parameters<OutboxEvents['rejected']>[0]> = [];
  const trust = options.trust ?? new ContactTrust();
  const verifier = () => Promise.resolve(tweetnaclVerifier);
  const directory = directoryOf(server, me, trust);
  const store = options.store ?? new MemoryOutboxStore();
  const outbox = new Outbox(server, directory, {
    deviceId: me.listed.deviceId,
    secrets: me.secrets,
    sharedKeys: new SharedKeyCache(me.secrets),
    verifier,
    store,
    lock: options.lock ?? new LocalOutboxLock(),
    peers: options.peers,
    retryDelayMs: options.retryDelayMs ?? 10,
    emit: (event, ...args) => {
      const [detail] = args as [{ clientMessageId: string }];
      events.push({ event, clientMessageId: detail.clientMessageId });
      if (event === 'rejected') {
        rejected.push(args[0] as Parameters<OutboxEvents['rejected']>[0]);
      }
    },
  });
  return { outbox, store, events, rejected, trust, directory };
}

const body = (text: string): MessageBody => ({ text });
const until = async (check: () => boolean | Promise<boolean>, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe(Outbox.name, () => {
  let server: FakeChatServer;
  let me: FakeDevice;
  let partner: FakeDevice;

  beforeEach(() => {
    server = new FakeChatServer();
    me = fakeDevice();
    partner = fakeDevice();
    server.devices = [me, partner];
  });

  it('should keep a message queued offline sealed for the readers it knew, and never in plaintext', async () => {
    const { outbox, store, events, directory } = outboxOf(server, me);
    await directory.keysOf(server.conversationId); // read while online
    server.connected = false;
    const sent = outbox.queue(server.conversationId, body(CANARY), { clientMessageId: 'm-1' });
    await until(() => events.some((item) => item.event === 'queued'));
    const [record] = await store.list();
    expect(JSON.stringify(record)).not.toContain(CANARY);
    await expect(openAs(partner, me.listed, record.envelope)).resolves.toEqual({ text: CANARY });
    expect(record).toMatchObject({ clientMessageId: 'm-1', conversationId: server.conversationId });
    expect(await outbox.pendingMessages()).toEqual([
      expect.objectContaining({ clientMessageId: 'm-1', body: { text: CANARY } }),
    ]);

    server.connected = true;
    outbox.flush();
    const ack = await sent;
    expect(ack.seq).toBe(1);
    expect(await store.list()).toEqual([]);
    expect(events.map((item) => item.event)).toEqual(['queued', 'sent']);
    const [send] = server.sends;
    await expect(openAs(partner, me.listed, send.envelope as never)).resolves.toEqual({ text: CANARY });
  });

  it('should seal for itself alone when offline with no key list, and again for every reader before it leaves', async () => {
    server.connected = false;
    const { outbox, store } = outboxOf(server, me);
    const sent = outbox.queue(server.conversationId, body('written on the bus'));
    await until(async () => (await store.list()).length === 1);
    const [offline] = await store.list();
    expect(offline.envelope.wraps.map((wrap) => wrap.deviceId)).toEqual([me.listed.deviceId]);
    expect(server.keyLookups).toBe(0);

    server.connected = true;
    outbox.flush();
    await sent;
    const wraps = server.sends[0].envelope as { wraps: Array<{ deviceId: string }> };
    expect(wraps.wraps.map((wrap) => wrap.deviceId).sort()).toEqual(
      [me.listed.deviceId, partner.listed.deviceId].sort(),
    );
    await expect(openAs(partner, me.listed, server.sends[0].envelope as never)).resolves.toEqual({
      text: 'written on the bus',
    });
  });

  it('should send what an earlier page left in the store, with the same clientMessageId', async () => {
    server.connected = false;
    const store = new MemoryOutboxStore();
    const before = outboxOf(server, me, { store });
    void before.outbox.queue(server.conversationId, body('before the reload'), { clientMessageId: 'kept-1' });
    await until(async () => (await store.list()).length === 1);
    before.outbox.close(); // the tab is gone

    server.connected = true;
    const after = outboxOf(server, me, { store });
    after.outbox.flush();
    await until(() => after.events.some((item) => item.event === 'sent'));
    expect(server.sends.map((send) => send.clientMessageId)).toEqual(['kept-1']);
    expect(server.storedIds).toEqual(['kept-1']);
    expect(await store.list()).toEqual([]);
  });

  it('should send a message two outboxes share exactly once (one lock, the store re-read under it)', async () => {
    server.connected = false;
    const store = new MemoryOutboxStore();
    const lock = new LocalOutboxLock();
    const tabs = [outboxOf(server, me, { store, lock }), outboxOf(server, me, { store, lock })];
    const sent = tabs[0].outbox.queue(server.conversationId, body('once'), { clientMessageId: 'shared-1' });
    await until(async () => (await store.list()).length === 1);

    server.connected = true;
    tabs[1].outbox.flush(); // the other tab gets the lock first and sends it
    tabs[0].outbox.flush();
    await until(() => tabs[1].events.some((item) => item.event === 'sent'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.sends.map((send) => send.clientMessageId)).toEqual(['shared-1']);

    // The first tab's send resolves when it sees its message in the conversation.
    tabs[0].outbox.seen({
      messageId: 'from-the-echo',
      conversationId: server.conversationId,
      seq: 1,
      senderId: me.listed.memberId,
      senderDeviceId: me.listed.deviceId,
      clientMessageId: 'shared-1',
      envelope: server.sends[0].envelope,
      sentAt: new Date().toISOString(),
    });
    await expect(sent).resolves.toMatchObject({ messageId: 'from-the-echo', seq: 1 });
    expect(tabs[0].outbox.size).toBe(0);
  });

  it('should settle a send at once when another tab sent it or saw it refused (its peers tell it)', async () => {
    server.connected = false;
    const store = new MemoryOutboxStore();
    const lock = new LocalOutboxLock();
    const peers = new LocalOutboxPeers();
    const tabs = [
      outboxOf(server, me, { store, lock, peers: peers.peers() }),
      outboxOf(server, me, { store, lock, peers: peers.peers() }),
    ];
    const sent = tabs[0].outbox.queue(server.conversationId, body('sent by the other tab'), {
      clientMessageId: 'peer-sent',
    });
    const refused = tabs[0].outbox.queue(server.conversationId, body('refused in the other tab'), {
      clientMessageId: 'peer-refused',
    });
    await until(async () => (await store.list()).length === 2);

    server.connected = true;
    // Refused by id (the two go out together, in the store's order).
    const answer = server.request.bind(server);
    let refusedAttempts = 0;
    server.request = (event, payload) => {
      if (
        event === 'message:send' &&
        (payload as { clientMessageId: string }).clientMessageId === 'peer-refused'
      ) {
        refusedAttempts += 1;
        return Promise.reject(
          new ChatError({ code: ErrorCode.FORBIDDEN, message: 'no longer a participant' }),
        );
      }
      return answer(event, payload);
    };
    tabs[1].outbox.flush(); // the other tab holds the lock and sends both
    await expect(sent).resolves.toMatchObject({ seq: 1 });
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect(tabs[0].events.map((item) => `${item.event} ${item.clientMessageId}`).sort()).toEqual([
      'queued peer-refused',
      'queued peer-sent',
      'rejected peer-refused',
      'sent peer-sent',
    ]);
    expect(tabs[0].outbox.size).toBe(0);
    tabs[0].outbox.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Nothing left for this tab to send: each went out once, from the other tab.
    expect(server.sends.map((send) => send.clientMessageId)).toEqual(['peer-sent']);
    expect(refusedAttempts).toBe(1);
  });

  it('should retry with the same clientMessageId after an answer that may pass, and store once', async () => {
    const { outbox } = outboxOf(server, me);
    server.refuse(ErrorCode.INTERNAL_SERVER_ERROR);
    server.refuse(ErrorCode.INTERNAL_SERVER_ERROR);
    const ack = await outbox.queue(server.conversationId, body('third time'), { clientMessageId: 'retry-1' });
    expect(ack.seq).toBe(1);
    expect(server.sends.map((send) => send.clientMessageId)).toEqual(['retry-1', 'retry-1', 'retry-1']);
    expect(server.storedIds).toEqual(['retry-1']);
  });

  it('should drop a message refused for good: the send rejects, `rejected` says why, the store is empty', async () => {
    const { outbox, store, rejected } = outboxOf(server, me);
    server.refuse(ErrorCode.FORBIDDEN);
    await expect(outbox.queue(server.conversationId, body('not yours'))).rejects.toBeInstanceOf(ChatError);
    expect(rejected).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    expect(await store.list()).toEqual([]);
    expect(outbox.size).toBe(0);
  });

  it('should seal again for the current readers when the server refuses the wraps', async () => {
    const { outbox, directory } = outboxOf(server, me);
    const leaving = fakeDevice(partner.listed.memberId);
    server.devices = [me, partner, leaving];
    await directory.keysOf(server.conversationId);
    server.devices = [me, partner]; // the device was revoked after the keys were read
    server.refuse(ErrorCode.BAD_USER_INPUT, [{ path: 'wraps', code: 'NOT_ALLOWED', message: 'revoked' }]);
    const ack: SendAck = await outbox.queue(server.conversationId, body('resealed'));
    expect(ack.seq).toBe(1);
    expect(server.sends).toHaveLength(2);
    const stale = server.sends[0].envelope as { wraps: Array<{ deviceId: string }> };
    expect(stale.wraps.map((wrap) => wrap.deviceId)).toContain(leaving.listed.deviceId);
    const last = server.sends[1].envelope as { wraps: Array<{ deviceId: string }> };
    expect(last.wraps.map((wrap) => wrap.deviceId)).not.toContain(leaving.listed.deviceId);
  });

  it('should stop at a changed safety number unless the send confirms it', async () => {
    const trust = new ContactTrust();
    trust.verify(partner.listed.memberId, [partner.listed.identityKey]);
    const newDevice = fakeDevice(partner.listed.memberId);
    server.devices = [me, partner, newDevice];
    const { outbox, store } = outboxOf(server, me, { trust });
    const refused = outbox.queue(server.conversationId, body('to a new key?'));
    await expect(refused).rejects.toBeInstanceOf(SafetyNumberChangedError);
    await expect(refused).rejects.toMatchObject({ memberIds: [partner.listed.memberId] });
    expect(server.sends).toEqual([]);
    expect(await store.list()).toEqual([]);

    await outbox.queue(server.conversationId, body('confirmed'), { confirmKeyChanges: true });
    expect(trust.state(partner.listed.memberId)).toBe('unverified');
    expect(server.sends).toHaveLength(1);
  });

  it('should answer both callers of one clientMessageId with one send', async () => {
    const { outbox } = outboxOf(server, me);
    const [one, two] = await Promise.all([
      outbox.queue(server.conversationId, body('twice'), { clientMessageId: 'dup-1' }),
      outbox.queue(server.conversationId, body('twice'), { clientMessageId: 'dup-1' }),
    ]);
    expect(two).toEqual(one);
    expect(server.sends).toHaveLength(1);
  });

  it('should send again after close and open, without waiting for a retry timer that close cleared', async () => {
    const { outbox } = outboxOf(server, me, { retryDelayMs: 60_000 });
    server.refuse(ErrorCode.INTERNAL_SERVER_ERROR);
    const sent = outbox.queue(server.conversationId, body('across a reconnect'));
    await until(() => server.sends.length === 1);
    outbox.close();
    outbox.open();
    outbox.flush();
    await expect(sent).resolves.toMatchObject({ seq: 1 });
  });

  it('should still send and settle when the store and the other tabs are gone (a wipe elsewhere)', async () => {
    const gone = () => Promise.reject(new Error('the database connection is closing'));
    const store: OutboxStore = { list: gone, put: gone, delete: gone };
    const peers: OutboxPeers = {
      post: () => {
        throw new Error('InvalidStateError: the channel is closed');
      },
      listen: () => () => undefined,
    };
    const { outbox, events } = outboxOf(server, me, { store, peers });
    await expect(outbox.queue(server.conversationId, body('from memory'))).resolves.toMatchObject({ seq: 1 });
    expect(events.map((item) => item.event)).toEqual(['sent']); // never stored: never `queued`
  });

  it('should take a confirmation for the changes seen then, and stop again at a later one', async () => {
    const trust = new ContactTrust();
    trust.verify(partner.listed.memberId, [partner.listed.identityKey]);
    server.devices = [me, partner, fakeDevice(partner.listed.memberId)];
    const { outbox, store, directory } = outboxOf(server, me, { trust });
    await directory.keysOf(server.conversationId);
    server.connected = false;
    const sent = outbox.queue(server.conversationId, body('confirmed once'), { confirmKeyChanges: true });
    await until(async () => (await store.list()).length === 1);
    expect((await store.list())[0].confirmKeyChanges).toBe(false); // applied when sealed
    // Before it leaves, the partner's account gains yet another device, never seen here.
    server.devices = [...server.devices, fakeDevice(partner.listed.memberId)];
    directory.forget(server.conversationId);
    server.connected = true;
    outbox.flush();
    await expect(sent).rejects.toBeInstanceOf(SafetyNumberChangedError);
    expect(server.sends).toEqual([]);
  });
});
