import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import { TransactionService } from '@app/database';
import { AccessPolicy, isActiveMember, MemberEntity, type Actor, type Viewer } from '@app/identity';
import {
  ConversationEntity,
  ConversationKind,
  ParticipantEntity,
  ParticipantRole,
} from '../entities/conversation.entity';
import { requireUuid } from '../ids';
import { MessagingEvents } from '../messaging-events';

export const MAX_GROUP_SIZE = 100;
export const MAX_TITLE_LENGTH = 200;

/** A conversation as one participant sees it. */
export interface ConversationView {
  conversation: ConversationEntity;
  me: ParticipantEntity;
  participants: ParticipantEntity[];
  unreadCount: number;
}

/**
 * Conversations and their participants. Only active (vetted, unexpired) members take part; only current participants
 * read or write; owners add and remove. Every change is one transaction and is announced to the people concerned.
 */
@Injectable()
export class ConversationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly access: AccessPolicy,
    private readonly events: MessagingEvents,
  ) {}

  /** The direct conversation with another member: the existing one, or a new one. */
  async startDirect(viewer: Viewer, memberId: string): Promise<ConversationView> {
    const actor = this.access.member(viewer);
    const other = requireUuid(memberId, 'memberId');
    if (other === actor.memberId) {
      throw DomainException.badInput('A direct conversation needs another member.', [
        fieldError('memberId', FieldErrorCode.INVALID, 'must not be you'),
      ]);
    }
    const directKey = [actor.memberId, other].sort().join(':');
    const existing = await this.dataSource.getRepository(ConversationEntity).findOneBy({ directKey });
    if (existing) {
      return this.view(actor.memberId, existing.id);
    }
    let created = false;
    const id = await this.transactions
      .run(async (manager) => {
        await this.requireActiveMembers(manager, [other]);
        const conversation = this.newConversation(actor, ConversationKind.DIRECT, null, directKey);
        await manager.insert(ConversationEntity, conversation);
        await this.insertParticipants(manager, conversation.id, [actor.memberId, other], actor.memberId);
        created = true;
        return conversation.id;
      })
      .catch(async (error: unknown) => {
        // Both members started it at the same moment: the unique direct key kept one; use it.
        const raced = await this.dataSource.getRepository(ConversationEntity).findOneBy({ directKey });
        if (raced) {
          return raced.id;
        }
        throw error;
      });
    if (created) {
      this.events.conversationUpdated({
        conversationId: id,
        memberIds: [actor.memberId, other],
        change: 'CREATED',
      });
    }
    return this.view(actor.memberId, id);
  }

  /** A case room; the creator is its OWNER. */
  async createGroup(
    viewer: Viewer,
    input: { title: string; memberIds: string[] },
  ): Promise<ConversationView> {
    const actor = this.access.member(viewer);
    const title = this.validTitle(input.title);
    const others = this.memberIdsOf(input.memberIds, actor.memberId, MAX_GROUP_SIZE - 1);
    const conversation = this.newConversation(actor, ConversationKind.GROUP, title, null);
    await this.transactions.run(async (manager) => {
      await this.requireActiveMembers(manager, others);
      await manager.insert(ConversationEntity, conversation);
      await this.insertParticipants(manager, conversation.id, [actor.memberId, ...others], actor.memberId);
    });
    this.events.conversationUpdated({
      conversationId: conversation.id,
      memberIds: [actor.memberId, ...others],
      change: 'CREATED',
    });
    return this.view(actor.memberId, conversation.id);
  }

  async addParticipants(
    viewer: Viewer,
    input: { conversationId: string; memberIds: string[] },
  ): Promise<ConversationView> {
    const actor = this.access.member(viewer);
    const conversationId = requireUuid(input.conversationId, 'conversationId');
    const added = this.memberIdsOf(input.memberIds, actor.memberId, MAX_GROUP_SIZE);
    const memberIds = await this.transactions.run(async (manager) => {
      const { conversation } = await this.requireOwner(manager, actor, conversationId);
      await this.requireActiveMembers(manager, added);
      const rows = await manager.findBy(ParticipantEntity, { conversationId });
      const current = rows.filter((row) => !row.leftAt).map((row) => row.memberId);
      const joining = added.filter((memberId) => !current.includes(memberId));
      if (current.length + joining.length > MAX_GROUP_SIZE) {
        throw DomainException.badInput(`A conversation has at most ${MAX_GROUP_SIZE} participants.`);
      }
      const now = new Date();
      for (const memberId of joining) {
        const previous = rows.find((row) => row.memberId === memberId);
        if (previous) {
          // Back after leaving: current again, with the history up to now counted as read.
          await manager.update(
            ParticipantEntity,
            { conversationId, memberId },
            { leftAt: null, lastVisibleSeq: null, joinedAt: now, readSeq: conversation.lastSeq },
          );
        } else {
          await manager.insert(
            ParticipantEntity,
            this.participant(conversationId, memberId, ParticipantRole.MEMBER, now),
          );
        }
      }
      return [...current, ...joining];
    });
    this.events.conversationUpdated({ conversationId, memberIds, change: 'PARTICIPANTS_ADDED' });
    return this.view(actor.memberId, conversationId);
  }

  async removeParticipant(
    viewer: Viewer,
    input: { conversationId: string; memberId: string },
  ): Promise<ConversationView> {
    const actor = this.access.member(viewer);
    const conversationId = requireUuid(input.conversationId, 'conversationId');
    const memberId = requireUuid(input.memberId, 'memberId');
    if (memberId === actor.memberId) {
      throw DomainException.badInput('Use leaveConversation to leave.', [
        fieldError('memberId', FieldErrorCode.INVALID, 'must not be you'),
      ]);
    }
    const memberIds = await this.transactions.run(async (manager) => {
      const { conversation } = await this.requireOwner(manager, actor, conversationId);
      const target = await manager.findOneBy(ParticipantEntity, {
        conversationId,
        memberId,
        leftAt: IsNull(),
      });
      if (!target) {
        throw DomainException.notFound('That member is not in this conversation.');
      }
      await this.markLeft(manager, target, conversation);
      return this.currentMemberIds(manager, conversationId);
    });
    this.events.conversationUpdated({
      conversationId,
      memberIds: [...memberIds, memberId],
      change: 'PARTICIPANT_REMOVED',
    });
    return this.view(actor.memberId, conversationId);
  }

  async leave(viewer: Viewer, conversationId: string): Promise<boolean> {
    const actor = this.access.authenticated(viewer);
    const id = requireUuid(conversationId, 'conversationId');
    const memberIds = await this.transactions.run(async (manager) => {
      const { conversation, me } = await this.requireParticipant(manager, actor.memberId, id);
      if (conversation.kind === ConversationKind.DIRECT) {
        throw DomainException.badInput('A direct conversation cannot be left.');
      }
      await this.markLeft(manager, me, conversation);
      const remaining = await manager.findBy(ParticipantEntity, { conversationId: id, leftAt: IsNull() });
      if (me.role === ParticipantRole.OWNER && !remaining.some((row) => row.role === ParticipantRole.OWNER)) {
        // The room keeps an owner: the longest-standing participant takes over.
        const heir = remaining.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())[0];
        if (heir) {
          await manager.update(
            ParticipantEntity,
            { conversationId: id, memberId: heir.memberId },
            { role: ParticipantRole.OWNER },
          );
        }
      }
      return remaining.map((row) => row.memberId);
    });
    this.events.conversationUpdated({
      conversationId: id,
      memberIds: [...memberIds, actor.memberId],
      change: 'PARTICIPANT_LEFT',
    });
    return true;
  }

  /** The caller's current conversations, most recent activity first. */
  async list(viewer: Viewer): Promise<ConversationView[]> {
    const actor = this.access.member(viewer);
    const mine = await this.dataSource
      .getRepository(ParticipantEntity)
      .findBy({ memberId: actor.memberId, leftAt: IsNull() });
    if (mine.length === 0) {
      return [];
    }
    const ids = mine.map((row) => row.conversationId);
    const [conversations, participants] = await Promise.all([
      this.dataSource.getRepository(ConversationEntity).findBy({ id: In(ids) }),
      this.dataSource.getRepository(ParticipantEntity).findBy({ conversationId: In(ids), leftAt: IsNull() }),
    ]);
    return conversations
      .map((conversation) => {
        const me = mine.find((row) => row.conversationId === conversation.id) as ParticipantEntity;
        return {
          conversation,
          me,
          participants: participants.filter((row) => row.conversationId === conversation.id),
          unreadCount: Math.max(0, conversation.lastSeq - me.readSeq),
        };
      })
      .sort(
        (a, b) =>
          b.conversation.lastActivityAt.getTime() - a.conversation.lastActivityAt.getTime() ||
          (a.conversation.id < b.conversation.id ? -1 : 1),
      );
  }

  /** One conversation as the member sees it (current participants only). */
  async view(memberId: string, conversationId: string): Promise<ConversationView> {
    const { conversation, me } = await this.requireParticipant(
      this.dataSource.manager,
      memberId,
      conversationId,
    );
    const participants = await this.dataSource
      .getRepository(ParticipantEntity)
      .findBy({ conversationId, leftAt: IsNull() });
    return { conversation, me, participants, unreadCount: Math.max(0, conversation.lastSeq - me.readSeq) };
  }

  /** The conversation and the member's current participation, or FORBIDDEN (also for unknown conversations). */
  async requireParticipant(
    manager: EntityManager,
    memberId: string,
    conversationId: string,
  ): Promise<{ conversation: ConversationEntity; me: ParticipantEntity }> {
    const [conversation, me] = await Promise.all([
      manager.findOneBy(ConversationEntity, { id: conversationId }),
      manager.findOneBy(ParticipantEntity, { conversationId, memberId, leftAt: IsNull() }),
    ]);
    if (!conversation || !me) {
      throw DomainException.forbidden('You are not a participant of this conversation.');
    }
    return { conversation, me };
  }

  /** Members who share at least one current conversation with the member (presence is visible to them only). */
  async partnersOf(memberId: string): Promise<string[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('DISTINCT other.member_id', 'memberId')
      .from(ParticipantEntity, 'mine')
      .innerJoin(ParticipantEntity, 'other', 'other.conversation_id = mine.conversation_id')
      .where('mine.member_id = :memberId', { memberId })
      .andWhere('mine.left_at IS NULL')
      .andWhere('other.left_at IS NULL')
      .andWhere('other.member_id <> :memberId', { memberId })
      .getRawMany<{ memberId: string }>();
    return rows.map((row) => row.memberId);
  }

  /** Current participants' member ids (fan-out targets). */
  async currentMemberIds(manager: EntityManager, conversationId: string): Promise<string[]> {
    const rows = await manager.findBy(ParticipantEntity, { conversationId, leftAt: IsNull() });
    return rows.map((row) => row.memberId);
  }

  private async requireOwner(
    manager: EntityManager,
    actor: Actor,
    conversationId: string,
  ): Promise<{ conversation: ConversationEntity; me: ParticipantEntity }> {
    const found = await this.requireParticipant(manager, actor.memberId, conversationId);
    if (found.conversation.kind !== ConversationKind.GROUP || found.me.role !== ParticipantRole.OWNER) {
      throw DomainException.forbidden('Only the owners of a group conversation can change who is in it.');
    }
    return found;
  }

  private async markLeft(
    manager: EntityManager,
    participant: ParticipantEntity,
    conversation: ConversationEntity,
  ): Promise<void> {
    await manager.update(
      ParticipantEntity,
      { conversationId: participant.conversationId, memberId: participant.memberId },
      { leftAt: new Date(), lastVisibleSeq: conversation.lastSeq },
    );
  }

  private async requireActiveMembers(manager: EntityManager, memberIds: string[]): Promise<void> {
    if (memberIds.length === 0) {
      return;
    }
    const members = await manager.findBy(MemberEntity, { id: In(memberIds) });
    const inactive = memberIds.filter((id) => {
      const member = members.find((candidate) => candidate.id === id);
      return !member || !isActiveMember(member);
    });
    if (inactive.length > 0) {
      throw DomainException.badInput(
        'Only vetted members can take part.',
        inactive.map((id) => fieldError('memberIds', FieldErrorCode.INVALID, `not a vetted member: ${id}`)),
      );
    }
  }

  private memberIdsOf(memberIds: unknown, self: string, max: number): string[] {
    if (!Array.isArray(memberIds) || memberIds.length === 0 || memberIds.length > max) {
      const code = !Array.isArray(memberIds)
        ? FieldErrorCode.INVALID
        : memberIds.length === 0
          ? FieldErrorCode.TOO_FEW
          : FieldErrorCode.TOO_MANY;
      const bounds = code === FieldErrorCode.INVALID ? {} : { min: 1, max };
      throw DomainException.badInput(`Name 1 to ${max} members.`, [
        fieldError('memberIds', code, `must list 1 to ${max} members`, bounds),
      ]);
    }
    const ids = [...new Set(memberIds.map((id, index) => requireUuid(id, `memberIds.${index}`)))];
    return ids.filter((id) => id !== self);
  }

  private validTitle(title: unknown): string {
    const trimmed = typeof title === 'string' ? title.trim() : '';
    if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH) {
      throw DomainException.badInput('The title is invalid.', [
        trimmed.length === 0
          ? fieldError('title', FieldErrorCode.REQUIRED, `must be 1 to ${MAX_TITLE_LENGTH} characters`)
          : fieldError('title', FieldErrorCode.TOO_LONG, `must be 1 to ${MAX_TITLE_LENGTH} characters`, {
              min: 1,
              max: MAX_TITLE_LENGTH,
            }),
      ]);
    }
    return trimmed;
  }

  private newConversation(
    actor: Actor,
    kind: ConversationKind,
    title: string | null,
    directKey: string | null,
  ): ConversationEntity {
    const now = new Date();
    return Object.assign(new ConversationEntity(), {
      id: randomUUID(),
      kind,
      title,
      directKey,
      createdBy: actor.memberId,
      createdAt: now,
      lastSeq: 0,
      lastActivityAt: now,
    });
  }

  private async insertParticipants(
    manager: EntityManager,
    conversationId: string,
    memberIds: string[],
    owner: string,
  ): Promise<void> {
    const now = new Date();
    await manager.insert(
      ParticipantEntity,
      memberIds.map((memberId) =>
        this.participant(
          conversationId,
          memberId,
          memberId === owner ? ParticipantRole.OWNER : ParticipantRole.MEMBER,
          now,
        ),
      ),
    );
  }

  private participant(
    conversationId: string,
    memberId: string,
    role: ParticipantRole,
    joinedAt: Date,
  ): ParticipantEntity {
    return Object.assign(new ParticipantEntity(), {
      conversationId,
      memberId,
      role,
      joinedAt,
      leftAt: null,
      readSeq: 0,
      lastVisibleSeq: null,
    });
  }
}
