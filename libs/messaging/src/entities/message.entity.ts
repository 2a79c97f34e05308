import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

/**
 * One message. `seq` is gap-free per conversation, assigned in the inserting transaction; `clientMessageId` is
 * unique per sender and makes sends idempotent. The envelope is opaque to the server (JSON text as received).
 */
@Entity('message')
@Index('uq_message_conversation_seq', ['conversationId', 'seq'], { unique: true })
@Index('uq_message_sender_client_id', ['senderId', 'clientMessageId'], { unique: true })
export class MessageEntity {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn({ name: 'conversation_id' })
  conversationId: string;

  @Column({ type: 'integer' })
  seq: number;

  @UuidColumn({ name: 'sender_id' })
  senderId: string;

  @UuidColumn({ name: 'sender_device_id' })
  senderDeviceId: string;

  @Column({ name: 'client_message_id', type: 'varchar', length: 64 })
  clientMessageId: string;

  @Column({ type: 'text' })
  envelope: string;

  @TimestampColumn({ name: 'sent_at' })
  sentAt: Date;
}
