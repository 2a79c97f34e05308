import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { benchContext } from '../common/context';
import { useFreshBenchDatabase } from '../common/database';

/**
 * `npm run bench:chat`: our chat node against a bare socket.io 4.8 relay (no auth, no persistence), side by side in
 * one run, open loop, on 127.0.0.1, servers pinned to the last core and the load generator to the first:
 *   (a) N authenticated clients in rooms at a fixed send rate: acked, persisted, delivered, p50/p99 send→receive;
 *   (b) the rate stepped up to each one's knee (p99 ≤ 50 ms, everything delivered);
 *   (c) idle sockets held open: server memory per connection;
 *   (d) with Redis (REDIS_URL or .services.env): two chat nodes, clients split across them, against one node.
 * A benchmark reports; it fails only on wrong results in the smoke run (BENCH_SMOKE=1: small sizes, CI).
 * Options: BENCH_PG=1, BENCH_CLIENTS, BENCH_ROOM_SIZE, BENCH_RATE, BENCH_SECONDS, BENCH_IDLE, BENCH_KNEE_RATES,
 * BENCH_CLIENT_ONLY=1 (the client-side crypto cost only, no servers).
 */
async function main(): Promise<void> {
  const { root, smoke, postgres, dir } = benchContext();
  if (existsSync(resolve(root, '.services.env'))) {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };
    process.loadEnvFile(resolve(root, '.services.env'));
    Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, value]) => value)));
  }
  const secret = 'bench-chat-jwt-secret-0123456789abcdef';
  Object.assign(process.env, {
    NODE_ENV: 'production',
    JWT_SECRET: secret,
    TOTP_ENCRYPTION_KEY: `${secret}-totp`,
    LOG_LEVEL: 'warn',
    DB_SEED_ON_BOOT: 'false',
    DB_MIGRATE_ON_BOOT: 'false',
    CHAT_RATE_LIMIT_MESSAGES: '10000',
    HOST: '127.0.0.1',
  });
  await useFreshBenchDatabase('chat', { dir, smoke, postgres });
  const number = (name: string, full: number, small: number) =>
    Number(process.env[name] ?? (smoke ? small : full));
  const { runChatBench } = await import('./run');
  const report = await runChatBench({
    root,
    smoke,
    dialect: postgres ? 'postgres' : 'sqlite',
    clients: number('BENCH_CLIENTS', 1000, 40),
    roomSize: number('BENCH_ROOM_SIZE', 10, 4),
    rate: number('BENCH_RATE', 1000, 100),
    seconds: number('BENCH_SECONDS', 10, 2),
    kneeRates: (
      process.env.BENCH_KNEE_RATES ??
      (smoke ? '100,200' : '100,200,400,600,800,1000,1500,2000,3000,4000,6000,8000')
    )
      .split(',')
      .map(Number),
    kneeSeconds: smoke ? 1 : 4,
    idle: number('BENCH_IDLE', 5000, 200),
    redisUrl: process.env.REDIS_URL,
    clientOnly: process.env.BENCH_CLIENT_ONLY === '1',
  });
  const file = resolve(
    dir,
    `chat${process.env.BENCH_CLIENT_ONLY === '1' ? '-client' : ''}-${postgres ? 'postgres' : 'sqlite'}${smoke ? '-smoke' : ''}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, ...report }, null, 2)}\n`,
  );
  process.stdout.write(`  report: ${file}\n`);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(
      `bench:chat failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
