import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import type {
  DirectorySearchMoreQuery,
  DirectorySearchQuery,
  PractitionerFilterInput,
} from '@web/lib/graphql/graphql';
import { SearchMoreQuery } from '../api/search';
import type { SearchLabels } from '../lib/search-labels';
import {
  activeFilters,
  PAGE_SIZE,
  withoutFilter,
  withoutFilters,
  type ActiveFilter,
  type SearchState,
} from '../lib/search-params';
import { ResultCard } from './result-card';

type Connection = DirectorySearchQuery['practitioners'];
type Edge = Connection['edges'][number];
type PageInfo = DirectorySearchMoreQuery['practitioners']['pageInfo'];

/** The pages "Show more" appended to one search (they belong to it: another search starts over). */
interface MorePages {
  /** The search's key (urql's key of the first page's operation: query and variables). */
  base: number;
  edges: Edge[];
  pageInfo: PageInfo;
}

export interface SearchResultsProps {
  search: SearchState;
  /** The first page and its search's filter, as urql has them for the newest variables (older answers never land). */
  data: DirectorySearchQuery | undefined;
  filter: PractitionerFilterInput | undefined;
  /** Which search `data` answers (urql's operation key): appended pages stay with it, through refreshes of page one. */
  dataKey: number | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  labels: SearchLabels;
  headingId: string;
  onChange: (next: SearchState, focus?: 'query') => void;
  onRetry: () => void;
}

/** The name of a chosen filter, as its removal button says it. */
function filterName(t: TFunction, labels: SearchLabels, filter: ActiveFilter): string {
  switch (filter.kind) {
    case 'list':
      return labels.of(filter.key, filter.value);
    case 'level':
      return t('directory.search.active.level', { level: t(`directory.search.levels.${filter.value}`) });
    case 'flag':
      return t(`directory.search.filters.${filter.key}`);
  }
}

/** The chosen filters as buttons that remove one each; focus moves to the next one (or to the search box). */
function ActiveFilters({
  search,
  labels,
  onChange,
}: Pick<SearchResultsProps, 'search' | 'labels' | 'onChange'>) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const focusAt = useRef<number | null>(null);
  const active = activeFilters(search);
  useEffect(() => {
    if (focusAt.current === null) {
      return;
    }
    const buttons = list.current?.querySelectorAll('button');
    buttons?.[Math.min(focusAt.current, buttons.length - 1)]?.focus();
    focusAt.current = null;
  });
  if (active.length === 0) {
    return null;
  }
  return (
    <ul ref={list} aria-label={t('directory.search.active.label')} className="flex flex-wrap gap-2">
      {active.map((filter, index) => {
        const name = filterName(t, labels, filter);
        return (
          <li
            key={`${filter.kind}-${'key' in filter ? filter.key : ''}-${'value' in filter ? filter.value : ''}`}
          >
            <button
              type="button"
              aria-label={t('directory.search.active.remove', { filter: name })}
              onClick={() => {
                if (active.length > 1) {
                  focusAt.current = index;
                  onChange(withoutFilter(search, filter));
                } else {
                  onChange(withoutFilter(search, filter), 'query');
                }
              }}
              className="inline-flex min-h-11 items-center gap-2 rounded-full border border-brand-700 bg-blue-50 px-3 text-sm text-slate-900 hover:bg-blue-100"
            >
              <span className="break-words">{name}</span>
              <span aria-hidden="true" className="text-base leading-none">
                ×
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The results of the newest search: how many, the chosen filters (each removable), the cards, and "Show more", which
 * appends the next page and moves the focus to its first result. Nothing found says what to change; a failure says
 * what happened and offers the way out.
 */
export function SearchResults(props: SearchResultsProps) {
  const { search, data, filter, dataKey, fetching, error, labels, headingId, onChange, onRetry } = props;
  const { t } = useTranslation();
  const client = useClient();
  const first = data?.practitioners;
  const [more, setMore] = useState<MorePages | null>(null);
  const [loadingMore, setLoadingMore] = useState<number | null>(null);
  const [moreFailed, setMoreFailed] = useState<number | null>(null);
  // The search now shown; an answer to "Show more" for another one is dropped.
  const shownKey = useRef(dataKey);
  const list = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    shownKey.current = dataKey;
  }, [dataKey]);
  const extra = more && first && more.base === dataKey ? more : null;
  useEffect(() => {
    if (focusIndex.current === null) {
      return;
    }
    list.current?.querySelectorAll<HTMLAnchorElement>('h3 a')[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [extra]);

  // After a filter the API refused (an old link) and under an empty result: back to the text alone.
  const clearFilters = (
    <Button
      variant="secondary"
      className="self-start"
      onClick={() => onChange(withoutFilters(search), 'query')}
    >
      {t('directory.search.filters.clear')}
    </Button>
  );

  if (!first) {
    if (error) {
      const failure = resultError(error);
      const badFilter = failure?.code === 'BAD_USER_INPUT';
      return (
        <div className="flex flex-col gap-3">
          <Alert tone="error" title={t('directory.search.failed.title')}>
            {badFilter
              ? t('directory.search.failed.badFilter')
              : failure?.code === 'FORBIDDEN'
                ? t('directory.search.failed.forbidden')
                : errorText(t, failure)}
          </Alert>
          {badFilter ? (
            clearFilters
          ) : failure?.code === 'FORBIDDEN' ? null : (
            <Button variant="secondary" className="self-start" onClick={onRetry}>
              {t('actions.retry')}
            </Button>
          )}
        </div>
      );
    }
    return (
      <p role="status" className="text-slate-700">
        {t('directory.search.results.searching')}
      </p>
    );
  }

  // Page one may have been refreshed since (urql asks again for a search it has): no one is listed twice.
  const onFirst = new Set(first.edges.map((edge) => edge.node.id));
  const edges = extra
    ? [...first.edges, ...extra.edges.filter((edge) => !onFirst.has(edge.node.id))]
    : first.edges;
  const pageInfo = extra?.pageInfo ?? first.pageInfo;
  const filtered = activeFilters(search).length > 0;
  const busyMore = loadingMore !== null && loadingMore === dataKey;

  async function showMore() {
    const base = dataKey;
    const after = pageInfo.endCursor;
    if (base === undefined || !after || !filter || busyMore || fetching) {
      return;
    }
    setLoadingMore(base);
    setMoreFailed(null);
    const result = await client
      .query(SearchMoreQuery, { filter, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (shownKey.current !== base) {
      return;
    }
    setLoadingMore(null);
    const page = result.data?.practitioners;
    if (!page) {
      setMoreFailed(base);
      return;
    }
    focusIndex.current = edges.length;
    setMore((current) => ({
      base,
      edges: [...(current?.base === base ? current.edges : []), ...page.edges],
      pageInfo: page.pageInfo,
    }));
  }

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite" aria-atomic="true" className="flex flex-wrap items-baseline gap-x-3">
        <h2 id={headingId} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
          {first.totalCount > 0
            ? t('directory.search.results.found', { count: first.totalCount })
            : t('directory.search.empty.title')}
        </h2>
        {fetching ? <p className="text-sm text-slate-600">{t('directory.search.results.updating')}</p> : null}
      </div>
      <ActiveFilters search={search} labels={labels} onChange={onChange} />
      {first.totalCount === 0 ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
          <p className="text-slate-800">
            {filtered
              ? t('directory.search.empty.withFilters')
              : search.text
                ? t('directory.search.empty.text')
                : t('directory.search.empty.nobody')}
          </p>
          {filtered ? clearFilters : null}
        </div>
      ) : (
        <ul ref={list} aria-labelledby={headingId} aria-busy={fetching} className="flex flex-col gap-3">
          {edges.map((edge) => (
            <li key={edge.node.id}>
              <ResultCard person={edge.node} labels={labels} />
            </li>
          ))}
        </ul>
      )}
      {first.totalCount > 0 ? (
        <div className="flex flex-col items-start gap-2">
          <p className="text-sm text-slate-700">
            {t('directory.search.results.shown', { shown: edges.length, total: first.totalCount })}
          </p>
          {moreFailed !== null && moreFailed === dataKey ? (
            <Alert tone="error">{t('directory.search.results.moreFailed')}</Alert>
          ) : null}
          {pageInfo.hasNextPage ? (
            <Button variant="secondary" aria-disabled={busyMore || fetching} onClick={() => void showMore()}>
              {busyMore ? t('directory.search.results.loadingMore') : t('directory.search.results.showMore')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
