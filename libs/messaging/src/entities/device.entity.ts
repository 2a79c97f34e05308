import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

/**
 * A member's client device. The public keys are stored as given (base64); the end-to-end encryption issue uses them.
 * A socket names its device in the handshake; a revoked device cannot connect.
 */
@Entity('device')
@Index('ix_device_member', ['memberId', 'revokedAt'])
export class DeviceEntity {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn({ name: 'member_id' })
  memberId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Ed25519 public key, base64. */
  @Column({ name: 'identity_key', type: 'varchar', length: 64 })
  identityKey: string;

  /** X25519 public key, base64. */
  @Column({ name: 'encryption_key', type: 'varchar', length: 64 })
  encryptionKey: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
