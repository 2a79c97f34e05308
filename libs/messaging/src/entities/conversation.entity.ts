import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

export enum ConversationKind {
  DIRECT = 'DIRECT',
  GROUP = 'GROUP',
}

export enum ParticipantRole {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}

/** A direct (two members) or group (case room) conversation. `lastSeq` is the seq of its newest message. */
@Entity('conversation')
export class ConversationEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: ConversationKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  /** DIRECT only: the two member ids, sorted and joined, unique, so a pair never gets two conversations. */
  @Index('uq_conversation_direct_key', { unique: true })
  @Column({ name: 'direct_key', type: 'varchar', length: 80, nullable: true })
  directKey: string | null;

  @UuidColumn({ name: 'created_by' })
  createdBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;

  @TimestampColumn({ name: 'last_activity_at' })
  lastActivityAt: Date;
}

/** A member's place in a conversation; `leftAt` set when they leave or are removed (history up to then stays). */
@Entity('participant')
@Index('ix_participant_member', ['memberId', 'leftAt'])
export class ParticipantEntity {
  @UuidPrimaryColumn({ name: 'conversation_id' })
  conversationId: string;

  @UuidPrimaryColumn({ name: 'member_id' })
  memberId: string;

  @Column({ type: 'varchar', length: 8 })
  role: ParticipantRole;

  @TimestampColumn({ name: 'joined_at' })
  joinedAt: Date;

  @TimestampColumn({ name: 'left_at', nullable: true })
  leftAt: Date | null;

  /** Messages up to this seq were read by the member (moved by `message:read`). */
  @Column({ name: 'read_seq', type: 'integer', default: 0 })
  readSeq: number;

  /** The seq the member's history ends at once they left (null while current). */
  @Column({ name: 'last_visible_seq', type: 'integer', nullable: true })
  lastVisibleSeq: number | null;
}
