import { Clock } from '@app/common';
import { SEARCH_ENGINES } from '@app/config';
import { AgencyType } from '@app/directory';
import { MemberStatus } from '@app/identity';
import { createPractitioner, type PractitionerSeed } from '../factories/practitioner.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const SEARCH = `query($filter: PractitionerFilterInput, $first: Int, $after: String) {
  practitioners(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id availableNow localTime } }
    facets {
      countries { code count } languages { code count } expertise { code count } agencyTypes { code count }
      competences { code count } available24x7 availableNow
    }
  }
}`;

/** Monday 30 November 2026, 06:00 UTC: 11:00 in Tashkent, 09:30 in Tehran, 09:00 in Moscow, 07:00 in Rome. */
const MONDAY = '2026-11-30T06:00:00.000Z';
/** Saturday 5 December 2026, 06:00 UTC: the weekend in Tashkent and Rome, a working day in Tehran. */
const SATURDAY = new Date('2026-12-05T06:00:00.000Z');

const OFFICE = { workingDays: [1, 2, 3, 4, 5], workingHoursStart: '09:00', workingHoursEnd: '18:00' };

/** label → who they are; whether they can answer on Monday and on Saturday at 06:00 UTC. */
const PEOPLE: [label: string, seed: PractitionerSeed, monday: boolean, saturday: boolean][] = [
  [
    'tashkent-mla',
    {
      profile: { country: 'UZ', timeZone: 'Asia/Tashkent', ...OFFICE },
      competences: ['UNTOC_MLA'],
      expertise: ['ASSET_RECOVERY'],
    },
    true,
    false,
  ],
  [
    'tashkent-extradition',
    {
      profile: { country: 'UZ', timeZone: 'Asia/Tashkent', ...OFFICE },
      competences: ['UNTOC_EXTRADITION'],
      agency: { type: AgencyType.POLICE },
    },
    true,
    false,
  ],
  [
    'tashkent-weekend',
    { profile: { country: 'UZ', timeZone: 'Asia/Tashkent', ...OFFICE, workingDays: [6, 7] } },
    false,
    true,
  ],
  [
    'tehran',
    {
      profile: {
        country: 'IR',
        timeZone: 'Asia/Tehran',
        workingDays: [6, 7, 1, 2, 3],
        workingHoursStart: '08:00',
        workingHoursEnd: '16:00',
      },
      competences: ['UNTOC_MLA', 'UNTOC_EXTRADITION'],
    },
    true,
    true,
  ],
  [
    // Sunday's night shift, 22:00 to 10:00 the next morning.
    'moscow-night',
    {
      profile: {
        country: 'RU',
        timeZone: 'Europe/Moscow',
        workingDays: [7],
        workingHoursStart: '22:00',
        workingHoursEnd: '10:00',
      },
    },
    true,
    false,
  ],
  ['rome', { profile: { country: 'IT', timeZone: 'Europe/Rome', ...OFFICE } }, false, false],
  [
    'rome-24x7',
    {
      profile: { country: 'IT', timeZone: 'Europe/Rome', ...OFFICE, available24x7: true },
      agency: { type: AgencyType.POLICE },
    },
    true,
    true,
  ],
];

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; availableNow: boolean; localTime: string } }[];
  facets: Record<string, { code: string; count: number }[]> & { available24x7: number; availableNow: number };
}

const counts = (list: { code: string; count: number }[]) =>
  Object.fromEntries(list.map(({ code, count }) => [code, count]));

// The same answers from both engines, at an instant set by the test server's clock (TEST_CLOCK_AT).
describe.each(SEARCH_ENGINES)('"available now" search (%s engine)', (engine) => {
  let api: TestApp;
  let token: string;
  const ids = new Map<string, string>();
  const labels = new Map<string, string>();

  beforeAll(async () => {
    api = await createTestApp({ env: { SEARCH_ENGINE: engine, TEST_CLOCK_AT: MONDAY } });
    // The viewer keeps office hours in Paris (07:00 on Monday): found by searches, never available then.
    const viewer = await createPractitioner(api.dataSource, {
      profile: { country: 'FR', timeZone: 'Europe/Paris', ...OFFICE, displayName: 'Observer Viewpoint' },
    });
    ids.set('viewer', viewer.member.id);
    labels.set(viewer.member.id, 'viewer');
    token = (await openSession(api.dataSource, viewer.member, api.config.auth)).accessToken;
    for (const [label, seed] of PEOPLE) {
      const { member } = await createPractitioner(api.dataSource, {
        ...seed,
        profile: { displayName: `Officer ${label}`, nativeName: null, nameVariants: [], ...seed.profile },
      });
      ids.set(label, member.id);
      labels.set(member.id, label);
    }
    // Never found, available or not: a pending applicant in Tashkent office hours.
    await createPractitioner(api.dataSource, {
      member: { status: MemberStatus.PENDING, vettedUntil: null },
      profile: { country: 'UZ', timeZone: 'Asia/Tashkent', ...OFFICE, displayName: 'Officer pending' },
    });
  });

  afterAll(() => api.close());

  async function search(filter: Record<string, unknown>, first = 50, after?: string): Promise<Page> {
    const response = await api.graphql(SEARCH, { filter, first, after }, token);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.practitioners as Page;
  }

  const found = (page: Page) => page.edges.map((edge) => labels.get(edge.node.id));
  const availableOn = (day: 'monday' | 'saturday') =>
    PEOPLE.filter(([, , monday, saturday]) => (day === 'monday' ? monday : saturday))
      .map(([label]) => label)
      .sort();

  it('should keep only those within their working hours in their own zone, or 24/7', async () => {
    const page = await search({ availableNow: true });
    expect(found(page).sort()).toEqual(availableOn('monday'));
    expect(page.totalCount).toBe(5);
    expect(page.edges.every((edge) => edge.node.availableNow)).toBe(true);
    const tashkent = page.edges.find((edge) => edge.node.id === ids.get('tashkent-mla'));
    expect(tashkent?.node.localTime).toBe('2026-11-30T11:00+05:00');
    const moscow = page.edges.find((edge) => edge.node.id === ids.get('moscow-night'));
    expect(moscow?.node.localTime).toBe('2026-11-30T09:00+03:00');
  });

  it('should not filter when availableNow is false or absent', async () => {
    const everyone = await search({});
    expect(everyone.totalCount).toBe(PEOPLE.length + 1);
    expect((await search({ availableNow: false })).totalCount).toBe(everyone.totalCount);
    const unavailable = everyone.edges
      .filter((edge) => !edge.node.availableNow)
      .map((e) => labels.get(e.node.id));
    expect(unavailable.sort()).toEqual(['rome', 'tashkent-weekend', 'viewer']);
  });

  it('should combine with every other filter and with text', async () => {
    expect(found(await search({ availableNow: true, countries: ['UZ'] })).sort()).toEqual([
      'tashkent-extradition',
      'tashkent-mla',
    ]);
    expect(found(await search({ availableNow: true, competences: ['UNTOC_EXTRADITION'] })).sort()).toEqual([
      'tashkent-extradition',
      'tehran',
    ]);
    expect(found(await search({ availableNow: true, agencyTypes: ['POLICE'] })).sort()).toEqual([
      'rome-24x7',
      'tashkent-extradition',
    ]);
    expect(found(await search({ availableNow: true, expertise: ['ASSET_RECOVERY'] }))).toEqual([
      'tashkent-mla',
    ]);
    expect(found(await search({ availableNow: true, available24x7: true }))).toEqual(['rome-24x7']);
    expect(
      found(await search({ availableNow: true, languages: ['uz'], minLanguageLevel: 'NATIVE' })).sort(),
    ).toEqual(availableOn('monday')); // the factory's languages: uz NATIVE, ru FLUENT
    expect(found(await search({ availableNow: true, sharesLanguageWithMe: true })).sort()).toEqual(
      availableOn('monday'),
    );
    expect(found(await search({ availableNow: true, text: 'officer tashkent' })).sort()).toEqual([
      'tashkent-extradition',
      'tashkent-mla',
    ]);
    expect(found(await search({ availableNow: true, text: 'rome' }))).toEqual(['rome-24x7']);
    expect((await search({ availableNow: true, countries: ['FR'] })).totalCount).toBe(0);
  });

  it('should count every facet without its own selection, and change the counts as filters change', async () => {
    const all = (await search({})).facets;
    expect(all.availableNow).toBe(5);
    expect(all.available24x7).toBe(1);
    expect(counts(all.countries)).toEqual({ UZ: 3, IT: 2, IR: 1, RU: 1, FR: 1 });
    // Factory default competence UNTOC_MLA for everyone without their own list.
    expect(counts(all.competences)).toEqual({ UNTOC_MLA: 7, UNTOC_EXTRADITION: 2 });

    const now = await search({ availableNow: true });
    expect(now.facets.availableNow).toBe(5); // its own selection ignored: the same as without it
    expect(now.facets.available24x7).toBe(1);
    expect(counts(now.facets.countries)).toEqual({ UZ: 2, IT: 1, IR: 1, RU: 1 });
    expect(counts(now.facets.competences)).toEqual({ UNTOC_MLA: 4, UNTOC_EXTRADITION: 2 });
    expect(counts(now.facets.agencyTypes)).toEqual({ PROSECUTION: 3, POLICE: 2 });

    const uzNow = await search({ availableNow: true, countries: ['UZ'] });
    expect(uzNow.totalCount).toBe(2);
    expect(counts(uzNow.facets.countries)).toEqual({ UZ: 2, IT: 1, IR: 1, RU: 1 }); // countries ignores itself
    expect(uzNow.facets.availableNow).toBe(2); // UZ and available
    expect(uzNow.facets.available24x7).toBe(0);
    expect(counts(uzNow.facets.competences)).toEqual({ UNTOC_MLA: 1, UNTOC_EXTRADITION: 1 });

    const uz = await search({ countries: ['UZ'] });
    expect(uz.totalCount).toBe(3);
    expect(uz.facets.availableNow).toBe(2);

    const extradition = await search({ availableNow: true, competences: ['UNTOC_EXTRADITION'] });
    expect(counts(extradition.facets.competences)).toEqual({ UNTOC_MLA: 4, UNTOC_EXTRADITION: 2 }); // ignores itself
    expect(counts(extradition.facets.countries)).toEqual({ UZ: 1, IR: 1 });
    expect(extradition.facets.availableNow).toBe(2);

    const always = await search({ available24x7: true });
    expect(always.totalCount).toBe(1);
    expect(always.facets.available24x7).toBe(1);
    expect(always.facets.availableNow).toBe(1);
    const alwaysInUz = await search({ available24x7: true, countries: ['UZ'] });
    expect(alwaysInUz.totalCount).toBe(0);
    expect(alwaysInUz.facets.available24x7).toBe(0);
    expect(alwaysInUz.facets.availableNow).toBe(0);
    expect(counts(alwaysInUz.facets.countries)).toEqual({ IT: 1 });

    const text = await search({ text: 'tashkent' });
    expect(text.facets.availableNow).toBe(2);
    expect(text.facets.available24x7).toBe(0);
  });

  it('should page through the available with cursors, without gaps or repeats', async () => {
    const all = found(await search({ availableNow: true }));
    const seen: (string | undefined)[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await search({ availableNow: true }, 2, after);
      expect(page.totalCount).toBe(5);
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...found(page));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    // With text, pages come from the ranked order.
    const ranked = found(await search({ availableNow: true, text: 'officer' }));
    const first = await search({ availableNow: true, text: 'officer' }, 3);
    const rest = await search(
      { availableNow: true, text: 'officer' },
      3,
      first.pageInfo.endCursor ?? undefined,
    );
    expect([...found(first), ...found(rest)]).toEqual(ranked);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('should follow the clock: on Saturday other people can answer', async () => {
    const clock = api.app.get(Clock);
    const now = jest.spyOn(clock, 'now').mockReturnValue(SATURDAY);
    try {
      const page = await search({ availableNow: true });
      expect(found(page).sort()).toEqual(availableOn('saturday'));
      expect(page.facets.availableNow).toBe(3);
      expect(page.edges.every((edge) => edge.node.availableNow)).toBe(true);
      const weekend = page.edges.find((edge) => edge.node.id === ids.get('tashkent-weekend'));
      expect(weekend?.node.localTime).toBe('2026-12-05T11:00+05:00');
    } finally {
      now.mockRestore();
    }
    expect(found(await search({ availableNow: true })).sort()).toEqual(availableOn('monday'));
  });

  it("should cut later pages at the first page's instant, so no one is skipped when working hours end between pages", async () => {
    const clock = api.app.get(Clock);
    // Moscow's night shift ends at 10:00 there, 07:00 UTC: at 06:58 five can answer, at 07:02 four.
    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-30T06:58:00Z'));
    try {
      const before = found(await search({ availableNow: true }));
      expect(before).toContain('moscow-night');
      const first = await search({ availableNow: true }, 2);
      const withTime = await search({ countries: ['UZ'] }, 1);
      now.mockReturnValue(new Date('2026-11-30T07:02:00Z'));
      const seen = found(first);
      let after = first.pageInfo.endCursor ?? undefined;
      while (after) {
        const page = await search({ availableNow: true }, 2, after);
        expect(page.totalCount).toBe(5);
        expect(page.edges.every((edge) => edge.node.availableNow)).toBe(true);
        seen.push(...found(page));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
      }
      expect(seen).toEqual(before);
      // The later page's clocks read the first page's time too; a new search is cut at the new instant.
      const next = await search({ countries: ['UZ'] }, 5, withTime.pageInfo.endCursor ?? undefined);
      expect(next.edges.map((edge) => edge.node.localTime)).toEqual([
        '2026-11-30T11:58+05:00',
        '2026-11-30T11:58+05:00',
      ]);
      expect(found(await search({ availableNow: true }))).not.toContain('moscow-night');
      expect((await search({ availableNow: true })).totalCount).toBe(4);
    } finally {
      now.mockRestore();
    }
  });

  it('should cut a page at the present when its cursor is older than ten minutes (a tab left open)', async () => {
    const clock = api.app.get(Clock);
    const first = await search({ availableNow: true }, 2);
    const now = jest.spyOn(clock, 'now').mockReturnValue(SATURDAY);
    try {
      const rest = await search({ availableNow: true }, 2, first.pageInfo.endCursor ?? undefined);
      // Saturday's list: three can answer, the two on page one's offsets are passed over.
      expect(rest.totalCount).toBe(3);
      expect(rest.edges.every((edge) => edge.node.localTime.startsWith('2026-12-05'))).toBe(true);
    } finally {
      now.mockRestore();
    }
  });

  it('should still take an offset cursor given before cursors carried their instant', async () => {
    const all = found(await search({ availableNow: true }));
    const rest = await search({ availableNow: true }, 50, Buffer.from('o:2').toString('base64url'));
    expect(found(rest)).toEqual(all.slice(2));
  });

  it('should refuse a cursor it did not give, or one from the future', async () => {
    const inAnHour = new Date(MONDAY).getTime() + 3600_000;
    for (const after of [
      Buffer.from('t::').toString('base64url'),
      Buffer.from('t:2').toString('base64url'),
      Buffer.from('t:-1:0').toString('base64url'),
      Buffer.from('t:2:soon').toString('base64url'),
      Buffer.from('t:2:1:9').toString('base64url'),
      Buffer.from(`t:2:${inAnHour}`).toString('base64url'),
      Buffer.from('o:').toString('base64url'),
      'not a cursor',
    ]) {
      const response = await api.graphql(SEARCH, { filter: {}, first: 2, after }, token);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ path: 'after', code: 'INVALID' })],
      });
    }
  });

  it('should see a schedule change at once', async () => {
    const EDIT = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { availableNow } }`;
    const edited = await api.graphql(
      EDIT,
      { input: { workingHoursStart: '06:30', workingHoursEnd: '15:00' } }, // Paris 07:00 is now inside
      token,
    );
    expect(edited.body.data.updateMyProfile.availableNow).toBe(true);
    expect(found(await search({ availableNow: true, countries: ['FR'] }))).toEqual(['viewer']);
    await api.graphql(EDIT, { input: { workingHoursStart: '09:00', workingHoursEnd: '18:00' } }, token);
    expect((await search({ availableNow: true, countries: ['FR'] })).totalCount).toBe(0);
  });
});
