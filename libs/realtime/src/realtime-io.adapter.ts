import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { filter, finalize, type Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { GracefulShutdown } from '@app/common';
import type { ChatConfig, RedisConfig } from '@app/config';
import { createRedisClient } from './cluster/redis-client';
import { allowRequestFor } from './handshake';
import { ChatMetrics } from './metrics/chat-metrics';
import { hostilePayload } from './payload-guard';

/**
 * The Socket.IO server settings every chat node shares: path, buffer limit, Origin check in `allowRequest`, CORS for
 * polling, and no connection-state recovery (it would skip the handshake middleware; clients `sync` instead). With
 * REDIS_URL, the Redis adapter connects the nodes: a broadcast to a member room reaches that member's sockets on
 * every node.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];
  /** Events being handled (their acks not yet sent); at shutdown they finish before the sockets close. */
  private inFlight = 0;
  private draining = false;
  private settled?: () => void;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly chat: ChatConfig,
    private readonly redis: RedisConfig = {},
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const settings: Partial<ServerOptions> = {
      ...options,
      path: this.chat.path,
      serveClient: false,
      maxHttpBufferSize: this.chat.maxHttpBufferSize,
      allowRequest: allowRequestFor(this.chat.allowedOrigins),
      cors: { origin: this.chat.allowedOrigins, credentials: true },
      connectionStateRecovery: undefined,
    };
    const server = super.createIOServer(port, settings) as Server;
    if (this.redis.url) {
      const publisher = createRedisClient(this.redis.url, 'socket.io adapter (publish)');
      const subscriber = createRedisClient(this.redis.url, 'socket.io adapter (subscribe)');
      this.clients.push(publisher, subscriber);
      server.adapter(createAdapter(publisher, subscriber, { key: 'counterpart:socket.io' }));
    }
    this.lookup(GracefulShutdown)?.onDrain(() => this.drain(server));
    return server;
  }

  /**
   * Every event's payload passes `hostilePayload` here, before any handler or transform sees it: a reserved key or
   * too deep a nesting is refused with a BAD_USER_INPUT ack and the handler never runs.
   *
   * Nest's IoAdapter gives every socket an rxjs pipeline per handler (fromEvent → mergeMap → takeUntil(disconnect$))
   * that lives as long as the socket; with thousands of idle sockets that is most of the memory a socket costs beyond
   * bare Socket.IO. Same behaviour with one plain listener per handler: Socket.IO drops the listeners with the socket.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        if (this.draining) {
          return; // no answer: the client's ack times out when the socket closes, and it sends again elsewhere
        }
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args) as {
          data: unknown;
          ack?: unknown;
        };
        const refusal = hostilePayload(data);
        if (refusal) {
          this.metrics()?.errors.inc({ event: String(message), code: refusal.code });
          if (typeof ack === 'function') {
            (ack as (value: unknown) => void)({ ok: false, error: refusal.toPayload() });
          }
          return;
        }
        this.inFlight += 1;
        transform(callback(data, ack))
          .pipe(
            finalize(() => this.settle()),
            filter((response) => response !== null && response !== undefined),
          )
          .subscribe((response) => {
            const reply = response as { event?: string; data?: unknown };
            if (reply.event) {
              socket.emit(reply.event, reply.data);
            } else if (!isAckHandledManually && typeof ack === 'function') {
              (ack as (value: unknown) => void)(response);
            }
          });
      });
    }
  }

  private chatMetrics?: ChatMetrics | null;

  /** The node's metrics, looked up once (absent in an app without the chat module). */
  private metrics(): ChatMetrics | undefined {
    if (this.chatMetrics === undefined) {
      this.chatMetrics = this.lookup(ChatMetrics) ?? null;
    }
    return this.chatMetrics ?? undefined;
  }

  private lookup<T>(type: new (...args: never[]) => T): T | undefined {
    try {
      return this.app.get(type, { strict: false });
    } catch {
      return undefined;
    }
  }

  private settle(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) {
      this.settled?.();
    }
  }

  /**
   * Shutdown: new events go unanswered, the ones in progress finish (a message acknowledged is committed), then every
   * socket's connection closes — as if the node had gone, so clients reconnect (to another node) and resend what was
   * not acknowledged. Not `disconnect()`: a server-side disconnect tells Socket.IO clients not to reconnect.
   */
  private async drain(server: Server): Promise<void> {
    this.draining = true;
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => (this.settled = resolve));
    }
    for (const socket of server.of('/').sockets.values()) {
      socket.conn.close();
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => undefined)));
  }
}
