import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  defaultEd25519Verifier,
  EnvelopeError,
  fromBase64,
  openEnvelope,
  safetyNumber,
  sealEnvelope,
  SharedKeyCache,
  verifyRegistrationWith,
  type DeviceSecrets,
  type Ed25519Verifier,
  type EnvelopeProblem,
  type EnvelopeV1,
  type MessageBody,
} from '@app/crypto';
import type {
  ChatMessage,
  ChatRequest,
  ChatRequester,
  ClientToServerEvents,
  DeviceKeys,
  HandshakeAuth,
  KeysChanged,
  KeysPayload,
  RequestAck,
  RequestPayload,
  RequestResult,
  SendAck,
  ServerToClientEvents,
} from '@app/common/chat-protocol';
import { ErrorCode, type ErrorPayload } from '@app/common/error-codes';
import { ContactTrust, type TrustState } from './contact-trust';

export type { Ack, ChatMessage, DeviceKeys, SendAck } from '@app/common/chat-protocol';

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

/** Why a send left the outbox: the server's refusal, or a changed safety number this device stopped at. */
export type SendFailure =
  ErrorPayload | { code: 'SAFETY_NUMBER_CHANGED'; message: string; memberIds: string[] };

/** Sending to these contacts needs `{ confirmKeyChanges: true }` (or `trust.acceptChange` / `verify` first). */
export class SafetyNumberChangedError extends Error {
  constructor(readonly memberIds: string[]) {
    super(`The safety number changed for ${memberIds.length} contact(s); confirm before sending.`);
    this.name = 'SafetyNumberChangedError';
  }
}

export interface ChatClientEvents {
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
  /** A send refused for good (bad input, not a participant, a changed safety number…): it leaves the outbox. */
  rejected: (failure: { clientMessageId: string; conversationId: string; error: SendFailure }) => void;
}

export interface ChatClientOptions {
  /** Server origin, e.g. http://localhost:3000. */
  url: string;
  /** Access token (or a function giving a fresh one at each connect). */
  token: string | (() => string | Promise<string>);
  deviceId: string;
  /**
   * This device's key operations (`DeviceVault.secrets`, or `WebCryptoDeviceSecrets` in the browser); its public keys
   * are the ones registered as `deviceId`.
   */
  secrets: DeviceSecrets;
  /**
   * How Ed25519 signatures are verified: `defaultEd25519Verifier()` (WebCrypto where it works, tweetnacl otherwise)
   * unless given, e.g. `NodeEd25519Verifier` from `@app/client/node`.
   */
  verifier?: Ed25519Verifier;
  /** Trust decisions per contact (DeviceVault persists them); in memory by default. */
  trust?: ContactTrust;
  /** Last seq already known per conversation (e.g. restored from storage); others start at 0. */
  cursors?: Record<string, number>;
  /** How long to wait for an ack before resending (ms). */
  ackTimeoutMs?: number;
  /** Pause between resend rounds (ms). */
  retryDelayMs?: number;
  syncPageSize?: number;
  socket?: Partial<ManagerOptions & SocketOptions>;
}

/** The longest a resend waits for its ack. */
const MAX_ACK_TIMEOUT_MS = 30_000;
/** Key lookups wait at least this long, whatever the (possibly very short) ack timeout of sends. */
const KEYS_TIMEOUT_MS = 5_000;

/** Refusals a resend cannot fix: the message leaves the outbox and `send` rejects. */
const FINAL_ERRORS = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.UNAUTHENTICATED,
]);

/** A refusal for wraps to devices that may no longer read: refresh the keys and seal again, this often at most. */
const MAX_RESEALS = 2;

interface Pending {
  conversationId: string;
  clientMessageId: string;
  body: MessageBody;
  confirmKeyChanges: boolean;
  /** Sealed once; sealed again only when the server refuses its wraps. */
  envelope: EnvelopeV1 | null;
  reseals: number;
  inFlight: boolean;
  /** Sends so far; each resend waits twice as long for its ack (up to MAX_ACK_TIMEOUT_MS). */
  attempts: number;
  resolve: (ack: SendAck) => void;
  reject: (error: ChatError | SafetyNumberChangedError) => void;
}

export class ChatError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ChatError';
  }

  get code(): string {
    return this.payload.code;
  }
}

/** A random id for `clientMessageId` (Web Crypto: browsers and Node). */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The typed chat client, browser-safe (socket.io-client and libs/crypto only). Every message is end-to-end
 * encrypted: `send` seals the body for every current device of every current participant (own devices included)
 * and signs it; received messages are verified against the sender device's registered key and decrypted — the
 * server only ever relays and stores envelopes. Sends go through an outbox that resends with the same
 * `clientMessageId` until the server acknowledges (it stores a message once, whatever the retries); every
 * (re)connect runs `sync` from the last seq seen per conversation, so messages missed while offline arrive in order,
 * gap-free and without duplicates.
 */
export class ChatClient {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** One typed function per request (Socket.IO's `emitWithAck` cannot be called with a generic event name). */
  private readonly requester: ChatRequester;
  private readonly cursors = new Map<string, number>();
  private readonly outbox = new Map<string, Pending>();
  private readonly listeners = new Map<keyof ChatClientEvents, Set<(...args: never[]) => void>>();
  private syncing: Promise<void> | null = null;
  /** Decryption is asynchronous (it may fetch a sender's keys): one chain keeps `message` events in seq order. */
  private incoming: Promise<void> = Promise.resolve();
  /** `keys` answers per conversation (dropped on key or participant changes) and every device seen, by id. */
  private readonly conversationKeys = new Map<string, Promise<DeviceKeys[]>>();
  private readonly knownDevices = new Map<string, DeviceKeys>();
  private readonly sharedKeys: SharedKeyCache;
  private readonly bindings = new Map<string, Promise<boolean>>();
  /** (conversation, sending device, clientMessageId) → the message it was first opened as (replay detection). */
  private readonly opened = new Map<string, string>();
  private memberId: string | null = null;
  readonly trust: ContactTrust;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: ChatClientOptions) {
    this.trust = options.trust ?? new ContactTrust();
    this.sharedKeys = new SharedKeyCache(options.secrets);
    Object.entries(options.cursors ?? {}).forEach(([id, seq]) => this.cursors.set(id, seq));
    this.socket = io(options.url, {
      path: '/socket.io',
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: 200,
      reconnectionDelayMax: 2000,
      ...options.socket,
      auth: (callback) => {
        const token = typeof options.token === 'function' ? options.token() : options.token;
        void Promise.resolve(token).then((value) =>
          callback({ token: value, deviceId: options.deviceId } satisfies HandshakeAuth),
        );
      },
    });
    const socket = this.socket;
    this.requester = {
      'session:ping': (payload, ms) => socket.timeout(ms).emitWithAck('session:ping', payload),
      'message:send': (payload, ms) => socket.timeout(ms).emitWithAck('message:send', payload),
      sync: (payload, ms) => socket.timeout(ms).emitWithAck('sync', payload),
      'message:read': (payload, ms) => socket.timeout(ms).emitWithAck('message:read', payload),
      typing: (payload, ms) => socket.timeout(ms).emitWithAck('typing', payload),
      keys: (payload, ms) => socket.timeout(ms).emitWithAck('keys', payload),
    };
    this.socket.on('connect', () => {
      void this.catchUp().then(() => this.flush());
    });
    this.socket.on('message:new', (message) => this.receive(message));
    this.socket.on('receipt', (receipt) => this.emit('receipt', receipt));
    this.socket.on('typing', (signal) => this.emit('typing', signal));
    this.socket.on('conversation:updated', (update) => {
      this.conversationKeys.delete(update.conversationId);
      this.emit('conversation', update);
    });
    this.socket.on('keys:changed', (change) => void this.keysChanged(change));
    this.socket.on('presence', (state) => this.emit('presence', state));
    this.socket.on('session:revoked', (notice) => {
      this.closed = true;
      this.emit('revoked', notice);
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Messages waiting for an ack. */
  get pending(): number {
    return this.outbox.size;
  }

  /** The last seq seen per conversation (persist it to resume later). */
  get positions(): Record<string, number> {
    return Object.fromEntries(this.cursors);
  }

  /** Connects; resolves after the first catch-up sync, rejects with the server's handshake refusal. */
  connect(): Promise<void> {
    this.closed = false;
    return new Promise((resolve, reject) => {
      const onSynced = () => {
        this.socket.off('connect_error', onError);
        resolve();
      };
      const onError = (error: Error & { data?: ErrorPayload }) => {
        this.off('synced', onSynced);
        this.socket.disconnect();
        reject(new ChatError(error.data ?? { code: ErrorCode.UNAUTHENTICATED, message: error.message }));
      };
      this.once('synced', onSynced);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
    }
    this.socket.disconnect();
  }

  /**
   * Queues a message; it is sealed when it is first sent (for the devices current then) and resolves with the
   * server's ack (after any number of resends). Rejects on a final refusal, or with SafetyNumberChangedError when a
   * participant's keys changed since this device last accepted them, unless `confirmKeyChanges`.
   */
  send(
    conversationId: string,
    body: MessageBody,
    options: { clientMessageId?: string; confirmKeyChanges?: boolean } = {},
  ): Promise<SendAck> {
    const clientMessageId = options.clientMessageId ?? newClientMessageId();
    return new Promise((resolve, reject) => {
      this.outbox.set(clientMessageId, {
        conversationId,
        clientMessageId,
        body,
        confirmKeyChanges: options.confirmKeyChanges ?? false,
        envelope: null,
        reseals: 0,
        inFlight: false,
        attempts: 0,
        resolve,
        reject,
      });
      this.flush();
    });
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
    // This device's own messages are checked against the keys it holds, never against what the server lists.
    const own = message.senderDeviceId === this.options.deviceId;
    const sender = own
      ? { deviceId: this.options.deviceId, memberId: message.senderId, ...this.options.secrets.publicKeys }
      : await this.senderDevice(message);
    if (!sender || sender.memberId !== message.senderId) {
      return result(envelope, null, 'UNKNOWN_SENDER_DEVICE');
    }
    const senderTrust = 'revoked' in sender ? this.observeSender(sender) : undefined;
    try {
      const body = await openEnvelope(envelope, {
        conversationId: message.conversationId,
        clientMessageId: message.clientMessageId,
        sender,
        deviceId: this.options.deviceId,
        secrets: this.options.secrets,
        sharedKeys: this.sharedKeys,
        verifier: await this.verifier(),
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

  /** Every device of the conversation's participants, as the server lists them (cached until a change). */
  keysOf(conversationId: string): Promise<DeviceKeys[]> {
    let keys = this.conversationKeys.get(conversationId);
    if (!keys) {
      keys = this.lookup({ conversationId }).then(async (devices) => {
        // Only devices whose encryption key their identity key signed: nothing else is sealed for or believed.
        const bound = await this.boundOnly(devices);
        bound.forEach((device) => this.knownDevices.set(device.deviceId, device));
        return bound;
      });
      keys.catch(() => this.conversationKeys.delete(conversationId));
      this.conversationKeys.set(conversationId, keys);
    }
    return keys;
  }

  /**
   * The 60-digit safety number with a contact, from both members' current identity keys (all their devices); the
   * contact's device shows the same digits. Compare them out of band, then `trust.verify(memberId, keys)`.
   */
  async safetyNumber(memberId: string): Promise<{ digits: string; theirKeys: string[] }> {
    this.memberId ??= (await this.request('session:ping', {}, this.lookupTimeoutMs)).memberId;
    // Bound devices only, like every other use of the key list.
    const devices = await this.boundOnly(await this.lookup({ memberIds: [this.memberId, memberId] }));
    const keysOf = (owner: string) =>
      devices.filter((device) => device.memberId === owner && !device.revoked);
    // This device's own key is the one it holds, not what the server says: a swap of it shows as a mismatch too.
    const ownKey = this.options.secrets.publicKeys.identityKey;
    const mine = [
      ownKey,
      ...keysOf(this.memberId)
        .filter((device) => device.deviceId !== this.options.deviceId)
        .map((device) => device.identityKey),
    ];
    const theirKeys = keysOf(memberId).map((device) => device.identityKey);
    const decode = (keys: string[]) => keys.map((key) => fromBase64(key) ?? new Uint8Array());
    return { digits: safetyNumber(decode(mine), decode(theirKeys)), theirKeys };
  }

  async read(conversationId: string, seq: number): Promise<number> {
    const ack = await this.request('message:read', { conversationId, seq });
    return ack.readSeq;
  }

  async typing(conversationId: string, typing: boolean): Promise<void> {
    await this.request('typing', { conversationId, typing });
  }

  /** Pulls everything after the known seqs (all pages); new messages are emitted as `message`. */
  sync(): Promise<void> {
    this.syncing ??= this.pull().finally(() => (this.syncing = null));
    return this.syncing;
  }

  on<E extends keyof ChatClientEvents>(event: E, listener: ChatClientEvents[E]): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => this.off(event, listener);
  }

  once<E extends keyof ChatClientEvents>(event: E, listener: ChatClientEvents[E]): void {
    const wrapped = ((...args: Parameters<ChatClientEvents[E]>) => {
      this.off(event, wrapped);
      (listener as (...values: Parameters<ChatClientEvents[E]>) => void)(...args);
    }) as ChatClientEvents[E];
    this.on(event, wrapped);
  }

  off<E extends keyof ChatClientEvents>(event: E, listener: ChatClientEvents[E]): void {
    this.listeners.get(event)?.delete(listener);
  }

  /** Lookups (keys, who am I) wait at least KEYS_TIMEOUT_MS, whatever the sends' ack timeout. */
  private get lookupTimeoutMs(): number {
    return Math.max(this.options.ackTimeoutMs ?? 0, KEYS_TIMEOUT_MS);
  }

  /** `keys`: public device keys. */
  private async lookup(payload: KeysPayload): Promise<DeviceKeys[]> {
    return (await this.request('keys', payload, this.lookupTimeoutMs)).devices;
  }

  /** One acknowledged request; a refusal or a timeout rejects with a ChatError. */
  private async request<E extends ChatRequest>(
    event: E,
    payload: RequestPayload<E>,
    timeoutMs?: number,
  ): Promise<RequestResult<E>> {
    const send: ChatRequester[E] = this.requester[event];
    let ack: RequestAck<E>;
    try {
      ack = await send(payload, timeoutMs ?? this.options.ackTimeoutMs ?? 5000);
    } catch {
      throw new ChatError({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: `${event}: no answer in time` });
    }
    if (!ack.ok) {
      throw new ChatError(ack.error);
    }
    return ack;
  }

  private async catchUp(): Promise<void> {
    try {
      await this.sync();
    } catch {
      // The next reconnect syncs again.
    }
    this.emit('synced');
  }

  private async pull(): Promise<void> {
    for (;;) {
      const page = await this.request('sync', {
        since: Object.fromEntries(this.cursors),
        limit: this.options.syncPageSize ?? 200,
      });
      page.messages.forEach((message) => this.accept(message));
      if (!page.hasMore || page.messages.length === 0) {
        return;
      }
    }
  }

  /** A live message: the next one is shown at once; a gap means something was missed, so sync fills it. */
  private receive(message: ChatMessage): void {
    const known = this.cursors.get(message.conversationId) ?? 0;
    if (message.seq === known + 1) {
      this.accept(message);
    } else if (message.seq > known + 1) {
      void this.sync().catch(() => undefined);
    }
  }

  private accept(message: ChatMessage): void {
    const known = this.cursors.get(message.conversationId) ?? 0;
    if (message.seq <= known) {
      return; // already seen
    }
    this.cursors.set(message.conversationId, message.seq);
    this.incoming = this.incoming
      .then(() => this.decrypt(message))
      .then((received) => this.emit('message', received))
      .catch((error: unknown) => {
        // A listener's own bug: surface it like an event emitter would, without stopping the chain.
        setTimeout(() => {
          throw error;
        });
      });
  }

  /** The sending device's registered keys: known, or from the conversation's key list (revoked devices included). */
  private async senderDevice(message: ChatMessage): Promise<DeviceKeys | undefined> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const known = this.knownDevices.get(message.senderDeviceId);
      if (known) {
        return known;
      }
      this.conversationKeys.delete(message.conversationId);
      try {
        await this.keysOf(message.conversationId);
        return this.knownDevices.get(message.senderDeviceId);
      } catch {
        // No answer (offline, timeout): try again shortly before calling the sender unknown.
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
    return undefined;
  }

  private verifier(): Promise<Ed25519Verifier> {
    return this.options.verifier ? Promise.resolve(this.options.verifier) : defaultEd25519Verifier();
  }

  /** The devices whose binding signature verifies (checked once per key set). */
  private async boundOnly(devices: DeviceKeys[]): Promise<DeviceKeys[]> {
    const verifier = await this.verifier();
    const verdicts = await Promise.all(
      devices.map((device) => {
        const key = `${device.identityKey}|${device.encryptionKey}|${device.keySignature ?? ''}`;
        let verified = this.bindings.get(key);
        if (verified === undefined) {
          verified = verifyRegistrationWith(device, verifier).catch(() => false);
          this.bindings.set(key, verified);
        }
        return verified;
      }),
    );
    return devices.filter((_, index) => verdicts[index]);
  }

  /**
   * What this device believes about a sender's key: the member's current keys are recorded like before a send, so
   * a device the server slipped in (a key this device never accepted) shows as `changed` on what it sends too.
   */
  private observeSender(sender: DeviceKeys): TrustState | undefined {
    if (sender.revoked) {
      return this.trust.state(sender.memberId); // history from a retired device: nothing new to learn
    }
    const keys = new Set([sender.identityKey]);
    for (const device of this.knownDevices.values()) {
      if (
        device.memberId === sender.memberId &&
        !device.revoked &&
        device.deviceId !== this.options.deviceId
      ) {
        keys.add(device.identityKey);
      }
    }
    return this.trust.observe(sender.memberId, [...keys]);
  }

  private async keysChanged(change: KeysChanged): Promise<void> {
    this.conversationKeys.clear();
    for (const [deviceId, device] of this.knownDevices) {
      if (device.memberId === change.memberId) {
        this.knownDevices.delete(deviceId);
      }
    }
    let trust: TrustState | undefined;
    if (this.trust.state(change.memberId) !== undefined) {
      try {
        const devices = await this.boundOnly(await this.lookup({ memberIds: [change.memberId] }));
        trust = this.trust.observe(
          change.memberId,
          devices
            .filter((device) => !device.revoked && device.deviceId !== this.options.deviceId)
            .map((device) => device.identityKey),
        );
      } catch {
        // The next send re-reads the keys anyway.
      }
    }
    this.emit('keysChanged', { ...change, trust });
  }

  /**
   * The envelope for a pending message: the body sealed for every current device of the conversation, after the
   * participants' keys are checked against what this device accepted before (a changed key stops the send unless
   * confirmed).
   */
  private async seal(pending: Pending): Promise<EnvelopeV1> {
    if (pending.envelope) {
      return pending.envelope;
    }
    const devices = (await this.keysOf(pending.conversationId)).filter((device) => device.current);
    const owners = new Map<string, string[]>();
    for (const device of devices) {
      // This device's own key too: the first look at its own member records all of its devices at once.
      owners.set(device.memberId, [...(owners.get(device.memberId) ?? []), device.identityKey]);
    }
    // Partners and this member's own other devices alike: a device never accepted before stops the send.
    const changed = [...owners]
      .filter(([memberId, keys]) => this.trust.observe(memberId, keys) === 'changed')
      .map(([memberId]) => memberId);
    if (changed.length > 0) {
      if (!pending.confirmKeyChanges) {
        throw new SafetyNumberChangedError(changed);
      }
      changed.forEach((memberId) => this.trust.acceptChange(memberId));
    }
    // The sender can always read what it sent (a former participant's send is refused by the server, not here).
    const recipients = devices.some((device) => device.deviceId === this.options.deviceId)
      ? devices
      : [
          ...devices,
          { deviceId: this.options.deviceId, encryptionKey: this.options.secrets.publicKeys.encryptionKey },
        ];
    const envelope = await sealEnvelope({
      conversationId: pending.conversationId,
      clientMessageId: pending.clientMessageId,
      senderDeviceId: this.options.deviceId,
      secrets: this.options.secrets,
      recipients,
      body: pending.body,
      sharedKeys: this.sharedKeys,
    });
    pending.envelope = envelope;
    return envelope;
  }

  /** Sends every queued message not already in flight; failures that may pass later are retried after a pause. */
  private flush(): void {
    if (!this.socket.connected || this.closed) {
      return;
    }
    for (const pending of this.outbox.values()) {
      if (pending.inFlight) {
        continue;
      }
      pending.inFlight = true;
      const timeout = Math.min(
        (this.options.ackTimeoutMs ?? 5000) * 2 ** pending.attempts,
        MAX_ACK_TIMEOUT_MS,
      );
      pending.attempts += 1;
      this.seal(pending)
        .then((envelope) =>
          this.request(
            'message:send',
            { conversationId: pending.conversationId, clientMessageId: pending.clientMessageId, envelope },
            timeout,
          ),
        )
        .then((ack) => {
          this.outbox.delete(pending.clientMessageId);
          pending.resolve({ messageId: ack.messageId, seq: ack.seq, sentAt: ack.sentAt });
        })
        .catch((error: unknown) => this.failed(pending, error));
    }
  }

  private failed(pending: Pending, error: unknown): void {
    pending.inFlight = false;
    if (
      error instanceof ChatError &&
      error.code === ErrorCode.BAD_USER_INPUT &&
      error.payload.fields?.some((field) => field.path === 'wraps') &&
      pending.reseals < MAX_RESEALS
    ) {
      // Someone left, was suspended or revoked a device since the keys were read: seal again for who may read now.
      pending.reseals += 1;
      pending.envelope = null;
      this.conversationKeys.delete(pending.conversationId);
      this.flush();
      return;
    }
    const final = error instanceof ChatError ? FINAL_ERRORS.has(error.code) : true;
    if (!final) {
      this.scheduleRetry();
      return;
    }
    this.outbox.delete(pending.clientMessageId);
    const failure =
      error instanceof ChatError || error instanceof SafetyNumberChangedError
        ? error
        : new ChatError({
            code: ErrorCode.INTERNAL_SERVER_ERROR,
            message: error instanceof Error ? error.message : 'The message could not be sealed.',
          });
    this.emit('rejected', {
      clientMessageId: pending.clientMessageId,
      conversationId: pending.conversationId,
      error:
        failure instanceof ChatError
          ? failure.payload
          : { code: 'SAFETY_NUMBER_CHANGED', message: failure.message, memberIds: failure.memberIds },
    });
    pending.reject(failure);
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) {
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, this.options.retryDelayMs ?? 1000);
  }

  private emit<E extends keyof ChatClientEvents>(event: E, ...args: Parameters<ChatClientEvents[E]>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...values: Parameters<ChatClientEvents[E]>) => void)(...args);
    }
  }
}
