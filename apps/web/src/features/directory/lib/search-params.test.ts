import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  EMPTY_SEARCH,
  filterOf,
  parseSearch,
  searchQueryOf,
  withListValue,
  withoutFilter,
  withoutFilters,
} from './search-params';
import { wallClock } from './search-time';

const parse = (query: string) => parseSearch(new URLSearchParams(query));

describe('search URLs', () => {
  it('should read every part of a search and write it back in one canonical form', () => {
    const search = parse(
      'q=%20%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%20%20a%20&countries=uz&countries=KZ&agencyTypes=POLICE&languages=RU&minLanguageLevel=working&expertise=asset_recovery&competences=UNTOC_MLA&available24x7=1&sharesLanguageWithMe=true&availableNow=1',
    );
    expect(search).toEqual({
      text: 'иванов a',
      countries: ['KZ', 'UZ'],
      agencyTypes: ['POLICE'],
      languages: ['ru'],
      minLevel: 'WORKING',
      expertise: ['ASSET_RECOVERY'],
      competences: ['UNTOC_MLA'],
      available24x7: true,
      sharesLanguage: true,
      availableNow: true,
    });
    const query = searchQueryOf(search);
    expect(query).toBe(
      '?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%20a&countries=KZ,UZ&agencyTypes=POLICE&languages=ru&expertise=ASSET_RECOVERY&competences=UNTOC_MLA&minLanguageLevel=WORKING&available24x7=1&sharesLanguageWithMe=1&availableNow=1',
    );
    expect(parseSearch(new URLSearchParams(query))).toEqual(search);
  });

  it('should drop what an old or edited link may hold that is no search', () => {
    expect(
      parse(
        'countries=Uzbekistan&countries=UZ,UZ&agencyTypes=SPY&minLanguageLevel=GOOD&availableNow=0&utm_source=mail',
      ),
    ).toEqual({
      ...EMPTY_SEARCH,
      countries: ['UZ'],
    });
    expect(parse(`q=${'a'.repeat(300)}`).text).toHaveLength(200);
    expect(parse('countries=UZ,KZ').countries).toEqual(['KZ', 'UZ']);
    expect(parse('text=ivanov').text).toBe('ivanov');
  });

  it('should leave the empty parts out of the URL and of the filter', () => {
    expect(searchQueryOf(EMPTY_SEARCH)).toBe('');
    expect(filterOf(EMPTY_SEARCH)).toEqual({});
    expect(filterOf({ ...EMPTY_SEARCH, text: '  ', sharesLanguage: true })).toEqual({
      sharesLanguageWithMe: true,
    });
  });

  it('should add and remove filters, the level counting only with a language', () => {
    let search = withListValue(EMPTY_SEARCH, 'countries', 'UZ', true);
    search = withListValue(search, 'countries', 'KZ', true);
    search = { ...search, minLevel: 'FLUENT', availableNow: true, text: 'x' };
    expect(activeFilters(search)).toEqual([
      { kind: 'list', key: 'countries', value: 'KZ' },
      { kind: 'list', key: 'countries', value: 'UZ' },
      { kind: 'flag', key: 'availableNow' },
    ]);
    search = withListValue(search, 'languages', 'ru', true);
    expect(activeFilters(search)).toContainEqual({ kind: 'level', value: 'FLUENT' });
    expect(withoutFilter(search, { kind: 'list', key: 'countries', value: 'KZ' }).countries).toEqual(['UZ']);
    expect(withoutFilters(search)).toEqual({ ...EMPTY_SEARCH, text: 'x' });
  });
});

describe(wallClock.name, () => {
  it('should read their weekday and time from their own clock, whatever the viewer’s zone', () => {
    expect(wallClock('2026-11-30T09:30+05:00', 'en')).toEqual({ day: 'Monday', time: '09:30' });
    expect(wallClock('2026-11-29T23:05-03:00', 'ru')).toEqual({ day: 'воскресенье', time: '23:05' });
    expect(wallClock('soon', 'en')).toBeUndefined();
  });
});
