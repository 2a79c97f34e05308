import { faker } from '@faker-js/faker';
import type { DataSource } from 'typeorm';
import { TransactionService } from '@app/database';
import {
  AgencyEntity,
  AgencyType,
  COMPETENCES,
  EXPERTISE_AREAS,
  foldWords,
  LanguageLevel,
  MAX_QUERY_WORDS,
  PractitionerEntity,
  PractitionerSearchService,
  replaceProfileLists,
  type SearchFilter,
} from '@app/directory';
import { MemberEntity, MemberStatus } from '@app/identity';
import { createPractitioner } from '../factories/practitioner.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { connectDataSource } from '../utils/test-database';

const COUNTRIES = ['UZ', 'KZ', 'KG', 'TJ', 'PK', 'IR', 'IT'];
const LANGUAGES = ['ru', 'en', 'uz', 'kk', 'fa', 'ur', 'it'];
const SURNAMES = [
  ['Yuldashev', 'Юлдашев'],
  ['Belousova', 'Белоусова'],
  ['Kholmatov', 'Холматов'],
  ['Rakhimova', 'Рахимова'],
  ['Zhaksylykov', 'Жаксылыков'],
  ['Chorshanbiev', 'Чоршанбиев'],
  ['Rahimi', 'رحیمی'],
  ['Qureshi', 'قریشی'],
  ['Gestri', null],
  ['Mammadov', 'Мамедов'],
] as const;
const FIRST_NAMES = ['Erkin', 'Aigul', 'Zahra', 'Imran', 'Giulia', 'Nurlan', 'Dilnoza', 'Timur'];
const POSITIONS = ['Senior Prosecutor', 'Investigator', 'Liaison Officer', 'Financial Analyst', 'Judge'];
/** Zones with whole, half- and quarter-hour offsets, with and without daylight saving time. */
const ZONES = [
  'Asia/Tashkent',
  'Asia/Tehran',
  'Asia/Kabul',
  'Asia/Kathmandu',
  'Europe/Rome',
  'America/New_York',
];
const WEEKS = [
  [1, 2, 3, 4, 5],
  [6, 7, 1, 2, 3],
  [1, 2, 3, 4, 5, 6],
  [6, 7],
];
const HOURS = [
  ['09:00', '18:00'],
  ['08:00', '16:30'],
  ['22:00', '06:00'],
  ['00:00', '08:00'],
  ['18:00', '00:00'],
] as const;

const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
const some = <T>(items: readonly T[], max: number): T[] =>
  faker.helpers.arrayElements(items, { min: 1, max });

/** A practitioner with random names, lists and membership state (some not found by design). */
async function randomPractitioner(dataSource: DataSource, n: number): Promise<void> {
  const [surname, native] = pick(SURNAMES);
  const first = pick(FIRST_NAMES);
  const state = faker.number.int(9);
  const hours = pick(HOURS);
  await createPractitioner(dataSource, {
    member: {
      status: state === 0 ? MemberStatus.SUSPENDED : MemberStatus.VETTED,
      // Lapsed long ago or far ahead: no vetting ends while the engines are compared.
      vettedUntil:
        state === 1
          ? faker.date.past()
          : state === 2
            ? null
            : faker.date.future({ refDate: Date.now() + 86_400_000 }),
    },
    profile: {
      displayName: `${first} ${surname}`,
      nativeName: native ? `${native}` : null,
      nameVariants: faker.datatype.boolean(0.2) ? [`${first} ${surname}a`] : [],
      position: pick(POSITIONS),
      country: pick(COUNTRIES),
      available24x7: faker.datatype.boolean(0.2),
      timeZone: pick(ZONES),
      workingDays: pick(WEEKS),
      workingHoursStart: hours[0],
      workingHoursEnd: hours[1],
    },
    agency: {
      name: `${pick(['Federal', 'General', 'Regional'])} ${pick(['Agency', 'Office', 'Bureau'])} ${n}`,
      type: pick(Object.values(AgencyType)),
    },
    languages: some(LANGUAGES, 3).map((code) => ({ code, level: pick(Object.values(LanguageLevel)) })),
    expertise: some(EXPERTISE_AREAS, 3).map((entry) => entry.code),
    competences: some(COMPETENCES, 2).map((entry) => entry.code),
  });
}

function randomFilter(): SearchFilter {
  const filter: SearchFilter = {};
  const [surname, native] = pick(SURNAMES);
  const text = pick([
    surname,
    surname.slice(0, faker.number.int({ min: 1, max: 6 })),
    native ?? surname,
    (native ?? surname).slice(0, 4),
    `${pick(FIRST_NAMES)} ${surname}`,
    pick(POSITIONS).split(' ')[0],
    `${surname.slice(0, 3)}${surname[4]}${surname[3]}${surname.slice(5)}`,
  ]);
  if (faker.datatype.boolean(0.6)) {
    filter.text = text;
  }
  if (faker.datatype.boolean(0.4)) {
    filter.countries = some(COUNTRIES, 2);
  }
  if (faker.datatype.boolean(0.3)) {
    filter.languages = some(LANGUAGES, 2);
  }
  if (faker.datatype.boolean(0.3)) {
    filter.minLanguageLevel = pick(Object.values(LanguageLevel));
  }
  if (faker.datatype.boolean(0.3)) {
    filter.expertise = some(EXPERTISE_AREAS, 2).map((entry) => entry.code);
  }
  if (faker.datatype.boolean(0.2)) {
    filter.competences = [pick(COMPETENCES).code];
  }
  if (faker.datatype.boolean(0.2)) {
    filter.agencyTypes = some(Object.values(AgencyType), 2);
  }
  if (faker.datatype.boolean(0.1)) {
    filter.available24x7 = true;
  }
  if (faker.datatype.boolean(0.3)) {
    filter.availableNow = true;
  }
  if (faker.datatype.boolean(0.2)) {
    filter.sharesLanguageWithMe = true;
  }
  return filter;
}

describe('search engines', () => {
  let api: TestApp;
  let search: PractitionerSearchService;
  let viewerId: string;

  beforeAll(async () => {
    faker.seed(20261129);
    api = await createTestApp();
    search = api.app.get(PractitionerSearchService);
    viewerId = (
      await createPractitioner(api.dataSource, {
        languages: [
          { code: 'ru', level: LanguageLevel.NATIVE },
          { code: 'en', level: LanguageLevel.FLUENT },
          { code: 'fa', level: LanguageLevel.WORKING },
        ],
      })
    ).member.id;
    for (let i = 0; i < 150; i += 1) {
      await randomPractitioner(api.dataSource, i);
    }
  });

  afterAll(() => api.close());

  it('should give the same ids, order, totals and facets on random filters, pages and instants', async () => {
    let nonEmpty = 0;
    let availableNow = 0;
    for (let i = 0; i < 250; i += 1) {
      const filter = randomFilter();
      const words = foldWords(filter.text).slice(0, MAX_QUERY_WORDS);
      const page = { first: faker.number.int({ min: 1, max: 12 }), offset: pick([0, 0, 3, 10]) };
      // Any minute of a year: every weekday, time of day and both sides of each DST change.
      const at = new Date(Date.UTC(2026, 0, 1) + faker.number.int(365 * 24 * 60) * 60_000);
      const memory = await search.inMemory(viewerId, filter, words, page, at);
      const database = await search.inDatabase(viewerId, filter, words, page, at);
      expect({ filter, page, at, ...memory }).toEqual({ filter, page, at, ...database });
      nonEmpty += memory.ids.length > 0 ? 1 : 0;
      availableNow += filter.availableNow && memory.ids.length > 0 ? 1 : 0;
    }
    // The random queries must exercise real results, not just agree on empty ones.
    expect(nonEmpty).toBeGreaterThan(100);
    expect(availableNow).toBeGreaterThan(10);
    // 250 searches on each engine, the database one a dozen statements each: 8 s on PostgreSQL, more on a busy machine.
  }, 60_000);

  it('should give each of many searches at once its own page and facets', async () => {
    // The memory index prepares a query in shared scratch space: its page and facets must be computed with no other
    // search in between (an await there once gave searches the facets of another).
    const queries = Array.from({ length: 12 }, () => ({
      filter: randomFilter(),
      page: { first: 10, offset: 0 },
      at: new Date(Date.UTC(2026, 5, 1, 8)),
    }));
    const run = ({ filter, page, at }: (typeof queries)[number]) =>
      search.inMemory(viewerId, filter, foldWords(filter.text).slice(0, MAX_QUERY_WORDS), page, at);
    const alone = [];
    for (const query of queries) {
      alone.push(await run(query));
    }
    expect(await Promise.all(queries.map(run))).toEqual(alone);
  });
});

describe('search index freshness', () => {
  let api: TestApp;
  let other: DataSource;
  let viewer: string;

  beforeAll(async () => {
    // A long staleness bound: only this process's commits make the next search replay the change log.
    api = await createTestApp({ env: { SEARCH_INDEX_MAX_STALENESS_MS: '60000' } });
    other = await connectDataSource(api.database.config);
    viewer = (await createPractitioner(api.dataSource)).member.id;
  });

  afterAll(async () => {
    await other.destroy();
    await api.close();
  });

  const find = async (filter: SearchFilter, at?: Date) => {
    const result = await api.app
      .get(PractitionerSearchService)
      .search({ memberId: viewer, active: true, staff: false }, filter, { first: 50, offset: 0 }, at);
    return result.ids;
  };

  it('should show this process’s own commits to the very next search', async () => {
    const { member } = await createPractitioner(api.dataSource, {
      profile: { displayName: 'Farrukh Ortiqov' },
    });
    // The factory wrote beside the app; the app's next own commit makes the index replay everything since.
    const transactions = api.app.get(TransactionService);
    await transactions.run((manager) =>
      manager.update(PractitionerEntity, { memberId: member.id }, { country: 'KG' }),
    );
    expect(await find({ text: 'Ortiqov', countries: ['KG'] })).toEqual([member.id]);

    await transactions.run((manager) =>
      manager.update(MemberEntity, { id: member.id }, { status: MemberStatus.SUSPENDED }),
    );
    expect(await find({ text: 'Ortiqov' })).toEqual([]);

    await transactions.run((manager) =>
      manager.update(MemberEntity, { id: member.id }, { status: MemberStatus.VETTED }),
    );
    await transactions.run((manager) =>
      replaceProfileLists(manager, member.id, { languages: [{ code: 'tg', level: LanguageLevel.NATIVE }] }),
    );
    expect(await find({ text: 'Ortiqov', languages: ['tg'] })).toEqual([member.id]);
  });

  it('should replay other processes’ writes, agency renames and deletions included', async () => {
    const { member, agency } = await createPractitioner(api.dataSource, {
      profile: { displayName: 'Malika Sodiqova', position: 'Analyst' },
      agency: { name: 'Customs Committee' },
    });
    await other.getRepository(AgencyEntity).update({ id: agency.id }, { type: AgencyType.BORDER });
    await other.getRepository(MemberEntity).update({ id: member.id }, { vettedUntil: null });
    // Nothing of this process committed: a search within the staleness bound may use the index as it was; the
    // next own commit (any) brings everything in.
    await api.app.get(TransactionService).run(() => Promise.resolve());
    expect(await find({ text: 'Sodiqova', agencyTypes: [AgencyType.BORDER] })).toEqual([member.id]);

    await other.query(
      `DELETE FROM practitioner_language WHERE practitioner_id = ${other.options.type === 'postgres' ? '$1' : '?'}`,
      [member.id],
    );
    await other.getRepository(PractitionerEntity).delete({ memberId: member.id });
    await api.app.get(TransactionService).run(() => Promise.resolve());
    expect(await find({ text: 'Sodiqova' })).toEqual([]);
  });

  it('should follow working schedule changes', async () => {
    const monday = new Date('2026-11-30T06:00:00Z'); // 11:00 in Tashkent, 01:00 in New York
    const { member } = await createPractitioner(api.dataSource, {
      profile: { displayName: 'Dilfuza Rotation', timeZone: 'Asia/Tashkent', workingDays: [1, 2, 3, 4, 5] },
    });
    const transactions = api.app.get(TransactionService);
    const change = (fields: Partial<PractitionerEntity>) =>
      transactions.run((manager) => manager.update(PractitionerEntity, { memberId: member.id }, fields));
    await transactions.run(() => Promise.resolve());
    expect(await find({ text: 'Rotation', availableNow: true }, monday)).toEqual([member.id]);
    await change({ timeZone: 'America/New_York' });
    expect(await find({ text: 'Rotation', availableNow: true }, monday)).toEqual([]);
    await change({ workingHoursStart: '00:00', workingHoursEnd: '02:00' });
    expect(await find({ text: 'Rotation', availableNow: true }, monday)).toEqual([member.id]);
    await change({ workingDays: [2, 3, 4, 5, 6] });
    expect(await find({ text: 'Rotation', availableNow: true }, monday)).toEqual([]);
    await change({ available24x7: true });
    expect(await find({ text: 'Rotation', availableNow: true }, monday)).toEqual([member.id]);
  });

  it('should drop a member whose vetting lapses, with no write at all', async () => {
    const { member } = await createPractitioner(api.dataSource, {
      profile: { displayName: 'Ravshan Lapsed' },
      member: { vettedUntil: new Date(Date.now() + 3000) }, // margin for a loaded machine
    });
    await api.app.get(TransactionService).run(() => Promise.resolve());
    expect(await find({ text: 'Lapsed' })).toEqual([member.id]);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect(await find({ text: 'Lapsed' })).toEqual([]);
  }, 15_000);
});

describe('search index staleness bound', () => {
  it('should replay another process’s writes once the index is older than the bound', async () => {
    const api = await createTestApp({ env: { SEARCH_INDEX_MAX_STALENESS_MS: '200' } });
    const other = await connectDataSource(api.database.config);
    try {
      const viewer = {
        memberId: (await createPractitioner(api.dataSource)).member.id,
        active: true,
        staff: false,
      };
      const search = api.app.get(PractitionerSearchService);
      const find = async () =>
        (await search.search(viewer, { text: 'Qodirova' }, { first: 5, offset: 0 })).ids;
      expect(await find()).toEqual([]);
      const { member } = await createPractitioner(other, { profile: { displayName: 'Shahnoza Qodirova' } });
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await find()).toEqual([member.id]);
    } finally {
      await other.destroy();
      await api.close();
    }
  });
});
