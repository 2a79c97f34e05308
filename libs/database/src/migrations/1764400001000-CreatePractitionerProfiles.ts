import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlDialect } from './sql-dialect';

export class CreatePractitionerProfiles1764400001000 implements MigrationInterface {
  name = 'CreatePractitionerProfiles1764400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    await queryRunner.query(`
      CREATE TABLE agency (
        id ${t.uuid} NOT NULL,
        country varchar(2) NOT NULL,
        name varchar(200) NOT NULL,
        type varchar(32) NOT NULL,
        city varchar(120) NOT NULL DEFAULT '',
        created_at ${t.timestamp} NOT NULL,
        CONSTRAINT pk_agency PRIMARY KEY (id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_agency_country_name_city ON agency (country, name, city)`,
    );
    await queryRunner.query(`CREATE INDEX ix_agency_type ON agency (type)`);

    await queryRunner.query(`
      CREATE TABLE practitioner (
        member_id ${t.uuid} NOT NULL,
        display_name varchar(200) NOT NULL,
        native_name varchar(200) NULL,
        name_variants ${t.json} NOT NULL DEFAULT ${t.emptyJsonArray},
        position varchar(200) NULL,
        country varchar(2) NOT NULL,
        agency_id ${t.uuid} NULL,
        time_zone varchar(64) NOT NULL,
        working_days ${t.json} NOT NULL DEFAULT ${t.emptyJsonArray},
        working_hours_start varchar(5) NOT NULL DEFAULT '09:00',
        working_hours_end varchar(5) NOT NULL DEFAULT '18:00',
        available_24x7 boolean NOT NULL DEFAULT ${t.false},
        bio text NULL,
        confirmed_at ${t.timestamp} NULL,
        search_key text NOT NULL DEFAULT '',
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        CONSTRAINT pk_practitioner PRIMARY KEY (member_id),
        CONSTRAINT fk_practitioner_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
        CONSTRAINT fk_practitioner_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_practitioner_country ON practitioner (country)`);
    await queryRunner.query(`CREATE INDEX ix_practitioner_agency ON practitioner (agency_id)`);

    await queryRunner.query(`
      CREATE TABLE practitioner_language (
        practitioner_id ${t.uuid} NOT NULL,
        language_code varchar(3) NOT NULL,
        level varchar(8) NOT NULL,
        CONSTRAINT pk_practitioner_language PRIMARY KEY (practitioner_id, language_code),
        CONSTRAINT fk_practitioner_language_practitioner FOREIGN KEY (practitioner_id)
          REFERENCES practitioner (member_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_practitioner_language_code ON practitioner_language (language_code, level)`,
    );

    for (const table of ['practitioner_expertise', 'practitioner_competence']) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          practitioner_id ${t.uuid} NOT NULL,
          code varchar(64) NOT NULL,
          CONSTRAINT pk_${table} PRIMARY KEY (practitioner_id, code),
          CONSTRAINT fk_${table}_practitioner FOREIGN KEY (practitioner_id)
            REFERENCES practitioner (member_id) ON DELETE CASCADE
        )`);
      await queryRunner.query(`CREATE INDEX ix_${table}_code ON ${table} (code)`);
    }

    await queryRunner.query(`
      CREATE TABLE contact_channel (
        id ${t.uuid} NOT NULL,
        practitioner_id ${t.uuid} NOT NULL,
        kind varchar(16) NOT NULL,
        value varchar(320) NOT NULL,
        label varchar(100) NULL,
        visibility varchar(16) NOT NULL DEFAULT 'MEMBERS',
        sort_order integer NOT NULL DEFAULT 0,
        CONSTRAINT pk_contact_channel PRIMARY KEY (id),
        CONSTRAINT fk_contact_channel_practitioner FOREIGN KEY (practitioner_id)
          REFERENCES practitioner (member_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_contact_channel_practitioner ON contact_channel (practitioner_id, sort_order)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'contact_channel',
      'practitioner_competence',
      'practitioner_expertise',
      'practitioner_language',
      'practitioner',
      'agency',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
