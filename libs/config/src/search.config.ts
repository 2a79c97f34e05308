import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { defineNamespace } from './env';

export const SEARCH_ENGINES = ['memory', 'database'] as const;
export type SearchEngine = (typeof SEARCH_ENGINES)[number];

class SearchEnv {
  @IsOptional()
  @IsIn(SEARCH_ENGINES, { message: `SEARCH_ENGINE must be one of: ${SEARCH_ENGINES.join(', ')}` })
  SEARCH_ENGINE?: SearchEngine;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SEARCH_INDEX_MAX_STALENESS_MS?: number;
}

export interface SearchConfig {
  /**
   * `memory` (default): filters, facets and ranking from an in-process index kept in step with the database's change
   * log. `database`: every search in SQL, with the FTS5 / pg_trgm candidate index (the reference the memory engine is
   * tested against).
   */
  engine: SearchEngine;
  /**
   * How old another process's writes may be when a search runs (this process's own writes are always visible).
   * 0 checks the change log before every search.
   */
  maxStalenessMs: number;
}

export const searchConfig = defineNamespace('search', SearchEnv, (vars): SearchConfig => ({
  engine: vars.SEARCH_ENGINE ?? 'memory',
  maxStalenessMs: vars.SEARCH_INDEX_MAX_STALENESS_MS ?? 1000,
}));
