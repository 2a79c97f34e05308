import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { authConfig } from '@app/config';
import { DEMO_PASSWORD, DemoSeedService, planDemoNetwork } from '@app/database/seed';
import { MemberEntity, MemberRole, MemberStatus, PasswordService } from '@app/identity';
import { MEMBER_AND_PROFILE_TABLES, openTestDataSource } from '../utils/test-database';

async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of MEMBER_AND_PROFILE_TABLES) {
    const [{ count }] = await dataSource.query(`SELECT COUNT(*) AS count FROM ${table}`);
    counts[table] = Number(count);
  }
  return counts;
}

describe(DemoSeedService.name, () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let seed: DemoSeedService;

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource());
    seed = new DemoSeedService(dataSource, new PasswordService(authConfig.parse(process.env)));
  });

  afterAll(() => close());

  it('should seed the demo network into an empty database, then add nothing on a second run', async () => {
    expect(await seed.isEmpty()).toBe(true);
    const planned = planDemoNetwork().length;

    expect(await seed.seed()).toEqual({ created: planned, skipped: 0 });
    const first = await rowCounts(dataSource);
    expect(first.member).toBe(planned);
    expect(first.practitioner).toBe(planned);
    expect(first.practitioner_language).toBeGreaterThanOrEqual(planned * 3);
    expect(first.contact_channel).toBeGreaterThanOrEqual(planned * 3);

    expect(await seed.seed()).toEqual({ created: 0, skipped: planned });
    expect(await rowCounts(dataSource)).toEqual(first);
    expect(await seed.countDemoAccounts()).toBe(planned);
  });

  it('should give demo accounts the printed password and a vetting record', async () => {
    const admin = await dataSource.getRepository(MemberEntity).findOneByOrFail({ role: MemberRole.ADMIN });
    expect(admin.isDemo).toBe(true);
    expect(await argon2.verify(admin.passwordHash, DEMO_PASSWORD)).toBe(true);

    const vetted = await dataSource.getRepository(MemberEntity).findBy({ status: MemberStatus.VETTED });
    const others = vetted.filter((member) => member.id !== admin.id);
    expect(others.length).toBeGreaterThan(40);
    expect(others.every((member) => member.vettedBy === admin.id && member.vettedUntil !== null)).toBe(true);
  });

  it('should list the logins worth printing: admin first, then coordinators, a member and an applicant', async () => {
    const logins = await seed.demoLogins();
    expect(logins[0]).toMatchObject({ role: MemberRole.ADMIN, email: 'admin@demo.counterpart.example' });
    expect(logins.filter((login) => login.role === MemberRole.COORDINATOR).length).toBeGreaterThanOrEqual(3);
    expect(logins).toContainEqual(
      expect.objectContaining({ role: MemberRole.MEMBER, status: MemberStatus.VETTED }),
    );
    expect(logins).toContainEqual(expect.objectContaining({ status: MemberStatus.PENDING }));
  });
});
