import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlDialect } from './sql-dialect';

/** Conversations, participants, devices and messages (gap-free seq per conversation, idempotent per sender). */
export class CreateMessaging1764800000000 implements MigrationInterface {
  name = 'CreateMessaging1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = sqlDialect(queryRunner);
    await queryRunner.query(`
      CREATE TABLE conversation (
        id ${t.uuid} NOT NULL,
        kind varchar(8) NOT NULL,
        title varchar(200) NULL,
        direct_key varchar(80) NULL,
        created_by ${t.uuid} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        last_seq integer NOT NULL DEFAULT 0,
        last_activity_at ${t.timestamp} NOT NULL,
        CONSTRAINT pk_conversation PRIMARY KEY (id),
        CONSTRAINT fk_conversation_created_by FOREIGN KEY (created_by) REFERENCES member (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_conversation_direct_key ON conversation (direct_key)`);

    await queryRunner.query(`
      CREATE TABLE participant (
        conversation_id ${t.uuid} NOT NULL,
        member_id ${t.uuid} NOT NULL,
        role varchar(8) NOT NULL,
        joined_at ${t.timestamp} NOT NULL,
        left_at ${t.timestamp} NULL,
        read_seq integer NOT NULL DEFAULT 0,
        last_visible_seq integer NULL,
        CONSTRAINT pk_participant PRIMARY KEY (conversation_id, member_id),
        CONSTRAINT fk_participant_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
          ON DELETE CASCADE,
        CONSTRAINT fk_participant_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_participant_member ON participant (member_id, left_at)`);

    await queryRunner.query(`
      CREATE TABLE device (
        id ${t.uuid} NOT NULL,
        member_id ${t.uuid} NOT NULL,
        name varchar(100) NOT NULL,
        identity_key varchar(64) NOT NULL,
        encryption_key varchar(64) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        revoked_at ${t.timestamp} NULL,
        CONSTRAINT pk_device PRIMARY KEY (id),
        CONSTRAINT fk_device_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_device_member ON device (member_id, revoked_at)`);

    await queryRunner.query(`
      CREATE TABLE message (
        id ${t.uuid} NOT NULL,
        conversation_id ${t.uuid} NOT NULL,
        seq integer NOT NULL,
        sender_id ${t.uuid} NOT NULL,
        sender_device_id ${t.uuid} NOT NULL,
        client_message_id varchar(64) NOT NULL,
        envelope text NOT NULL,
        sent_at ${t.timestamp} NOT NULL,
        CONSTRAINT pk_message PRIMARY KEY (id),
        CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
          ON DELETE CASCADE,
        CONSTRAINT fk_message_sender FOREIGN KEY (sender_id) REFERENCES member (id) ON DELETE CASCADE,
        CONSTRAINT fk_message_device FOREIGN KEY (sender_device_id) REFERENCES device (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_message_conversation_seq ON message (conversation_id, seq)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_message_sender_client_id ON message (sender_id, client_message_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['message', 'device', 'participant', 'conversation']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
