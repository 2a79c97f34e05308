import type { QueryRunner } from 'typeorm';

/** SQL fragments that differ between PostgreSQL and SQLite, for migrations written once for both. */
export interface SqlDialect {
  postgres: boolean;
  uuid: string;
  timestamp: string;
  json: string;
  /** Literal for an empty JSON array default. */
  emptyJsonArray: string;
  false: string;
  true: string;
}

export function sqlDialect(queryRunner: QueryRunner): SqlDialect {
  const postgres = queryRunner.connection.options.type === 'postgres';
  return postgres
    ? {
        postgres,
        uuid: 'uuid',
        timestamp: 'timestamptz',
        json: 'jsonb',
        emptyJsonArray: `'[]'::jsonb`,
        false: 'false',
        true: 'true',
      }
    : {
        postgres,
        uuid: 'varchar(36)',
        timestamp: 'datetime',
        json: 'text',
        emptyJsonArray: `'[]'`,
        false: '0',
        true: '1',
      };
}
