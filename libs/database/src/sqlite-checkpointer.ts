import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseConfig, type DatabaseConfig } from '@app/config';

/**
 * The worker's whole program: its own better-sqlite3 connection to the same file, a PASSIVE checkpoint every interval
 * (it copies what it can without waiting for readers or writers, so it never blocks the main thread's commits; once
 * everything is copied the next commit restarts the WAL from its beginning). Inline, so it runs the same from `dist/`
 * and under ts-jest.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma('journal_mode = WAL');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // SQLITE_BUSY or a locked file: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  }
});
parentPort.postMessage('ready');
`;

/**
 * SQLite's automatic WAL checkpoint runs inside whichever commit crosses the threshold; better-sqlite3 is synchronous,
 * so that commit — and with it every socket and request of the process — stalls for the copy and its fsync (the chat
 * benchmark's p99 spikes). This moves checkpoints to a worker thread and turns the automatic ones off on the main
 * connection. If the worker cannot start or dies, automatic checkpoints come back on. PostgreSQL: nothing to do.
 */
@Injectable()
export class SqliteCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SqliteCheckpointer.name);
  private worker?: Worker;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(databaseConfig.KEY) private readonly config: DatabaseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { dialect, sqlitePath, checkpointIntervalMs } = this.config;
    if (dialect !== 'sqlite' || sqlitePath === ':memory:' || checkpointIntervalMs === 0) {
      return;
    }
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file: resolve(this.config.sqlitePath),
        busyTimeoutMs: this.config.busyTimeoutMs,
        intervalMs: this.config.checkpointIntervalMs,
      },
    });
    try {
      await new Promise<void>((ready, fail) => {
        worker.once('message', () => ready());
        worker.once('error', fail);
      });
    } catch (error) {
      this.logger.warn(
        `WAL checkpoints stay automatic: the checkpoint worker did not start (${String(error)})`,
      );
      return;
    }
    this.worker = worker;
    // It must not keep the process alive (a CLI command ends when its work does); shutdown refs it again to wait.
    worker.unref();
    worker.on('error', (error) => this.fallBack(`failed (${error.message})`));
    worker.on('exit', () => this.fallBack('stopped'));
    await this.dataSource.query('PRAGMA wal_autocheckpoint = 0');
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (!worker) {
      return;
    }
    this.worker = undefined;
    worker.ref();
    await new Promise<void>((done) => {
      worker.once('exit', () => done());
      worker.postMessage('stop');
    });
  }

  private fallBack(reason: string): void {
    if (!this.worker) {
      return;
    }
    this.worker = undefined;
    this.logger.warn(`WAL checkpoint worker ${reason}; automatic checkpoints are back on`);
    if (this.dataSource.isInitialized) {
      void this.dataSource.query('PRAGMA wal_autocheckpoint = 1000').catch(() => undefined);
    }
  }
}
