import { QueryFailedError, type DataSource } from 'typeorm';
import { LanguageLevel, PractitionerEntity, PractitionerLanguageEntity } from '@app/directory';
import { MemberEntity, MemberRole, MemberStatus } from '@app/identity';
import { createMember } from '../factories/member.factory';
import { createPractitioner } from '../factories/practitioner.factory';
import { MEMBER_AND_PROFILE_TABLES, openTestDataSource } from '../utils/test-database';

describe('database layer', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource());
  });

  afterAll(() => close());

  it('should run on the dialect the environment asks for', () => {
    expect(dataSource.options.type).toBe(process.env.DATABASE_URL ? 'postgres' : 'better-sqlite3');
  });

  it('should have every migration applied and nothing pending', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const executed = await dataSource.query(`SELECT name FROM schema_migration ORDER BY id`);
    expect(executed.map((row: { name: string }) => row.name)).toEqual(
      dataSource.migrations.map((m) => m.name),
    );
  });

  it('should create the member and practitioner-profile tables', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      for (const table of MEMBER_AND_PROFILE_TABLES) {
        expect(await runner.hasTable(table)).toBe(true);
      }
      const member = await runner.getTable('member');
      expect(member?.columns.map((c) => c.name)).toEqual(
        expect.arrayContaining(['email', 'password_hash', 'role', 'status', 'vetted_until', 'totp_key_id']),
      );
    } finally {
      await runner.release();
    }
  });

  it('should run with durable settings for the dialect', async () => {
    if (dataSource.options.type === 'better-sqlite3') {
      const pragma = async (name: string) => Object.values((await dataSource.query(`PRAGMA ${name}`))[0])[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBeGreaterThanOrEqual(1000);
    } else {
      const [{ synchronous_commit }] = await dataSource.query('SHOW synchronous_commit');
      expect(synchronous_commit).toBe('on');
    }
  });

  it('should round-trip timestamps to the millisecond, JSON and booleans', async () => {
    const vettedUntil = new Date('2027-03-04T05:06:07.089Z');
    const created = await createMember(dataSource, {
      role: MemberRole.COORDINATOR,
      coordinatorCountries: ['UZ', 'TJ'],
      vettedUntil,
      isDemo: true,
    });
    const loaded = await dataSource.getRepository(MemberEntity).findOneByOrFail({ id: created.id });
    expect(loaded.vettedUntil?.toISOString()).toBe('2027-03-04T05:06:07.089Z');
    expect(loaded.coordinatorCountries).toEqual(['UZ', 'TJ']);
    expect(loaded.isDemo).toBe(true);
    expect(loaded.status).toBe(MemberStatus.VETTED);
  });

  it('should store names in any script unchanged', async () => {
    const { member } = await createPractitioner(dataSource, {
      profile: { displayName: 'Zahra Rahimi', nativeName: 'زهرا رحیمی', nameVariants: ['Zahra Rahimy'] },
    });
    const profile = await dataSource
      .getRepository(PractitionerEntity)
      .findOneByOrFail({ memberId: member.id });
    expect(profile.nativeName).toBe('زهرا رحیمی');
    expect(profile.nameVariants).toEqual(['Zahra Rahimy']);
    expect(profile.workingDays).toEqual([1, 2, 3, 4, 5]);
  });

  it('should reject a second member with the same e-mail', async () => {
    const first = await createMember(dataSource);
    await expect(createMember(dataSource, { email: first.email })).rejects.toBeInstanceOf(QueryFailedError);
  });

  it('should enforce foreign keys and cascade a member’s profile on delete', async () => {
    await expect(
      dataSource.getRepository(PractitionerLanguageEntity).insert({
        practitionerId: '00000000-0000-4000-8000-000000000000',
        languageCode: 'uz',
        level: LanguageLevel.NATIVE,
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);

    const { member } = await createPractitioner(dataSource);
    await dataSource.getRepository(MemberEntity).delete({ id: member.id });
    expect(await dataSource.getRepository(PractitionerEntity).countBy({ memberId: member.id })).toBe(0);
    expect(
      await dataSource.getRepository(PractitionerLanguageEntity).countBy({ practitionerId: member.id }),
    ).toBe(0);
  });
});
