import { existsSync, statSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { SqliteCheckpointer } from '@app/database';
import { sleep } from '../utils/chat';
import { openTestDataSource, type TestDatabase } from '../utils/test-database';

const ROUNDS = 12;
const ROWS_PER_ROUND = 400;
const ROW_BYTES = 2_000; // ≈ 800 KB of pages per round

/** Writes ≈ 10 MB in rounds, pausing between them, and returns the largest WAL file size seen. */
async function writeRounds(dataSource: DataSource, file: string): Promise<number> {
  await dataSource.query(`CREATE TABLE IF NOT EXISTS checkpoint_probe (id INTEGER PRIMARY KEY, body BLOB)`);
  let largest = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    await dataSource.transaction(async (manager) => {
      for (let row = 0; row < ROWS_PER_ROUND; row += 1) {
        await manager.query(`INSERT INTO checkpoint_probe (body) VALUES (randomblob(${ROW_BYTES}))`);
      }
    });
    await sleep(60);
    largest = Math.max(largest, existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  }
  return largest;
}

async function autocheckpoint(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<Array<{ wal_autocheckpoint: number }>>('PRAGMA wal_autocheckpoint');
  return row.wal_autocheckpoint;
}

describe(SqliteCheckpointer.name, () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ dataSource, database, close } = await openTestDataSource([]));
  });

  afterEach(() => close());

  const checkpointer = (overrides: Partial<DatabaseConfig>) =>
    new SqliteCheckpointer(dataSource, { ...database.config, checkpointIntervalMs: 20, ...overrides });

  if (process.env.DATABASE_URL) {
    it('should leave PostgreSQL alone', async () => {
      const subject = checkpointer({});
      await subject.onApplicationBootstrap();
      expect((subject as unknown as { worker?: unknown }).worker).toBeUndefined();
      await subject.onApplicationShutdown();
    });
    return;
  }

  it('should keep the WAL bounded from its worker while the main connection never checkpoints by itself', async () => {
    const subject = checkpointer({});
    await subject.onApplicationBootstrap();
    try {
      expect(await autocheckpoint(dataSource)).toBe(0);
      const withWorker = await writeRounds(dataSource, database.config.sqlitePath);
      // Control on the same connection: automatic checkpoints off and no worker — the WAL only grows.
      await subject.onApplicationShutdown();
      await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const withoutWorker = await writeRounds(dataSource, database.config.sqlitePath);
      expect(withoutWorker).toBeGreaterThan(ROUNDS * ROWS_PER_ROUND * ROW_BYTES * 0.9);
      expect(withWorker).toBeLessThan(withoutWorker / 3);
    } finally {
      await subject.onApplicationShutdown();
    }
  });

  it('should put automatic checkpoints back on when the worker dies', async () => {
    const subject = checkpointer({});
    await subject.onApplicationBootstrap();
    const worker = (subject as unknown as { worker: { terminate(): Promise<number> } }).worker;
    expect(await autocheckpoint(dataSource)).toBe(0);
    await worker.terminate();
    await sleep(50);
    expect(await autocheckpoint(dataSource)).toBe(1000);
  });

  it('should do nothing when the interval is 0', async () => {
    const subject = checkpointer({ checkpointIntervalMs: 0 });
    await subject.onApplicationBootstrap();
    expect(await autocheckpoint(dataSource)).toBe(1000);
    await subject.onApplicationShutdown();
  });
});
