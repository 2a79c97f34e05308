import { Injectable } from '@nestjs/common';
import { AccessPolicy, type Viewer } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import type { AuditEntryEntity } from '../entities/audit-entry.entity';
import {
  MembershipService,
  type MemberExportCursor,
  type MemberExportRow,
  type MemberFilter,
} from '../membership/membership.service';

/** Rows read from the database per page of an export: an export never holds the whole list in memory. */
export const EXPORT_PAGE_SIZE = 500;

export interface AuditExportFilter {
  action?: string | null;
  actorId?: string | null;
  targetId?: string | null;
}

/** An authorized, audited export: its pages are read from the database as they are consumed. */
export interface DataExport<Row> {
  pages: AsyncIterable<Row[]>;
}

/**
 * Staff exports of personal data and of the audit trail, scoped exactly like the `members` and `auditLog` queries.
 * Each export is authorized and then recorded in the audit log (MEMBERS_EXPORTED / AUDIT_EXPORTED, with the filter)
 * before the first row is read: personal data leaving the system is on record even when the download is cut short.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly membership: MembershipService,
    private readonly audit: AuditService,
  ) {}

  async members(viewer: Viewer, filter: MemberFilter): Promise<DataExport<MemberExportRow>> {
    const actor = this.policy.staff(viewer);
    const now = new Date();
    await this.audit.record({
      actorId: actor.memberId,
      action: AuditAction.MEMBERS_EXPORTED,
      data: {
        filter: {
          status: filter.status ?? null,
          countries: filter.countries ?? null,
          vettingExpiresBefore: filter.vettingExpiresBefore?.toISOString() ?? null,
          staleProfile: filter.staleProfile ?? null,
        },
        scope: this.policy.scope(actor) ?? 'ALL',
      },
    });
    const membership = this.membership;
    async function* pages(): AsyncGenerator<MemberExportRow[]> {
      let after: MemberExportCursor | null = null;
      for (;;) {
        const page = await membership.exportPage(actor, filter, after, EXPORT_PAGE_SIZE, now);
        if (page.length > 0) {
          yield page;
        }
        if (page.length < EXPORT_PAGE_SIZE) {
          return;
        }
        const last = page[page.length - 1];
        after = { createdAt: last.createdAt, id: last.id };
      }
    }
    return { pages: pages() };
  }

  /** The audit log newest first, as `auditLog` lists it: a coordinator gets the entries of their countries. */
  async auditLog(viewer: Viewer, filter: AuditExportFilter): Promise<DataExport<AuditEntryEntity>> {
    const actor = this.policy.staff(viewer);
    const countries = this.policy.scope(actor);
    const recorded = await this.audit.record({
      actorId: actor.memberId,
      action: AuditAction.AUDIT_EXPORTED,
      data: {
        filter: {
          action: filter.action ?? null,
          actorId: filter.actorId ?? null,
          targetId: filter.targetId ?? null,
        },
        scope: countries ?? 'ALL',
      },
    });
    const audit = this.audit;
    async function* pages(): AsyncGenerator<AuditEntryEntity[]> {
      // Up to and including the entry that records this export: entries appended while it runs are not in it.
      let beforeSeq = recorded.seq + 1;
      for (;;) {
        const { entries, hasMore } = await audit.list({
          countries,
          action: filter.action ?? undefined,
          actorId: filter.actorId ?? undefined,
          targetId: filter.targetId ?? undefined,
          beforeSeq,
          limit: EXPORT_PAGE_SIZE,
        });
        if (entries.length > 0) {
          yield entries;
        }
        if (!hasMore) {
          return;
        }
        beforeSeq = entries[entries.length - 1].seq;
      }
    }
    return { pages: pages() };
  }
}
