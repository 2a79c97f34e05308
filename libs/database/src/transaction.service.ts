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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, options: { lock?: string } = {}): Promise<T> {
    if (this.postgres) {
      return this.dataSource.transaction(async (manager) => {
        if (options.lock) {
          await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [options.lock]);
        }
        return work(manager);
      });
    }
    const result = this.queue.then(() =>
      this.dataSource.transaction(async (manager) => {
        // A no-op write takes the RESERVED lock now, as BEGIN IMMEDIATE would.
        await manager.query('DELETE FROM schema_migration WHERE 0');
        return work(manager);
      }),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }
}
