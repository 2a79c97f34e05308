import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlDialect } from './sql-dialect';

/** Tables whose rows change what the directory search finds, and the member id column of each. */
const SOURCES: { table: string; member: string; events: string[] }[] = [
  { table: 'practitioner', member: 'member_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'practitioner_language', member: 'practitioner_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'practitioner_expertise', member: 'practitioner_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'practitioner_competence', member: 'practitioner_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'member', member: 'id', events: ['UPDATE OF status, vetted_until', 'DELETE'] },
];

/**
 * The directory change log: triggers append the member id of every practitioner, list, member-status or agency change,
 * whoever writes it (API, CLI, seed, another node). Search processes keep their in-memory index in step by reading
 * it from their last position. Old rows are pruned by the application. On PostgreSQL the trigger serialises log
 * writers (an advisory lock held to commit) so that sequence order is commit order; transactions that also append to
 * the audit chain take the audit lock first, so the two locks are always taken in the same order.
 */
export class AddDirectoryChangeLog1764700000000 implements MigrationInterface {
  name = 'AddDirectoryChangeLog1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    if (t.postgres) {
      await queryRunner.query(`CREATE TABLE directory_change (
        seq bigserial PRIMARY KEY,
        member_id uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now())`);
      await queryRunner.query(`
        CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          changed record;
        BEGIN
          -- Writers of the log take turns until commit, so sequence order is commit order and a reader that has
          -- seen seq N will never later find a smaller one committed.
          PERFORM pg_advisory_xact_lock(hashtext('directory-change'));
          IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
          IF TG_TABLE_NAME = 'member' THEN
            INSERT INTO directory_change (member_id) VALUES (changed.id);
          ELSIF TG_TABLE_NAME = 'practitioner' THEN
            INSERT INTO directory_change (member_id) VALUES (changed.member_id);
          ELSIF TG_TABLE_NAME = 'agency' THEN
            INSERT INTO directory_change (member_id) SELECT member_id FROM practitioner WHERE agency_id = changed.id;
          ELSE
            INSERT INTO directory_change (member_id) VALUES (changed.practitioner_id);
          END IF;
          RETURN NULL;
        END $$`);
      for (const source of SOURCES) {
        await queryRunner.query(
          `CREATE TRIGGER ${source.table}_directory_change AFTER ${source.events.join(' OR ')} ON ${source.table}
           FOR EACH ROW EXECUTE FUNCTION directory_changed()`,
        );
      }
      await queryRunner.query(
        `CREATE TRIGGER agency_directory_change AFTER UPDATE OF name, type ON agency
         FOR EACH ROW EXECUTE FUNCTION directory_changed()`,
      );
      return;
    }
    await queryRunner.query(`CREATE TABLE directory_change (
      seq integer PRIMARY KEY AUTOINCREMENT,
      member_id varchar(36) NOT NULL,
      changed_at datetime NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')))`);
    for (const source of SOURCES) {
      for (const event of source.events) {
        const row = event === 'DELETE' ? 'old' : 'new';
        await queryRunner.query(`
          CREATE TRIGGER ${source.table}_directory_change_${event.split(' ')[0].toLowerCase()}
          AFTER ${event} ON ${source.table} BEGIN
            INSERT INTO directory_change (member_id) VALUES (${row}.${source.member});
          END`);
      }
    }
    await queryRunner.query(`
      CREATE TRIGGER agency_directory_change_update AFTER UPDATE OF name, type ON agency BEGIN
        INSERT INTO directory_change (member_id) SELECT member_id FROM practitioner WHERE agency_id = new.id;
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    if (t.postgres) {
      for (const table of [...SOURCES.map((source) => source.table), 'agency']) {
        await queryRunner.query(`DROP TRIGGER ${table}_directory_change ON ${table}`);
      }
      await queryRunner.query('DROP FUNCTION directory_changed()');
    } else {
      for (const source of SOURCES) {
        for (const event of source.events) {
          await queryRunner.query(
            `DROP TRIGGER ${source.table}_directory_change_${event.split(' ')[0].toLowerCase()}`,
          );
        }
      }
      await queryRunner.query('DROP TRIGGER agency_directory_change_update');
    }
    await queryRunner.query('DROP TABLE directory_change');
  }
}
