import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { redisConfig, type RedisConfig } from '@app/config';
import { IdentityEvents } from '@app/identity';
import { MessagingEvents } from '@app/messaging';
import { createRedisClient } from './redis-client';

const CHANNEL = 'counterpart:events';

type BridgedEvent =
  | { type: 'sessionsRevoked'; event: Parameters<IdentityEvents['sessionsRevoked']>[0] }
  | { type: 'deviceRevoked'; event: Parameters<MessagingEvents['deviceRevoked']>[0] }
  | { type: 'conversationUpdated'; event: Parameters<MessagingEvents['conversationUpdated']>[0] }
  | { type: 'devicesChanged'; event: Parameters<MessagingEvents['devicesChanged']>[0] };

/**
 * Carries identity and messaging events between processes over Redis pub/sub when REDIS_URL is set, so a suspension
 * decided by the API disconnects the member's sockets on every chat node. Each process republishes its own events
 * and replays the others' on its local emitters (never republishing what it received). Without Redis it does nothing:
 * events stay in process.
 */
@Injectable()
export class ClusterBridge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClusterBridge.name);
  private readonly nodeId = randomUUID();
  private publisher?: Redis;
  private subscriber?: Redis;
  private replaying = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
    private readonly identity: IdentityEvents,
    private readonly messaging: MessagingEvents,
  ) {}

  get enabled(): boolean {
    return this.publisher !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.url) {
      return;
    }
    this.publisher = createRedisClient(this.redis.url, 'events (publish)');
    this.subscriber = createRedisClient(this.redis.url, 'events (subscribe)');
    this.subscriber.on('message', (_channel: string, raw: string) => this.replay(raw));
    await this.subscriber.subscribe(CHANNEL);
    this.unsubscribe.push(
      this.identity.onSessionsRevoked((event) => this.publish({ type: 'sessionsRevoked', event })),
      this.messaging.onDeviceRevoked((event) => this.publish({ type: 'deviceRevoked', event })),
      this.messaging.onConversationUpdated((event) => this.publish({ type: 'conversationUpdated', event })),
      this.messaging.onDevicesChanged((event) => this.publish({ type: 'devicesChanged', event })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe.splice(0).forEach((stop) => stop());
    for (const client of [this.subscriber, this.publisher]) {
      await client?.quit().catch(() => undefined);
    }
  }

  /** Redis round trip, for health checks. */
  async ping(): Promise<void> {
    await this.publisher?.ping();
  }

  private publish(message: BridgedEvent): void {
    if (this.replaying || !this.publisher) {
      return;
    }
    this.publisher
      .publish(CHANNEL, JSON.stringify({ origin: this.nodeId, ...message }))
      .catch((error: Error) => this.logger.error(`Could not publish ${message.type}: ${error.message}`));
  }

  private replay(raw: string): void {
    let message: BridgedEvent & { origin?: string };
    try {
      message = JSON.parse(raw) as BridgedEvent & { origin?: string };
    } catch {
      return;
    }
    if (message.origin === this.nodeId) {
      return;
    }
    this.replaying = true;
    try {
      switch (message.type) {
        case 'sessionsRevoked':
          this.identity.sessionsRevoked(message.event);
          break;
        case 'deviceRevoked':
          this.messaging.deviceRevoked(message.event);
          break;
        case 'conversationUpdated':
          this.messaging.conversationUpdated(message.event);
          break;
        case 'devicesChanged':
          this.messaging.devicesChanged(message.event);
          break;
      }
    } finally {
      this.replaying = false;
    }
  }
}
