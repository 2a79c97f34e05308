import {
  DataSource,
  MigrationExecutor,
  type DataSourceOptions,
  type Migration,
  type QueryRunner,
} from 'typeorm';

/**
 * The key of the PostgreSQL advisory lock every migration run holds: 0x436f756e74657270, the ASCII bytes of
 * "Counterp". A session-level lock in the single 64-bit key space, far outside the 32-bit range of `hashtext()`, so it
 * never meets the transaction-scoped locks of TransactionService (`pg_advisory_xact_lock(hashtext(name))`). An
 * operator sees the holder in `pg_locks` (locktype advisory, classid 1131378030, objid 1952805488, objsubid 1).
 */
export const MIGRATION_LOCK_KEY = '4859231640215712368';

export const WAITING_FOR_MIGRATION_LOCK = 'migrations: waiting for the lock held by another instance';

export interface MigrationRunOptions {
  /**
   * Where the one "waiting for the lock" line goes. Standard output by default: at boot the line comes before the
   * application's logger takes over, as the other boot lines do.
   */
  log?: (line: string) => void;
}

/** The part of a better-sqlite3 connection the SQLite write lock needs. */
interface SqliteHandle {
  exec(sql: string): unknown;
  pragma(source: string, options: { simple: true }): unknown;
}

/**
 * Applies the pending migrations, one process at a time, so instances that start together on an empty database
 * leave one schema: the second waits, then finds nothing pending.
 *
 * PostgreSQL: one dedicated connection takes the session-level advisory lock MIGRATION_LOCK_KEY, runs the migrations
 * (each in its own transaction) and unlocks, failure or not. SQLite: the connection takes the database's write lock
 * (`BEGIN IMMEDIATE`, waiting DB_BUSY_TIMEOUT_MS at a time) and runs every pending migration in that one transaction,
 * so another process either waits or sees them all committed. Returns the migrations applied.
 */
export async function migrateDatabase(
  dataSource: DataSource,
  options: MigrationRunOptions = {},
): Promise<Migration[]> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const queryRunner = dataSource.createQueryRunner();
  try {
    return dataSource.options.type === 'postgres'
      ? await underAdvisoryLock(queryRunner, log)
      : await underSqliteWriteLock(queryRunner, log);
  } finally {
    await queryRunner.release();
  }
}

/**
 * Initializes a data source and, when its options ask for `migrationsRun`, migrates it through migrateDatabase
 * instead of TypeORM (which would migrate without a lock). Closes it again if migrating fails.
 */
export async function initializeMigrated(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (options.migrationsRun) {
    try {
      await migrateDatabase(dataSource);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
  }
  return dataSource;
}

function executePending(queryRunner: QueryRunner, transaction: 'each' | 'none'): Promise<Migration[]> {
  const executor = new MigrationExecutor(queryRunner.dataSource, queryRunner);
  executor.transaction = transaction;
  return executor.executePendingMigrations();
}

async function underAdvisoryLock(
  queryRunner: QueryRunner,
  log: (line: string) => void,
): Promise<Migration[]> {
  // A session lock belongs to its connection: the same one must lock, migrate and unlock.
  await queryRunner.connect();
  const [{ locked }] = (await queryRunner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
    MIGRATION_LOCK_KEY,
  ])) as { locked: boolean }[];
  if (!locked) {
    log(WAITING_FOR_MIGRATION_LOCK);
    await queryRunner.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
  }
  try {
    return await executePending(queryRunner, 'each');
  } finally {
    // Unlocking fails only on a broken connection, whose session — and lock — the server has ended already; the
    // migration's own error, if any, is the one to report.
    await queryRunner
      .query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
  }
}

async function underSqliteWriteLock(
  queryRunner: QueryRunner,
  log: (line: string) => void,
): Promise<Migration[]> {
  const db = (await queryRunner.connect()) as SqliteHandle;
  // What TypeORM does around each migration (foreign keys off, so rebuilt tables keep their rows); it has no effect
  // inside a transaction, hence before BEGIN.
  await queryRunner.beforeMigration();
  try {
    beginImmediate(db, log);
    try {
      const applied = await executePending(queryRunner, 'none');
      db.exec('COMMIT');
      return applied;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    await queryRunner.afterMigration();
  }
}

/** Takes SQLite's write lock: at once if free, else after one log line, retrying for as long as it is held. */
function beginImmediate(db: SqliteHandle, log: (line: string) => void): void {
  const busyTimeoutMs = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma('busy_timeout = 0', { simple: true });
  try {
    if (tryBeginImmediate(db)) {
      return;
    }
    log(WAITING_FOR_MIGRATION_LOCK);
    db.pragma(`busy_timeout = ${Math.max(busyTimeoutMs, 100)}`, { simple: true });
    while (!tryBeginImmediate(db)) {
      // busy_timeout has waited; the other process is still migrating.
    }
  } finally {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`, { simple: true });
  }
}

function tryBeginImmediate(db: SqliteHandle): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      return false;
    }
    throw error;
  }
}
