import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { searchConfig, type SearchConfig } from '@app/config';
import { rawQuery, readJson, readTimestamp, TransactionService } from '@app/database';
import { LANGUAGE_LEVEL_RANK, type LanguageLevel } from '../../reference/languages';
import { SearchIndex, type IndexedPractitioner } from './search-index';

/** Members reloaded per statement (bound-parameter limits). */
const CHUNK = 500;
/** More changes than this at once: rebuilding is cheaper than replaying. */
const REPLAY_LIMIT = 5_000;
/** Change-log rows older than this are pruned; an index idle for half of it rebuilds instead of replaying. */
const LOG_RETENTION_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

interface MemberRow {
  id: string;
  displayName: string;
  searchKey: string;
  country: string;
  available24x7: boolean | number;
  timeZone: string;
  workingDays: number[] | string;
  workingHoursStart: string;
  workingHoursEnd: string;
  agencyType: string | null;
  vettedUntil: Date | string | null;
}

/**
 * Owns the process's in-memory search index: built from the database on first use, then kept in step with the
 * `directory_change` log (written by triggers, whoever writes). This process's own commits make the next search
 * replay the log first (read-your-writes); other processes' writes are replayed once the index is older than
 * SEARCH_INDEX_MAX_STALENESS_MS. Reads run only when no transaction of this process is open (SQLite shares one
 * connection), so the index never sees uncommitted rows.
 */
@Injectable()
export class SearchIndexService {
  private readonly logger = new Logger(SearchIndexService.name);
  private index: SearchIndex | null = null;
  private loading: Promise<SearchIndex> | null = null;
  private syncing: Promise<void> | null = null;
  private position = 0;
  private syncedAt = 0;
  private prunedAt = 0;
  private dirty = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    @Inject(searchConfig.KEY) private readonly config: SearchConfig,
  ) {
    transactions.onCommit(() => (this.dirty = true));
  }

  /** The index, current as the configuration promises. */
  async current(): Promise<SearchIndex> {
    if (!this.index) {
      this.index = await (this.loading ??= this.build().finally(() => (this.loading = null)));
      return this.index;
    }
    for (let round = 0; round < 2 && this.behind(); round += 1) {
      await (this.syncing ??= this.sync().finally(() => (this.syncing = null)));
    }
    return this.index;
  }

  /** Starts building in the background (the API calls it at boot so the first search does not wait). */
  warm(): void {
    this.current().catch((error: Error) => this.logger.error(`Search index build failed: ${error.message}`));
  }

  private behind(): boolean {
    return this.dirty || Date.now() - this.syncedAt >= this.config.maxStalenessMs;
  }

  private async build(): Promise<SearchIndex> {
    const startedAt = Date.now();
    this.dirty = false;
    const index = new SearchIndex();
    await this.transactions.whenIdle(async () => {
      const [{ position }] = await this.dataSource.query<{ position: string | number }[]>(
        'SELECT COALESCE(MAX(seq), 0) AS position FROM directory_change',
      );
      index.load(await this.load(null));
      this.position = Number(position);
    });
    this.syncedAt = startedAt;
    this.logger.log(`Search index: ${index.size} practitioners in ${Date.now() - startedAt} ms`);
    return index;
  }

  private async sync(): Promise<void> {
    const startedAt = Date.now();
    if (startedAt - this.syncedAt > LOG_RETENTION_MS / 2) {
      this.index = await this.build();
      return;
    }
    this.dirty = false;
    const rebuild = await this.transactions.whenIdle(async () => {
      const changes = await this.query<{ seq: string | number; memberId: string }>(
        `SELECT seq, member_id AS "memberId" FROM directory_change WHERE seq > :position ORDER BY seq LIMIT ${REPLAY_LIMIT + 1}`,
        { position: this.position },
      );
      if (changes.length > REPLAY_LIMIT) {
        return true;
      }
      const ids = [...new Set(changes.map((change) => change.memberId))];
      const rows = new Map((await this.load(ids)).map((row) => [row.id, row]));
      const index = this.index as SearchIndex;
      for (const id of ids) {
        const row = rows.get(id);
        if (row) {
          index.upsert(row);
        } else {
          index.remove(id);
        }
      }
      if (changes.length > 0) {
        this.position = Number(changes[changes.length - 1].seq);
      }
      return false;
    });
    if (rebuild) {
      this.index = await this.build();
      return;
    }
    this.syncedAt = startedAt;
    this.prune(startedAt);
  }

  /** Deletes old change-log rows now and then (any node may; the rows are only for catching up). */
  private prune(now: number): void {
    if (now - this.prunedAt < PRUNE_EVERY_MS) {
      return;
    }
    this.prunedAt = now;
    const cutoff = new Date(now - LOG_RETENTION_MS);
    const postgres = this.dataSource.options.type === 'postgres';
    this.transactions
      .run((manager) =>
        manager.query(`DELETE FROM directory_change WHERE changed_at < ${postgres ? '$1' : '?'}`, [
          postgres ? cutoff : cutoff.toISOString().replace('T', ' ').replace('Z', ''),
        ]),
      )
      .catch((error: Error) => this.logger.warn(`Change log prune failed: ${error.message}`));
  }

  /** Searchable rows of vetted members: all of them, or those among `ids`. */
  private async load(ids: string[] | null): Promise<IndexedPractitioner[]> {
    let rows: MemberRow[] = [];
    let languages: { id: string; code: string; level: LanguageLevel }[] = [];
    let expertise: { id: string; code: string }[] = [];
    let competences: { id: string; code: string }[] = [];
    for (const chunk of ids ? chunks(ids, CHUNK) : [null]) {
      const among = (column: string) => (chunk ? `WHERE ${column} IN (:...ids)` : '');
      const params = { ids: chunk };
      rows = rows.concat(
        await this.query<MemberRow>(
          `SELECT p.member_id AS id, p.display_name AS "displayName", p.search_key AS "searchKey",
             p.country AS country, p.available_24x7 AS "available24x7", p.time_zone AS "timeZone",
             p.working_days AS "workingDays", p.working_hours_start AS "workingHoursStart",
             p.working_hours_end AS "workingHoursEnd", a.type AS "agencyType",
             m.vetted_until AS "vettedUntil"
           FROM practitioner p
           JOIN member m ON m.id = p.member_id AND m.status = 'VETTED'
           LEFT JOIN agency a ON a.id = p.agency_id
           ${among('p.member_id')}`,
          params,
        ),
      );
      languages = languages.concat(
        await this.query<{ id: string; code: string; level: LanguageLevel }>(
          `SELECT practitioner_id AS id, language_code AS code, level FROM practitioner_language ${among('practitioner_id')}`,
          params,
        ),
      );
      expertise = expertise.concat(
        await this.query<{ id: string; code: string }>(
          `SELECT practitioner_id AS id, code FROM practitioner_expertise ${among('practitioner_id')}`,
          params,
        ),
      );
      competences = competences.concat(
        await this.query<{ id: string; code: string }>(
          `SELECT practitioner_id AS id, code FROM practitioner_competence ${among('practitioner_id')}`,
          params,
        ),
      );
    }
    const byId = new Map<string, IndexedPractitioner>(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          displayName: row.displayName,
          searchKey: row.searchKey,
          country: row.country,
          agencyType: row.agencyType,
          available24x7: Boolean(row.available24x7),
          timeZone: row.timeZone,
          workingDays: readJson<number[]>(row.workingDays) ?? [],
          workingHoursStart: row.workingHoursStart,
          workingHoursEnd: row.workingHoursEnd,
          vettedUntil: readTimestamp(row.vettedUntil)?.getTime() ?? null,
          languages: new Map(),
          expertise: [],
          competences: [],
        },
      ]),
    );
    for (const row of languages) {
      byId.get(row.id)?.languages.set(row.code, LANGUAGE_LEVEL_RANK[row.level]);
    }
    for (const row of expertise) {
      byId.get(row.id)?.expertise.push(row.code);
    }
    for (const row of competences) {
      byId.get(row.id)?.competences.push(row.code);
    }
    return [...byId.values()];
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    return rawQuery<T>(this.dataSource, sql, params);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
