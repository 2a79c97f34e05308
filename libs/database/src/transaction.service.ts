import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Write transactions that behave the same on both dialects.
 *
 * SQLite: TypeORM shares one connection (one query runner) for the whole process, so two overlapping
 * `dataSource.transaction()` calls would nest as savepoints of each other, and a plain write issued meanwhile would
 * join someone else's transaction. Every write transaction therefore runs alone, behind an in-process queue, and
 * takes SQLite's write lock first (the equivalent of BEGIN IMMEDIATE) so another process waits on busy_timeout
 * instead of failing on a lock upgrade. PostgreSQL: a normal transaction; `lock` names a transaction-scoped advisory
 * lock for work that must be serialised (the audit chain).
 */
@Injectable()
export class TransactionService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly commitListeners: (() => void)[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Called after every committed transaction of this process (e.g. to refresh an in-memory index). */
  onCommit(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, options: { lock?: string } = {}): Promise<T> {
    if (this.postgres) {
      return this.committed(
        this.dataSource.transaction(async (manager) => {
          if (options.lock) {
            await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [options.lock]);
          }
          return work(manager);
        }),
      );
    }
    return this.committed(
      this.enqueue(() =>
        this.dataSource.transaction(async (manager) => {
          // A no-op write takes the RESERVED lock now, as BEGIN IMMEDIATE would.
          await manager.query('DELETE FROM schema_migration WHERE 0');
          return work(manager);
        }),
      ),
    );
  }

  /**
   * Runs reads that must see only committed data. On SQLite that means no transaction of this process is open on the
   * shared connection, so the work waits its turn in the queue; on PostgreSQL it runs at once. The work must not call
   * `run` itself.
   */
  whenIdle<T>(work: () => Promise<T>): Promise<T> {
    return this.postgres ? work() : this.enqueue(work);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async committed<T>(transaction: Promise<T>): Promise<T> {
    const result = await transaction;
    for (const listener of this.commitListeners) {
      listener();
    }
    return result;
  }
}
