import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlDialect } from './sql-dialect';

/** Sessions with rotating refresh tokens, invitations, account resets, the audit chain and sign-in throttling. */
export class CreateIdentity1764500000000 implements MigrationInterface {
  name = 'CreateIdentity1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    await queryRunner.query(`ALTER TABLE member ADD COLUMN totp_pending_secret_encrypted text NULL`);
    await queryRunner.query(`ALTER TABLE member ADD COLUMN totp_last_step integer NULL`);

    await queryRunner.query(`
      CREATE TABLE session (
        id ${t.uuid} NOT NULL,
        member_id ${t.uuid} NOT NULL,
        device_label varchar(200) NULL,
        ip varchar(64) NULL,
        created_at ${t.timestamp} NOT NULL,
        last_used_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        revoked_at ${t.timestamp} NULL,
        revoked_reason varchar(32) NULL,
        CONSTRAINT pk_session PRIMARY KEY (id),
        CONSTRAINT fk_session_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_session_member ON session (member_id, revoked_at)`);

    await queryRunner.query(`
      CREATE TABLE refresh_token (
        token_hash varchar(64) NOT NULL,
        session_id ${t.uuid} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        rotated_at ${t.timestamp} NULL,
        CONSTRAINT pk_refresh_token PRIMARY KEY (token_hash),
        CONSTRAINT fk_refresh_token_session FOREIGN KEY (session_id) REFERENCES session (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_refresh_token_session ON refresh_token (session_id)`);

    await queryRunner.query(`
      CREATE TABLE invitation (
        id ${t.uuid} NOT NULL,
        code_hash varchar(64) NOT NULL,
        created_by ${t.uuid} NOT NULL,
        country varchar(2) NOT NULL,
        email varchar(320) NULL,
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        used_at ${t.timestamp} NULL,
        used_by ${t.uuid} NULL,
        CONSTRAINT pk_invitation PRIMARY KEY (id),
        CONSTRAINT fk_invitation_created_by FOREIGN KEY (created_by) REFERENCES member (id) ON DELETE CASCADE,
        CONSTRAINT fk_invitation_used_by FOREIGN KEY (used_by) REFERENCES member (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_invitation_code_hash ON invitation (code_hash)`);

    await queryRunner.query(`
      CREATE TABLE account_reset (
        id ${t.uuid} NOT NULL,
        member_id ${t.uuid} NOT NULL,
        code_hash varchar(64) NOT NULL,
        created_by ${t.uuid} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        used_at ${t.timestamp} NULL,
        CONSTRAINT pk_account_reset PRIMARY KEY (id),
        CONSTRAINT fk_account_reset_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
        CONSTRAINT fk_account_reset_created_by FOREIGN KEY (created_by) REFERENCES member (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_account_reset_code_hash ON account_reset (code_hash)`);
    await queryRunner.query(`CREATE INDEX ix_account_reset_member ON account_reset (member_id)`);

    // Append-only: seq is assigned under a lock, `at` is kept as the exact ISO string that was hashed.
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        seq integer NOT NULL,
        at varchar(24) NOT NULL,
        actor_id ${t.uuid} NULL,
        action varchar(48) NOT NULL,
        target_id ${t.uuid} NULL,
        country varchar(2) NULL,
        reason text NULL,
        data text NOT NULL,
        prev_hash varchar(64) NOT NULL,
        hash varchar(64) NOT NULL,
        CONSTRAINT pk_audit_entry PRIMARY KEY (seq)
      )`);
    await queryRunner.query(`CREATE INDEX ix_audit_entry_target ON audit_entry (target_id)`);
    await queryRunner.query(`CREATE INDEX ix_audit_entry_country ON audit_entry (country, seq)`);
    if (t.postgres) {
      await queryRunner.query(`
        CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$`);
      await queryRunner.query(`
        CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    } else {
      for (const operation of ['UPDATE', 'DELETE']) {
        await queryRunner.query(`
          CREATE TRIGGER audit_entry_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_entry
          BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`);
      }
    }

    await queryRunner.query(`
      CREATE TABLE auth_attempt (
        key varchar(120) NOT NULL,
        failures integer NOT NULL,
        window_started_at ${t.timestamp} NOT NULL,
        blocked_until ${t.timestamp} NULL,
        CONSTRAINT pk_auth_attempt PRIMARY KEY (key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    for (const table of [
      'auth_attempt',
      'audit_entry',
      'account_reset',
      'invitation',
      'refresh_token',
      'session',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    if (t.postgres) {
      await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    }
    await queryRunner.query(`ALTER TABLE member DROP COLUMN totp_last_step`);
    await queryRunner.query(`ALTER TABLE member DROP COLUMN totp_pending_secret_encrypted`);
  }
}
