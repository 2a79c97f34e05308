import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '@app/identity';
import {
  ConversationService,
  MessageService,
  type ConversationView,
  type MessagePayload,
} from '@app/messaging';
import { CurrentViewer } from '../auth/viewer';
import {
  AddParticipantsInput,
  CreateGroupConversationInput,
  RemoveParticipantInput,
} from './messaging.inputs';
import { ConversationModel, MessagePageModel, type MessageModel } from './messaging.models';

function toConversation(view: ConversationView): ConversationModel {
  return {
    id: view.conversation.id,
    kind: view.conversation.kind,
    title: view.conversation.title,
    createdAt: view.conversation.createdAt,
    lastSeq: view.conversation.lastSeq,
    lastActivityAt: view.conversation.lastActivityAt,
    unreadCount: view.unreadCount,
    myRole: view.me.role,
    participants: view.participants.map(({ memberId, role, readSeq, joinedAt }) => ({
      memberId,
      role,
      readSeq,
      joinedAt,
    })),
  };
}

function toMessage(message: MessagePayload): MessageModel {
  return { ...message, envelope: JSON.stringify(message.envelope), sentAt: new Date(message.sentAt) };
}

/** Conversations and their history (sending is on the socket: `message:send`). */
@Resolver(() => ConversationModel)
export class ConversationResolver {
  constructor(
    private readonly conversationService: ConversationService,
    private readonly messageService: MessageService,
  ) {}

  @Query(() => [ConversationModel], { description: 'Your conversations, most recent activity first' })
  async conversations(@CurrentViewer() viewer: Viewer): Promise<ConversationModel[]> {
    return (await this.conversationService.list(viewer)).map(toConversation);
  }

  @Query(() => MessagePageModel, {
    description: 'History: the last `last` (≤ 100) messages before `beforeSeq`',
  })
  async messages(
    @CurrentViewer() viewer: Viewer,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('beforeSeq', { type: () => Int, nullable: true }) beforeSeq: number | null,
    @Args('last', { type: () => Int, nullable: true }) last: number | null,
  ): Promise<MessagePageModel> {
    const page = await this.messageService.history(viewer, { conversationId, beforeSeq, last });
    return { messages: page.messages.map(toMessage), hasMore: page.hasMore };
  }

  @Mutation(() => ConversationModel, {
    description: 'The direct conversation with a member (existing or new)',
  })
  async startDirectConversation(
    @CurrentViewer() viewer: Viewer,
    @Args('memberId', { type: () => ID }) memberId: string,
  ): Promise<ConversationModel> {
    return toConversation(await this.conversationService.startDirect(viewer, memberId));
  }

  @Mutation(() => ConversationModel, { description: 'A case room; you are its owner' })
  async createGroupConversation(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateGroupConversationInput,
  ): Promise<ConversationModel> {
    return toConversation(await this.conversationService.createGroup(viewer, input));
  }

  @Mutation(() => ConversationModel, { description: 'Owners only' })
  async addParticipants(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddParticipantsInput,
  ): Promise<ConversationModel> {
    return toConversation(await this.conversationService.addParticipants(viewer, input));
  }

  @Mutation(() => ConversationModel, { description: 'Owners only; the member stops receiving it at once' })
  async removeParticipant(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RemoveParticipantInput,
  ): Promise<ConversationModel> {
    return toConversation(await this.conversationService.removeParticipant(viewer, input));
  }

  @Mutation(() => Boolean, {
    description: 'Leave a group conversation (its history up to now stays readable)',
  })
  leaveConversation(
    @CurrentViewer() viewer: Viewer,
    @Args('conversationId', { type: () => ID }) conversationId: string,
  ): Promise<boolean> {
    return this.conversationService.leave(viewer, conversationId);
  }
}
