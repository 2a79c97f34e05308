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
}

export interface FacetCount {
  code: string;
  count: number;
}

export interface SearchFacets {
  countries: FacetCount[];
  languages: FacetCount[];
  expertise: FacetCount[];
  agencyTypes: FacetCount[];
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
export type Facet = keyof SearchFacets;
export const FACETS: Facet[] = ['countries', 'languages', 'expertise', 'agencyTypes'];
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
