import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { exchangeCanary, findCanary, newCanary } from '../utils/canary';
import { remoteChatUsers } from '../utils/remote';
import { API_MAIN, CHAT_MAIN, startNode, type Running } from '../utils/processes';
import { createTestDatabase, type TestDatabase } from '../utils/test-database';

jest.setTimeout(90_000);

/** pg_dump of the same major version as the server the services script starts. */
function pgDump(): string {
  const candidates = ['/usr/lib/postgresql/15/bin/pg_dump', '/usr/bin/pg_dump'];
  return candidates.find((path) => existsSync(path)) ?? 'pg_dump';
}

/**
 * The canary in the production layout: API + two chat nodes on PostgreSQL and Redis, sender on one node, recipient
 * on the other (the message crosses Redis). While the recipient reads it, a `pg_dump` of the database, the logs of
 * all three processes and every command Redis saw (MONITOR) hold no trace of it in any encoding.
 */
describe('E2EE canary (PostgreSQL + Redis, three processes)', () => {
  let database: TestDatabase;
  const processes: Running[] = [];

  beforeAll(async () => {
    if (!process.env.REDIS_URL || !process.env.DATABASE_URL) {
      throw new Error('run this suite with "npm run test:services" (real PostgreSQL and Redis)');
    }
    database = await createTestDatabase();
  });

  afterAll(async () => {
    processes.forEach((running) => running.child.kill('SIGKILL'));
    await database.drop();
  });

  it('should let the recipient read the canary while the dump, the logs and Redis traffic hold none of it', async () => {
    const canary = newCanary();
    const redisUrl = process.env.REDIS_URL as string;
    const shared = {
      ...database.env,
      NODE_ENV: 'development',
      PORT: '0',
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'trace',
      DB_LOGGING: 'true',
    };
    const api = startNode(API_MAIN, { ...shared, CHAT_EMBEDDED: 'false', DB_SEED_ON_BOOT: 'false' });
    const nodeA = startNode(CHAT_MAIN, { ...shared, DB_MIGRATE_ON_BOOT: 'false' });
    const nodeB = startNode(CHAT_MAIN, { ...shared, DB_MIGRATE_ON_BOOT: 'false' });
    processes.push(api, nodeA, nodeB);
    const [, apiUrl] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
    const [, urlA] = await nodeA.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);
    const [, urlB] = await nodeB.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);

    const monitor = new Redis(redisUrl, { lazyConnect: true });
    const traffic: string[] = [];
    await monitor.connect();
    const feed = await monitor.monitor();
    feed.on('monitor', (_time: string, args: string[]) => traffic.push(args.join(' ')));
    let exchanged: Awaited<ReturnType<typeof exchangeCanary>>;
    try {
      const users = await remoteChatUsers(database.config, 2);
      exchanged = await exchangeCanary({ api: apiUrl, sender: urlA, receiver: urlB }, users, canary);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      feed.disconnect();
      monitor.disconnect();
    }
    const { stdout: dump } = await promisify(execFile)(pgDump(), [database.env.DATABASE_URL], {
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const running of [api, nodeA, nodeB]) {
      running.child.kill('SIGTERM');
    }
    const logs = await Promise.all([api, nodeA, nodeB].map((running) => running.finished));

    expect(exchanged.read).toMatchObject({ body: { text: canary }, problem: null });
    // Each haystack is real: the message crossed Redis, the dump has the message table, logging ran.
    const redisText = traffic.join('\n');
    expect(redisText).toContain('counterpart:socket.io');
    expect(dump).toContain('COPY public.message');
    expect(dump).toMatch(/"ciphertext"/);
    expect(logs.every((log) => log.stdout.length > 1000)).toBe(true);
    expect(findCanary(redisText, canary)).toEqual([]);
    expect(findCanary(dump, canary)).toEqual([]);
    expect(findCanary(logs.map((log) => log.stdout + log.stderr).join('\n'), canary)).toEqual([]);
    expect(exchanged.history).toContain('ciphertext'); // the history really came back, sealed
    expect(findCanary(exchanged.history, canary)).toEqual([]);
  });
});
