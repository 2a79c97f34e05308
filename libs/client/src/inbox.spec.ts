import { SharedKeyCache, sealEnvelope, tweetnaclVerifier, type EnvelopeV1 } from '@app/crypto';
import type { ChatMessage } from '@app/common/chat-protocol';
import { Inbox, type CursorStore, type ReceivedMessage } from './inbox';
import { directoryOf, fakeDevice, FakeChatServer, type FakeDevice } from './testing/fake-chat-server';

/** A message of the conversation as the server would relay it, sealed by `sender` for `readers`. */
async function relayed(
  server: FakeChatServer,
  sender: FakeDevice,
  readers: FakeDevice[],
  seq: number,
  text: string,
  overrides: Partial<ChatMessage> = {},
): Promise<ChatMessage> {
  const clientMessageId = `c-${seq}`;
  const envelope: EnvelopeV1 = await sealEnvelope({
    conversationId: server.conversationId,
    clientMessageId,
    senderDeviceId: sender.listed.deviceId,
    secrets: sender.secrets,
    recipients: readers.map((reader) => reader.listed),
    body: { text },
  });
  return {
    messageId: `m-${seq}`,
    conversationId: server.conversationId,
    seq,
    senderId: sender.listed.memberId,
    senderDeviceId: sender.listed.deviceId,
    clientMessageId,
    envelope,
    sentAt: new Date().toISOString(),
    ...overrides,
  };
}

function inboxOf(server: FakeChatServer, me: FakeDevice, cursorStore?: CursorStore) {
  const delivered: ReceivedMessage[] = [];
  const own: string[] = [];
  const verifier = () => Promise.resolve(tweetnaclVerifier);
  const directory = directoryOf(server, me);
  const inbox = new Inbox(server, directory, {
    deviceId: me.listed.deviceId,
    secrets: me.secrets,
    sharedKeys: new SharedKeyCache(me.secrets),
    verifier,
    cursorStore,
    deliver: (message) => delivered.push(message),
    ownMessage: (message) => own.push(message.clientMessageId),
  });
  return { inbox, delivered, own };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** Waits (2 s at most) until `done` holds: the delivery chain yields between slices, so it takes a few turns. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !done(); turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(Inbox.name, () => {
  let server: FakeChatServer;
  let me: FakeDevice;
  let partner: FakeDevice;

  beforeEach(() => {
    server = new FakeChatServer();
    me = fakeDevice();
    partner = fakeDevice();
    server.devices = [me, partner];
  });

  it('should catch up page by page from its cursors, deliver each message once, decrypted and in order', async () => {
    for (let seq = 1; seq <= 5; seq += 1) {
      server.history.push(await relayed(server, partner, [me, partner], seq, `text ${seq}`));
    }
    const { inbox, delivered } = inboxOf(server, me);
    await inbox.sync();
    await inbox.sync(); // nothing new: nothing delivered twice
    await until(() => delivered.length >= 5);
    await settle();
    expect(delivered.map((message) => [message.seq, message.body?.text, message.problem])).toEqual(
      [1, 2, 3, 4, 5].map((seq) => [seq, `text ${seq}`, null]),
    );
    expect(server.syncRequests.map((since) => since[server.conversationId] ?? 0)).toEqual([0, 2, 4, 5]);
    expect(inbox.positions).toEqual({ [server.conversationId]: 5 });
  });

  it('should show the next live message at once and fill a gap by sync, never reordering', async () => {
    const messages = [];
    for (let seq = 1; seq <= 3; seq += 1) {
      messages.push(await relayed(server, partner, [me], seq, `live ${seq}`));
    }
    server.history.push(...messages);
    const { inbox, delivered } = inboxOf(server, me);
    inbox.receive(messages[0]);
    inbox.receive(messages[2]); // seq 2 was missed: sync fills it
    await until(() => delivered.length >= 3);
    await settle();
    expect(delivered.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(server.syncRequests).toHaveLength(1);
  });

  it('should refuse a signed envelope replayed under another message, and a message it cannot read', async () => {
    const original = await relayed(server, partner, [me], 1, 'once');
    const replay = { ...original, messageId: 'm-other', seq: 2 };
    const notForMe = await relayed(server, partner, [partner], 3, 'not for this device');
    const { inbox } = inboxOf(server, me);
    expect((await inbox.decrypt(original)).body).toEqual({ text: 'once' });
    expect((await inbox.decrypt(replay)).problem).toBe('REPLAYED');
    expect((await inbox.decrypt(notForMe)).problem).toBe('NOT_A_RECIPIENT');
    expect((await inbox.decrypt({ ...original, envelope: '{not json' })).problem).toBe('MALFORMED');
    expect((await inbox.decrypt({ ...original, senderId: me.listed.memberId })).problem).toBe(
      'UNKNOWN_SENDER_DEVICE',
    );
  });

  it('should tell the outbox about its own messages before decrypting them', async () => {
    server.history.push(await relayed(server, me, [me, partner], 1, 'mine'));
    server.history.push(await relayed(server, partner, [me, partner], 2, 'theirs'));
    const { inbox, own, delivered } = inboxOf(server, me);
    await inbox.sync();
    // The chain yields between slices (Inbox.breathe): on a loaded machine 30 ms is not always two deliveries.
    await until(() => delivered.length >= 2);
    await settle();
    expect(own).toEqual(['c-1']);
    expect(delivered.map((message) => message.body?.text)).toEqual(['mine', 'theirs']);
  });

  it('should catch up from the stored cursors after a restart, and store the furthest in one write per burst', async () => {
    for (let seq = 1; seq <= 8; seq += 1) {
      server.history.push(await relayed(server, partner, [me], seq, `text ${seq}`));
    }
    const kept = new Map<string, number>([[server.conversationId, 2]]);
    const writes: number[] = [];
    const store: CursorStore = {
      load: () => Promise.resolve(Object.fromEntries(kept)),
      save: (conversationId, seq) => {
        writes.push(seq);
        return Promise.resolve(void kept.set(conversationId, seq));
      },
    };
    const { inbox, delivered } = inboxOf(server, me, store);
    await inbox.sync();
    await until(() => delivered.length >= 6 && kept.get(server.conversationId) === 8);
    await settle();
    expect(server.syncRequests[0]).toEqual({ [server.conversationId]: 2 });
    expect(delivered.map((message) => message.seq)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(kept.get(server.conversationId)).toBe(8);
    // Six deliveries in a row, far fewer writes; never one moving the cursor back.
    expect(writes.length).toBeLessThan(6);
    expect(writes).toEqual([...writes].sort((a, b) => a - b));
  });
});
