// Used by Jest's global setup/teardown, which run outside the module mapper: relative imports only.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../libs/config/src/database.config';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { migrateDatabase } from '../../libs/database/src/migration-runner';

export const TEST_TMP_DIR = resolve(__dirname, '../../tmp/test-db');
export const TEMPLATE_ENV = 'COUNTERPART_TEST_TEMPLATE';

export type TemplateDialect = 'sqlite' | 'postgres';

export function testDialect(): TemplateDialect {
  return process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

export function databaseConfigFor(target: { sqlitePath?: string; url?: string }): DatabaseConfig {
  return {
    dialect: target.url ? 'postgres' : 'sqlite',
    url: target.url,
    sqlitePath: target.sqlitePath ?? ':memory:',
    migrateOnBoot: false,
    seedOnBoot: false,
    busyTimeoutMs: 5000,
    poolSize: 4,
    connectTimeoutMs: 5000,
    logging: false,
    checkpointIntervalMs: 0,
  };
}

/** The URL of another database on the same PostgreSQL server. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function migrate(config: DatabaseConfig): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    await migrateDatabase(dataSource);
    if (config.dialect === 'sqlite') {
      await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Migrates one template database per test run: a SQLite file that workers copy, or a PostgreSQL database that
 * workers clone with CREATE DATABASE … TEMPLATE. Returns the file path or database name.
 */
export async function createTemplateDatabase(): Promise<string> {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  if (testDialect() === 'sqlite') {
    mkdirSync(TEST_TMP_DIR, { recursive: true });
    const file = join(TEST_TMP_DIR, `template_${suffix}.sqlite`);
    await migrate(databaseConfigFor({ sqlitePath: file }));
    return file;
  }
  const name = `cp_template_${suffix}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  await migrate(databaseConfigFor({ url: withDatabaseName(process.env.DATABASE_URL as string, name) }));
  return name;
}

/** `cp_t_<run>_`: the prefix of the databases cloned from the template `cp_template_<run>`. */
export function testDatabasePrefix(template: string): string {
  return `cp_t_${template.replace(/^cp_template_/, '')}_`;
}

export async function dropTemplateDatabase(template: string): Promise<void> {
  if (testDialect() === 'sqlite') {
    // Only this run's template: another run (a second terminal, an editor's test runner) may share the folder.
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      rmSync(`${template}${suffix}`, { force: true });
    }
    return;
  }
  // This run's template and the databases cloned from it (left behind by a crashed worker), never another run's.
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`,
      [template, testDatabasePrefix(template)],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
