import { LANGUAGE_LEVEL_RANK, LanguageLevel } from '../../reference/languages';
import { foldWords, searchKeyFor } from '../fold';
import { scoreKey } from '../scorer';
import { compareText, type SearchFilter } from '../search.types';
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
const NOW = Date.UTC(2026, 10, 29);

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
    vettedUntil: next() < 0.1 ? NOW - 1000 : next() < 0.1 ? NOW + 60_000 : null,
    languages,
    expertise: next() < 0.5 ? ['TIP_FORCED_LABOUR'] : ['SOM_AIR'],
    competences: [],
  };
}

/** The definition the index must agree with: filter the live rows, score with scoreKey, sort, slice. */
function reference(rows: Iterable<IndexedPractitioner>, filter: SearchFilter, first: number, now: number) {
  const words = foldWords(filter.text);
  const min = LANGUAGE_LEVEL_RANK[filter.minLanguageLevel ?? LanguageLevel.BASIC];
  const found = [...rows]
    .filter((row) => row.vettedUntil === null || row.vettedUntil > now)
    .filter((row) => !filter.countries?.length || filter.countries.includes(row.country))
    .filter(
      (row) =>
        !filter.languages?.length || filter.languages.some((code) => (row.languages.get(code) ?? 0) >= min),
    )
    .filter((row) => !filter.available24x7 || row.available24x7)
    .map((row) => ({ row, score: words.length ? scoreKey(words, row.searchKey) : 0 }))
    .filter((item): item is { row: IndexedPractitioner; score: number } => item.score !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (words.length ? 0 : compareText(a.row.displayName, b.row.displayName)) ||
        compareText(a.row.id, b.row.id),
    );
  const countries = new Map<string, number>();
  for (const { row } of found) {
    countries.set(row.country, (countries.get(row.country) ?? 0) + 1);
  }
  return { ids: found.slice(0, first).map(({ row }) => row.id), totalCount: found.length, countries };
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
    const countries = Object.fromEntries(
      index.facets(query).countries.map((facet) => [facet.code, facet.count]),
    );
    // The facet ignores the country selection itself, so compare it with the reference without countries.
    const unselected = reference(rows.values(), { ...filter, countries: null }, 0, NOW).countries;
    expect(countries).toEqual(Object.fromEntries(unselected));
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
