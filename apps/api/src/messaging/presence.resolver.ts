import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import { AccessPolicy, type Viewer } from '@app/identity';
import { ConversationService, requireUuid } from '@app/messaging';
import { PresenceService } from '@app/realtime';
import { CurrentViewer } from '../auth/viewer';

@ObjectType('Presence')
export class PresenceModel {
  @Field(() => ID)
  memberId: string;

  @Field()
  online: boolean;

  @Field(() => Date, { nullable: true, description: 'When their last socket closed (null while online)' })
  lastSeenAt: Date | null;
}

const MAX_PRESENCE_IDS = 200;

/** Online / last seen of members you share a conversation with (others are not shown). */
@Resolver(() => PresenceModel)
export class PresenceResolver {
  constructor(
    private readonly access: AccessPolicy,
    private readonly conversationService: ConversationService,
    private readonly presenceService: PresenceService,
  ) {}

  @Query(() => [PresenceModel], { description: 'Only members who share a current conversation with you' })
  async presence(
    @CurrentViewer() viewer: Viewer,
    @Args('memberIds', { type: () => [ID] }) memberIds: string[],
  ): Promise<PresenceModel[]> {
    const actor = this.access.member(viewer);
    if (memberIds.length > MAX_PRESENCE_IDS) {
      throw DomainException.badInput(`Ask for at most ${MAX_PRESENCE_IDS} members.`, [
        fieldError('memberIds', FieldErrorCode.TOO_MANY, `at most ${MAX_PRESENCE_IDS} members`, {
          max: MAX_PRESENCE_IDS,
        }),
      ]);
    }
    const asked = memberIds.map((id, index) => requireUuid(id, `memberIds.${index}`));
    const partners = new Set(await this.conversationService.partnersOf(actor.memberId));
    const visible = [...new Set(asked)].filter((memberId) => partners.has(memberId));
    const states = await this.presenceService.presenceOf(visible);
    return states.map((state) => ({
      ...state,
      lastSeenAt: state.lastSeenAt ? new Date(state.lastSeenAt) : null,
    }));
  }
}
