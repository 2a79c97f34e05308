import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountRecoveryService, MembershipService, type RequestContext, type Viewer } from '@app/identity';
import { CurrentViewer, RequestInfo } from '../auth/viewer';
import { encodeCursor, offsetPage } from '../common/pagination';
import {
  ApplyForMembershipInput,
  CreateInvitationInput,
  MemberReasonInput,
  MembersFilterInput,
  ResetAccountInput,
  SetMemberRoleInput,
  VetMemberInput,
} from './identity.inputs';
import {
  ApplicationResultModel,
  MemberConnectionModel,
  MemberModel,
  OneTimeCodeModel,
} from './identity.models';
import { toMemberModel } from './member.mapper';

/** Applications, invitations, vetting, member status and roles, account recovery. */
@Resolver()
export class MembershipResolver {
  constructor(
    private readonly membership: MembershipService,
    private readonly recovery: AccountRecoveryService,
  ) {}

  @Mutation(() => ApplicationResultModel, {
    description: 'Open to anyone; a coordinator vets the application',
  })
  applyForMembership(@Args('input') input: ApplyForMembershipInput): Promise<ApplicationResultModel> {
    return this.membership.apply(input);
  }

  @Mutation(() => OneTimeCodeModel, { description: 'Coordinator (country in scope) or admin; single use' })
  createInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateInvitationInput,
  ): Promise<OneTimeCodeModel> {
    return this.membership.createInvitation(viewer, input);
  }

  @Query(() => [MemberModel], { description: 'Pending applicants and lapsed vettings of your countries' })
  async vettingQueue(@CurrentViewer() viewer: Viewer): Promise<MemberModel[]> {
    return (await this.membership.vettingQueue(viewer)).map(toMemberModel);
  }

  @Query(() => MemberConnectionModel)
  async members(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => MembersFilterInput, nullable: true }) filter: MembersFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MemberConnectionModel> {
    const page = offsetPage(first, after);
    const result = await this.membership.members(viewer, filter ?? {}, page);
    const edges = result.rows.map((row, index) => ({
      cursor: encodeCursor('o', page.offset + index + 1),
      node: toMemberModel(row),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: result.hasMore, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: result.totalCount,
    };
  }

  @Query(() => MemberModel)
  async member(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MemberModel> {
    return toMemberModel(await this.membership.member(viewer, id));
  }

  @Mutation(() => MemberModel)
  async vetMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: VetMemberInput,
  ): Promise<MemberModel> {
    return this.toModel(viewer, await this.membership.vet(viewer, input));
  }

  @Mutation(() => MemberModel)
  async suspendMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MemberReasonInput,
  ): Promise<MemberModel> {
    return this.toModel(viewer, await this.membership.suspend(viewer, input));
  }

  @Mutation(() => MemberModel)
  async reinstateMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MemberReasonInput,
  ): Promise<MemberModel> {
    return this.toModel(viewer, await this.membership.reinstate(viewer, input));
  }

  @Mutation(() => MemberModel)
  async revokeMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MemberReasonInput,
  ): Promise<MemberModel> {
    return this.toModel(viewer, await this.membership.revoke(viewer, input));
  }

  @Mutation(() => MemberModel, { description: 'Admin only' })
  async setMemberRole(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetMemberRoleInput,
  ): Promise<MemberModel> {
    return this.toModel(viewer, await this.membership.setRole(viewer, input));
  }

  @Mutation(() => OneTimeCodeModel, {
    description: 'Coordinator in scope or admin; hand the code over out of band',
  })
  issueAccountReset(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MemberReasonInput,
  ): Promise<OneTimeCodeModel> {
    return this.recovery.issue(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password, clears two-factor and ends every session' })
  async resetAccount(
    @Args('input') input: ResetAccountInput,
    @RequestInfo() request: RequestContext,
  ): Promise<boolean> {
    await this.recovery.reset(input, request);
    return true;
  }

  private async toModel(viewer: Viewer, member: { id: string }): Promise<MemberModel> {
    return toMemberModel(await this.membership.member(viewer, member.id));
  }
}
