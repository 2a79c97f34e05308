import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, getOperationName, makeResult, type Exchange, type Operation } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { filter, fromPromise, mergeMap, pipe, share, subscribe, take } from 'wonka';
import { i18next } from '@web/i18n';
import type { DirectorySearchCardFragment, PractitionerFilterInput } from '@web/lib/graphql/graphql';
import { renderAt } from '@web/test/fake-client';
import { SEARCH_DEBOUNCE_MS } from '../lib/search-text';
import { SearchPage } from './search-page';

type Person = DirectorySearchCardFragment;

function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    displayName: `Person ${id}`,
    nativeName: null,
    position: 'Prosecutor',
    country: 'UZ',
    agency: { name: 'General Prosecutor’s Office', type: 'PROSECUTION', city: 'Tashkent' },
    languages: [{ code: 'ru', level: 'FLUENT' }],
    sharedLanguages: [{ code: 'ru', level: 'FLUENT' }],
    needsInterpreter: false,
    localTime: '2026-11-30T11:00+05:00',
    workingDays: [1, 2, 3, 4, 5],
    workingHoursStart: '09:00',
    workingHoursEnd: '18:00',
    availableNow: true,
    available24x7: false,
    stale: false,
    ...overrides,
  };
}

const REFERENCE = {
  en: {
    countries: [
      { code: 'UZ', name: 'Uzbekistan' },
      { code: 'KZ', name: 'Kazakhstan' },
      { code: 'IT', name: 'Italy' },
    ],
    languages: [
      { code: 'ru', name: 'Russian' },
      { code: 'uz', name: 'Uzbek' },
      { code: 'it', name: 'Italian' },
    ],
    expertiseAreas: [{ code: 'ASSET_RECOVERY', name: 'Asset recovery' }],
    competences: [{ code: 'UNTOC_MLA', name: 'Mutual legal assistance' }],
  },
  ru: {
    countries: [
      { code: 'UZ', name: 'Узбекистан' },
      { code: 'KZ', name: 'Казахстан' },
      { code: 'IT', name: 'Италия' },
    ],
    languages: [
      { code: 'ru', name: 'русский' },
      { code: 'uz', name: 'узбекский' },
      { code: 'it', name: 'итальянский' },
    ],
    expertiseAreas: [{ code: 'ASSET_RECOVERY', name: 'Возвращение активов' }],
    competences: [{ code: 'UNTOC_MLA', name: 'Взаимная правовая помощь' }],
  },
};

/** The API's matching, enough for these tests: text in either name, countries, availability, shared languages. */
function matches(candidate: Person, filter: PractitionerFilterInput, except?: string): boolean {
  const text = filter.text?.toLowerCase();
  return (
    (!text || `${candidate.displayName} ${candidate.nativeName ?? ''}`.toLowerCase().includes(text)) &&
    (except === 'countries' || !filter.countries?.length || filter.countries.includes(candidate.country)) &&
    (except === 'languages' ||
      !filter.languages?.length ||
      candidate.languages.some((language) => filter.languages?.includes(language.code))) &&
    (except === 'availableNow' || !filter.availableNow || candidate.availableNow) &&
    (except === 'available24x7' || !filter.available24x7 || candidate.available24x7) &&
    (!filter.sharesLanguageWithMe || candidate.sharedLanguages.length > 0)
  );
}

function countBy(people: Person[], codes: (candidate: Person) => string[]) {
  const counts = new Map<string, number>();
  people.forEach((candidate) =>
    codes(candidate).forEach((code) => counts.set(code, (counts.get(code) ?? 0) + 1)),
  );
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** An answer to one of the screen's queries, as the API gives it. */
function answer(people: Person[], operation: Operation): unknown {
  const variables = operation.variables as Record<string, unknown>;
  const name = getOperationName(operation.query);
  if (name === 'DirectorySearchReference') {
    return REFERENCE[variables.locale as 'en' | 'ru'];
  }
  const filterInput = variables.filter as PractitionerFilterInput;
  const found = people.filter((candidate) => matches(candidate, filterInput));
  const offset = typeof variables.after === 'string' ? Number(variables.after) : 0;
  const page = found.slice(offset, offset + (variables.first as number));
  const connection = {
    totalCount: found.length,
    pageInfo: {
      hasNextPage: offset + page.length < found.length,
      endCursor: page.length > 0 ? String(offset + page.length) : null,
    },
    edges: page.map((node, index) => ({ cursor: String(offset + index + 1), node })),
  };
  if (name === 'DirectorySearchMore') {
    return { practitioners: connection };
  }
  const without = (facet: string) => people.filter((candidate) => matches(candidate, filterInput, facet));
  return {
    practitioners: {
      ...connection,
      facets: {
        countries: countBy(without('countries'), (candidate) => [candidate.country]),
        agencyTypes: countBy(found, (candidate) => (candidate.agency ? [candidate.agency.type] : [])),
        languages: countBy(without('languages'), (candidate) => candidate.languages.map((item) => item.code)),
        expertise: [],
        competences: [],
        available24x7: without('available24x7').filter((candidate) => candidate.available24x7).length,
        availableNow: without('availableNow').filter((candidate) => candidate.availableNow).length,
      },
    },
    shared: {
      totalCount: people.filter((candidate) =>
        matches(candidate, variables.sharedFilter as PractitionerFilterInput),
      ).length,
    },
  };
}

interface Sent {
  name: string;
  variables: Record<string, unknown>;
  /** Lets a held answer go (see `hold`). */
  release: () => void;
  answered: boolean;
  /** urql tore the operation down before it was answered (no one waited for it any more). */
  cancelled: boolean;
}

/**
 * A real urql client whose one exchange answers from `people` (after `hold` lets it, when set), each answer a promise
 * that settles even after urql tore its operation down: urql's own rules decide what reaches the screen.
 */
function fakeApi(
  people: Person[],
  options: { hold?: (sent: Sent) => boolean; fail?: (operation: Operation) => string } = {},
) {
  const sent: Sent[] = [];
  const exchange: Exchange = () => (operations$) => {
    const shared$ = share(operations$);
    return pipe(
      shared$,
      filter((operation) => operation.kind === 'query'),
      mergeMap((operation) => {
        let release = () => {};
        const released = new Promise<void>((done) => (release = done));
        const entry: Sent = {
          name: getOperationName(operation.query) ?? '',
          variables: operation.variables as Record<string, unknown>,
          release: () => release(),
          answered: false,
          cancelled: false,
        };
        sent.push(entry);
        if (!options.hold?.(entry)) {
          release();
        }
        // Marked, not stopped: an answer comes back even after urql lost interest, and urql must drop it.
        pipe(
          shared$,
          filter((other) => other.kind === 'teardown' && other.key === operation.key),
          take(1),
          subscribe(() => {
            entry.cancelled = !entry.answered;
          }),
        );
        return fromPromise(
          released.then(() => {
            entry.answered = true;
            const code = options.fail?.(operation);
            return makeResult(
              operation,
              code
                ? { data: null, errors: [{ message: 'refused', extensions: { code } }] }
                : { data: answer(people, operation) as Record<string, unknown> },
            );
          }),
        );
      }),
    );
  };
  const client = new Client({ url: 'http://api.invalid/graphql', exchanges: [exchange] });
  /** What was asked and still wanted (on mount urql subscribes, tears down and subscribes again). */
  const wanted = (name: string) => sent.filter((entry) => entry.name === name && !entry.cancelled);
  const searches = () => wanted('DirectorySearch');
  return { client, sent, wanted, searches };
}

/** The search screen at `path` (a link elsewhere renders its own path). */
const renderSearch = (client: Client, path: string) =>
  renderAt(client, path, [{ path: '/directory', element: <SearchPage /> }]);

const searchParams = (router: ReturnType<typeof renderSearch>) =>
  new URLSearchParams(router.state.location.search);
const results = () => screen.getByRole('list', { name: /found$/ });
const names = () =>
  within(results())
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

const PEOPLE = [
  person('1', { displayName: 'Dilnoza Yusupova', nativeName: 'Дилноза Юсупова' }),
  person('2', { displayName: 'Aziz Karimov', nativeName: 'Азиз Каримов', availableNow: false }),
  person('3', {
    displayName: 'Aigul Bekova',
    nativeName: 'Айгуль Бекова',
    country: 'KZ',
    agency: { name: 'Police of Almaty', type: 'POLICE', city: 'Almaty' },
  }),
  person('4', {
    displayName: 'Marco Rossi',
    country: 'IT',
    languages: [{ code: 'it', level: 'NATIVE' }],
    sharedLanguages: [],
    needsInterpreter: true,
    localTime: '2026-11-30T07:00+01:00',
    availableNow: false,
    stale: true,
  }),
];

// Each test types, waits out the debounce and renders up to 45 cards: slow in jsdom on a busy machine.
describe(SearchPage.name, { timeout: 20_000 }, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should search as typing pauses, once, and keep the text in the URL', async () => {
    const api = fakeApi(PEOPLE);
    const router = renderSearch(api.client, '/directory');
    expect(await screen.findByRole('heading', { level: 2, name: '4 people found' })).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Name, agency or position' }), 'Юсуп');

    expect(await screen.findByRole('heading', { level: 2, name: '1 person found' })).toBeInTheDocument();
    expect(names()).toEqual(['Dilnoza Yusupova']);
    // The first search, then one for the whole word: none for the letters typed on the way.
    expect(api.searches().map((entry) => (entry.variables.filter as PractitionerFilterInput).text)).toEqual([
      undefined,
      'Юсуп',
    ]);
    expect(searchParams(router).get('q')).toBe('Юсуп');
  });

  it('should never let an older answer replace a newer one', async () => {
    // Every search with text waits until the test lets that text answer (urql may send one twice).
    const textOf = (entry: Sent) => (entry.variables.filter as PractitionerFilterInput | undefined)?.text;
    const answered = new Set<string>();
    const api = fakeApi(PEOPLE, {
      hold: (sent) => Boolean(textOf(sent)) && !answered.has(textOf(sent)!),
    });
    renderSearch(api.client, '/directory');
    const box = await screen.findByRole('searchbox', { name: 'Name, agency or position' });

    const texts = () => [
      ...new Set(
        api.sent
          .map((entry) => (entry.variables.filter as PractitionerFilterInput | undefined)?.text)
          .filter(Boolean),
      ),
    ];
    const answer = (text: string) =>
      act(() => {
        answered.add(text);
        api.sent.filter((entry) => textOf(entry) === text).forEach((entry) => entry.release());
      });
    await userEvent.type(box, 'Ka');
    await waitFor(() => expect(texts()).toEqual(['Ka']));
    await new Promise((done) => setTimeout(done, SEARCH_DEBOUNCE_MS));
    await userEvent.type(box, 'rimov');
    await waitFor(() => expect(texts()).toEqual(['Ka', 'Karimov']));

    // The newer answer arrives first, the older one after it: the older is dropped.
    answer('Karimov');
    expect(await screen.findByRole('heading', { level: 2, name: '1 person found' })).toBeInTheDocument();
    answer('Ka');
    await new Promise((done) => setTimeout(done, 50));
    const older = api.sent.filter((entry) => textOf(entry) === 'Ka');
    expect(older.some((entry) => entry.answered)).toBe(true);
    expect(screen.getByRole('heading', { level: 2, name: '1 person found' })).toBeInTheDocument();
    expect(names()).toEqual(['Aziz Karimov']);
  });

  it('should count each facet without its own selection, filter by it, keep it in the URL, and step back', async () => {
    const api = fakeApi(PEOPLE);
    const router = renderSearch(api.client, '/directory');
    const uzbekistan = await screen.findByRole('checkbox', { name: 'Uzbekistan (2)' });
    expect(screen.getByRole('checkbox', { name: 'Kazakhstan (1)' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Can answer now \(2\)/ })).not.toBeChecked();

    await userEvent.click(uzbekistan);
    expect(await screen.findByRole('heading', { level: 2, name: '2 people found' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?countries=UZ');
    // Countries keep their counts (their own selection is left out); the other facets narrow to Uzbekistan.
    expect(screen.getByRole('checkbox', { name: 'Uzbekistan (2)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Kazakhstan (1)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Can answer now \(1\)/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(screen.getByRole('checkbox', { name: /^Can answer now/ }));
    expect(await screen.findByRole('heading', { level: 2, name: '1 person found' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?countries=UZ&availableNow=1');
    expect(api.searches().at(-1)?.variables.filter).toEqual({ countries: ['UZ'], availableNow: true });

    await act(() => router.navigate(-1));
    expect(await screen.findByRole('heading', { level: 2, name: '2 people found' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Can answer now/ })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Uzbekistan (2)' })).toBeChecked();
  });

  it('should reproduce a search from its URL: the text in the box, the filters chosen', async () => {
    const api = fakeApi(PEOPLE);
    renderSearch(api.client, '/directory?q=%D0%B0&countries=KZ,UZ&availableNow=1&unknown=x');
    expect(await screen.findByRole('heading', { level: 2, name: '2 people found' })).toBeInTheDocument();
    expect(names()).toEqual(['Dilnoza Yusupova', 'Aigul Bekova']);
    expect(api.searches()[0].variables.filter).toEqual({
      text: 'а',
      countries: ['KZ', 'UZ'],
      availableNow: true,
    });
    expect(screen.getByRole('searchbox', { name: 'Name, agency or position' })).toHaveValue('а');
    expect(screen.getByRole('checkbox', { name: /^Kazakhstan/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Can answer now/ })).toBeChecked();
    expect(screen.getByRole('list', { name: 'Chosen filters' })).toBeInTheDocument();
  });

  it('should show a card with both names, agency, their time, the shared languages, and what to be aware of', async () => {
    const api = fakeApi(PEOPLE);
    renderSearch(api.client, '/directory');
    const card = (await screen.findByRole('link', { name: 'Dilnoza Yusupova' })).closest('article')!;
    expect(within(card).getByRole('link', { name: 'Dilnoza Yusupova' })).toHaveAttribute(
      'href',
      '/directory/1',
    );
    expect(within(card).getByRole('link', { name: 'Dilnoza Yusupova' })).toHaveAttribute('dir', 'auto');
    expect(within(card).getByText('Дилноза Юсупова')).toHaveAttribute('dir', 'auto');
    expect(within(card).getByText('General Prosecutor’s Office')).toBeInTheDocument();
    expect(within(card).getByText('Tashkent, Uzbekistan')).toBeInTheDocument();
    expect(within(card).getByText('Can answer now')).toBeInTheDocument();
    // Their working week beside their time, so "outside working hours" explains itself.
    expect(
      within(card).getByText('Their time: Monday, 11:00 · Works Mon–Fri, 09:00–18:00'),
    ).toBeInTheDocument();
    expect(within(card).getByText(/Russian: Fluent/)).toHaveTextContent('Russian: Fluent, shared with you');

    const rossi = screen.getByRole('link', { name: 'Marco Rossi' }).closest('article')!;
    expect(within(rossi).getByText('Needs an interpreter')).toBeInTheDocument();
    expect(within(rossi).getByText('Outside working hours')).toBeInTheDocument();
    expect(
      within(rossi).getByText('Their time: Monday, 07:00 · Works Mon–Fri, 09:00–18:00'),
    ).toBeInTheDocument();
    expect(within(rossi).getByText(/Not confirmed for over a year/)).toBeInTheDocument();
    expect(within(rossi).getByText('Italian: Native')).not.toHaveTextContent('shared');
  });

  it('should append the next page on "Show more" and move the focus to its first result', async () => {
    const many = Array.from({ length: 45 }, (_, index) =>
      person(String(index + 1).padStart(2, '0'), { displayName: `Officer ${index + 1}` }),
    );
    const api = fakeApi(many);
    renderSearch(api.client, '/directory');
    expect(await screen.findByText('Showing 20 of 45')).toBeInTheDocument();
    expect(names()).toHaveLength(20);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 40 of 45')).toBeInTheDocument();
    expect(names().slice(19, 21)).toEqual(['Officer 20', 'Officer 21']);
    expect(screen.getByRole('link', { name: 'Officer 21' })).toHaveFocus();
    expect(api.sent.at(-1)?.variables).toEqual({ filter: {}, first: 20, after: '20' });

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 45 of 45')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Officer 41' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('should say no one matches and offer to remove a filter', async () => {
    const api = fakeApi(PEOPLE);
    const router = renderSearch(api.client, '/directory?q=Rossi&countries=UZ');
    expect(await screen.findByRole('heading', { level: 2, name: 'No one matches' })).toBeInTheDocument();
    expect(screen.getByText('Remove a filter, or clear them all, to see more people.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Remove filter: Uzbekistan' }));
    expect(await screen.findByRole('heading', { level: 2, name: '1 person found' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=Rossi');
    expect(screen.getByRole('searchbox', { name: 'Name, agency or position' })).toHaveFocus();
  });

  it('should suggest another spelling when the text alone finds no one', async () => {
    renderSearch(fakeApi(PEOPLE).client, '/directory?q=zzz');
    expect(await screen.findByRole('heading', { level: 2, name: 'No one matches' })).toBeInTheDocument();
    expect(screen.getByText(/Check the spelling/)).toBeInTheDocument();
  });

  it('should explain a filter it does not know (an old link) and clear the filters', async () => {
    const api = fakeApi(PEOPLE, {
      fail: (operation) =>
        (operation.variables as { filter?: PractitionerFilterInput }).filter?.languages
          ? 'BAD_USER_INPUT'
          : '',
    });
    const router = renderSearch(api.client, '/directory?q=a&languages=xx');
    expect(await screen.findByRole('alert')).toHaveTextContent(/a filter Counterpart does not know/);
    // The filters' own button says the same; either clears them.
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear all filters' }).at(-1)!);
    expect(await screen.findByRole('heading', { level: 2, name: /found$/ })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=a');
  });

  it('should fold the filters behind "Filters (N)" on a phone', async () => {
    renderSearch(fakeApi(PEOPLE).client, '/directory?countries=UZ&available24x7=1');
    const toggle = await screen.findByRole('button', { name: 'Filters (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', 'search-filters');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('should name countries and languages as the API does in the UI language', async () => {
    const api = fakeApi(PEOPLE);
    renderSearch(api.client, '/directory');
    await screen.findByRole('checkbox', { name: 'Uzbekistan (2)' });
    await act(() => i18next.changeLanguage('ru'));
    expect(await screen.findByRole('checkbox', { name: 'Узбекистан (2)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Найдено 4 человека' })).toBeInTheDocument();
    expect(screen.getAllByText('Tashkent, Узбекистан')).toHaveLength(2);
    const locales = api.sent
      .filter((entry) => entry.name === 'DirectorySearchReference')
      .map((entry) => entry.variables.locale);
    expect([...new Set(locales)]).toEqual(['en', 'ru']);
  });
});
