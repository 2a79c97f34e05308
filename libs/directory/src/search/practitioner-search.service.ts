import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { Clock, DomainException, fieldError, FieldErrorCode, type FieldError } from '@app/common';
import { foldWords } from '@app/folding';
import { searchConfig, type SearchConfig } from '@app/config';
import { PractitionerLanguageEntity } from '../entities/practitioner-attributes.entity';
import { PractitionerEntity } from '../entities/practitioner.entity';
import type { DirectoryViewer } from '../practitioner.service';
import { ACTIVE_MEMBER_SQL } from '../profile/active-member';
import { isAvailable, type Schedule } from '../profile/availability';
import { LANGUAGE_LEVEL_RANK, LanguageLevel } from '../reference/languages';
import { ReferenceDataService } from '../reference/reference-data.service';
import { SearchIndexService } from './memory/search-index.service';
import { candidatePieces, MAX_QUERY_WORDS, scoreKey } from './scorer';
import { SearchMetrics } from './search-metrics';
import {
  byCountThenCode,
  compareText,
  FLAG_FACETS,
  LIST_FACETS,
  MAX_PAGE_SIZE,
  SHARED_LEVEL_MIN,
  type Facet,
  type FacetCount,
  type FlagFacet,
  type ListFacet,
  type SearchFacets,
  type SearchFilter,
  type SearchPage,
} from './search.types';

/** Ids per IN list (SQLite and PostgreSQL both cap bound parameters). */
const ID_CHUNK = 500;

function levelsAtLeast(level: LanguageLevel): LanguageLevel[] {
  return Object.values(LanguageLevel).filter(
    (candidate) => LANGUAGE_LEVEL_RANK[candidate] >= LANGUAGE_LEVEL_RANK[level],
  );
}

interface Scored {
  id: string;
  score: number;
  displayName: string;
}

/** A working schedule as stored (`workingDays` as the column's text, compared as such). */
interface StoredSchedule {
  timeZone: string;
  workingDays: string;
  workingHoursStart: string;
  workingHoursEnd: string;
}

/** A database-engine search: the filter, its folded words, the caller's languages and who can answer now. */
interface DatabaseQuery {
  filter: SearchFilter;
  words: string[];
  myLanguages: Map<string, number> | null;
  /** The stored schedules `isAvailable` accepts at the query's instant (24x7 members aside). */
  availableSchedules: StoredSchedule[];
}

/**
 * The directory search. Only active (vetted, unexpired) members are found, and only active members may search.
 * Two engines give the same answers: `memory` (default) serves filters, facets and ranking from the in-process
 * SearchIndex; `database` runs them in SQL, text through the candidate index (LIKE pieces served by FTS5 trigram /
 * pg_trgm) and the shared TypeScript scorer. Facet counts apply every filter except the facet's own selection.
 * "Available now" is decided by `isAvailable` per working schedule at the directory clock's instant, in both engines.
 */
@Injectable()
export class PractitionerSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly memory: SearchIndexService,
    @Inject(searchConfig.KEY) private readonly config: SearchConfig,
    private readonly clock: Clock,
    private readonly metrics: SearchMetrics,
  ) {}

  /** `at`: the instant "available now" is about (default: the directory clock's now). */
  async search(
    viewer: DirectoryViewer | null,
    filter: SearchFilter,
    page: { first: number; offset: number },
    at: Date = this.clock.now(),
  ): Promise<SearchPage> {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    if (!viewer.active) {
      throw DomainException.forbidden('Only vetted members can search the directory.');
    }
    this.validate(filter, page);
    const words = foldWords(filter.text).slice(0, MAX_QUERY_WORDS);
    const result =
      this.config.engine === 'memory'
        ? await this.inMemory(viewer.memberId, filter, words, page, at)
        : await this.inDatabase(viewer.memberId, filter, words, page, at);
    return {
      ...result,
      offset: page.offset,
      hasNextPage: page.offset + result.ids.length < result.totalCount,
    };
  }

  /** The memory engine on folded words, without the viewer checks (`search` does them; the benchmark compares). */
  async inMemory(
    viewerId: string,
    filter: SearchFilter,
    words: string[],
    page: { first: number; offset: number },
    at: Date = this.clock.now(),
  ): Promise<Pick<SearchPage, 'ids' | 'totalCount' | 'facets'>> {
    const index = await this.memory.current();
    // No await from here on: the index is updated in place by the next change-log replay, and the page and its facets
    // must describe the same state.
    const prepared = index.prepare(
      filter,
      words,
      filter.sharesLanguageWithMe ? index.languagesOf(viewerId) : null,
      Date.now(),
      at.getTime(),
    );
    const found = this.metrics.timeSync('page', 'memory', () =>
      index.page(prepared, page.first, page.offset),
    );
    return { ...found, facets: this.metrics.timeSync('facets', 'memory', () => index.facets(prepared)) };
  }

  /** The database engine on folded words, without the viewer checks. */
  async inDatabase(
    viewerId: string,
    filter: SearchFilter,
    words: string[],
    page: { first: number; offset: number },
    at: Date = this.clock.now(),
  ): Promise<Pick<SearchPage, 'ids' | 'totalCount' | 'facets'>> {
    const query: DatabaseQuery = {
      filter,
      words,
      myLanguages: filter.sharesLanguageWithMe ? await this.languagesOf(viewerId) : null,
      availableSchedules: await this.availableSchedules(at),
    };
    const { ids, totalCount } = await this.metrics.time('page', 'database', () => this.page(query, page));
    return {
      ids,
      totalCount,
      facets: await this.metrics.time('facets', 'database', () => this.facets(query)),
    };
  }

  /**
   * Database engine: facet counts, each facet with every filter except its own selection — per value, or (yes/no
   * facets) the matches with the flag on.
   */
  private async facets(query: DatabaseQuery): Promise<SearchFacets> {
    const lists = {} as Record<ListFacet, FacetCount[]>;
    for (const facet of LIST_FACETS) {
      lists[facet] = await this.facet(facet, query);
    }
    const flags = {} as Record<FlagFacet, number>;
    for (const flag of FLAG_FACETS) {
      flags[flag] = await this.total({ ...query, filter: { ...query.filter, [flag]: true } });
    }
    return { ...lists, ...flags };
  }

  /** The stored working schedules of practitioners who are not 24x7 that `isAvailable` accepts at `at`. */
  private async availableSchedules(at: Date): Promise<StoredSchedule[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('p.time_zone', 'timeZone')
      .addSelect('CAST(p.working_days AS TEXT)', 'workingDays')
      .addSelect('p.working_hours_start', 'workingHoursStart')
      .addSelect('p.working_hours_end', 'workingHoursEnd')
      .distinct(true)
      .from('practitioner', 'p')
      .where('p.available_24x7 = :never', { never: false })
      .getRawMany<StoredSchedule>();
    return rows.filter((row) => {
      const schedule: Schedule = {
        timeZone: row.timeZone,
        workingDays: JSON.parse(row.workingDays) as number[],
        workingHoursStart: row.workingHoursStart,
        workingHoursEnd: row.workingHoursEnd,
        available24x7: false,
      };
      return isAvailable(schedule, at);
    });
  }

  /** How many match (the scorer decides when there is text). */
  private async total(query: DatabaseQuery): Promise<number> {
    const qb = this.matching(query);
    return query.words.length > 0 ? (await this.rank(qb, query.words, null)).length : qb.getCount();
  }

  /**
   * Database engine: the page of ids and the total. Plain filters page in SQL; text and language pairing rank in
   * TypeScript.
   */
  private async page(
    query: DatabaseQuery,
    page: { first: number; offset: number },
  ): Promise<{ ids: string[]; totalCount: number }> {
    const { words, myLanguages } = query;
    const qb = this.matching(query);
    if (words.length === 0 && !myLanguages) {
      const [rows, totalCount] = await Promise.all([
        qb
          .clone()
          .select('p.member_id', 'id')
          .orderBy('p.display_name', 'ASC')
          .addOrderBy('p.member_id', 'ASC')
          .offset(page.offset)
          .limit(page.first)
          .getRawMany<{ id: string }>(),
        qb.getCount(),
      ]);
      return { ids: rows.map((row) => row.id), totalCount };
    }
    const ranked = await this.rank(qb, words, myLanguages);
    return {
      ids: ranked.slice(page.offset, page.offset + page.first).map((row) => row.id),
      totalCount: ranked.length,
    };
  }

  /** Active members matching every filter (and the text's candidate pieces), optionally ignoring one facet. */
  private matching(query: DatabaseQuery, except?: Facet): SelectQueryBuilder<PractitionerEntity> {
    const { filter, words, myLanguages } = query;
    const qb = this.dataSource
      .getRepository(PractitionerEntity)
      .createQueryBuilder('p')
      .innerJoin('member', 'm', 'm.id = p.member_id')
      .where(ACTIVE_MEMBER_SQL, {
        now: new Date(),
      });
    if (except !== 'available24x7' && filter.available24x7) {
      qb.andWhere('p.available_24x7 = :always', { always: true });
    }
    if (except !== 'availableNow' && filter.availableNow) {
      this.availableNow(qb, query.availableSchedules);
    }
    if (except !== 'countries' && filter.countries?.length) {
      qb.andWhere('p.country IN (:...countries)', { countries: filter.countries });
    }
    if (except !== 'agencyTypes' && filter.agencyTypes?.length) {
      qb.andWhere('p.agency_id IN (SELECT a.id FROM agency a WHERE a.type IN (:...agencyTypes))', {
        agencyTypes: filter.agencyTypes,
      });
    }
    const minimum = filter.minLanguageLevel ?? LanguageLevel.BASIC;
    if (except !== 'languages' && filter.languages?.length) {
      qb.andWhere(
        `p.member_id IN (SELECT pl.practitioner_id FROM practitioner_language pl
          WHERE pl.language_code IN (:...languages) AND pl.level IN (:...levels))`,
        { languages: filter.languages, levels: levelsAtLeast(minimum) },
      );
    }
    if (except !== 'expertise' && filter.expertise?.length) {
      qb.andWhere(
        'p.member_id IN (SELECT pe.practitioner_id FROM practitioner_expertise pe WHERE pe.code IN (:...expertise))',
        {
          expertise: filter.expertise,
        },
      );
    }
    if (except !== 'competences' && filter.competences?.length) {
      qb.andWhere(
        'p.member_id IN (SELECT pc.practitioner_id FROM practitioner_competence pc WHERE pc.code IN (:...competences))',
        { competences: filter.competences },
      );
    }
    if (myLanguages) {
      const shared = [...myLanguages.keys()];
      if (shared.length === 0) {
        qb.andWhere('1 = 0');
      } else {
        qb.andWhere(
          `p.member_id IN (SELECT ps.practitioner_id FROM practitioner_language ps
            WHERE ps.language_code IN (:...shared) AND ps.level IN (:...sharedLevels))`,
          { shared, sharedLevels: levelsAtLeast(SHARED_LEVEL_MIN) },
        );
      }
    }
    this.textCandidates(qb, words);
    return qb;
  }

  /** 24x7, or one of the schedules available now (each compared column by column, the days as stored text). */
  private availableNow(qb: SelectQueryBuilder<PractitionerEntity>, schedules: StoredSchedule[]): void {
    qb.andWhere(
      new Brackets((where) => {
        where.where('p.available_24x7 = :always', { always: true });
        schedules.forEach((schedule, i) => {
          where.orWhere(
            `(p.time_zone = :tz_${i} AND CAST(p.working_days AS TEXT) = :days_${i}
              AND p.working_hours_start = :start_${i} AND p.working_hours_end = :end_${i})`,
            {
              [`tz_${i}`]: schedule.timeZone,
              [`days_${i}`]: schedule.workingDays,
              [`start_${i}`]: schedule.workingHoursStart,
              [`end_${i}`]: schedule.workingHoursEnd,
            },
          );
        });
      }),
    );
  }

  /** Every word's pieces must occur in the key: the index narrows, the scorer decides. */
  private textCandidates(qb: SelectQueryBuilder<PractitionerEntity>, words: string[]): void {
    const postgres = this.dataSource.options.type === 'postgres';
    words.forEach((word, w) => {
      const pieces = candidatePieces(word);
      const params = Object.fromEntries(pieces.map((piece, i) => [`piece_${w}_${i}`, `%${piece}%`]));
      const clause = pieces.map((_, i) => `k.search_key LIKE :piece_${w}_${i}`).join(' OR ');
      qb.andWhere(
        new Brackets((where) => {
          if (postgres) {
            where.where(`p.member_id IN (SELECT k.member_id FROM practitioner k WHERE ${clause})`, params);
          } else {
            where.where(`p.rowid IN (SELECT k.rowid FROM practitioner_search k WHERE ${clause})`, params);
          }
        }),
      );
    });
  }

  /** Scores, filters and orders matches: text score, then best shared language, then name, then id. */
  private async rank(
    qb: SelectQueryBuilder<PractitionerEntity>,
    words: string[],
    myLanguages: Map<string, number> | null,
  ): Promise<Scored[]> {
    const rows = await qb
      .select(['p.member_id AS id', 'p.display_name AS "displayName"', 'p.search_key AS "searchKey"'])
      .getRawMany<{ id: string; displayName: string; searchKey: string }>();
    const scored: Scored[] = [];
    for (const row of rows) {
      const score = words.length > 0 ? scoreKey(words, row.searchKey) : 0;
      if (score !== null) {
        scored.push({ id: row.id, score, displayName: row.displayName });
      }
    }
    const shared = myLanguages
      ? await this.bestSharedLevels(
          scored.map((row) => row.id),
          myLanguages,
        )
      : null;
    return scored.sort(
      (a, b) =>
        b.score - a.score ||
        (shared ? (shared.get(b.id) ?? 0) - (shared.get(a.id) ?? 0) : 0) ||
        (words.length === 0 ? compareText(a.displayName, b.displayName) : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  private async facet(facet: ListFacet, query: DatabaseQuery): Promise<FacetCount[]> {
    const qb = this.matching(query, facet);
    if (query.words.length > 0) {
      // The text's matches come from the scorer, so restrict to them explicitly.
      const ids = (await this.rank(qb.clone(), query.words, null)).map((row) => row.id);
      if (ids.length === 0) {
        return [];
      }
      return this.count(facet, ids, query.filter);
    }
    return this.count(facet, qb, query.filter);
  }

  /** Counts per value of a facet over the given practitioners: ids (counted in chunks), or a query of them. */
  private async count(
    facet: ListFacet,
    among: string[] | SelectQueryBuilder<PractitionerEntity>,
    filter: SearchFilter,
  ): Promise<FacetCount[]> {
    const totals = new Map<string, number>();
    const add = (rows: { code: string; count: string | number }[]) =>
      rows.forEach((row) => totals.set(row.code, (totals.get(row.code) ?? 0) + Number(row.count)));
    if (Array.isArray(among)) {
      for (let start = 0; start < among.length; start += ID_CHUNK) {
        const chunk = among.slice(start, start + ID_CHUNK);
        add(await this.facetQuery(facet, ':...facetIds', { facetIds: chunk }, filter).getRawMany());
      }
    } else {
      const query = among.clone().select('p.member_id');
      add(await this.facetQuery(facet, query.getQuery(), query.getParameters(), filter).getRawMany());
    }
    return [...totals].map(([code, count]) => ({ code, count })).sort(byCountThenCode);
  }

  private facetQuery(
    facet: ListFacet,
    practitioners: string,
    params: Record<string, unknown>,
    filter: SearchFilter,
  ): SelectQueryBuilder<object> {
    const base = this.dataSource.createQueryBuilder();
    let query: SelectQueryBuilder<object>;
    switch (facet) {
      case 'countries':
        query = base
          .select('f.country', 'code')
          .from('practitioner', 'f')
          .where(`f.member_id IN (${practitioners})`);
        break;
      case 'agencyTypes':
        query = base
          .select('a.type', 'code')
          .from('practitioner', 'f')
          .innerJoin('agency', 'a', 'a.id = f.agency_id')
          .where(`f.member_id IN (${practitioners})`);
        break;
      case 'languages':
        query = base
          .select('f.language_code', 'code')
          .from('practitioner_language', 'f')
          .where(`f.practitioner_id IN (${practitioners})`)
          .andWhere('f.level IN (:...facetLevels)', {
            facetLevels: levelsAtLeast(filter.minLanguageLevel ?? LanguageLevel.BASIC),
          });
        break;
      case 'expertise':
        query = base
          .select('f.code', 'code')
          .from('practitioner_expertise', 'f')
          .where(`f.practitioner_id IN (${practitioners})`);
        break;
      case 'competences':
        query = base
          .select('f.code', 'code')
          .from('practitioner_competence', 'f')
          .where(`f.practitioner_id IN (${practitioners})`);
        break;
    }
    return query.addSelect('COUNT(*)', 'count').setParameters(params).groupBy('code');
  }

  /** The caller's languages at WORKING or better, with their rank. */
  private async languagesOf(memberId: string): Promise<Map<string, number>> {
    const rows = await this.dataSource
      .getRepository(PractitionerLanguageEntity)
      .findBy({ practitionerId: memberId });
    return new Map(
      rows
        .filter((row) => LANGUAGE_LEVEL_RANK[row.level] >= LANGUAGE_LEVEL_RANK[SHARED_LEVEL_MIN])
        .map((row) => [row.languageCode, LANGUAGE_LEVEL_RANK[row.level]]),
    );
  }

  /** For each practitioner: the best level of a language shared with the caller (both at WORKING or better). */
  private async bestSharedLevels(ids: string[], mine: Map<string, number>): Promise<Map<string, number>> {
    const best = new Map<string, number>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.dataSource
        .createQueryBuilder()
        .select(['pl.practitioner_id AS id', 'pl.language_code AS code', 'pl.level AS level'])
        .from('practitioner_language', 'pl')
        .where('pl.practitioner_id IN (:...ids)', { ids: ids.slice(i, i + ID_CHUNK) })
        .andWhere('pl.language_code IN (:...codes)', { codes: [...mine.keys()] })
        .getRawMany<{ id: string; code: string; level: LanguageLevel }>();
      for (const row of rows) {
        const level = Math.min(LANGUAGE_LEVEL_RANK[row.level], mine.get(row.code) ?? 0);
        if (level >= LANGUAGE_LEVEL_RANK[SHARED_LEVEL_MIN]) {
          best.set(row.id, Math.max(best.get(row.id) ?? 0, level));
        }
      }
    }
    return best;
  }

  private validate(filter: SearchFilter, page: { first: number; offset: number }): void {
    const fields: FieldError[] = [];
    const check = (
      name: string,
      codes: string[] | null | undefined,
      valid: (code: string) => boolean,
      fieldCode: FieldErrorCode,
    ) =>
      codes?.forEach((code, index) => {
        if (!valid(code)) {
          fields.push(fieldError(`${name}.${index}`, fieldCode, `unknown code: ${code}`));
        }
      });
    check(
      'countries',
      filter.countries,
      (code) => this.reference.isCountry(code),
      FieldErrorCode.INVALID_COUNTRY,
    );
    check(
      'languages',
      filter.languages,
      (code) => this.reference.isLanguage(code),
      FieldErrorCode.INVALID_LANGUAGE,
    );
    check(
      'expertise',
      filter.expertise,
      (code) => this.reference.isExpertise(code),
      FieldErrorCode.INVALID_EXPERTISE,
    );
    check(
      'competences',
      filter.competences,
      (code) => this.reference.isCompetence(code),
      FieldErrorCode.INVALID_COMPETENCE,
    );
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
      fields.push(
        fieldError('first', FieldErrorCode.OUT_OF_RANGE, `must be between 1 and ${MAX_PAGE_SIZE}`, {
          min: 1,
          max: MAX_PAGE_SIZE,
        }),
      );
    }
    if (fields.length > 0) {
      throw DomainException.badInput('The search has invalid fields.', fields);
    }
  }
}
