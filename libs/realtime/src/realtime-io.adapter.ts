import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { filter, type Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions, Socket } from 'socket.io';
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
        transform(callback(data, ack))
          .pipe(filter((response) => response !== null && response !== undefined))
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
      try {
        this.chatMetrics = this.app.get(ChatMetrics, { strict: false });
      } catch {
        this.chatMetrics = null;
      }
    }
    return this.chatMetrics ?? undefined;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => undefined)));
  }
}
