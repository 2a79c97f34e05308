import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionService } from '@app/database';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import type { AuditAction } from './audit-action';
import { ChainVerifier, GENESIS_HASH, hashLink, type ChainStatus } from './audit-chain';
import { canonicalJson } from './canonical-json';

export const AUDIT_LOCK = 'audit-chain';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  targetId?: string | null;
  country?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditQuery {
  /** Limit to these countries (a coordinator's scope); undefined = all (admin). */
  countries?: string[];
  action?: string;
  targetId?: string;
  actorId?: string;
  /** Entries with seq below this (cursor), newest first. */
  beforeSeq?: number;
  limit: number;
}

const PAGE = 1000;

/**
 * The append-only, hash-chained audit log. Entries are appended inside the caller's transaction, which must hold the
 * audit lock (`TransactionService.run(work, { lock: AUDIT_LOCK })`), so concurrent writers never fork the chain and
 * an audited change and its entry commit together. Nothing here updates or deletes an entry.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
  ) {}

  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntryEntity> {
    const head = await manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      .select(['a.seq', 'a.hash'])
      .orderBy('a.seq', 'DESC')
      .limit(1)
      .getOne();
    const link = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      actorId: record.actorId,
      action: record.action,
      targetId: record.targetId ?? null,
      country: record.country ?? null,
      reason: record.reason ?? null,
      data: canonicalJson(record.data ?? {}),
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const entry = Object.assign(new AuditEntryEntity(), link, { hash: hashLink(link) });
    await manager.insert(AuditEntryEntity, entry);
    return entry;
  }

  /** Appends one entry in a transaction of its own. */
  record(record: AuditRecord): Promise<AuditEntryEntity> {
    return this.transactions.run((manager) => this.append(manager, record), { lock: AUDIT_LOCK });
  }

  async list(query: AuditQuery): Promise<{ entries: AuditEntryEntity[]; hasMore: boolean }> {
    if (query.countries?.length === 0) {
      return { entries: [], hasMore: false };
    }
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (query.countries) {
      qb.andWhere('a.country IN (:...countries)', { countries: query.countries });
    }
    if (query.action) {
      qb.andWhere('a.action = :action', { action: query.action });
    }
    if (query.targetId) {
      qb.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    }
    if (query.actorId) {
      qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    }
    if (query.beforeSeq !== undefined) {
      qb.andWhere('a.seq < :before', { before: query.beforeSeq });
    }
    const rows = await qb
      .orderBy('a.seq', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return { entries: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
  }

  /** Recomputes the whole chain, page by page. */
  async verify(): Promise<ChainStatus> {
    const verifier = new ChainVerifier();
    const repository = this.dataSource.getRepository(AuditEntryEntity);
    for (let after = 0; ;) {
      const page = await repository
        .createQueryBuilder('a')
        .where('a.seq > :after', { after })
        .orderBy('a.seq', 'ASC')
        .limit(PAGE)
        .getMany();
      page.forEach((entry) => verifier.push(entry));
      if (page.length < PAGE) {
        return verifier.status();
      }
      after = page[page.length - 1].seq;
    }
  }
}
