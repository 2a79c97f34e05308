import { MemberRole, MemberStatus, type MemberEntity } from '@app/identity';
import type { PractitionerEntity } from '@app/directory';
import { createMember } from '../factories/member.factory';
import { createPractitioner } from '../factories/practitioner.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const STATISTICS = `{
  networkStatistics {
    generatedAt countries
    membersByCountry { country status count }
    vettingsExpiring { month count }
    staleProfiles { country count }
    applicantsWaiting { count oldestDays medianDays buckets { range count } }
  }
}`;

const MEMBERS = `query($filter: MembersFilterInput) {
  members(filter: $filter) { totalCount edges { node { id displayName country status } } }
}`;

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

describe('networkStatistics and the members desk filters', () => {
  let api: TestApp;
  const now = new Date();
  /** The first instant of the UTC month `offset` months from this one. */
  const monthStart = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  /** The 15th, noon UTC, of the month `offset` months from this one. */
  const midMonth = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 15, 12));
  const monthsAgo = (months: number) => {
    const date = new Date(now);
    date.setUTCMonth(date.getUTCMonth() - months);
    return date;
  };
  /** Applied `days` whole days ago (and a little more, so the day is never on a boundary). */
  const appliedDaysAgo = (days: number, extra = HOUR) => new Date(now.getTime() - days * DAY - extra);
  const pending = (createdAt: Date): Partial<MemberEntity> => ({
    status: MemberStatus.PENDING,
    vettedAt: null,
    vettedUntil: null,
    createdAt,
    updatedAt: createdAt,
  });
  const vetted = (vettedUntil: Date | null): Partial<MemberEntity> => ({
    status: MemberStatus.VETTED,
    vettedUntil,
  });

  /** label → [country, member, profile] */
  const FIXTURE: Record<string, [string, Partial<MemberEntity>, Partial<PractitionerEntity>]> = {
    // Uzbekistan: vettings ending in month 0, 1, 11 and 12 (beyond the window), one lapsed last month.
    uzMonth0: ['UZ', vetted(new Date(monthStart(0).getTime() + HOUR)), { confirmedAt: monthsAgo(11) }],
    uzMonth1: [
      'UZ',
      vetted(midMonth(1)),
      { displayName: 'Dilnoza Karimova', confirmedAt: null, createdAt: new Date(now.getTime() - 400 * DAY) },
    ],
    uzMonth11: ['UZ', vetted(midMonth(11)), { confirmedAt: monthsAgo(13) }],
    uzMonth12: ['UZ', vetted(midMonth(12)), {}],
    uzLapsed: ['UZ', vetted(midMonth(-1)), {}],
    uzPending2: ['UZ', pending(appliedDaysAgo(2)), {}],
    // Never confirmed, created 10 days ago: counts from its creation, so fresh.
    uzPending10: ['UZ', pending(appliedDaysAgo(10)), { confirmedAt: null, createdAt: appliedDaysAgo(10) }],
    uzPending12: ['UZ', pending(appliedDaysAgo(12)), {}],
    uzSuspended: ['UZ', { status: MemberStatus.SUSPENDED }, {}],
    // Kazakhstan.
    kzPending40: ['KZ', pending(appliedDaysAgo(40)), {}],
    kzPending100: ['KZ', pending(appliedDaysAgo(100)), { confirmedAt: monthsAgo(24) }],
    kzMonth1: ['KZ', vetted(midMonth(1)), {}],
    kzRevoked: ['KZ', { status: MemberStatus.REVOKED }, {}],
    // Tajikistan: applicants an hour either side of the 7-day boundary (an hour: booting and building the fixture on
    // a loaded machine must not carry one across it).
    tjPending7: ['TJ', pending(appliedDaysAgo(7, HOUR)), {}],
    tjPending6: ['TJ', pending(appliedDaysAgo(7, -HOUR)), {}],
    tjForever: ['TJ', vetted(null), { confirmedAt: monthsAgo(12 * 3) }],
    tjRejected: ['TJ', { status: MemberStatus.REJECTED }, {}],
  };
  const ids = new Map<string, string>();
  let uzCoordinator: string;
  let kgCoordinator: string;
  let admin: string;
  let member: string;

  /** A signed-in caller without a profile (so not counted anywhere) and without a vetting end. */
  async function signedIn(fields: Partial<MemberEntity>): Promise<string> {
    const created = await createMember(api.dataSource, { vettedUntil: null, ...fields });
    return (await openSession(api.dataSource, created, api.config.auth)).accessToken;
  }

  beforeAll(async () => {
    api = await createTestApp();
    for (const [label, [country, memberFields, profile]] of Object.entries(FIXTURE)) {
      const created = await createPractitioner(api.dataSource, {
        member: memberFields,
        profile: { country, displayName: label, ...profile },
      });
      ids.set(label, created.member.id);
    }
    uzCoordinator = await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['UZ'] });
    kgCoordinator = await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['KG'] });
    admin = await signedIn({ role: MemberRole.ADMIN });
    member = await signedIn({});
  });

  afterAll(() => api.close());

  const statistics = async (token?: string) => {
    const response = await api.graphql(STATISTICS, {}, token);
    return response.body as {
      data?: { networkStatistics: Record<string, unknown> };
      errors?: { extensions: { code: string } }[];
    };
  };
  const months = (counts: Record<number, number>) =>
    Array.from({ length: 12 }, (_, offset) => ({
      month: monthStart(offset).toISOString().slice(0, 7),
      count: counts[offset] ?? 0,
    }));
  const buckets = (under: number, week: number, month: number, quarter: number) => [
    { range: 'UNDER_WEEK', count: under },
    { range: 'WEEK_TO_MONTH', count: week },
    { range: 'MONTH_TO_QUARTER', count: month },
    { range: 'OVER_QUARTER', count: quarter },
  ];

  it('should give an admin the whole network, counted per country, status, month and waiting time', async () => {
    const body = await statistics(admin);
    expect(body.errors).toBeUndefined();
    const stats = body.data?.networkStatistics;
    expect(new Date(stats?.generatedAt as string).getTime()).toBeGreaterThanOrEqual(now.getTime());
    expect(stats).toEqual({
      generatedAt: expect.any(String),
      countries: ['KZ', 'TJ', 'UZ'],
      membersByCountry: [
        { country: 'KZ', status: 'PENDING', count: 2 },
        { country: 'KZ', status: 'REVOKED', count: 1 },
        { country: 'KZ', status: 'VETTED', count: 1 },
        { country: 'TJ', status: 'PENDING', count: 2 },
        { country: 'TJ', status: 'REJECTED', count: 1 },
        { country: 'TJ', status: 'VETTED', count: 1 },
        { country: 'UZ', status: 'PENDING', count: 3 },
        { country: 'UZ', status: 'SUSPENDED', count: 1 },
        { country: 'UZ', status: 'VETTED', count: 5 },
      ],
      // Month 0: uzMonth0; month 1: uzMonth1 and kzMonth1; month 11: uzMonth11. Not uzMonth12, uzLapsed, tjForever.
      vettingsExpiring: months({ 0: 1, 1: 2, 11: 1 }),
      staleProfiles: [
        { country: 'KZ', count: 1 },
        { country: 'TJ', count: 1 },
        { country: 'UZ', count: 2 },
      ],
      // Days waited: 2, 6, 7, 10, 12, 40, 100.
      applicantsWaiting: { count: 7, oldestDays: 100, medianDays: 10, buckets: buckets(2, 3, 1, 1) },
    });
  });

  it('should give a coordinator the numbers of their countries only', async () => {
    const body = await statistics(uzCoordinator);
    expect(body.errors).toBeUndefined();
    expect(body.data?.networkStatistics).toEqual({
      generatedAt: expect.any(String),
      countries: ['UZ'],
      membersByCountry: [
        { country: 'UZ', status: 'PENDING', count: 3 },
        { country: 'UZ', status: 'SUSPENDED', count: 1 },
        { country: 'UZ', status: 'VETTED', count: 5 },
      ],
      vettingsExpiring: months({ 0: 1, 1: 1, 11: 1 }),
      staleProfiles: [{ country: 'UZ', count: 2 }],
      // Days waited: 2, 10, 12.
      applicantsWaiting: { count: 3, oldestDays: 12, medianDays: 10, buckets: buckets(1, 2, 0, 0) },
    });
  });

  it('should give a coordinator of a country without members zero-filled months and buckets', async () => {
    const body = await statistics(kgCoordinator);
    expect(body.data?.networkStatistics).toEqual({
      generatedAt: expect.any(String),
      countries: ['KG'],
      membersByCountry: [],
      vettingsExpiring: months({}),
      staleProfiles: [],
      applicantsWaiting: { count: 0, oldestDays: null, medianDays: null, buckets: buckets(0, 0, 0, 0) },
    });
  });

  it('should refuse members and anonymous callers', async () => {
    expect((await statistics(member)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await statistics()).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should filter members by a stale or fresh profile, with the profile’s name', async () => {
    const list = async (filter: Record<string, unknown>, token = uzCoordinator) => {
      const response = await api.graphql(MEMBERS, { filter }, token);
      expect(response.body.errors).toBeUndefined();
      return response.body.data.members as {
        totalCount: number;
        edges: { node: { id: string; displayName: string | null; country: string; status: string } }[];
      };
    };
    const labels = (page: Awaited<ReturnType<typeof list>>) =>
      page.edges.map((edge) => edge.node.displayName).sort();

    const stale = await list({ staleProfile: true });
    expect(labels(stale)).toEqual(['Dilnoza Karimova', 'uzMonth11']);
    expect(stale.edges.find((edge) => edge.node.id === ids.get('uzMonth1'))?.node).toEqual({
      id: ids.get('uzMonth1'),
      displayName: 'Dilnoza Karimova',
      country: 'UZ',
      status: 'VETTED',
    });
    expect(labels(await list({ staleProfile: false }))).toEqual(
      ['uzLapsed', 'uzMonth0', 'uzMonth12', 'uzPending10', 'uzPending12', 'uzPending2', 'uzSuspended'].sort(),
    );
    expect(labels(await list({ staleProfile: false, status: 'PENDING' }))).toEqual([
      'uzPending10',
      'uzPending12',
      'uzPending2',
    ]);
    // Scoped as before: KZ is outside this coordinator's countries, so the filter finds nobody there.
    expect((await list({ staleProfile: true, countries: ['KZ'] })).totalCount).toBe(0);
    // The same rule as the statistics: per country, the stale count is the filter's total.
    for (const [country, count] of [
      ['KZ', 1],
      ['TJ', 1],
      ['UZ', 2],
    ] as const) {
      expect((await list({ staleProfile: true, countries: [country] }, admin)).totalCount).toBe(count);
    }
    // Members without a profile (the signed-in staff here) are neither stale nor fresh; their name is null.
    const everyone = await list({}, admin);
    const withoutProfile = everyone.edges.filter((edge) => edge.node.country === null);
    expect(withoutProfile).toHaveLength(4);
    expect(withoutProfile.every((edge) => edge.node.displayName === null)).toBe(true);
    const staleOrFresh =
      (await list({ staleProfile: true }, admin)).totalCount +
      (await list({ staleProfile: false }, admin)).totalCount;
    expect(staleOrFresh).toBe(everyone.totalCount - 4);
  });

  it('should refuse a staleProfile that is not a boolean', async () => {
    const response = await api.graphql(MEMBERS, { filter: { staleProfile: 'yes' } }, uzCoordinator);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
