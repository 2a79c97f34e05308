import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';
import { SelectField } from '@web/components/select-field';
import type { DirectorySearchQuery, LanguageLevel } from '@web/lib/graphql/graphql';
import type { SearchLabels } from '../lib/search-labels';
import {
  activeFilters,
  LEVELS_WEAKEST_FIRST,
  withListValue,
  withoutFilters,
  type FlagKey,
  type ListKey,
  type SearchState,
} from '../lib/search-params';

type Facets = DirectorySearchQuery['practitioners']['facets'];

/** What the filters count: the API's facets, and how many share a language with the viewer. */
export interface FilterCounts {
  facets: Facets;
  sharesLanguage: number;
}

/**
 * A facet list shows this many values until "Show all" (chosen values always show); a list only a few longer shows
 * them all. The countries' never folds: the network spans a dozen or two, and the one a member looks for must not hide.
 */
export const COLLAPSED_OPTIONS = 6;
const FEW_MORE = 2;

interface Option {
  value: string;
  label: string;
  /** Unknown until the first answer arrives. */
  count?: number;
}

/**
 * The API's values in its order (most frequent first), then any chosen value it no longer counts (as 0); countries by
 * their name in the UI language instead, where a member looks for one.
 */
export function optionsOf(
  key: ListKey,
  counts: FilterCounts | undefined,
  search: SearchState,
  labels: SearchLabels,
  locale: string,
): Option[] {
  const listed = counts?.facets[key] ?? [];
  const options: Option[] = listed.map(({ code, count }) => ({
    value: code,
    label: labels.of(key, code),
    count,
  }));
  for (const value of search[key] as string[]) {
    if (!listed.some((item) => item.code === value)) {
      options.push({ value, label: labels.of(key, value), count: counts ? 0 : undefined });
    }
  }
  if (key === 'countries') {
    const collator = new Intl.Collator(locale);
    options.sort((a, b) => collator.compare(a.label, b.label));
  }
  return options;
}

function CountedLabel({ label, count }: { label: string; count?: number }) {
  const { t } = useTranslation();
  return (
    <span className="min-w-0 break-words">
      {count === undefined ? label : `${label} `}
      {count === undefined ? null : (
        <span className="text-slate-600 tabular-nums">{t('directory.search.filters.count', { count })}</span>
      )}
    </span>
  );
}

const checkboxClass = 'mt-0.5 size-5 shrink-0 accent-brand-700';
const optionClass = 'flex min-h-11 cursor-pointer items-start gap-3 py-2 text-slate-900';

/** One facet: a fieldset of counted checkboxes, the first few shown until "Show all". */
function FacetGroup({
  id,
  legend,
  options,
  collapsedAfter = COLLAPSED_OPTIONS,
  chosen,
  onToggle,
  children,
}: {
  id: string;
  legend: string;
  options: Option[];
  collapsedAfter?: number;
  chosen: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  /** More controls of the group, under the options (the language level). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const picked = new Set(chosen);
  const collapses = options.length > collapsedAfter + FEW_MORE;
  const shown =
    expanded || !collapses
      ? options
      : options.filter((option, index) => index < collapsedAfter || picked.has(option.value));
  const listId = `${id}-options`;
  return (
    <fieldset className="flex min-w-0 flex-col gap-1 border-t border-slate-200 pt-3">
      <legend className="float-left w-full font-semibold text-slate-900">{legend}</legend>
      <div className="clear-both">
        {options.length === 0 ? (
          <p className="py-1 text-sm text-slate-600">{t('directory.search.filters.none')}</p>
        ) : (
          <ul id={listId}>
            {shown.map((option) => (
              <li key={option.value}>
                <label className={optionClass}>
                  <input
                    type="checkbox"
                    id={`${id}-${option.value}`}
                    checked={picked.has(option.value)}
                    onChange={(event) => onToggle(option.value, event.target.checked)}
                    className={checkboxClass}
                  />
                  <CountedLabel label={option.label} count={option.count} />
                </label>
              </li>
            ))}
          </ul>
        )}
        {collapses ? (
          <Button
            variant="link"
            aria-expanded={expanded}
            aria-controls={listId}
            className="min-h-11"
            onClick={() => setExpanded(!expanded)}
          >
            {expanded
              ? t('directory.search.filters.showFewer')
              : t('directory.search.filters.showAll', { count: options.length })}
          </Button>
        ) : null}
        {children}
      </div>
    </fieldset>
  );
}

/** A yes/no filter with its count and a hint. */
function FlagOption({
  id,
  label,
  hint,
  checked,
  count,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  count?: number;
  onChange: (checked: boolean) => void;
}) {
  return (
    <li>
      <label className={optionClass}>
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.checked)}
          className={checkboxClass}
        />
        <CountedLabel label={label} count={count} />
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-2 pb-2 pl-8 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Every filter of the search, each value with the count the API gives for it: a facet is counted without its own
 * selection, so a count says how many choosing that value would find (values of one facet add up as "any of them").
 * Each change is a new search (the page puts it in the URL).
 */
export function Filters({
  id,
  search,
  counts,
  labels,
  onChange,
  onClear,
}: {
  id: string;
  search: SearchState;
  counts: FilterCounts | undefined;
  labels: SearchLabels;
  onChange: (next: SearchState) => void;
  /** "Clear all filters" (its button goes with them: the page moves the focus). */
  onClear: (next: SearchState) => void;
}) {
  const { t, i18n } = useTranslation();
  const toggle = (key: ListKey) => (value: string, checked: boolean) =>
    onChange(withListValue(search, key, value, checked));
  const flag = (key: FlagKey) => (checked: boolean) => onChange({ ...search, [key]: checked });
  const group = (key: ListKey, legend: string, children?: ReactNode) => (
    <FacetGroup
      id={`${id}-${key}`}
      legend={legend}
      options={optionsOf(key, counts, search, labels, i18n.language)}
      collapsedAfter={key === 'countries' ? Infinity : COLLAPSED_OPTIONS}
      chosen={search[key] as string[]}
      onToggle={toggle(key)}
    >
      {children}
    </FacetGroup>
  );
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex min-w-0 flex-col gap-1">
        <legend className="float-left w-full font-semibold text-slate-900">
          {t('directory.search.filters.availability')}
        </legend>
        <ul className="clear-both">
          <FlagOption
            id={`${id}-now`}
            label={t('directory.search.filters.availableNow')}
            hint={t('directory.search.filters.availableNowHint')}
            checked={search.availableNow}
            count={counts?.facets.availableNow}
            onChange={flag('availableNow')}
          />
          <FlagOption
            id={`${id}-24x7`}
            label={t('directory.search.filters.available24x7')}
            checked={search.available24x7}
            count={counts?.facets.available24x7}
            onChange={flag('available24x7')}
          />
          <FlagOption
            id={`${id}-shared`}
            label={t('directory.search.filters.sharesLanguage')}
            hint={t('directory.search.filters.sharesLanguageHint')}
            checked={search.sharesLanguage}
            count={counts?.sharesLanguage}
            onChange={flag('sharesLanguage')}
          />
        </ul>
      </fieldset>
      {group('countries', t('directory.search.filters.countries'))}
      {group('agencyTypes', t('directory.search.filters.agencyTypes'))}
      {group(
        'languages',
        t('directory.search.filters.languages'),
        <SelectField
          id={`${id}-level`}
          label={t('directory.search.filters.minLevel')}
          className="mt-2"
          value={search.minLevel ?? ''}
          onChange={(event) =>
            onChange({ ...search, minLevel: (event.target.value || null) as LanguageLevel | null })
          }
        >
          <option value="">{t('directory.search.filters.anyLevel')}</option>
          {LEVELS_WEAKEST_FIRST.map((level) => (
            <option key={level} value={level}>
              {t(`directory.search.levels.${level}`)}
            </option>
          ))}
        </SelectField>,
      )}
      {group('expertise', t('directory.search.filters.expertise'))}
      {group('competences', t('directory.search.filters.competences'))}
      {activeFilters(search).length > 0 ? (
        <Button variant="secondary" className="self-start" onClick={() => onClear(withoutFilters(search))}>
          {t('directory.search.filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
