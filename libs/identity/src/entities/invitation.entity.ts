import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

/** A single-use, expiring invitation to apply; only the SHA-256 of the code is stored. */
@Entity('invitation')
export class InvitationEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('uq_invitation_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @UuidColumn({ name: 'created_by' })
  createdBy: string;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  /** When set, only this address may use the invitation. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @UuidColumn({ name: 'used_by', nullable: true })
  usedBy: string | null;
}

/** A one-time, expiring account-reset code handed over out of band; only its SHA-256 is stored. */
@Entity('account_reset')
export class AccountResetEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('ix_account_reset_member')
  @UuidColumn({ name: 'member_id' })
  memberId: string;

  @Index('uq_account_reset_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @UuidColumn({ name: 'created_by' })
  createdBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;
}

/** Failed attempts per key (account or IP) in the current window, and the back-off block. */
@Entity('auth_attempt')
export class AuthAttemptEntity {
  @Column({ type: 'varchar', length: 120, primary: true })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @TimestampColumn({ name: 'window_started_at' })
  windowStartedAt: Date;

  @TimestampColumn({ name: 'blocked_until', nullable: true })
  blockedUntil: Date | null;
}
