import {
  defaultEd25519Verifier,
  SharedKeyCache,
  type DeviceSecrets,
  type Ed25519Verifier,
  type MessageBody,
} from '@app/crypto';
import type { ChatMessage, DeviceKeys, KeysChanged, SendAck } from '@app/common/chat-protocol';
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { ContactTrust, type TrustState } from './contact-trust';
import { Emitter } from './events';
import { Inbox, type CursorStore, type ReceivedMessage } from './inbox';
import { KeyDirectory } from './key-directory';
import {
  LocalOutboxLock,
  MemoryOutboxStore,
  Outbox,
  type OutboxEvents,
  type OutboxLock,
  type OutboxPeers,
  type OutboxStore,
  type PendingMessage,
} from './outbox';
import { ChatTransport } from './transport';

export type { Ack, ChatMessage, DeviceKeys, SendAck } from '@app/common/chat-protocol';

export interface ChatClientEvents extends OutboxEvents {
  /** Every message once, in seq order per conversation (live or caught up by `sync`), decrypted. */
  message: (message: ReceivedMessage) => void;
  /** A member's devices changed (`keys:changed`); `trust` is this device's view after re-reading their keys. */
  keysChanged: (change: KeysChanged & { trust?: TrustState }) => void;
  receipt: (receipt: { conversationId: string; memberId: string; readSeq: number }) => void;
  typing: (signal: { conversationId: string; memberId: string; typing: boolean }) => void;
  conversation: (update: { conversationId: string; change: string }) => void;
  /** A conversation partner came online or went offline (on any node). */
  presence: (state: { memberId: string; online: boolean; lastSeenAt: string | null }) => void;
  /** The server ended this session or device; the client stops reconnecting. */
  revoked: (notice: { reason: string }) => void;
  /** After each (re)connect, once the catch-up `sync` is done. */
  synced: () => void;
  /** The socket came up or went down (a dropped link, say): what waits in the outbox leaves once it is back. */
  connection: (state: { connected: boolean }) => void;
}

export interface ChatClientOptions {
  /** Server origin, e.g. http://localhost:3000. */
  url: string;
  /** Access token (or a function giving a fresh one at each connect). */
  token: string | (() => string | Promise<string>);
  deviceId: string;
  /**
   * This device's key operations (`DeviceVault.secrets`, `BrowserDeviceVault.secrets` in the browser); its public
   * keys are the ones registered as `deviceId`.
   */
  secrets: DeviceSecrets;
  /**
   * How Ed25519 signatures are verified: `defaultEd25519Verifier()` (WebCrypto where it works, tweetnacl otherwise)
   * unless given, e.g. `NodeEd25519Verifier` from `@app/client/node`.
   */
  verifier?: Ed25519Verifier;
  /** Trust decisions per contact (the vaults persist them); in memory by default. */
  trust?: ContactTrust;
  /** Where pending messages wait, sealed (`BrowserDeviceVault.outbox`: IndexedDB); in memory by default. */
  outbox?: OutboxStore;
  /** Who may send from a shared outbox (`BrowserDeviceVault.outboxLock`: one tab at a time); this client by default. */
  outboxLock?: OutboxLock;
  /** The other tabs sharing that outbox (`BrowserDeviceVault.outboxPeers`): a message one sends settles in all. */
  outboxPeers?: OutboxPeers;
  /** Last seq already known per conversation (e.g. restored from storage); others start at 0. */
  cursors?: Record<string, number>;
  /** Keeps those between runs (`BrowserDeviceVault.cursors`): a reload catches up from where it was. */
  cursorStore?: CursorStore;
  /** How long to wait for an ack before resending (ms). */
  ackTimeoutMs?: number;
  /** Pause between resend rounds (ms). */
  retryDelayMs?: number;
  syncPageSize?: number;
  socket?: Partial<ManagerOptions & SocketOptions>;
}

/**
 * The typed chat client, browser-safe (socket.io-client and libs/crypto only). Every message is end-to-end
 * encrypted: `send` seals the body for every current device of every current participant (own devices included)
 * and signs it; received messages are verified against the sender device's registered key and decrypted — the
 * server only ever relays and stores envelopes. Sends go through an outbox that keeps them sealed and resends with
 * the same `clientMessageId` until the server acknowledges (it stores a message once, whatever the retries); every
 * (re)connect runs `sync` from the last seq seen per conversation, so messages missed while offline arrive in order,
 * gap-free and without duplicates.
 *
 * Its parts, each usable and tested alone: `ChatTransport` (the typed socket), `KeyDirectory` (public keys, their
 * bindings, trust), `Inbox` (cursors, sync, decryption), `Outbox` (pending messages, their store and lock).
 */
export class ChatClient {
  readonly trust: ContactTrust;
  private readonly transport: ChatTransport;
  private readonly directory: KeyDirectory;
  private readonly inbox: Inbox;
  private readonly outbox: Outbox;
  private readonly events = new Emitter<ChatClientEvents>();

  constructor(options: ChatClientOptions) {
    this.trust = options.trust ?? new ContactTrust();
    const verifier = options.verifier;
    const verify = () => (verifier ? Promise.resolve(verifier) : defaultEd25519Verifier());
    const sharedKeys = new SharedKeyCache(options.secrets);
    const own = { deviceId: options.deviceId, publicKeys: options.secrets.publicKeys };
    this.transport = new ChatTransport(options);
    this.directory = new KeyDirectory(this.transport, this.trust, own, verify);
    this.outbox = new Outbox(this.transport, this.directory, {
      deviceId: options.deviceId,
      secrets: options.secrets,
      sharedKeys,
      verifier: verify,
      store: options.outbox ?? new MemoryOutboxStore(),
      lock: options.outboxLock ?? new LocalOutboxLock(),
      peers: options.outboxPeers,
      retryDelayMs: options.retryDelayMs,
      emit: (event, ...args) => this.events.emit(event, ...args),
    });
    this.inbox = new Inbox(this.transport, this.directory, {
      deviceId: options.deviceId,
      secrets: options.secrets,
      sharedKeys,
      verifier: verify,
      cursors: options.cursors,
      cursorStore: options.cursorStore,
      syncPageSize: options.syncPageSize,
      deliver: (message) => this.events.emit('message', message),
      ownMessage: (message) => this.outbox.seen(message),
    });
    this.transport.onConnect(() => void this.catchUp().then(() => this.outbox.flush()));
    this.transport.onConnection((connected) => this.events.emit('connection', { connected }));
    this.transport.on('message:new', (message) => this.inbox.receive(message));
    this.transport.on('receipt', (receipt) => this.events.emit('receipt', receipt));
    this.transport.on('typing', (signal) => this.events.emit('typing', signal));
    this.transport.on('conversation:updated', (update) => {
      this.directory.forget(update.conversationId);
      this.events.emit('conversation', update);
    });
    this.transport.on('keys:changed', (change) => {
      void this.directory
        .keysChanged(change)
        .then((trust) => this.events.emit('keysChanged', { ...change, trust }));
    });
    this.transport.on('presence', (state) => this.events.emit('presence', state));
    this.transport.on('session:revoked', (notice) => {
      this.outbox.close();
      this.events.emit('revoked', notice);
    });
  }

  get connected(): boolean {
    return this.transport.connected;
  }

  /** Messages waiting for an ack. */
  get pending(): number {
    return this.outbox.size;
  }

  /** The last seq seen per conversation (persist it to resume later). */
  get positions(): Record<string, number> {
    return this.inbox.positions;
  }

  /** Connects; resolves after the first catch-up sync, rejects with the server's handshake refusal. */
  async connect(): Promise<void> {
    this.outbox.open();
    let stop = () => {};
    const synced = new Promise<void>((resolve) => (stop = this.events.on('synced', resolve)));
    try {
      await this.transport.open();
      await synced;
    } finally {
      stop();
    }
  }

  close(): void {
    this.outbox.close();
    this.transport.close();
  }

  /**
   * Queues a message: sealed at once (for the conversation's current devices; offline and before any key list was
   * read, for this device alone, and again before it leaves), kept sealed in the outbox, sent as soon as connected.
   * Resolves with the server's ack (after any number of resends). Rejects on a final refusal, or with
   * SafetyNumberChangedError when a participant's keys changed since this device last accepted them, unless
   * `confirmKeyChanges`.
   */
  send(
    conversationId: string,
    body: MessageBody,
    options: { clientMessageId?: string; confirmKeyChanges?: boolean } = {},
  ): Promise<SendAck> {
    return this.outbox.queue(conversationId, body, options);
  }

  /** What waits in the outbox, bodies read back from the sealed records (after a reload too). */
  pendingMessages(): Promise<PendingMessage[]> {
    return this.outbox.pendingMessages();
  }

  /**
   * Decrypts a message from anywhere (GraphQL history included: its envelope may be the JSON text): verified against
   * the sender device's registered identity key, for this device's wrap. Never throws: an envelope that fails comes
   * back with `body: null` and the reason.
   */
  decrypt(message: ChatMessage): Promise<ReceivedMessage> {
    return this.inbox.decrypt(message);
  }

  /** Every device of the conversation's participants, as the server lists them (cached until a change). */
  keysOf(conversationId: string): Promise<DeviceKeys[]> {
    return this.directory.keysOf(conversationId);
  }

  /**
   * The 60-digit safety number with a contact, from both members' current identity keys (all their devices); the
   * contact's device shows the same digits. Compare them out of band, then `trust.verify(memberId, keys)`.
   */
  safetyNumber(memberId: string): Promise<{ digits: string; theirKeys: string[] }> {
    return this.directory.safetyNumber(memberId);
  }

  async read(conversationId: string, seq: number): Promise<number> {
    const ack = await this.transport.request('message:read', { conversationId, seq });
    return ack.readSeq;
  }

  async typing(conversationId: string, typing: boolean): Promise<void> {
    await this.transport.request('typing', { conversationId, typing });
  }

  /** Pulls everything after the known seqs (all pages); new messages are emitted as `message`. */
  sync(): Promise<void> {
    return this.inbox.sync();
  }

  on<E extends keyof ChatClientEvents>(event: E, listener: ChatClientEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  once<E extends keyof ChatClientEvents>(event: E, listener: ChatClientEvents[E]): void {
    this.events.once(event, listener);
  }

  off<E extends keyof ChatClientEvents>(event: E, listener: ChatClientEvents[E]): void {
    this.events.off(event, listener);
  }

  private async catchUp(): Promise<void> {
    try {
      await this.inbox.sync();
    } catch {
      // The next reconnect syncs again.
    }
    this.events.emit('synced');
  }
}
