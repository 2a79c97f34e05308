import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  dataSourceOptions,
  migrateDatabase,
  MIGRATION_LOCK_KEY,
  MIGRATIONS,
  WAITING_FOR_MIGRATION_LOCK,
} from '@app/database';
import { createEmptyDatabase, type TestDatabase } from '../utils/test-database';

/** Creates a table, then fails: what it did must be rolled back and the lock given up. */
class FailingMigration1700000000000 implements MigrationInterface {
  name = 'FailingMigration1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE half_done (id integer)');
    throw new Error('this migration fails on purpose');
  }

  async down(): Promise<void> {}
}

/**
 * Another process's hold on the migration lock: a PostgreSQL session holding the advisory lock, or a second SQLite
 * connection inside BEGIN IMMEDIATE. The SQLite one lives on a worker thread, because better-sqlite3 blocks the thread
 * it runs on while it waits for a lock, and the holder must be able to let go meanwhile.
 */
interface LockHolder {
  release(): void;
  /** Resolves once the lock is given up. */
  released: Promise<void>;
}

const HOLDER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.exec('BEGIN IMMEDIATE');
parentPort.on('message', () => {
  db.exec('COMMIT');
  db.close();
  parentPort.postMessage('released');
  parentPort.close();
});
parentPort.postMessage('locked');
`;

async function holdLock(database: TestDatabase): Promise<LockHolder> {
  if (database.config.dialect === 'postgres') {
    const client = new Client({ connectionString: database.config.url });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve)).then(async () => {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await client.end();
    });
    return { release, released };
  }
  const worker = new Worker(HOLDER_SOURCE, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file: database.config.sqlitePath },
  });
  const next = () =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  await next();
  const released = next();
  return { release: () => worker.postMessage('release'), released };
}

/** True when no one holds the migration lock (checked without waiting). */
async function lockIsFree(database: TestDatabase): Promise<boolean> {
  if (database.config.dialect === 'postgres') {
    const client = new Client({ connectionString: database.config.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [MIGRATION_LOCK_KEY],
      );
      return rows[0].locked;
    } finally {
      await client.end();
    }
  }
  const db = new Database(database.config.sqlitePath, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe(migrateDatabase.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource | undefined;

  const open = async (migrations = MIGRATIONS) => {
    dataSource = await new DataSource({ ...dataSourceOptions(database.config), migrations }).initialize();
    return dataSource;
  };
  const applied = async (source: DataSource) =>
    (await source.query<{ name: string }[]>('SELECT name FROM schema_migration ORDER BY id')).map(
      (row) => row.name,
    );

  beforeEach(async () => {
    database = await createEmptyDatabase();
  });

  afterEach(async () => {
    await dataSource?.destroy();
    dataSource = undefined;
    await database.drop();
  });

  it('should apply every migration once on an empty database, and nothing the second time', async () => {
    const log = jest.fn();
    const source = await open();
    const first = await migrateDatabase(source, { log });
    expect(first.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await migrateDatabase(source, { log })).toEqual([]);
    expect(await applied(source)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(log).not.toHaveBeenCalled();
    expect(await lockIsFree(database)).toBe(true);
  });

  it('should say it waits while another instance holds the lock, and migrate once it is free', async () => {
    // Opened first: SQLite switches the new file to WAL mode on opening, which another connection's lock would block.
    const source = await open();
    const holder = await holdLock(database);
    const log = jest.fn((line: string) => {
      expect(line).toBe(WAITING_FOR_MIGRATION_LOCK);
      holder.release();
    });
    const migrated = await migrateDatabase(source, { log });
    await holder.released;
    expect(log).toHaveBeenCalledTimes(1);
    expect(migrated).toHaveLength(MIGRATIONS.length);
    expect(await applied(source)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('should roll back a failed migration and give up the lock', async () => {
    const source = await open([...MIGRATIONS.slice(0, 1), FailingMigration1700000000000]);
    await expect(migrateDatabase(source)).rejects.toThrow('this migration fails on purpose');
    const runner = source.createQueryRunner();
    try {
      expect(await runner.hasTable('half_done')).toBe(false);
    } finally {
      await runner.release();
    }
    expect(await lockIsFree(database)).toBe(true);
    // The next run (a fixed release) starts from a consistent state: PostgreSQL kept the migration that succeeded
    // (each runs in its own transaction), SQLite none (one transaction for the run).
    await source.destroy();
    const fixed = await open();
    await migrateDatabase(fixed);
    expect(await applied(fixed)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });
});
