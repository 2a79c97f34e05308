import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlDialect } from './sql-dialect';

/**
 * Cross-script search: the candidate index on `practitioner.search_key` — pg_trgm GIN on PostgreSQL, an FTS5 trigram
 * table kept in step by triggers on SQLite; both serve `LIKE '%piece%'`. Keys of existing rows are computed by the
 * application (SearchKeyBackfill), since folding is TypeScript.
 */
export class AddPractitionerSearch1764600000000 implements MigrationInterface {
  name = 'AddPractitionerSearch1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    // Plain-filter pages are ordered by name.
    await queryRunner.query(
      'CREATE INDEX ix_practitioner_display_name ON practitioner (display_name, member_id)',
    );
    if (t.postgres) {
      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await queryRunner.query(
        'CREATE INDEX ix_practitioner_search_key_trgm ON practitioner USING gin (search_key gin_trgm_ops)',
      );
      return;
    }
    await queryRunner.query(
      `CREATE VIRTUAL TABLE practitioner_search USING fts5(search_key, tokenize = 'trigram')`,
    );
    await queryRunner.query(
      'INSERT INTO practitioner_search (rowid, search_key) SELECT rowid, search_key FROM practitioner',
    );
    await queryRunner.query(`
      CREATE TRIGGER practitioner_search_insert AFTER INSERT ON practitioner BEGIN
        INSERT INTO practitioner_search (rowid, search_key) VALUES (new.rowid, new.search_key);
      END`);
    await queryRunner.query(`
      CREATE TRIGGER practitioner_search_update AFTER UPDATE OF search_key ON practitioner BEGIN
        DELETE FROM practitioner_search WHERE rowid = old.rowid;
        INSERT INTO practitioner_search (rowid, search_key) VALUES (new.rowid, new.search_key);
      END`);
    await queryRunner.query(`
      CREATE TRIGGER practitioner_search_delete AFTER DELETE ON practitioner BEGIN
        DELETE FROM practitioner_search WHERE rowid = old.rowid;
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    await queryRunner.query('DROP INDEX ix_practitioner_display_name');
    if (t.postgres) {
      await queryRunner.query('DROP INDEX ix_practitioner_search_key_trgm');
      return;
    }
    for (const trigger of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER practitioner_search_${trigger}`);
    }
    await queryRunner.query('DROP TABLE practitioner_search');
  }
}
