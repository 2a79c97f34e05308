import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Points the environment at an empty database for one benchmark: `cp_bench_<name>` recreated on the PostgreSQL
 * server of DATABASE_URL, or `<dir>/<name>[-smoke].sqlite` deleted (with its WAL files). Set before the database
 * code loads, since entity column types are fixed at import.
 */
export async function useFreshBenchDatabase(
  name: string,
  options: { dir: string; smoke: boolean; postgres: boolean },
): Promise<void> {
  if (options.postgres) {
    if (!process.env.DATABASE_URL) {
      throw new Error('BENCH_PG=1 needs DATABASE_URL (or `npm run services:start`)');
    }
    const database = `cp_bench_${name}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    process.env.DATABASE_URL = url.toString();
    return;
  }
  delete process.env.DATABASE_URL;
  const file = resolve(options.dir, `${name}${options.smoke ? '-smoke' : ''}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${file}${suffix}`, { force: true });
  }
  process.env.SQLITE_PATH = file;
}
