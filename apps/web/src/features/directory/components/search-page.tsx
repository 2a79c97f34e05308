import '../i18n/register';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { isLocale } from '@web/i18n';
import { SearchQuery, SearchReferenceQuery } from '../api/search';
import { searchLabels } from '../lib/search-labels';
import {
  activeFilters,
  filterOf,
  MAX_TEXT_LENGTH,
  PAGE_SIZE,
  parseSearch,
  searchQueryOf,
  type SearchState,
} from '../lib/search-params';
import { useSearchText } from '../lib/search-text';
import { Filters, type FilterCounts } from './filters';
import { SearchResults } from './search-results';

const FILTERS_ID = 'search-filters';
const RESULTS_HEADING_ID = 'search-results-heading';

/**
 * The directory: one search box for names in any script (searching as you type), filters with their facet counts, and
 * the results a page at a time. The URL holds the whole search, so a bookmark or a shared link shows the same results
 * and back and forward step through the searches; the page reads everything from it. urql asks with the newest
 * variables only, so an older answer never replaces a newer one. On a phone the filters fold behind "Filters (N)".
 */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // A change is shown at once (a checkbox stays as clicked) and holds until the URL it was written to arrives.
  const [pending, setPending] = useState<{ from: string; next: SearchState } | null>(null);
  const current = params.toString();
  if (pending && pending.from !== current) {
    // The URL moved on (to it, or back and forward): from now on it says what the search is.
    setPending(null);
  }
  const search = useMemo(
    () => (pending && pending.from === current ? pending.next : parseSearch(params)),
    [pending, current, params],
  );
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [reference] = useQuery({ query: SearchReferenceQuery, variables: { locale } });
  const labels = useMemo(() => searchLabels(t, reference.data), [t, reference.data]);
  const filter = useMemo(() => filterOf(search), [search]);
  const variables = useMemo(
    () => ({ filter, sharedFilter: { ...filter, sharesLanguageWithMe: true }, first: PAGE_SIZE }),
    [filter],
  );
  // A search seen before shows at once and is asked again: who can answer now changes by the minute.
  const [result, refetch] = useQuery({ query: SearchQuery, variables, requestPolicy: 'cache-and-network' });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const queryBox = useRef<HTMLInputElement>(null);

  // The URL is the search: written as `?q=…&countries=KZ,UZ`, read back above. Typing replaces the history entry (one
  // per search, not per key); a filter is a step that back undoes.
  const go = useCallback(
    (next: SearchState, replace: boolean) => {
      setPending({ from: current, next });
      void navigate({ search: searchQueryOf(next) }, { replace, preventScrollReset: true });
    },
    [navigate, current],
  );
  const commitText = useCallback((text: string) => go({ ...search, text }, true), [go, search]);
  const { draft, setDraft, commitNow } = useSearchText(search.text, commitText);

  const change = (next: SearchState, focus?: 'query') => {
    go(next, false);
    if (focus === 'query') {
      queryBox.current?.focus();
    }
  };

  const data = result.data;
  const counts: FilterCounts | undefined = useMemo(
    () => (data ? { facets: data.practitioners.facets, sharesLanguage: data.shared.totalCount } : undefined),
    [data],
  );
  const chosen = activeFilters(search).length;

  return (
    <Page title={t('directory.search.title')} intro={t('directory.search.intro')}>
      <form
        role="search"
        aria-label={t('directory.search.title')}
        onSubmit={(event) => {
          event.preventDefault();
          commitNow();
        }}
      >
        <Field
          ref={queryBox}
          type="search"
          name="q"
          label={t('directory.search.query.label')}
          hint={t('directory.search.query.hint')}
          value={draft}
          maxLength={MAX_TEXT_LENGTH}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          dir="auto"
          onChange={(event) => setDraft(event.target.value)}
          trailing={<Button type="submit">{t('directory.search.query.submit')}</Button>}
        />
      </form>
      <div className="flex flex-col gap-4 md:grid md:grid-cols-[minmax(0,15rem)_minmax(0,1fr)] md:items-start md:gap-6">
        <section aria-labelledby="search-filters-heading" className="flex min-w-0 flex-col gap-3">
          <Button
            variant="secondary"
            className="w-full md:hidden"
            aria-expanded={filtersOpen}
            aria-controls={FILTERS_ID}
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {chosen > 0
              ? t('directory.search.filters.toggleCount', { count: chosen })
              : t('directory.search.filters.toggle')}
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className={`size-4 transition-transform ${filtersOpen ? 'rotate-180' : ''}`}
            >
              <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
          </Button>
          <div
            id={FILTERS_ID}
            aria-busy={reference.fetching || result.fetching}
            className={`${filtersOpen ? 'flex' : 'hidden'} flex-col gap-3 md:flex`}
          >
            <h2 id="search-filters-heading" className="text-lg font-semibold text-slate-900">
              {t('directory.search.filters.title')}
            </h2>
            <Filters
              id="filter"
              search={search}
              counts={counts}
              labels={labels}
              onChange={change}
              onClear={(next) => change(next, 'query')}
            />
            {data ? (
              <Button
                className="md:hidden"
                onClick={() => {
                  setFiltersOpen(false);
                  document.getElementById(RESULTS_HEADING_ID)?.focus();
                }}
              >
                {t('directory.search.filters.showResults', { count: data.practitioners.totalCount })}
              </Button>
            ) : null}
          </div>
        </section>
        <div className="min-w-0">
          <SearchResults
            search={search}
            data={data}
            filter={result.operation?.variables.filter}
            dataKey={result.operation?.key}
            fetching={result.fetching}
            error={result.error}
            labels={labels}
            headingId={RESULTS_HEADING_ID}
            onChange={change}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        </div>
      </div>
    </Page>
  );
}
