import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AccessPolicy, AuditService, type Viewer } from '@app/identity';
import { CurrentViewer } from '../auth/viewer';
import { decodeCursor, encodeCursor, offsetPage } from '../common/pagination';
import { AuditLogFilterInput } from './identity.inputs';
import { AuditChainStatusModel, AuditEntryConnectionModel } from './identity.models';

/** The audit trail: coordinators see the entries of their countries, admins all; newest first. */
@Resolver()
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
  ) {}

  @Query(() => AuditEntryConnectionModel)
  async auditLog(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEntryConnectionModel> {
    const actor = this.policy.staff(viewer);
    const { limit } = offsetPage(first, null);
    const { entries, hasMore } = await this.audit.list({
      countries: this.policy.scope(actor),
      action: filter?.action ?? undefined,
      targetId: filter?.targetId ?? undefined,
      actorId: filter?.actorId ?? undefined,
      beforeSeq: after ? decodeCursor(after, 's') : undefined,
      limit,
    });
    const edges = entries.map((node) => ({ cursor: encodeCursor('s', node.seq), node }));
    return { edges, pageInfo: { hasNextPage: hasMore, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => AuditChainStatusModel, { description: 'Recomputes the whole hash chain' })
  auditChainStatus(@CurrentViewer() viewer: Viewer): Promise<AuditChainStatusModel> {
    this.policy.staff(viewer);
    return this.audit.verify();
  }
}
