import {
  EnvelopeError,
  openEnvelope,
  type DeviceSecrets,
  type Ed25519Verifier,
  type EnvelopeProblem,
  type MessageBody,
  type SharedKeyCache,
} from '@app/crypto';
import type { ChatMessage } from '@app/common/chat-protocol';
import type { TrustState } from './contact-trust';
import type { KeyDirectory } from './key-directory';
import type { ChatTransport } from './transport';

/** What the inbox needs of the transport and of the key directory (tests give fakes). */
export type InboxTransport = Pick<ChatTransport, 'request'>;
export type InboxKeys = Pick<KeyDirectory, 'senderDevice' | 'observeSender'>;

/**
 * A message as the app sees it: decrypted (`body`), or undecryptable (`body` null and the reason in `problem`:
 * a bad signature, an envelope replayed from another conversation or message, no key for this device…).
 */
export interface ReceivedMessage extends ChatMessage {
  body: MessageBody | null;
  problem: EnvelopeProblem | 'UNKNOWN_SENDER_DEVICE' | 'REPLAYED' | null;
  /** What this device believes about the sender's keys (own messages: undefined). */
  senderTrust?: TrustState;
}

/**
 * Where the last seq seen per conversation is kept between runs (`BrowserDeviceVault.cursors`: IndexedDB), so a reload
 * catches up from there instead of from the start of every conversation.
 */
export interface CursorStore {
  load(): Promise<Record<string, number>>;
  save(conversationId: string, seq: number): Promise<void>;
}

export interface InboxOptions {
  deviceId: string;
  secrets: DeviceSecrets;
  sharedKeys: SharedKeyCache;
  verifier: () => Promise<Ed25519Verifier>;
  /** Last seq already known per conversation; others start at 0. */
  cursors?: Record<string, number>;
  /** Keeps the cursors between runs (read once, before the first sync). */
  cursorStore?: CursorStore;
  syncPageSize?: number;
  /** Every new message, decrypted, once and in seq order per conversation. */
  deliver: (message: ReceivedMessage) => void;
  /** A new message this device sent (seen before it is decrypted): the outbox may be waiting for it. */
  ownMessage: (message: ChatMessage) => void;
}

/**
 * What arrives: the last seq seen per conversation, `sync` from there (all pages) after every (re)connect, live
 * messages in order (a gap means something was missed, so sync fills it), each decrypted once — verified against
 * the sending device's registered key, a signed envelope delivered again under another message refused as a replay.
 */
/** How long the delivery chain runs before it yields to the event loop. */
const SLICE_MS = 12;

export class Inbox {
  private readonly cursors = new Map<string, number>();
  private syncing: Promise<void> | null = null;
  private restoring: Promise<void> | null = null;
  /** Decryption is asynchronous (it may fetch a sender's keys): one chain keeps deliveries in seq order. */
  private incoming: Promise<void> = Promise.resolve();
  /** (conversation, sending device, clientMessageId) → the message it was first opened as (replay detection). */
  private readonly opened = new Map<string, string>();
  /** Cursors delivered but not stored yet, and the write storing them (one per burst, not one per message). */
  private readonly unsaved = new Map<string, number>();
  private saving: Promise<void> | null = null;
  /** When the current run of the delivery chain started (see `breathe`). */
  private sliceStarted = 0;

  constructor(
    private readonly transport: InboxTransport,
    private readonly directory: InboxKeys,
    private readonly options: InboxOptions,
  ) {
    Object.entries(options.cursors ?? {}).forEach(([id, seq]) => this.cursors.set(id, seq));
  }

  /** The last seq seen per conversation (persist it to resume later). */
  get positions(): Record<string, number> {
    return Object.fromEntries(this.cursors);
  }

  /** The stored cursors, read once and merged (the further one wins): before the first sync. */
  restore(): Promise<void> {
    this.restoring ??= (this.options.cursorStore?.load() ?? Promise.resolve<Record<string, number>>({}))
      .then((stored) => {
        for (const [conversationId, seq] of Object.entries(stored)) {
          if (seq > (this.cursors.get(conversationId) ?? 0)) {
            this.cursors.set(conversationId, seq);
          }
        }
      })
      .catch(() => undefined); // unreadable: catch up from what this run knows
    return this.restoring;
  }

  /** Pulls everything after the known seqs (all pages). */
  sync(): Promise<void> {
    this.syncing ??= this.restore()
      .then(() => this.pull())
      .finally(() => (this.syncing = null));
    return this.syncing;
  }

  /** A live message: the next one is shown at once; a gap means something was missed, so sync fills it. */
  receive(message: ChatMessage): void {
    const known = this.cursors.get(message.conversationId) ?? 0;
    if (message.seq === known + 1) {
      this.accept(message);
    } else if (message.seq > known + 1) {
      void this.sync().catch(() => undefined);
    }
  }

  /**
   * Decrypts a message from anywhere (GraphQL history included: its envelope may be the JSON text): verified against
   * the sender device's registered identity key, for this device's wrap. Never throws: an envelope that fails comes
   * back with `body: null` and the reason.
   */
  async decrypt(message: ChatMessage): Promise<ReceivedMessage> {
    const result = (
      envelope: unknown,
      body: MessageBody | null,
      problem: ReceivedMessage['problem'],
      senderTrust?: TrustState,
    ): ReceivedMessage => ({ ...message, envelope, body, problem, senderTrust });
    let envelope: unknown = message.envelope;
    if (typeof envelope === 'string') {
      try {
        envelope = JSON.parse(envelope) as unknown;
      } catch {
        return result(envelope, null, 'MALFORMED');
      }
    }
    const { deviceId, secrets } = this.options;
    // This device's own messages are checked against the keys it holds, never against what the server lists.
    const own = message.senderDeviceId === deviceId;
    const sender = own
      ? { deviceId, memberId: message.senderId, ...secrets.publicKeys }
      : await this.directory.senderDevice(message);
    if (!sender || sender.memberId !== message.senderId) {
      return result(envelope, null, 'UNKNOWN_SENDER_DEVICE');
    }
    const senderTrust = 'revoked' in sender ? this.directory.observeSender(sender) : undefined;
    try {
      const body = await openEnvelope(envelope, {
        conversationId: message.conversationId,
        clientMessageId: message.clientMessageId,
        sender,
        deviceId,
        secrets,
        sharedKeys: this.options.sharedKeys,
        verifier: await this.options.verifier(),
      });
      // The same signed envelope delivered again under another message: only a server can do that.
      const replayKey = `${message.conversationId}\u0000${sender.deviceId}\u0000${message.clientMessageId}`;
      const first = this.opened.get(replayKey) ?? message.messageId;
      this.opened.set(replayKey, first);
      if (first !== message.messageId) {
        return result(envelope, null, 'REPLAYED', senderTrust);
      }
      return result(envelope, body, null, senderTrust);
    } catch (error) {
      if (error instanceof EnvelopeError) {
        return result(envelope, null, error.problem, senderTrust);
      }
      throw error;
    }
  }

  private async pull(): Promise<void> {
    for (;;) {
      const page = await this.transport.request('sync', {
        since: Object.fromEntries(this.cursors),
        limit: this.options.syncPageSize ?? 200,
      });
      page.messages.forEach((message) => this.accept(message));
      if (!page.hasMore || page.messages.length === 0) {
        return;
      }
    }
  }

  /**
   * A catch-up opens hundreds of messages in one chain, and what resolves in microtasks (tweetnacl's work, cached
   * keys) would run as one task: the page could not paint or take a click until the end. After ~12 ms of it, the
   * chain yields to the event loop (a timer's turn), so no task of the catch-up runs long.
   */
  private async breathe(): Promise<void> {
    const now = performance.now();
    if (now - this.sliceStarted < SLICE_MS) {
      return;
    }
    await new Promise((next) => setTimeout(next, 0));
    this.sliceStarted = performance.now();
  }

  /**
   * Stores a delivered cursor. A catch-up delivers hundreds in a row: they are written together once the deliveries
   * pause (a timer's turn), each conversation's furthest seq in one write, so storage is not the catch-up's cost.
   */
  private persist(conversationId: string, seq: number): void {
    const store = this.options.cursorStore;
    if (!store) {
      return;
    }
    this.unsaved.set(conversationId, Math.max(seq, this.unsaved.get(conversationId) ?? 0));
    this.saving ??= (async () => {
      while (this.unsaved.size > 0) {
        await new Promise((next) => setTimeout(next, 0));
        const batch = [...this.unsaved];
        this.unsaved.clear();
        await Promise.all(batch.map(([id, at]) => store.save(id, at).catch(() => undefined)));
      }
    })().finally(() => (this.saving = null));
  }

  private accept(message: ChatMessage): void {
    const known = this.cursors.get(message.conversationId) ?? 0;
    if (message.seq <= known) {
      return; // already seen
    }
    this.cursors.set(message.conversationId, message.seq);
    if (message.senderDeviceId === this.options.deviceId) {
      this.options.ownMessage(message);
    }
    this.incoming = this.incoming
      .then(() => this.breathe())
      .then(() => this.decrypt(message))
      .then((received) => {
        this.options.deliver(received);
        // Stored once delivered: a page closed before that catches up on it again.
        this.persist(message.conversationId, message.seq);
      })
      .catch((error: unknown) => {
        // A listener's own bug: surface it like an event emitter would, without stopping the chain.
        setTimeout(() => {
          throw error;
        });
      });
  }
}
