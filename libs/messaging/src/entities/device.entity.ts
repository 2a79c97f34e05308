import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

/**
 * A member's client device and its public keys (base64): the identity key signs, the encryption key receives
 * wrapped message keys, bound to the identity key by `keySignature`.
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

  /** Ed25519 signature (identity key) over the two public keys, base64; null for devices from before E2EE. */
  @Column({ name: 'key_signature', type: 'varchar', length: 100, nullable: true })
  keySignature: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
