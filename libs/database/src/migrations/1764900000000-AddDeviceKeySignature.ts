import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * End-to-end encryption: a device's X25519 encryption key is bound to its Ed25519 identity key by a signature the
 * device makes at registration (clients wrap message keys only for bound devices), and no two devices share an
 * identity key. Devices registered before this have no signature: clients never wrap for them.
 */
export class AddDeviceKeySignature1764900000000 implements MigrationInterface {
  name = 'AddDeviceKeySignature1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE device ADD COLUMN key_signature varchar(100) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_device_identity_key ON device (identity_key)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_device_identity_key`);
    await queryRunner.query(`ALTER TABLE device DROP COLUMN key_signature`);
  }
}
