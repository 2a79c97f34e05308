import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { DIRECTORY_ENTITIES } from '@app/directory';
import { MESSAGING_ENTITIES } from '@app/messaging';
import { IDENTITY_ENTITIES } from '@app/identity';
import {
  databaseConfigFor,
  TEMPLATE_ENV,
  TEST_TMP_DIR,
  testDatabasePrefix,
  testDialect,
  type TemplateDialect,
  withAdminClient,
  withDatabaseName,
} from './template-database';

/** The tables of the Member and Practitioner-profile model (DESIGN.md), created by the first migrations. */
export const MEMBER_AND_PROFILE_TABLES = [
  'member',
  'agency',
  'practitioner',
  'practitioner_language',
  'practitioner_expertise',
  'practitioner_competence',
  'contact_channel',
];

export interface TestDatabase {
  /** Variables that point an app at this database. */
  env: Record<string, string>;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

function template(): string {
  const value = process.env[TEMPLATE_ENV];
  if (!value) {
    throw new Error(
      `${TEMPLATE_ENV} is not set: run this suite through Jest's integration, e2e or services project`,
    );
  }
  return value;
}

/**
 * A private, migrated database for one test file: a copy of the template SQLite file, or a PostgreSQL database
 * cloned from the template. Tests never share rows, so they never depend on order.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  return privateDatabase(testDialect(), { migrated: true });
}

/**
 * A private database without any schema (no migration applied), for tests of migrating itself; SQLite may be asked
 * for when the run is on PostgreSQL.
 */
export function createEmptyDatabase(dialect: TemplateDialect = testDialect()): Promise<TestDatabase> {
  return privateDatabase(dialect, { migrated: false });
}

async function privateDatabase(
  dialect: TemplateDialect,
  { migrated }: { migrated: boolean },
): Promise<TestDatabase> {
  const id = `${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const file = join(TEST_TMP_DIR, `t_${id}.sqlite`);
    if (migrated) {
      copyFileSync(template(), file);
    }
    return {
      env: { SQLITE_PATH: file },
      config: databaseConfigFor({ sqlitePath: file }),
      drop: () => {
        for (const suffix of ['', '-wal', '-shm']) {
          rmSync(`${file}${suffix}`, { force: true });
        }
        return Promise.resolve();
      },
    };
  }
  // Named after this run's template, so a run drops only its own databases (dropTemplateDatabase).
  const name = testDatabasePrefix(template()) + id;
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE "${name}"${migrated ? ` TEMPLATE "${template()}"` : ''}`),
  );
  const url = withDatabaseName(process.env.DATABASE_URL as string, name);
  return {
    env: { DATABASE_URL: url },
    config: databaseConfigFor({ url }),
    drop: async () => {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Every entity of the schema, for data sources opened by tests. */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...DIRECTORY_ENTITIES, ...MESSAGING_ENTITIES];

/** A TypeORM data source on an existing database (e.g. the one a spawned process uses). */
export function connectDataSource(
  config: DatabaseConfig,
  entities: DataSourceEntities = ALL_ENTITIES,
): Promise<DataSource> {
  return new DataSource(dataSourceOptions(config, entities)).initialize();
}

/** A TypeORM data source on a fresh test database, for integration tests of services and repositories. */
export async function openTestDataSource(entities: DataSourceEntities = ALL_ENTITIES): Promise<{
  dataSource: DataSource;
  database: TestDatabase;
  close(): Promise<void>;
}> {
  const database = await createTestDatabase();
  const dataSource = await connectDataSource(database.config, entities);
  return {
    dataSource,
    database,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

type DataSourceEntities = Parameters<typeof dataSourceOptions>[1];
