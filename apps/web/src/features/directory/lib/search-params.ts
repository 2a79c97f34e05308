import type { AgencyType, LanguageLevel, PractitionerFilterInput } from '@web/lib/graphql/graphql';
import { AGENCY_TYPES, LANGUAGE_LEVELS } from '@web/lib/reference';

/** Results per page ("Show more" asks for as many again; the API allows up to 50). */
export const PAGE_SIZE = 20;
/** The API's longest query text (PractitionerFilterInput.text). */
export const MAX_TEXT_LENGTH = 200;

/** The levels weakest first, as the "at least" choice lists them. */
export const LEVELS_WEAKEST_FIRST: readonly LanguageLevel[] = [...LANGUAGE_LEVELS].reverse();

/** The whole search as the URL holds it: text and every filter. */
export interface SearchState {
  text: string;
  countries: string[];
  agencyTypes: AgencyType[];
  languages: string[];
  /** Applies to the chosen languages (and to the languages' counts). */
  minLevel: LanguageLevel | null;
  expertise: string[];
  competences: string[];
  available24x7: boolean;
  sharesLanguage: boolean;
  availableNow: boolean;
}

/** The filters chosen from lists (each a facet of the API). */
export type ListKey = 'countries' | 'agencyTypes' | 'languages' | 'expertise' | 'competences';
/** The yes/no filters. */
export type FlagKey = 'available24x7' | 'sharesLanguage' | 'availableNow';

/** One chosen filter value, e.g. to offer its removal. */
export type ActiveFilter =
  | { kind: 'list'; key: ListKey; value: string }
  | { kind: 'flag'; key: FlagKey }
  | { kind: 'level'; value: LanguageLevel };

export const EMPTY_SEARCH: SearchState = {
  text: '',
  countries: [],
  agencyTypes: [],
  languages: [],
  minLevel: null,
  expertise: [],
  competences: [],
  available24x7: false,
  sharesLanguage: false,
  availableNow: false,
};

/**
 * Each part's URL parameter: the API filter's own field names (a link from elsewhere can guess them), lists as
 * comma-separated codes (`countries=KZ,UZ`; repeating the parameter works too), yes/no filters as `1`.
 */
const LIST_PARAMS: Record<ListKey, { max: number; valid: (code: string) => boolean }> = {
  countries: { max: 50, valid: (code) => /^[A-Z]{2}$/.test(code) },
  agencyTypes: {
    max: AGENCY_TYPES.length,
    valid: (code) => (AGENCY_TYPES as readonly string[]).includes(code),
  },
  languages: { max: 20, valid: (code) => /^[a-z]{2,3}$/.test(code) },
  expertise: { max: 40, valid: (code) => /^[A-Z][A-Z0-9_]{0,63}$/.test(code) },
  competences: { max: 40, valid: (code) => /^[A-Z][A-Z0-9_]{0,63}$/.test(code) },
};
export const LIST_KEYS = Object.keys(LIST_PARAMS) as ListKey[];
const FLAG_PARAMS: Record<FlagKey, string> = {
  available24x7: 'available24x7',
  sharesLanguage: 'sharesLanguageWithMe',
  availableNow: 'availableNow',
};
export const FLAG_KEYS = Object.keys(FLAG_PARAMS) as FlagKey[];
/** The text: `q`, as search boxes have it (`text`, the API's name, is read too). */
const TEXT_PARAM = 'q';
const LEVEL_PARAM = 'minLanguageLevel';

/** What is sent for a text: spaces collapsed, trimmed, at most the API's length. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH).trim();
}

/** Upper case for country and taxonomy codes, lower case for language codes, as the API spells them. */
const spell = (key: ListKey, value: string) =>
  key === 'languages' ? value.trim().toLowerCase() : value.trim().toUpperCase();

/**
 * The search a URL describes. Anything a hand-edited or old link may hold is tolerated: unknown parameters are
 * ignored, malformed codes dropped, repeats merged, lists sorted (the same search, the same URL and cache key).
 */
export function parseSearch(params: URLSearchParams): SearchState {
  const state: SearchState = {
    ...EMPTY_SEARCH,
    text: normalizeText(params.get(TEXT_PARAM) ?? params.get('text') ?? ''),
  };
  for (const key of LIST_KEYS) {
    const { max, valid } = LIST_PARAMS[key];
    const values = params
      .getAll(key)
      .flatMap((value) => value.split(','))
      .map((value) => spell(key, value))
      .filter(valid);
    (state[key] as string[]) = [...new Set(values)].sort().slice(0, max);
  }
  const level = params.get(LEVEL_PARAM)?.toUpperCase();
  state.minLevel = (LANGUAGE_LEVELS as readonly string[]).includes(level ?? '')
    ? (level as LanguageLevel)
    : null;
  for (const key of FLAG_KEYS) {
    state[key] = ['1', 'true', 'yes'].includes(params.get(FLAG_PARAMS[key]) ?? '');
  }
  return state;
}

/**
 * The URL query of a search (`?q=…&countries=KZ,UZ&availableNow=1`, or '' for none), its parts in one fixed order and
 * the empty ones left out. Codes are letters, digits and underscores, so the commas stay readable.
 */
export function searchQueryOf(state: SearchState): string {
  const parts: string[] = [];
  const text = normalizeText(state.text);
  if (text) {
    parts.push(`${TEXT_PARAM}=${encodeURIComponent(text)}`);
  }
  for (const key of LIST_KEYS) {
    const values = [...new Set(state[key] as string[])].filter(LIST_PARAMS[key].valid).sort();
    if (values.length > 0) {
      parts.push(`${key}=${values.join(',')}`);
    }
  }
  if (state.minLevel) {
    parts.push(`${LEVEL_PARAM}=${state.minLevel}`);
  }
  for (const key of FLAG_KEYS) {
    if (state[key]) {
      parts.push(`${FLAG_PARAMS[key]}=1`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The API's filter for a search (empty parts left out). */
export function filterOf(state: SearchState): PractitionerFilterInput {
  const filter: PractitionerFilterInput = {};
  const text = normalizeText(state.text);
  if (text) {
    filter.text = text;
  }
  if (state.countries.length > 0) {
    filter.countries = state.countries;
  }
  if (state.agencyTypes.length > 0) {
    filter.agencyTypes = state.agencyTypes;
  }
  if (state.languages.length > 0) {
    filter.languages = state.languages;
  }
  if (state.minLevel) {
    filter.minLanguageLevel = state.minLevel;
  }
  if (state.expertise.length > 0) {
    filter.expertise = state.expertise;
  }
  if (state.competences.length > 0) {
    filter.competences = state.competences;
  }
  if (state.available24x7) {
    filter.available24x7 = true;
  }
  if (state.sharesLanguage) {
    filter.sharesLanguageWithMe = true;
  }
  if (state.availableNow) {
    filter.availableNow = true;
  }
  return filter;
}

/** A list filter with `value` chosen or not. */
export function withListValue(state: SearchState, key: ListKey, value: string, chosen: boolean): SearchState {
  const current = state[key] as string[];
  const next = chosen ? [...new Set([...current, value])].sort() : current.filter((item) => item !== value);
  return { ...state, [key]: next };
}

/** Every chosen filter, in the order the panel shows them (the text is not a filter). */
export function activeFilters(state: SearchState): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const key of LIST_KEYS) {
    for (const value of state[key] as string[]) {
      active.push({ kind: 'list', key, value });
    }
    // The level narrows the chosen languages; without one it only changes the languages' counts.
    if (key === 'languages' && state.minLevel && state.languages.length > 0) {
      active.push({ kind: 'level', value: state.minLevel });
    }
  }
  for (const key of FLAG_KEYS) {
    if (state[key]) {
      active.push({ kind: 'flag', key });
    }
  }
  return active;
}

/** The search without one chosen filter. */
export function withoutFilter(state: SearchState, filter: ActiveFilter): SearchState {
  switch (filter.kind) {
    case 'list':
      return withListValue(state, filter.key, filter.value, false);
    case 'flag':
      return { ...state, [filter.key]: false };
    case 'level':
      return { ...state, minLevel: null };
  }
}

/** The same text without any filter. */
export function withoutFilters(state: SearchState): SearchState {
  return { ...EMPTY_SEARCH, text: state.text };
}

/** A stable key of a search (its URL form): results of one search belong together. */
export function searchKey(state: SearchState): string {
  return searchQueryOf(state);
}
