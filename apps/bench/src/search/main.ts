import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchContext } from '../common/context';
import { useFreshBenchDatabase } from '../common/database';

/**
 * `npm run bench:search` — see docs/BENCHMARKS.md. Environment:
 *   BENCH_PG=1          run on PostgreSQL (DATABASE_URL, or the one in .services.env) instead of SQLite
 *   BENCH_SMOKE=1       small sizes; checks results, not speed (CI)
 *   BENCH_PRACTITIONERS / BENCH_QUERIES / BENCH_COMPARE / BENCH_SECONDS / BENCH_RATE override the sizes
 *                       (BENCH_COMPARE: queries also run on the database engine, which must answer the same)
 * The database decides entity column types at import time, so the environment is set before the rest loads.
 */
async function main(): Promise<void> {
  const { root, smoke, postgres, dir } = benchContext();
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DB_SEED_ON_BOOT: 'false',
    DB_MIGRATE_ON_BOOT: 'false',
    DB_POOL_SIZE: '20',
  });
  if (postgres && !process.env.DATABASE_URL && existsSync(resolve(root, '.services.env'))) {
    process.loadEnvFile(resolve(root, '.services.env'));
  }
  await useFreshBenchDatabase('search', { dir, smoke, postgres });
  const { runSearchBench } = await import('./run');
  await runSearchBench({
    root,
    dir,
    smoke,
    dialect: postgres ? 'postgres' : 'sqlite',
    practitioners: Number(process.env.BENCH_PRACTITIONERS ?? (smoke ? 2000 : 100_000)),
    queries: Number(process.env.BENCH_QUERIES ?? (smoke ? 100 : 2000)),
    compare: Number(process.env.BENCH_COMPARE ?? (smoke ? 100 : 200)),
    seconds: Number(process.env.BENCH_SECONDS ?? (smoke ? 2 : 10)),
    rate: Number(process.env.BENCH_RATE ?? (smoke ? 50 : 200)),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
