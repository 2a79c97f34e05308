import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import '../i18n/register';
import { searchLabels } from '../lib/search-labels';
import { EMPTY_SEARCH, type SearchState } from '../lib/search-params';
import { Filters, type FilterCounts } from './filters';

const COUNTRIES = {
  en: {
    UZ: 'Uzbekistan',
    KZ: 'Kazakhstan',
    IT: 'Italy',
    TJ: 'Tajikistan',
    KG: 'Kyrgyzstan',
    PK: 'Pakistan',
    IR: 'Iran',
    AF: 'Afghanistan',
    TR: 'Turkey',
    RU: 'Russia',
  },
  ru: {
    UZ: 'Узбекистан',
    KZ: 'Казахстан',
    IT: 'Италия',
    TJ: 'Таджикистан',
    KG: 'Киргизия',
    PK: 'Пакистан',
    IR: 'Иран',
    AF: 'Афганистан',
    TR: 'Турция',
    RU: 'Россия',
  },
};
/** The API's order: most frequent first. */
const BY_COUNT = ['UZ', 'IT', 'RU', 'AF', 'TR', 'IR', 'KG', 'KZ', 'PK', 'TJ'];
const EXPERTISE = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

const counts = (expertise: string[]): FilterCounts => ({
  facets: {
    countries: BY_COUNT.map((code, index) => ({ code, count: 20 - index })),
    agencyTypes: [],
    languages: [],
    expertise: expertise.map((code, index) => ({ code, count: 10 - index })),
    competences: [],
    available24x7: 0,
    availableNow: 0,
  },
  sharesLanguage: 0,
});

function renderFilters(locale: 'en' | 'ru', expertise: string[], search: SearchState = EMPTY_SEARCH) {
  const reference = {
    countries: Object.entries(COUNTRIES[locale]).map(([code, name]) => ({ code, name })),
    languages: [],
    expertiseAreas: expertise.map((code) => ({ code, name: `Area ${code}` })),
    competences: [],
  };
  render(
    <Filters
      id="filters"
      search={search}
      counts={counts(expertise)}
      labels={searchLabels(i18next.t, reference)}
      onChange={() => undefined}
      onClear={() => undefined}
    />,
  );
}

const options = (legend: string) =>
  within(screen.getByRole('group', { name: legend }))
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')?.textContent);

describe(Filters.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should list every country of the network by name, where a member looks for one, with its count', () => {
    renderFilters('en', EXPERTISE);
    expect(options('Country')).toEqual([
      'Afghanistan (17)',
      'Iran (15)',
      'Italy (19)',
      'Kazakhstan (13)',
      'Kyrgyzstan (14)',
      'Pakistan (12)',
      'Russia (18)',
      'Tajikistan (11)',
      'Turkey (16)',
      'Uzbekistan (20)',
    ]);
    expect(within(screen.getByRole('group', { name: 'Country' })).queryByRole('button')).toBeNull();
  });

  it('should order the countries by their Russian names in Russian', async () => {
    await i18next.changeLanguage('ru');
    renderFilters('ru', EXPERTISE);
    expect(options('Страна').map((label) => label?.replace(/ \(\d+\)$/, ''))).toEqual([
      'Афганистан',
      'Иран',
      'Италия',
      'Казахстан',
      'Киргизия',
      'Пакистан',
      'Россия',
      'Таджикистан',
      'Турция',
      'Узбекистан',
    ]);
  });

  it('should fold a long list after six, most frequent first, and keep a chosen value in sight', async () => {
    renderFilters('en', EXPERTISE, { ...EMPTY_SEARCH, expertise: ['H'] });
    expect(options('Expertise')).toEqual([
      'Area A (10)',
      'Area B (9)',
      'Area C (8)',
      'Area D (7)',
      'Area E (6)',
      'Area F (5)',
      'Area H (3)',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 9' }));
    expect(options('Expertise')).toHaveLength(9);
  });

  it('should not fold a list for the sake of one or two more', () => {
    renderFilters('en', EXPERTISE.slice(0, 8));
    expect(options('Expertise')).toHaveLength(8);
    expect(within(screen.getByRole('group', { name: 'Expertise' })).queryByRole('button')).toBeNull();
  });
});
