import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { migrateDatabase, MIGRATION_LOCK_KEY, MIGRATIONS, WAITING_FOR_MIGRATION_LOCK } from '@app/database';
import { API_MAIN, startNode, STACK_LINE, type Running } from '../utils/processes';
import type { TemplateDialect } from '../utils/template-database';
import { connectDataSource, createEmptyDatabase, type TestDatabase } from '../utils/test-database';

const READY = /Counterpart is running at (http:\/\/localhost:\d+)/;
/** Two Nest boots on two shared cores, one of them waiting for the other's migrations. */
const BOOT_TIMEOUT_MS = 60_000;

/** Every table, column and index, in a stable order: two databases with the same schema give the same list. */
async function schemaOf(dataSource: DataSource): Promise<string[]> {
  const rows: { entry: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type AS entry
             FROM information_schema.columns WHERE table_schema = 'public'
           UNION ALL
           SELECT 'index ' || tablename || '.' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
           UNION ALL
           SELECT 'extension ' || extname FROM pg_extension
           ORDER BY 1`,
        )
      : await dataSource.query(
          `SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS entry FROM sqlite_master ORDER BY 1`,
        );
  return rows.map((row) => row.entry);
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query('SELECT name FROM schema_migration ORDER BY id');
  return rows.map((row) => row.name);
}

/** The schema one instance alone leaves on an empty database: what two instances together must leave too. */
async function singleInstanceSchema(dialect: TemplateDialect): Promise<string[]> {
  const database = await createEmptyDatabase(dialect);
  const dataSource = await connectDataSource(database.config, []);
  try {
    await migrateDatabase(dataSource, { log: () => undefined });
    return await schemaOf(dataSource);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

/** A migration "running elsewhere": a PostgreSQL session holding the migration lock until released. */
async function holdPostgresLock(url: string): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
  return () => client.end();
}

const API_ENV = { NODE_ENV: 'development', PORT: '0', DB_SEED_ON_BOOT: 'false' };

describe.each<[string, TemplateDialect]>([
  ['PostgreSQL', 'postgres'],
  ['SQLite', 'sqlite'],
])('two API instances starting together on an empty %s database', (_name, dialect) => {
  let reference: string[];
  let database: TestDatabase;
  let instances: Running[] = [];

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) {
      throw new Error(
        'DATABASE_URL is not set: run this suite with "npm run test:services" (scripts/services.sh start)',
      );
    }
    reference = await singleInstanceSchema(dialect);
  });

  beforeEach(async () => {
    database = await createEmptyDatabase(dialect);
  });

  afterEach(async () => {
    for (const instance of instances) {
      instance.child.kill('SIGKILL');
    }
    await Promise.all(instances.map((instance) => instance.finished));
    instances = [];
    await database.drop();
  });

  /** Both ready, one complete schema with each migration once, clean logs, clean stops. */
  async function expectOneConsistentSchema(): Promise<void> {
    const urls = await Promise.all(instances.map((instance) => instance.waitFor(READY, BOOT_TIMEOUT_MS)));
    for (const [, url] of urls) {
      expect((await fetch(`${url}/ready`)).status).toBe(200);
    }
    const dataSource = await connectDataSource(database.config, []);
    try {
      expect(await appliedMigrations(dataSource)).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(await schemaOf(dataSource)).toEqual(reference);
    } finally {
      await dataSource.destroy();
    }
    for (const instance of instances) {
      instance.child.kill('SIGTERM');
    }
    const exits = await Promise.all(instances.map((instance) => instance.finished));
    for (const exit of exits) {
      expect(exit.code).toBe(0);
      expect(exit.stderr).not.toMatch(STACK_LINE);
      expect(`${exit.stdout}\n${exit.stderr}`).not.toMatch(/error|did not start|failed/i);
    }
  }

  it('should leave one consistent schema when both start at the same moment', async () => {
    instances = [
      startNode(API_MAIN, { ...database.env, ...API_ENV }),
      startNode(API_MAIN, { ...database.env, ...API_ENV }),
    ];
    await expectOneConsistentSchema();
  });

  // SQLite's lock cannot be held from this process without blocking it (better-sqlite3 waits synchronously); its
  // waiting is covered by test/integration/migration-runner.int-spec.ts.
  if (dialect === 'postgres') {
    it('should make both wait while another migration holds the lock, then migrate once', async () => {
      const release = await holdPostgresLock(database.config.url as string);
      try {
        instances = [
          startNode(API_MAIN, { ...database.env, ...API_ENV }),
          startNode(API_MAIN, { ...database.env, ...API_ENV }),
        ];
        const waiting = new RegExp(WAITING_FOR_MIGRATION_LOCK);
        await Promise.all(instances.map((instance) => instance.waitFor(waiting, BOOT_TIMEOUT_MS)));
      } finally {
        await release();
      }
      await expectOneConsistentSchema();
    });
  }
});
