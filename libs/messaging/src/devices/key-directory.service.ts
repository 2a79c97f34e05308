import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainException } from '@app/common';
import type { DeviceKeys } from '@app/common/chat-protocol';
import { isActiveMember, MemberEntity } from '@app/identity';
import { ParticipantEntity } from '../entities/conversation.entity';
import { DeviceEntity } from '../entities/device.entity';

/** Most members one `keys` request may name. */
export const KEYS_MEMBERS_MAX = 100;

/**
 * Who may read what, in public keys: the devices a sender must wrap a message key for, and the keys receivers check
 * signatures against. Only for members who share (or shared) a conversation with the caller.
 */
@Injectable()
export class KeyDirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every device of everyone who is or was in the conversation; `current` marks the ones to wrap for. A former
   * participant sees only who was there while they were (to verify the history they can read), none as current.
   */
  async forConversation(memberId: string, conversationId: string): Promise<DeviceKeys[]> {
    const participants = await this.dataSource.getRepository(ParticipantEntity).findBy({ conversationId });
    const mine = participants.find((row) => row.memberId === memberId);
    if (!mine) {
      throw DomainException.forbidden('You are not a participant of this conversation.');
    }
    const left = mine.leftAt;
    const visible = left ? participants.filter((row) => row.joinedAt <= left) : participants;
    const present = new Set(visible.filter((row) => !row.leftAt).map((row) => row.memberId));
    return this.keysOf(
      visible.map((row) => row.memberId),
      (owner) => !left && present.has(owner),
    );
  }

  /** The devices of members who share (or shared) a conversation with the caller, or of the caller. */
  async forMembers(memberId: string, memberIds: string[]): Promise<DeviceKeys[]> {
    const wanted = [...new Set(memberIds)];
    const others = wanted.filter((id) => id !== memberId);
    if (others.length > 0) {
      const shared = await this.dataSource
        .createQueryBuilder()
        .select('DISTINCT other.member_id', 'memberId')
        .from(ParticipantEntity, 'mine')
        .innerJoin(ParticipantEntity, 'other', 'other.conversation_id = mine.conversation_id')
        .where('mine.member_id = :memberId', { memberId })
        .andWhere('other.member_id IN (:...others)', { others })
        // They were in the conversation at the same time (current participations overlap everything).
        .andWhere('(mine.left_at IS NULL OR other.joined_at <= mine.left_at)')
        .andWhere('(other.left_at IS NULL OR mine.joined_at <= other.left_at)')
        .getRawMany<{ memberId: string }>();
      if (shared.length < others.length) {
        throw DomainException.forbidden(
          'You can only see the keys of members you share a conversation with.',
        );
      }
    }
    return this.keysOf(wanted, () => true);
  }

  private async keysOf(memberIds: string[], present: (memberId: string) => boolean): Promise<DeviceKeys[]> {
    const [devices, members] = await Promise.all([
      this.dataSource.getRepository(DeviceEntity).find({
        where: { memberId: In(memberIds) },
        order: { memberId: 'ASC', createdAt: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(MemberEntity).find({
        select: { id: true, status: true, vettedUntil: true },
        where: { id: In(memberIds) },
      }),
    ]);
    const now = new Date();
    const active = new Set(
      members.filter((member) => isActiveMember(member, now)).map((member) => member.id),
    );
    return devices.map((device) => ({
      deviceId: device.id,
      memberId: device.memberId,
      identityKey: device.identityKey,
      encryptionKey: device.encryptionKey,
      keySignature: device.keySignature,
      revoked: device.revokedAt !== null,
      current: device.revokedAt === null && active.has(device.memberId) && present(device.memberId),
    }));
  }
}
