import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UuidColumn } from '@app/database';

/**
 * One link of the append-only audit chain: hash = SHA-256(prevHash ‖ canonical JSON of the entry). `at` is kept as
 * the exact ISO string that was hashed and `data` as canonical JSON text, so verification recomputes byte for byte.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_country', ['country', 'seq'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 24 })
  at: string;

  @UuidColumn({ name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Index('ix_audit_entry_target')
  @UuidColumn({ name: 'target_id', nullable: true })
  targetId: string | null;

  /** Country of the target member, so coordinators see the entries of their countries. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text' })
  data: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
