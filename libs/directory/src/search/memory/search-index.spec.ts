import { foldWords } from '@app/folding';
import { isAvailable } from '../../profile/availability';
import { LANGUAGE_LEVEL_RANK, LanguageLevel } from '../../reference/languages';
import { searchKeyFor } from '../search-key';
import { scoreKey } from '../scorer';
import {
  byCountThenCode,
  compareText,
  FLAG_FACETS,
  LIST_FACETS,
  type FacetCount,
  type SearchFacets,
  type SearchFilter,
} from '../search.types';
import { SearchIndex, type IndexedPractitioner } from './search-index';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Yuldashev',
  'Белоусова',
  'Kholmatov',
  'Rahimi',
  'Gestri',
  'Жаксылыков',
  'Qureshi',
  'Mammadov',
];
const COUNTRIES = ['UZ', 'KZ', 'TJ', 'PK', 'IT'];
const LANGUAGES = ['ru', 'en', 'uz', 'fa'];
/** Sunday 2026-11-29 00:00 UTC: only the Kathmandu night shift (Saturday's, till 06:00 +05:45) and 24/7 answer. */
const NOW = Date.UTC(2026, 10, 29);
/** Monday 2026-11-30 06:00 UTC: Tashkent (11:00) and Tehran (09:30) answer, Rome (07:00) and Kathmandu do not. */
const MONDAY = Date.UTC(2026, 10, 30, 6);
const SCHEDULES = [
  {
    timeZone: 'Asia/Tashkent',
    workingDays: [1, 2, 3, 4, 5],
    workingHoursStart: '09:00',
    workingHoursEnd: '18:00',
  },
  {
    timeZone: 'Asia/Tehran',
    workingDays: [6, 7, 1, 2, 3],
    workingHoursStart: '08:00',
    workingHoursEnd: '16:00',
  },
  {
    timeZone: 'Europe/Rome',
    workingDays: [1, 2, 3, 4, 5],
    workingHoursStart: '09:00',
    workingHoursEnd: '17:30',
  },
  {
    timeZone: 'Asia/Kathmandu',
    workingDays: [1, 2, 3, 4, 5, 6],
    workingHoursStart: '22:00',
    workingHoursEnd: '06:00',
  },
];
const COMPETENCES = ['UNTOC_MLA', 'UNTOC_EXTRADITION', 'UNTOC_JIT'];

function makeRow(next: () => number, id: number): IndexedPractitioner {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const displayName = `${pick(['Erkin', 'Aigul', 'Zahra'])} ${pick(SURNAMES)}`;
  const languages = new Map<string, number>();
  for (const code of LANGUAGES) {
    if (next() < 0.4) {
      languages.set(code, 1 + Math.floor(next() * 4));
    }
  }
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    displayName,
    searchKey: searchKeyFor({
      displayName,
      nativeName: null,
      nameVariants: [],
      position: pick(['Prosecutor', 'Investigator']),
      agencyName: null,
    }),
    country: pick(COUNTRIES),
    agencyType: pick(['POLICE', 'PROSECUTION', null]),
    available24x7: next() < 0.2,
    ...pick(SCHEDULES),
    vettedUntil: next() < 0.1 ? NOW - 1000 : next() < 0.1 ? NOW + 60_000 : null,
    languages,
    expertise: next() < 0.5 ? ['TIP_FORCED_LABOUR'] : ['SOM_AIR'],
    competences: COMPETENCES.filter(() => next() < 0.4),
  };
}

/** The rows a filter keeps before text scoring (vetting at `now`, availability at `at`). */
function kept(rows: Iterable<IndexedPractitioner>, filter: SearchFilter, now: number, at: number) {
  const min = LANGUAGE_LEVEL_RANK[filter.minLanguageLevel ?? LanguageLevel.BASIC];
  const any = <T>(wanted: T[] | null | undefined, has: (value: T) => boolean) =>
    !wanted?.length || wanted.some(has);
  return [...rows]
    .filter((row) => row.vettedUntil === null || row.vettedUntil > now)
    .filter((row) => any(filter.countries, (code) => row.country === code))
    .filter((row) => any(filter.agencyTypes, (type) => row.agencyType === type))
    .filter((row) => any(filter.languages, (code) => (row.languages.get(code) ?? 0) >= min))
    .filter((row) => any(filter.expertise, (code) => row.expertise.includes(code)))
    .filter((row) => any(filter.competences, (code) => row.competences.includes(code)))
    .filter((row) => !filter.available24x7 || row.available24x7)
    .filter((row) => !filter.availableNow || isAvailable(row, new Date(at)));
}

/** The definition the index must agree with: filter the live rows, score with scoreKey, sort, slice. */
function reference(
  rows: Iterable<IndexedPractitioner>,
  filter: SearchFilter,
  first: number,
  now: number,
  at = now,
) {
  const words = foldWords(filter.text);
  const found = kept(rows, filter, now, at)
    .map((row) => ({ row, score: words.length ? scoreKey(words, row.searchKey) : 0 }))
    .filter((item): item is { row: IndexedPractitioner; score: number } => item.score !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (words.length ? 0 : compareText(a.row.displayName, b.row.displayName)) ||
        compareText(a.row.id, b.row.id),
    );
  return { ids: found.slice(0, first).map(({ row }) => row.id), totalCount: found.length, found };
}

/** Every facet by definition: the matches without the facet's own selection, counted per value or flag. */
function referenceFacets(
  rows: IndexedPractitioner[],
  filter: SearchFilter,
  now: number,
  at = now,
): SearchFacets {
  const min = LANGUAGE_LEVEL_RANK[filter.minLanguageLevel ?? LanguageLevel.BASIC];
  const valuesOf: Record<(typeof LIST_FACETS)[number], (row: IndexedPractitioner) => string[]> = {
    countries: (row) => [row.country],
    agencyTypes: (row) => (row.agencyType ? [row.agencyType] : []),
    languages: (row) => [...row.languages].filter(([, rank]) => rank >= min).map(([code]) => code),
    expertise: (row) => row.expertise,
    competences: (row) => row.competences,
  };
  const facets = {} as Record<string, FacetCount[] | number>;
  for (const facet of LIST_FACETS) {
    const counts = new Map<string, number>();
    for (const { row } of reference(rows, { ...filter, [facet]: null }, 0, now, at).found) {
      for (const code of valuesOf[facet](row)) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
    facets[facet] = [...counts].map(([code, count]) => ({ code, count })).sort(byCountThenCode);
  }
  for (const flag of FLAG_FACETS) {
    facets[flag] = reference(rows, { ...filter, [flag]: true }, 0, now, at).totalCount;
  }
  return facets as unknown as SearchFacets;
}

describe(SearchIndex.name, () => {
  const next = random(7);
  const rows = new Map<string, IndexedPractitioner>();
  const index = new SearchIndex();

  beforeAll(() => {
    // More than one growth step (1,024 slots), then edits: removals, renames, re-additions into freed slots.
    const initial = Array.from({ length: 1500 }, (_, i) => makeRow(next, i));
    index.load(initial, NOW);
    initial.forEach((row) => rows.set(row.id, row));
    for (let i = 0; i < 300; i += 1) {
      const id = [...rows.keys()][Math.floor(next() * rows.size)];
      if (next() < 0.5) {
        index.remove(id);
        rows.delete(id);
      } else {
        const row = { ...makeRow(next, 0), id };
        index.upsert(row, NOW);
        rows.set(id, row);
      }
    }
    for (let i = 1500; i < 1700; i += 1) {
      const row = makeRow(next, i);
      index.upsert(row, NOW);
      rows.set(row.id, row);
    }
  });

  it.each<[string, SearchFilter]>([
    ['everyone', {}],
    ['a country', { countries: ['KZ'] }],
    ['languages at a level', { languages: ['ru', 'fa'], minLanguageLevel: LanguageLevel.FLUENT }],
    ['24x7 in two countries', { available24x7: true, countries: ['UZ', 'PK'] }],
    ['available now (a night shift over midnight)', { availableNow: true }],
    [
      'available now with competences and a country',
      { availableNow: true, competences: ['UNTOC_JIT'], countries: ['KZ'] },
    ],
    ['available now and 24x7 at once', { availableNow: true, available24x7: true }],
    ['available now with text', { availableNow: true, text: 'Erkin' }],
    [
      'a sparse combination (ranked, not walked)',
      { available24x7: true, countries: ['KZ'], languages: ['fa'], minLanguageLevel: LanguageLevel.WORKING },
    ],
    ['a name in Cyrillic', { text: 'Юлдашев' }],
    ['a prefix stopping inside a letter group', { text: 'Бело' }],
    ['a typo', { text: 'Kholmatvo' }],
    ['a position word with a filter', { text: 'prosecutor', countries: ['IT'] }],
    ['nothing', { text: 'Smith' }],
  ])('should answer like the reference after edits: %s', (_label, filter) => {
    const expected = reference(rows.values(), filter, 25, NOW);
    expect(expected.totalCount > 0).toBe(filter.text !== 'Smith'); // every case but 'nothing' finds someone
    const query = index.prepare(filter, foldWords(filter.text), null, NOW);
    expect(index.page(query, 25, 0)).toEqual({ ids: expected.ids, totalCount: expected.totalCount });
    // Each facet ignores its own selection (a country's count is what selecting that country would find).
    expect(index.facets(query)).toEqual(referenceFacets([...rows.values()], filter, NOW));
  });

  it('should decide "available now" at the instant asked, in each member’s own zone', () => {
    const filter: SearchFilter = { availableNow: true };
    for (const at of [NOW, MONDAY, MONDAY + 12 * 3600_000]) {
      const expected = reference(rows.values(), filter, 2000, NOW, at);
      const query = index.prepare(filter, [], null, NOW, at);
      expect(index.page(query, 2000, 0)).toEqual({ ids: expected.ids, totalCount: expected.totalCount });
      expect(index.facets(query)).toEqual(referenceFacets([...rows.values()], filter, NOW, at));
    }
    const zones = (at: number) =>
      new Set(
        reference(rows.values(), filter, 2000, NOW, at)
          .found.filter(({ row }) => !row.available24x7)
          .map(({ row }) => row.timeZone),
      );
    expect(zones(NOW)).toEqual(new Set(['Asia/Kathmandu']));
    expect(zones(MONDAY)).toEqual(new Set(['Asia/Tashkent', 'Asia/Tehran']));
  });

  it('should follow a member’s schedule change', () => {
    const row = [...rows.values()].find(
      (candidate) =>
        !candidate.available24x7 &&
        candidate.timeZone === 'Europe/Rome' &&
        (candidate.vettedUntil === null || candidate.vettedUntil > NOW),
    ) as IndexedPractitioner;
    const availableAt = (at: number) =>
      index.page(index.prepare({ availableNow: true }, [], null, NOW, at), 2000, 0).ids.includes(row.id);
    expect(availableAt(MONDAY)).toBe(false); // 07:00 in Rome
    const early = { ...row, workingHoursStart: '06:30' };
    index.upsert(early, NOW);
    rows.set(row.id, early);
    expect(availableAt(MONDAY)).toBe(true);
  });

  it('should page deep into a result without gaps or repeats', () => {
    const query = index.prepare({ text: 'erkin' }, ['erkin'], null, NOW);
    const all = index.page(query, 2000, 0).ids;
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 37) {
      paged.push(...index.page(index.prepare({ text: 'erkin' }, ['erkin'], null, NOW), 37, offset).ids);
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(100);
  });

  it('should let a vetting lapse at its time without any write', () => {
    const soon = [...rows.values()].filter((row) => row.vettedUntil === NOW + 60_000);
    expect(soon.length).toBeGreaterThan(0);
    const before = index.page(index.prepare({}, [], null, NOW), 50, 0).totalCount;
    const after = index.page(index.prepare({}, [], null, NOW + 60_001), 50, 0).totalCount;
    expect(before - after).toBe(soon.length);
  });

  it('should report a member’s languages at WORKING or better from the bit sets', () => {
    const row = [...rows.values()].find((candidate) => candidate.languages.size >= 2) as IndexedPractitioner;
    const expected = [...row.languages].filter(
      ([, rank]) => rank >= LANGUAGE_LEVEL_RANK[LanguageLevel.WORKING],
    );
    expect([...index.languagesOf(row.id)].sort()).toEqual(expected.sort());
  });
});
