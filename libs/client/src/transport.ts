import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ChatRequest,
  ChatRequester,
  ClientToServerEvents,
  HandshakeAuth,
  RequestAck,
  RequestPayload,
  RequestResult,
  ServerToClientEvents,
} from '@app/common/chat-protocol';
import { ErrorCode, type ErrorPayload } from '@app/common/error-codes';

/** A refusal from the server (its typed error), or a request that got no answer in time. */
export class ChatError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ChatError';
  }

  get code(): string {
    return this.payload.code;
  }
}

export interface TransportOptions {
  /** Server origin, e.g. http://localhost:3000. */
  url: string;
  /** Access token (or a function giving a fresh one at each connect). */
  token: string | (() => string | Promise<string>);
  deviceId: string;
  /** How long a request waits for its ack unless told otherwise (ms). */
  ackTimeoutMs?: number;
  socket?: Partial<ManagerOptions & SocketOptions>;
}

export type ServerEvent = keyof ServerToClientEvents;

/**
 * The socket, typed on both ends by `@app/common/chat-protocol`: the handshake (token and device id, asked afresh at
 * every reconnect), acknowledged requests (`request<E>`: the ack's type follows the event, a refusal or a timeout
 * rejects with a ChatError) and the server's events. Knows nothing of encryption.
 */
export class ChatTransport {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** One typed function per request (Socket.IO's `emitWithAck` cannot be called with a generic event name). */
  private readonly requester: ChatRequester;

  constructor(private readonly options: TransportOptions) {
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
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** The ack timeout of sends (ms). */
  get ackTimeoutMs(): number {
    return this.options.ackTimeoutMs ?? 5000;
  }

  /** A server event, typed (`connect` and `disconnect` too). */
  on<E extends ServerEvent>(event: E, listener: ServerToClientEvents[E]): void {
    (this.socket.on as (name: E, handler: ServerToClientEvents[E]) => void)(event, listener);
  }

  onConnect(listener: () => void): void {
    this.socket.on('connect', listener);
  }

  /** The socket came up (`true`) or went down (`false`): a dropped link, the server gone, or `close()`. */
  onConnection(listener: (connected: boolean) => void): void {
    this.socket.on('connect', () => listener(true));
    this.socket.on('disconnect', () => listener(false));
  }

  /** Opens the socket; rejects with the server's handshake refusal (the socket then stays closed). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        this.socket.off('connect_error', onError);
        resolve();
      };
      const onError = (error: Error & { data?: ErrorPayload }) => {
        this.socket.off('connect', onConnect);
        this.socket.disconnect();
        reject(new ChatError(error.data ?? { code: ErrorCode.UNAUTHENTICATED, message: error.message }));
      };
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  close(): void {
    this.socket.disconnect();
  }

  /** One acknowledged request; a refusal or a timeout rejects with a ChatError. */
  async request<E extends ChatRequest>(
    event: E,
    payload: RequestPayload<E>,
    timeoutMs?: number,
  ): Promise<RequestResult<E>> {
    const send: ChatRequester[E] = this.requester[event];
    let ack: RequestAck<E>;
    try {
      ack = await send(payload, timeoutMs ?? this.ackTimeoutMs);
    } catch {
      throw new ChatError({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: `${event}: no answer in time` });
    }
    if (!ack.ok) {
      throw new ChatError(ack.error);
    }
    return ack;
  }
}
