import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { Ack, ChatMessage, SendAck } from '@app/common/chat-protocol';
import { ErrorCode, type ErrorPayload } from '@app/common/error-codes';

export type { Ack, ChatMessage, SendAck } from '@app/common/chat-protocol';

export interface ChatClientEvents {
  /** Every message once, in seq order per conversation (live or caught up by `sync`). */
  message: (message: ChatMessage) => void;
  receipt: (receipt: { conversationId: string; memberId: string; readSeq: number }) => void;
  typing: (signal: { conversationId: string; memberId: string; typing: boolean }) => void;
  conversation: (update: { conversationId: string; change: string }) => void;
  /** A conversation partner came online or went offline (on any node). */
  presence: (state: { memberId: string; online: boolean; lastSeenAt: string | null }) => void;
  /** The server ended this session or device; the client stops reconnecting. */
  revoked: (notice: { reason: string }) => void;
  /** After each (re)connect, once the catch-up `sync` is done. */
  synced: () => void;
  /** A send the server refused for good (bad input, not a participant…): it leaves the outbox. */
  rejected: (failure: { clientMessageId: string; conversationId: string; error: ErrorPayload }) => void;
}

export interface ChatClientOptions {
  /** Server origin, e.g. http://localhost:3000. */
  url: string;
  /** Access token (or a function giving a fresh one at each connect). */
  token: string | (() => string | Promise<string>);
  deviceId: string;
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

/** Refusals a resend cannot fix: the message leaves the outbox and `send` rejects. */
const FINAL_ERRORS = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.UNAUTHENTICATED,
]);

interface Pending {
  conversationId: string;
  clientMessageId: string;
  envelope: Record<string, unknown>;
  inFlight: boolean;
  /** Sends so far; each resend waits twice as long for its ack (up to MAX_ACK_TIMEOUT_MS). */
  attempts: number;
  resolve: (ack: SendAck) => void;
  reject: (error: ChatError) => void;
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
 * The typed chat client, browser-safe (socket.io-client only). Sends go through an outbox that resends with the
 * same `clientMessageId` until the server acknowledges (the server stores a message once, whatever the retries);
 * every (re)connect runs `sync` from the last seq seen per conversation, so messages missed while offline arrive
 * in order, gap-free and without duplicates.
 */
export class ChatClient {
  private readonly socket: Socket;
  private readonly cursors = new Map<string, number>();
  private readonly outbox = new Map<string, Pending>();
  private readonly listeners = new Map<keyof ChatClientEvents, Set<(...args: never[]) => void>>();
  private syncing: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: ChatClientOptions) {
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
        void Promise.resolve(token).then((value) => callback({ token: value, deviceId: options.deviceId }));
      },
    });
    this.socket.on('connect', () => {
      void this.catchUp().then(() => this.flush());
    });
    this.socket.on('message:new', (message: ChatMessage) => this.receive(message));
    this.socket.on('receipt', (receipt: Parameters<ChatClientEvents['receipt']>[0]) =>
      this.emit('receipt', receipt),
    );
    this.socket.on('typing', (signal: Parameters<ChatClientEvents['typing']>[0]) =>
      this.emit('typing', signal),
    );
    this.socket.on('conversation:updated', (update: Parameters<ChatClientEvents['conversation']>[0]) =>
      this.emit('conversation', update),
    );
    this.socket.on('presence', (state: Parameters<ChatClientEvents['presence']>[0]) =>
      this.emit('presence', state),
    );
    this.socket.on('session:revoked', (notice: { reason: string }) => {
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

  /** Queues a message; resolves with the server's ack (after any number of resends), rejects on a final refusal. */
  send(
    conversationId: string,
    envelope: Record<string, unknown>,
    clientMessageId = newClientMessageId(),
  ): Promise<SendAck> {
    return new Promise((resolve, reject) => {
      this.outbox.set(clientMessageId, {
        conversationId,
        clientMessageId,
        envelope,
        inFlight: false,
        attempts: 0,
        resolve,
        reject,
      });
      this.flush();
    });
  }

  async read(conversationId: string, seq: number): Promise<number> {
    const ack = await this.request<{ readSeq: number }>('message:read', { conversationId, seq });
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

  /** One acknowledged request; a refusal or a timeout rejects with a ChatError. */
  private async request<T extends object>(event: string, payload: unknown, timeoutMs?: number): Promise<T> {
    let ack: Ack<T>;
    try {
      ack = (await this.socket
        .timeout(timeoutMs ?? this.options.ackTimeoutMs ?? 5000)
        .emitWithAck(event, payload)) as Ack<T>;
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
      const page = await this.request<{ messages: ChatMessage[]; hasMore: boolean }>('sync', {
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
    this.emit('message', message);
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
      this.request<SendAck>(
        'message:send',
        {
          conversationId: pending.conversationId,
          clientMessageId: pending.clientMessageId,
          envelope: pending.envelope,
        },
        timeout,
      )
        .then((ack) => {
          this.outbox.delete(pending.clientMessageId);
          pending.resolve({ messageId: ack.messageId, seq: ack.seq, sentAt: ack.sentAt });
        })
        .catch((error: ChatError) => {
          pending.inFlight = false;
          if (FINAL_ERRORS.has(error.code)) {
            this.outbox.delete(pending.clientMessageId);
            this.emit('rejected', {
              clientMessageId: pending.clientMessageId,
              conversationId: pending.conversationId,
              error: error.payload,
            });
            pending.reject(error);
          } else {
            this.scheduleRetry();
          }
        });
    }
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
