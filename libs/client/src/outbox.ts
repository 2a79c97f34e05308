import {
  openEnvelope,
  sealEnvelope,
  type DeviceSecrets,
  type Ed25519Verifier,
  type EnvelopeV1,
  type MessageBody,
  type SharedKeyCache,
} from '@app/crypto';
import type { ChatMessage, DeviceKeys, SendAck } from '@app/common/chat-protocol';
import { ErrorCode, type ErrorPayload } from '@app/common/error-codes';
import type { KeyDirectory } from './key-directory';
import { ChatError, type ChatTransport } from './transport';

/** What the outbox needs of the transport and of the key directory (tests give fakes). */
export type OutboxTransport = Pick<ChatTransport, 'connected' | 'ackTimeoutMs' | 'request'>;
export type OutboxKeys = Pick<KeyDirectory, 'keysOf' | 'cachedKeysOf' | 'forget' | 'changedOwners' | 'trust'>;

/**
 * A message waiting for the server's ack, as an outbox store keeps it: **sealed**, never in plaintext. The sending
 * device wraps every message for itself too, so it can read the body back (to show it as pending after a reload, or
 * to seal it again for a changed set of devices); nobody else who reads the store can.
 */
export interface OutboxRecord {
  clientMessageId: string;
  conversationId: string;
  envelope: EnvelopeV1;
  /** Send even if a participant's safety number changed since it was queued. */
  confirmKeyChanges: boolean;
  /** When it was queued (ms since the epoch): sends go oldest first. */
  queuedAt: number;
}

/** Where pending messages live: memory (Node), IndexedDB (`@app/client/browser`), anything keyed by clientMessageId. */
export interface OutboxStore {
  /** Every record, oldest first. */
  list(): Promise<OutboxRecord[]>;
  put(record: OutboxRecord): Promise<void>;
  delete(clientMessageId: string): Promise<void>;
}

export class MemoryOutboxStore implements OutboxStore {
  private readonly records = new Map<string, OutboxRecord>();

  list(): Promise<OutboxRecord[]> {
    return Promise.resolve([...this.records.values()].sort((a, b) => a.queuedAt - b.queuedAt));
  }

  put(record: OutboxRecord): Promise<void> {
    this.records.set(record.clientMessageId, record);
    return Promise.resolve();
  }

  delete(clientMessageId: string): Promise<void> {
    this.records.delete(clientMessageId);
    return Promise.resolve();
  }
}

/**
 * Who may send from a shared store: one holder at a time, which re-reads the store before sending, so a message two
 * tabs both see leaves once. `LocalOutboxLock` within one process; `webLocksOutboxLock` (`@app/client/browser`)
 * across the tabs of a browser.
 */
export interface OutboxLock {
  /** Runs `work` while holding the lock; resolves or rejects as it does. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

export class LocalOutboxLock implements OutboxLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** What an outbox tells the others sharing its store: a message left it, sent or refused for good. */
export type OutboxNotice =
  | { kind: 'sent'; clientMessageId: string; conversationId: string; ack: SendAck }
  | { kind: 'rejected'; clientMessageId: string; conversationId: string; error: SendFailure };

/**
 * The other outboxes of a shared store (the member's other tabs): a tab whose message another tab sent or saw
 * refused settles its `send` at once. `BroadcastChannel` in the browser (`BrowserDeviceVault.outboxPeers`);
 * `LocalOutboxPeers` between the clients of one program.
 */
export interface OutboxPeers {
  post(notice: OutboxNotice): void;
  /** Every notice the others post (never one's own); returns the unsubscribe function. */
  listen(listener: (notice: OutboxNotice) => void): () => void;
}

/** Outboxes of one process sharing a store: each one's `peers()` hears the others. */
export class LocalOutboxPeers {
  private readonly listeners = new Set<(notice: OutboxNotice) => void>();

  peers(): OutboxPeers {
    const own = new Set<(notice: OutboxNotice) => void>();
    return {
      post: (notice) => this.listeners.forEach((listener) => !own.has(listener) && listener(notice)),
      listen: (listener) => {
        own.add(listener);
        this.listeners.add(listener);
        return () => {
          own.delete(listener);
          this.listeners.delete(listener);
        };
      },
    };
  }
}

/** A random id for `clientMessageId` (Web Crypto: browsers and Node). */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
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

/** A pending message as the app shows it ("waiting for the network"), read back from its envelope. */
export interface PendingMessage {
  clientMessageId: string;
  conversationId: string;
  queuedAt: number;
  body: MessageBody;
}

export interface OutboxEvents {
  /** Sealed and in the store: it survives a reload from here on. */
  queued: (message: { clientMessageId: string; conversationId: string }) => void;
  /** The server stored it (its ack, or the message seen in the conversation — sent by another tab, say). */
  sent: (message: { clientMessageId: string; conversationId: string; ack: SendAck }) => void;
  /** A send refused for good (bad input, not a participant, a changed safety number…): it leaves the outbox. */
  rejected: (failure: { clientMessageId: string; conversationId: string; error: SendFailure }) => void;
}

export interface OutboxOptions {
  deviceId: string;
  secrets: DeviceSecrets;
  sharedKeys: SharedKeyCache;
  verifier: () => Promise<Ed25519Verifier>;
  store: OutboxStore;
  lock: OutboxLock;
  /** The other outboxes of the store, if it is shared. */
  peers?: OutboxPeers;
  /** Pause between resend rounds (ms). */
  retryDelayMs?: number;
  emit: <E extends keyof OutboxEvents>(event: E, ...args: Parameters<OutboxEvents[E]>) => void;
}

/** The longest a resend waits for its ack. */
const MAX_ACK_TIMEOUT_MS = 30_000;

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

interface Waiter {
  resolve: (ack: SendAck) => void;
  reject: (error: ChatError | SafetyNumberChangedError) => void;
}

interface Entry {
  clientMessageId: string;
  conversationId: string;
  /** When `send` was called: the outbox's order. */
  queuedAt: number;
  /** Null while it is first sealed. */
  record: OutboxRecord | null;
  /**
   * How many store listings had begun when it was stored (0: not stored — a failed write keeps it in memory only: it
   * is still sent, but would not survive a reload).
   */
  storedAfter: number;
  /** Stored here, then gone from the store: another tab sent it; it is done when seen in the conversation. */
  elsewhere: boolean;
  inFlight: boolean;
  /** A resend that failed in a way a later one may not: waits for the retry timer. */
  backingOff: boolean;
  /** Sends so far; each resend waits twice as long for its ack (up to MAX_ACK_TIMEOUT_MS). */
  attempts: number;
  reseals: number;
  /** `send` calls waiting for it (none for a message restored from the store). */
  waiters: Waiter[];
}

/**
 * Pending messages until the server acknowledges them. Each is sealed when queued — for the conversation's devices
 * when they are known, for this device alone when it is offline and knows none yet — and kept sealed in the store;
 * before it goes out, it is sealed again if the devices that may read it changed. Sends repeat with the same
 * `clientMessageId` (the server stores a message once, whatever the retries) until acknowledged, refused for good,
 * or seen in the conversation. Sending holds the lock and re-reads the store first, so of several tabs sharing a
 * store one sends each message; records found there from an earlier page (a reload) are sent like new ones.
 */
export class Outbox {
  private readonly entries = new Map<string, Entry>();
  private draining: Promise<void> | null = null;
  /** Wakes a running drain: new work (a message queued in this tab, a reseal, the retry timer). */
  private wake: (() => void) | null = null;
  /** Work arrived while a drain ran (it may have been finishing): drain again after it. */
  private more = false;
  /** Store listings begun so far, counted from 1 (0 marks a record that is not stored). */
  private listings = 1;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly transport: OutboxTransport,
    private readonly directory: OutboxKeys,
    private readonly options: OutboxOptions,
  ) {
    this.listen();
  }

  /** Messages this client knows to be waiting (queued here, or found in the store when it last sent). */
  get size(): number {
    return this.entries.size;
  }

  /** Queues a message; resolves with the server's ack (after any number of resends). */
  queue(
    conversationId: string,
    body: MessageBody,
    options: { clientMessageId?: string; confirmKeyChanges?: boolean } = {},
  ): Promise<SendAck> {
    const clientMessageId = options.clientMessageId ?? newClientMessageId();
    return new Promise<SendAck>((resolve, reject) => {
      const known = this.entries.get(clientMessageId);
      if (known) {
        known.waiters.push({ resolve, reject }); // the same message queued twice: one send, both answered
        return;
      }
      const entry: Entry = {
        clientMessageId,
        conversationId,
        queuedAt: Date.now(),
        record: null,
        storedAfter: 0,
        elsewhere: false,
        inFlight: false,
        backingOff: false,
        attempts: 0,
        reseals: 0,
        waiters: [{ resolve, reject }],
      };
      this.entries.set(clientMessageId, entry);
      void this.prepare(entry, body, options.confirmKeyChanges ?? false);
    });
  }

  /** What is waiting, bodies read back from the sealed records (for "waiting for the network" after a reload too). */
  async pendingMessages(): Promise<PendingMessage[]> {
    const stored = await this.options.store.list();
    const ids = new Set(stored.map((record) => record.clientMessageId));
    // Never stored (a failed write): still waiting here. Entries another tab sent are not pending any more.
    const memoryOnly = [...this.entries.values()]
      .filter((entry) => entry.storedAfter === 0 && !entry.elsewhere)
      .map((entry) => entry.record)
      .filter((record): record is OutboxRecord => record !== null && !ids.has(record.clientMessageId));
    const records = [...stored, ...memoryOnly].sort((a, b) => a.queuedAt - b.queuedAt);
    const pending = await Promise.all(
      records.map(async (record) => {
        const body = await this.reopen(record.envelope).catch(() => null);
        return body ? { ...this.summary(record), queuedAt: record.queuedAt, body } : null;
      }),
    );
    return pending.filter((message): message is PendingMessage => message !== null);
  }

  /** Sends what is waiting, if connected; called on every connect and after every queue. */
  flush(): void {
    if (!this.transport.connected || this.closed) {
      return;
    }
    if (this.draining) {
      this.more = true;
      this.wake?.();
      return;
    }
    this.draining = this.options.lock
      .run(() => this.drain())
      .catch(() => this.scheduleRetry())
      .finally(() => {
        this.draining = null;
        if (this.more) {
          this.more = false;
          this.flush();
        }
      });
  }

  /** A message of this device seen in its conversation: whatever the outbox holds for it is done. */
  seen(message: ChatMessage): void {
    const entry = this.entries.get(message.clientMessageId);
    if (entry && entry.conversationId === message.conversationId) {
      void this.done(entry, { messageId: message.messageId, seq: message.seq, sentAt: message.sentAt });
    } else if (!entry) {
      // Found by sync before this page read the store (its ack was lost, or another tab had sent it).
      void this.options.store.delete(message.clientMessageId).catch(() => undefined);
    }
  }

  /** Sends again after `close` (a new `connect`). */
  open(): void {
    this.closed = false;
    // A send that failed while closing waits for no timer now: the next drain sends it.
    this.entries.forEach((entry) => (entry.backingOff = false));
    this.listen();
  }

  /** Stops sending (what is queued stays in the store). */
  close(): void {
    this.closed = true;
    this.stopListening?.();
    this.stopListening = null;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  /** Seals a new message, stores it, then sends. */
  private async prepare(entry: Entry, body: MessageBody, confirmKeyChanges: boolean): Promise<void> {
    try {
      const devices = await this.knownDevices(entry.conversationId);
      const envelope = await this.seal(entry, body, confirmKeyChanges, devices);
      const record: OutboxRecord = {
        ...this.summary(entry),
        envelope,
        // A confirmation covers the changes seen when it was given: once applied, a later change stops it again.
        confirmKeyChanges: confirmKeyChanges && devices === null,
        queuedAt: entry.queuedAt,
      };
      const stored = await this.options.store.put(record).then(
        () => true,
        () => false,
      );
      // Sendable only now: a refusal can no longer race the write and leave the record behind.
      entry.record = record;
      entry.storedAfter = stored ? this.listings : 0;
      if (stored) {
        this.options.emit('queued', this.summary(entry));
      }
      this.flush();
    } catch (error) {
      await this.fail(entry, error);
    }
  }

  /**
   * The conversation's current devices, to seal for: read from the server when connected (or cached); null when
   * offline and none was read yet — the message is then sealed for this device alone, and again before it is sent.
   */
  private async knownDevices(conversationId: string): Promise<DeviceKeys[] | null> {
    if (!this.transport.connected && !this.directory.cachedKeysOf(conversationId)) {
      return null;
    }
    try {
      return (await this.directory.keysOf(conversationId)).filter((device) => device.current);
    } catch {
      return null; // no answer now: sealed for this device, and again once the keys can be read
    }
  }

  /**
   * The body sealed for these devices and this one, after the participants' keys are checked against what this
   * device accepted before (a changed key stops the send unless confirmed). `devices` null: this device alone.
   */
  private async seal(
    entry: Entry,
    body: MessageBody,
    confirmKeyChanges: boolean,
    devices: DeviceKeys[] | null,
  ): Promise<EnvelopeV1> {
    if (devices) {
      const changed = this.directory.changedOwners(devices);
      if (changed.length > 0) {
        if (!confirmKeyChanges) {
          throw new SafetyNumberChangedError(changed);
        }
        changed.forEach((memberId) => this.directory.trust.acceptChange(memberId));
      }
    }
    const { deviceId, secrets, sharedKeys } = this.options;
    return sealEnvelope({
      conversationId: entry.conversationId,
      clientMessageId: entry.clientMessageId,
      senderDeviceId: deviceId,
      secrets,
      recipients: this.recipients(devices),
      body,
      sharedKeys,
    });
  }

  /** The sender can always read what it sent (a former participant's send is refused by the server, not here). */
  private recipients(devices: DeviceKeys[] | null): Array<{ deviceId: string; encryptionKey: string }> {
    const { deviceId, secrets } = this.options;
    const list = devices ?? [];
    return list.some((device) => device.deviceId === deviceId)
      ? list
      : [...list, { deviceId, encryptionKey: secrets.publicKeys.encryptionKey }];
  }

  /** The body of an envelope this device sealed (its own wrap), checked like any message. */
  private async reopen(envelope: EnvelopeV1): Promise<MessageBody> {
    const { deviceId, secrets, sharedKeys } = this.options;
    return openEnvelope(envelope, {
      conversationId: envelope.conversationId,
      clientMessageId: envelope.clientMessageId,
      sender: { deviceId, ...secrets.publicKeys },
      deviceId,
      secrets,
      sharedKeys,
      verifier: await this.options.verifier(),
    });
  }

  /**
   * Under the lock: the store re-read (records of an earlier page or another tab join), then every record sent; the
   * lock is held while anything is in flight, and what this tab queues meanwhile goes out at once.
   */
  private async drain(): Promise<void> {
    const listing = ++this.listings;
    // An unreadable store (closed by a wipe in another tab, say): what this page holds is still sent.
    const listed = await this.options.store.list().catch(() => null);
    const stored = listed ?? [];
    const ids = new Set(stored.map((record) => record.clientMessageId));
    for (const record of stored) {
      if (!this.entries.has(record.clientMessageId)) {
        this.entries.set(record.clientMessageId, {
          ...this.summary(record),
          queuedAt: record.queuedAt,
          record,
          storedAfter: listing,
          elsewhere: false,
          inFlight: false,
          backingOff: false,
          attempts: 0,
          reseals: 0,
          waiters: [],
        });
      }
    }
    for (const entry of this.entries.values()) {
      // Stored before this listing began, yet not in it: another tab sent it.
      if (
        listed !== null &&
        entry.storedAfter > 0 &&
        entry.storedAfter < listing &&
        !ids.has(entry.clientMessageId)
      ) {
        entry.elsewhere = true;
      }
    }
    const running = new Set<Promise<void>>();
    for (;;) {
      this.more = false;
      for (const entry of this.entries.values()) {
        if (
          entry.record &&
          !entry.inFlight &&
          !entry.elsewhere &&
          !entry.backingOff &&
          this.transport.connected
        ) {
          const attempt: Promise<void> = this.attempt(entry).finally(() => running.delete(attempt));
          running.add(attempt);
        }
      }
      if (running.size === 0) {
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void Promise.race(running).then(resolve);
      });
      this.wake = null;
    }
  }

  private async attempt(entry: Entry): Promise<void> {
    entry.inFlight = true;
    const timeout = Math.min(this.transport.ackTimeoutMs * 2 ** entry.attempts, MAX_ACK_TIMEOUT_MS);
    entry.attempts += 1;
    try {
      const envelope = await this.upToDate(entry);
      const ack = await this.transport.request(
        'message:send',
        { conversationId: entry.conversationId, clientMessageId: entry.clientMessageId, envelope },
        timeout,
      );
      await this.done(entry, { messageId: ack.messageId, seq: ack.seq, sentAt: ack.sentAt });
    } catch (error) {
      await this.failed(entry, error);
    } finally {
      entry.inFlight = false;
    }
  }

  /** The stored envelope, or a new one when the devices that may read the conversation changed since it was sealed. */
  private async upToDate(entry: Entry): Promise<EnvelopeV1> {
    const record = entry.record as OutboxRecord;
    const devices = (await this.directory.keysOf(entry.conversationId)).filter((device) => device.current);
    const wanted = this.recipients(devices).map((device) => device.deviceId);
    const sealedFor = new Set(record.envelope.wraps.map((wrap) => wrap.deviceId));
    if (wanted.length === sealedFor.size && wanted.every((deviceId) => sealedFor.has(deviceId))) {
      return record.envelope;
    }
    const body = await this.reopen(record.envelope);
    const envelope = await this.seal(entry, body, record.confirmKeyChanges, devices);
    entry.record = { ...record, envelope, confirmKeyChanges: false };
    if (entry.storedAfter > 0) {
      await this.options.store.put(entry.record).catch(() => undefined);
    }
    return envelope;
  }

  private async done(entry: Entry, ack: SendAck, told = false): Promise<void> {
    if (this.entries.get(entry.clientMessageId) !== entry) {
      return; // already done (its ack and its echo both arrived)
    }
    this.entries.delete(entry.clientMessageId);
    entry.waiters.forEach((waiter) => waiter.resolve(ack));
    this.options.emit('sent', { ...this.summary(entry), ack });
    if (!told) {
      await this.options.store.delete(entry.clientMessageId).catch(() => undefined);
      this.tell({ kind: 'sent', ...this.summary(entry), ack });
    }
  }

  /** Tells the other tabs; a closed channel (the vault closed) tells nobody, and breaks nothing here. */
  private tell(notice: OutboxNotice): void {
    try {
      this.options.peers?.post(notice);
    } catch {
      // The others find out from the store or the conversation.
    }
  }

  /** Another tab's notice: a message this outbox also holds left the store there. */
  private listen(): void {
    this.stopListening ??=
      this.options.peers?.listen((notice) => {
        const entry = this.entries.get(notice.clientMessageId);
        if (!entry || entry.conversationId !== notice.conversationId) {
          return;
        }
        if (notice.kind === 'sent') {
          void this.done(entry, notice.ack, true);
        } else {
          const { error } = notice;
          void this.fail(
            entry,
            'memberIds' in error ? new SafetyNumberChangedError(error.memberIds) : new ChatError(error),
            true,
          );
        }
      }) ?? null;
  }

  private async failed(entry: Entry, error: unknown): Promise<void> {
    if (
      error instanceof ChatError &&
      error.code === ErrorCode.BAD_USER_INPUT &&
      error.payload.fields?.some((field) => field.path === 'wraps') &&
      entry.reseals < MAX_RESEALS
    ) {
      // Someone left, was suspended or revoked a device since the keys were read: seal again for who may read now.
      entry.reseals += 1;
      this.directory.forget(entry.conversationId);
      return; // not backing off: the running drain sends it again at once
    }
    const final = error instanceof ChatError ? FINAL_ERRORS.has(error.code) : true;
    if (!final) {
      entry.backingOff = true;
      this.scheduleRetry();
      return;
    }
    await this.fail(entry, error);
  }

  /** Refused for good: out of the outbox and the store, `send` rejects, `rejected` says why. */
  private async fail(entry: Entry, error: unknown, told = false): Promise<void> {
    if (this.entries.get(entry.clientMessageId) !== entry) {
      return;
    }
    this.entries.delete(entry.clientMessageId);
    if (entry.storedAfter > 0 && !told) {
      await this.options.store.delete(entry.clientMessageId).catch(() => undefined);
    }
    const failure =
      error instanceof ChatError || error instanceof SafetyNumberChangedError
        ? error
        : new ChatError({
            code: ErrorCode.INTERNAL_SERVER_ERROR,
            message: error instanceof Error ? error.message : 'The message could not be sealed.',
          });
    const payload: SendFailure =
      failure instanceof ChatError
        ? failure.payload
        : { code: 'SAFETY_NUMBER_CHANGED', message: failure.message, memberIds: failure.memberIds };
    this.options.emit('rejected', { ...this.summary(entry), error: payload });
    entry.waiters.forEach((waiter) => waiter.reject(failure));
    if (entry.storedAfter > 0 && !told) {
      this.tell({ kind: 'rejected', ...this.summary(entry), error: payload });
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) {
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.entries.forEach((entry) => (entry.backingOff = false));
      this.flush();
    }, this.options.retryDelayMs ?? 1000);
  }

  private summary(item: { clientMessageId: string; conversationId: string }) {
    return { clientMessageId: item.clientMessageId, conversationId: item.conversationId };
  }
}
