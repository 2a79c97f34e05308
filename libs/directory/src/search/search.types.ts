import type { AgencyType } from '../reference/agency-types';
import { LanguageLevel } from '../reference/languages';

export interface SearchFilter {
  text?: string | null;
  countries?: string[] | null;
  agencyTypes?: AgencyType[] | null;
  languages?: string[] | null;
  minLanguageLevel?: LanguageLevel | null;
  expertise?: string[] | null;
  competences?: string[] | null;
  sharesLanguageWithMe?: boolean | null;
  available24x7?: boolean | null;
  /** Only those who can answer now: 24/7, or within their working days and hours in their own time zone. */
  availableNow?: boolean | null;
}

export interface FacetCount {
  code: string;
  count: number;
}

/**
 * Counts for the current filter without each facet's own selection: a value's count is how many would match with
 * that value selected instead (lists), or with the flag on (available24x7, availableNow).
 */
export interface SearchFacets {
  countries: FacetCount[];
  languages: FacetCount[];
  expertise: FacetCount[];
  agencyTypes: FacetCount[];
  competences: FacetCount[];
  available24x7: number;
  availableNow: number;
}

export interface SearchPage {
  ids: string[];
  /** Offset of the first id (for cursors). */
  offset: number;
  totalCount: number;
  hasNextPage: boolean;
  facets: SearchFacets;
}

export const MAX_PAGE_SIZE = 50;
/** Facets counted per value. */
export type ListFacet = 'countries' | 'languages' | 'expertise' | 'agencyTypes' | 'competences';
/** Yes/no filters, counted as the matches with the flag on. */
export type FlagFacet = 'available24x7' | 'availableNow';
export type Facet = ListFacet | FlagFacet;
export const LIST_FACETS: ListFacet[] = ['countries', 'languages', 'expertise', 'agencyTypes', 'competences'];
export const FLAG_FACETS: FlagFacet[] = ['available24x7', 'availableNow'];
export const FACETS: Facet[] = [...LIST_FACETS, ...FLAG_FACETS];
/** Language level a shared language needs to count (no interpreter needed). */
export const SHARED_LEVEL_MIN = LanguageLevel.WORKING;

/** The order of facet values: most frequent first, then by code. */
export function byCountThenCode(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || a.code.localeCompare(b.code);
}

/** Byte order, as the databases' ORDER BY on display_name (SQLite BINARY, PostgreSQL "C") compares. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
