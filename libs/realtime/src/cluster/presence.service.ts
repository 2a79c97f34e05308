import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Presence } from '@app/common/chat-protocol';
import { redisConfig, type RedisConfig } from '@app/config';
import { createRedisClient } from './redis-client';

/** A member's presence as `presence` events and the GraphQL query carry it (the shared chat contract). */
export type { Presence } from '@app/common/chat-protocol';

/** A node refreshes its members' entries this often; an entry older than TTL (a crashed node) counts as offline. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;
const LAST_SEEN = 'lastSeen';
const key = (memberId: string) => `counterpart:presence:${memberId}`;

/**
 * Who is online, across nodes. Each node counts its own sockets per member and records, per member, "node → alive
 * until" in a Redis hash (in memory without REDIS_URL), refreshed by a heartbeat; a member is online while any
 * node's entry is alive, so a crashed node's members go offline within PRESENCE_TTL_MS. The last disconnect anywhere
 * stamps `lastSeen`. Transitions (first socket anywhere, last socket anywhere) are reported to the caller, which
 * tells the member's conversation partners.
 */
@Injectable()
export class PresenceService implements OnApplicationShutdown {
  private readonly nodeId = randomUUID();
  private readonly local = new Map<string, number>();
  private readonly memory = new Map<string, Map<string, string>>();
  private client?: Redis;
  private heartbeat?: ReturnType<typeof setInterval>;

  constructor(@Inject(redisConfig.KEY) private readonly redis: RedisConfig) {}

  /** A socket of the member connected here; true when the member just came online (nowhere else before). */
  async connected(memberId: string, now = Date.now()): Promise<boolean> {
    const count = (this.local.get(memberId) ?? 0) + 1;
    this.local.set(memberId, count);
    this.startHeartbeat();
    if (count > 1) {
      return false;
    }
    const wasOnline = await this.isOnline(memberId, now);
    await this.write(memberId, { [this.nodeId]: String(now + PRESENCE_TTL_MS) });
    return !wasOnline;
  }

  /** A socket of the member closed here; true when that was the member's last socket anywhere. */
  async disconnected(memberId: string, now = Date.now()): Promise<boolean> {
    const count = (this.local.get(memberId) ?? 1) - 1;
    if (count > 0) {
      this.local.set(memberId, count);
      return false;
    }
    this.local.delete(memberId);
    await this.remove(memberId, this.nodeId);
    if (await this.isOnline(memberId, now)) {
      return false;
    }
    await this.write(memberId, { [LAST_SEEN]: new Date(now).toISOString() });
    return true;
  }

  async presenceOf(memberIds: string[], now = Date.now()): Promise<Presence[]> {
    return Promise.all(
      memberIds.map(async (memberId) => {
        const entries = await this.read(memberId);
        return {
          memberId,
          online: aliveIn(entries, now),
          lastSeenAt: aliveIn(entries, now) ? null : (entries[LAST_SEEN] ?? null),
        };
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.heartbeat) {
      clearInterval(this.heartbeat);
    }
    await this.client?.quit().catch(() => undefined);
  }

  private async isOnline(memberId: string, now: number): Promise<boolean> {
    return aliveIn(await this.read(memberId), now);
  }

  private startHeartbeat(): void {
    if (this.heartbeat) {
      return;
    }
    this.heartbeat = setInterval(() => {
      const until = String(Date.now() + PRESENCE_TTL_MS);
      for (const memberId of this.local.keys()) {
        void this.write(memberId, { [this.nodeId]: until }).catch(() => undefined);
      }
    }, PRESENCE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private redisClient(): Redis | undefined {
    if (this.redis.url && !this.client) {
      this.client = createRedisClient(this.redis.url, 'presence');
    }
    return this.client;
  }

  private async read(memberId: string): Promise<Record<string, string>> {
    const client = this.redisClient();
    if (client) {
      return client.hgetall(key(memberId));
    }
    return Object.fromEntries(this.memory.get(memberId) ?? []);
  }

  private async write(memberId: string, fields: Record<string, string>): Promise<void> {
    const client = this.redisClient();
    if (client) {
      await client.hset(key(memberId), fields);
      await client.pexpire(key(memberId), 30 * 24 * 3600_000);
      return;
    }
    const entry = this.memory.get(memberId) ?? new Map<string, string>();
    Object.entries(fields).forEach(([field, value]) => entry.set(field, value));
    this.memory.set(memberId, entry);
  }

  private async remove(memberId: string, field: string): Promise<void> {
    const client = this.redisClient();
    if (client) {
      await client.hdel(key(memberId), field);
      return;
    }
    this.memory.get(memberId)?.delete(field);
  }
}

/** Any node entry (a numeric "alive until") still in the future. */
function aliveIn(entries: Record<string, string>, now: number): boolean {
  return Object.entries(entries).some(([field, value]) => field !== LAST_SEEN && Number(value) > now);
}
