import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

const logger = new Logger('Redis');

/**
 * An ioredis connection for chat (adapter, events, presence): bounded retries per command, and connection errors
 * logged as one line (an unhandled ioredis 'error' event would print a stack trace).
 */
export function createRedisClient(url: string, role: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 3 });
  client.on('error', (error: Error) => logger.warn(`${role}: ${error.message}`));
  return client;
}
