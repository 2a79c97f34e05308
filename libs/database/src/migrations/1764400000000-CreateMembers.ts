import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlDialect } from './sql-dialect';

export class CreateMembers1764400000000 implements MigrationInterface {
  name = 'CreateMembers1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    await queryRunner.query(`
      CREATE TABLE member (
        id ${t.uuid} NOT NULL,
        email varchar(320) NOT NULL,
        password_hash varchar(255) NOT NULL,
        role varchar(16) NOT NULL DEFAULT 'MEMBER',
        coordinator_countries ${t.json} NOT NULL DEFAULT ${t.emptyJsonArray},
        status varchar(16) NOT NULL DEFAULT 'PENDING',
        vetted_at ${t.timestamp} NULL,
        vetted_by ${t.uuid} NULL,
        vetted_until ${t.timestamp} NULL,
        totp_secret_encrypted text NULL,
        totp_key_id varchar(64) NULL,
        totp_enabled_at ${t.timestamp} NULL,
        recovery_code_hashes ${t.json} NOT NULL DEFAULT ${t.emptyJsonArray},
        is_demo boolean NOT NULL DEFAULT ${t.false},
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        CONSTRAINT pk_member PRIMARY KEY (id),
        CONSTRAINT fk_member_vetted_by FOREIGN KEY (vetted_by) REFERENCES member (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_member_email ON member (email)`);
    await queryRunner.query(`CREATE INDEX ix_member_status ON member (status)`);
    await queryRunner.query(`CREATE INDEX ix_member_vetted_until ON member (vetted_until)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member`);
  }
}
