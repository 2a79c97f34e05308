import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { ChatConfig, RedisConfig } from '@app/config';
import { createRedisClient } from './cluster/redis-client';
import { allowRequestFor } from './handshake';

/**
 * The Socket.IO server settings every chat node shares: path, buffer limit, Origin check in `allowRequest`, CORS for
 * polling, and no connection-state recovery (it would skip the handshake middleware; clients `sync` instead). With
 * REDIS_URL, the Redis adapter connects the nodes: a broadcast to a member room reaches that member's sockets on
 * every node.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
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

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => undefined)));
  }
}
