import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

/** One signed-in session (a refresh-token family). Revoking it ends every token it issued. */
@Entity('session')
@Index('ix_session_member', ['memberId', 'revokedAt'])
export class SessionEntity {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn({ name: 'member_id' })
  memberId: string;

  @Column({ name: 'device_label', type: 'varchar', length: 200, nullable: true })
  deviceLabel: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'last_used_at' })
  lastUsedAt: Date;

  /** Sliding: each refresh moves it REFRESH_TOKEN_TTL_DAYS ahead. */
  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true })
  revokedReason: string | null;
}

/** A refresh token, stored as SHA-256 of the random value. A rotated token presented again revokes its session. */
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('ix_refresh_token_session')
  @UuidColumn({ name: 'session_id' })
  sessionId: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'rotated_at', nullable: true })
  rotatedAt: Date | null;
}
