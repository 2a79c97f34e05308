import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member's chosen UI language (`en` | `ru`), kept on the server so every browser and device of the member opens
 * in it. Existing members get `en`. The same statement on both dialects; the values are checked by the application
 * (a CHECK here would need a table rebuild on SQLite for every new language).
 */
export class AddMemberLocale1765000100000 implements MigrationInterface {
  name = 'AddMemberLocale1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member ADD COLUMN locale varchar(16) NOT NULL DEFAULT 'en'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member DROP COLUMN locale`);
  }
}
