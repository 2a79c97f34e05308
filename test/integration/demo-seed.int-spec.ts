import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { authConfig } from '@app/config';
import {
  type ContactLeakProfile,
  DEMO_PASSWORD,
  DemoSeedService,
  findDuplicateContactValues,
  findProtectedContactLeaks,
  planDemoNetwork,
} from '@app/database/seed';
import { ContactChannelEntity, ContactVisibility, PractitionerEntity } from '@app/directory';
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

/** Every seeded profile as the leak checks read it: names, bio and contacts as stored, keyed by the member's e-mail. */
async function seededProfiles(dataSource: DataSource): Promise<ContactLeakProfile[]> {
  const emails = new Map(
    (await dataSource.getRepository(MemberEntity).find({ select: { id: true, email: true } })).map((m) => [
      m.id,
      m.email,
    ]),
  );
  const contacts = await dataSource
    .getRepository(ContactChannelEntity)
    .find({ order: { practitionerId: 'ASC', sortOrder: 'ASC' } });
  const practitioners = await dataSource.getRepository(PractitionerEntity).find();
  return practitioners.map((practitioner) => ({
    email: emails.get(practitioner.memberId) ?? practitioner.memberId,
    displayName: practitioner.displayName,
    nativeName: practitioner.nativeName,
    nameVariants: practitioner.nameVariants,
    bio: practitioner.bio,
    contacts: contacts.filter((contact) => contact.practitionerId === practitioner.memberId),
  }));
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

  it('should store no coordinators-only contact where members can read it, and no contact value twice', async () => {
    const profiles = await seededProfiles(dataSource);
    expect(profiles).toHaveLength(planDemoNetwork().length);
    expect(profiles.flatMap((profile) => profile.contacts).length).toBeGreaterThanOrEqual(
      profiles.length * 3,
    );
    expect({
      duplicates: findDuplicateContactValues(profiles),
      leaks: findProtectedContactLeaks(profiles),
    }).toEqual({ duplicates: [], leaks: [] });

    // A control, so that the check cannot pass by seeing nothing: a stored protected number written into a bio.
    const hidden = profiles
      .flatMap((profile) => profile.contacts.map((contact) => ({ profile, contact })))
      .find(({ contact }) => contact.visibility === ContactVisibility.COORDINATORS);
    if (!hidden) {
      throw new Error('the demo seed stored no coordinators-only contact');
    }
    const leaky = {
      ...hidden.profile,
      bio: `After hours: ${hidden.contact.value.replace(/(\d{3})/g, '$1 ')}`,
    };
    expect(findProtectedContactLeaks([leaky])).toEqual([expect.stringContaining(`bio of ${leaky.email}`)]);
  });
});
