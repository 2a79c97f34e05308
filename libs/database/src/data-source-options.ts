import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { MIGRATIONS } from './migrations';
import { SafeTypeOrmLogger } from './typeorm-logger';

type Entities = MixedList<string | EntitySchema | (new () => unknown)>;

/**
 * TypeORM options for either dialect. SQLite runs in WAL mode with `synchronous=FULL` (a commit is durable before it
 * is acknowledged) and a busy timeout; `synchronize` is never on: the schema comes from migrations only.
 */
export function dataSourceOptions(config: DatabaseConfig, entities: Entities = []): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logger: new SafeTypeOrmLogger(config.logging),
    logging: true,
    maxQueryExecutionTime: 1000,
  };
  if (config.dialect === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.url,
      extra: { max: config.poolSize, connectionTimeoutMillis: config.connectTimeoutMs },
    };
  }
  const database = resolve(config.sqlitePath);
  mkdirSync(dirname(database), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database,
    enableWAL: true,
    timeout: config.busyTimeoutMs,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('synchronous = FULL');
      db.pragma(`busy_timeout = ${config.busyTimeoutMs}`);
    },
  };
}
