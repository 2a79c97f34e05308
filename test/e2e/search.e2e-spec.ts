import { SEARCH_ENGINES } from '@app/config';
import { AgencyType, LanguageLevel } from '@app/directory';
import { MemberStatus, type MemberEntity } from '@app/identity';
import { createPractitioner, type PractitionerSeed } from '../factories/practitioner.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const SEARCH = `query($filter: PractitionerFilterInput, $first: Int, $after: String) {
  practitioners(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id displayName sharedLanguages { code level } needsInterpreter } }
    facets { countries { code count } languages { code count } expertise { code count } agencyTypes { code count } }
  }
}`;

type Person = [
  label: string,
  displayName: string,
  nativeName: string | null,
  variants: string[],
  country: string,
  extra?: PractitionerSeed,
];

/** The people of the cross-script table: names in Cyrillic, Perso-Arabic and Latin with their usual variants. */
const PEOPLE: Person[] = [
  [
    'erkin',
    'Erkin Yuldashev',
    'Эркин Юлдашев',
    [],
    'UZ',
    {
      profile: { position: 'Senior Prosecutor' },
      agency: { name: 'General Prosecutor’s Office', type: AgencyType.PROSECUTION },
    },
  ],
  ['dilshod', 'Dilshod Yuldashov', 'Дилшод Юлдашов', [], 'UZ'],
  ['zahra', 'Zahra Rahimi', 'زهرا رحیمی', ['Zahra Rahimy'], 'IR'],
  ['ali', 'Ali Karimi', 'علی کریمی', [], 'IR'],
  ['rustam', 'Rustam Rakhimov', 'Рустам Рахимов', ['Rustam Rahimov'], 'UZ'],
  ['firdavs', 'Firdavs Rahimov', 'Фирдавс Раҳимов', [], 'TJ'],
  [
    'giulia',
    'Giulia Géstri',
    null,
    [],
    'IT',
    {
      agency: { name: 'Procura della Repubblica di Palermo', type: AgencyType.PROSECUTION },
    },
  ],
  [
    'aigul',
    'Aigul Bekmukhanova',
    'Айгүл Бекмұханова',
    [],
    'KZ',
    {
      agency: { name: 'Financial Monitoring Agency', type: AgencyType.FIU },
    },
  ],
  [
    'imran',
    'Imran Khan',
    'عمران خان',
    [],
    'PK',
    {
      agency: { name: 'Federal Investigation Agency', type: AgencyType.POLICE },
    },
  ],
  ['ayesha', 'Ayesha Qureshi', 'عائشہ قریشی', ['Ayesha Kureshi'], 'PK'],
  ['merdan', 'Merdan Annaýew', null, ['Merdan Annayev'], 'TM'],
  ['elvin', 'Elvin Məmmədov', null, ['Elvin Mammadov', 'Elvin Mamedov'], 'AZ'],
  ['zhanar', 'Zhanar Seitkalieva', 'Жанар Сейтқалиева', [], 'KZ'],
  ['aziz', 'Aziz Kholmatov', 'Азиз Холматов', [], 'UZ'],
  // Never found: not vetted, or vetting lapsed.
  [
    'pending',
    'Bakhtiyor Yuldashev',
    'Бахтиёр Юлдашев',
    [],
    'UZ',
    { member: { status: MemberStatus.PENDING, vettedUntil: null } },
  ],
  [
    'expired',
    'Timur Yuldashev',
    'Тимур Юлдашев',
    [],
    'UZ',
    { member: { vettedUntil: new Date(Date.now() - 60_000) } },
  ],
];

/** Query → expected people, as groups of equal score from best to worst (within a group: by id). */
const TABLE: [query: string, expected: string[][]][] = [
  ['Юлдашев', [['erkin'], ['dilshod']]],
  ['Yuldashev', [['erkin'], ['dilshod']]],
  ['Iuldashev', [['erkin'], ['dilshod']]],
  ['Yuldashov', [['dilshod'], ['erkin']]],
  ['Yuldasheva', [['erkin']]],
  ['yuldash', [['dilshod', 'erkin']]],
  ['Erkin Yuldashev', [['erkin']]],
  ['Юлдашев Эркин', [['erkin']]],
  ['Эркин', [['erkin']]],
  ['erk', [['erkin']]],
  ['er', [['erkin']]],
  ['Rahimi', [['zahra']]],
  ['رحیمی', [['zahra']]],
  ['Rahimy', [['zahra']]],
  ['zahra rahimi', [['zahra']]],
  ['Rakhimov', [['firdavs', 'rustam']]],
  ['Рахимов', [['firdavs', 'rustam']]],
  ['Раҳимов', [['firdavs', 'rustam']]],
  ['Rahimova', [['firdavs', 'rustam']]],
  ['Karimi', [['ali']]],
  ['Ali', [['ali']]],
  ['Gestri', [['giulia']]],
  ['Géstri', [['giulia']]],
  ['GESTRI', [['giulia']]],
  ['Bekmukhanova', [['aigul']]],
  ['Бекмұханова', [['aigul']]],
  ['Bekmuhanova', [['aigul']]],
  ['Bekmukhanov', [['aigul']]],
  ['Бекмук', [['aigul']]],
  ['Khan', [['imran']]],
  ['خان', [['imran']]],
  ['Imran Khan', [['imran']]],
  ['Qureshi', [['ayesha']]],
  ['Kureshi', [['ayesha']]],
  ['Annayev', [['merdan']]],
  ['Annaýew', [['merdan']]],
  ['Mammadov', [['elvin']]],
  ['Mamedov', [['elvin']]],
  ['Жанар', [['zhanar']]],
  ['Janar', [['zhanar']]],
  ['Seitkaliyeva', [['zhanar']]],
  ['Xolmatov', [['aziz']]],
  ['Kholmatov', [['aziz']]],
  ['Холматов', [['aziz']]],
  ['prosecutor', [['erkin']]],
  ['Federal Investigation', [['imran']]],
  ['Palermo', [['giulia']]],
  // Negatives.
  ['Smith', []],
  ['Иванов', []],
  ['Yuldash Karimi', []],
  ['Bakhtiyor', []],
  ['Timur', []],
  ['xq', []],
];

// Both engines answer every test the same way: the in-memory index (default) and SQL with the candidate index.
describe.each(SEARCH_ENGINES)('directory search (%s engine)', (engine) => {
  let api: TestApp;
  let token: string;
  const ids = new Map<string, string>();
  const labels = new Map<string, string>();

  beforeAll(async () => {
    api = await createTestApp({ env: { SEARCH_ENGINE: engine } });
    expect(api.config.search.engine).toBe(engine);
    const viewer = await createPractitioner(api.dataSource, {
      profile: { displayName: 'Observer Viewpoint', nativeName: null, nameVariants: [], position: 'Analyst' },
      agency: { name: 'Observatory' },
      languages: [
        { code: 'ru', level: LanguageLevel.FLUENT },
        { code: 'en', level: LanguageLevel.WORKING },
      ],
    });
    token = (await openSession(api.dataSource, viewer.member, api.config.auth)).accessToken;
    for (const [label, displayName, nativeName, nameVariants, country, extra = {}] of PEOPLE) {
      const { member } = await createPractitioner(api.dataSource, {
        ...extra,
        member: extra.member,
        profile: { displayName, nativeName, nameVariants, country, position: 'Officer', ...extra.profile },
        agency: { name: `Agency of ${label}`, ...extra.agency },
      });
      ids.set(label, member.id);
      labels.set(member.id, label);
    }
  });

  afterAll(() => api.close());

  async function search(filter: Record<string, unknown>, first = 50, after?: string, as = token) {
    const response = await api.graphql(SEARCH, { filter, first, after }, as);
    return response.body;
  }

  it.each(TABLE)('%s', async (query, groups) => {
    const body = await search({ text: query });
    expect(body.errors).toBeUndefined();
    const expected = groups.flatMap((group) => group.map((label) => ids.get(label) as string).sort());
    const found: string[] = body.data.practitioners.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(found.map((id) => labels.get(id) ?? id)).toEqual(expected.map((id) => labels.get(id)));
    expect(body.data.practitioners.totalCount).toBe(expected.length);
  });

  it('should combine text with filters', async () => {
    const body = await search({ text: 'Rahimov', countries: ['TJ'] });
    expect(body.data.practitioners.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      ids.get('firdavs'),
    ]);
  });

  it('should count facets for the filter without the facet’s own selection', async () => {
    const body = await search({ countries: ['UZ'] });
    const { totalCount, facets } = body.data.practitioners;
    // UZ: erkin, dilshod, rustam, aziz and the viewer (pending and expired never count).
    expect(totalCount).toBe(5);
    const countries = Object.fromEntries(
      facets.countries.map((f: { code: string; count: number }) => [f.code, f.count]),
    );
    expect(countries).toMatchObject({ UZ: 5, IR: 2, PK: 2, KZ: 2, TJ: 1, IT: 1, TM: 1, AZ: 1 });
    const languages = Object.fromEntries(
      facets.languages.map((f: { code: string; count: number }) => [f.code, f.count]),
    );
    expect(languages).toMatchObject({ uz: 4, ru: 5 });
    expect(facets.agencyTypes).toContainEqual({ code: 'PROSECUTION', count: 5 });

    const narrowed = await search({ countries: ['UZ'], agencyTypes: ['PROSECUTION'], text: 'yuldashev' });
    expect(narrowed.data.practitioners.facets.countries).toEqual([{ code: 'UZ', count: 2 }]);
  });

  it('should page with opaque cursors in a stable order', async () => {
    const all = (await search({}, 50)).data.practitioners;
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = (await search({}, 4, after)).data.practitioners;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(new Set(seen).size).toBe(all.totalCount);
    const tooMany = await search({}, 51);
    expect(tooMany.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('should match languages at a minimum level', async () => {
    const native = await search({ languages: ['ru'], minLanguageLevel: 'NATIVE' });
    expect(native.data.practitioners.totalCount).toBe(0);
    const fluent = await search({ languages: ['ru'], minLanguageLevel: 'FLUENT' });
    expect(fluent.data.practitioners.totalCount).toBe(1 + PEOPLE.length - 2); // factory default: ru FLUENT
  });

  it('should pair languages: shared at WORKING or better, best shared level first', async () => {
    const make = async (label: string, languages: { code: string; level: LanguageLevel }[]) => {
      const { member } = await createPractitioner(api.dataSource, {
        profile: { displayName: `Linguist ${label}`, nativeName: null, nameVariants: [], country: 'FR' },
        agency: { name: `Bureau ${label}` },
        languages,
      });
      return member;
    };
    const nativeRu = await make('a', [{ code: 'ru', level: LanguageLevel.NATIVE }]);
    const fluentEn = await make('b', [{ code: 'en', level: LanguageLevel.FLUENT }]);
    const frenchOnly = await make('c', [{ code: 'fr', level: LanguageLevel.NATIVE }]);
    const basicRu = await make('d', [{ code: 'ru', level: LanguageLevel.BASIC }]);

    const body = await search({ countries: ['FR'], sharesLanguageWithMe: true });
    const nodes = body.data.practitioners.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual([
      {
        id: nativeRu.id,
        displayName: 'Linguist a',
        sharedLanguages: [{ code: 'ru', level: 'FLUENT' }],
        needsInterpreter: false,
      },
      {
        id: fluentEn.id,
        displayName: 'Linguist b',
        sharedLanguages: [{ code: 'en', level: 'WORKING' }],
        needsInterpreter: false,
      },
    ]);
    const everyone = await search({ countries: ['FR'] });
    const interpreter = Object.fromEntries(
      everyone.data.practitioners.edges.map((e: { node: { id: string; needsInterpreter: boolean } }) => [
        e.node.id,
        e.node.needsInterpreter,
      ]),
    );
    expect(interpreter[frenchOnly.id]).toBe(true);
    expect(interpreter[basicRu.id]).toBe(true);
  });

  it('should let only vetted members search, and refuse unknown codes', async () => {
    const pending: MemberEntity = (
      await createPractitioner(api.dataSource, {
        member: { status: MemberStatus.PENDING, vettedUntil: null },
      })
    ).member;
    const pendingToken = (await openSession(api.dataSource, pending, api.config.auth)).accessToken;
    expect((await search({}, 10, undefined, pendingToken)).errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await api.graphql(SEARCH, { filter: {} });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await search({ countries: ['XX'], expertise: ['NOPE'] });
    expect(bad.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'countries.0', code: 'INVALID_COUNTRY', message: 'unknown code: XX' },
        { path: 'expertise.0', code: 'INVALID_EXPERTISE', message: 'unknown code: NOPE' },
      ],
    });
  });
});
