import { Column, Entity, Index } from 'typeorm';
import { JsonColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';
import type { Locale } from '@app/directory';
import { MemberRole, MemberStatus } from '../member.enums';

/** A person in the network: credentials, role and vetting state. The profile lives in `PractitionerEntity`. */
@Entity('member')
export class MemberEntity {
  @UuidPrimaryColumn()
  id: string;

  /** Stored lowercased. */
  @Index('uq_member_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: MemberRole.MEMBER })
  role: MemberRole;

  /** ISO 3166-1 alpha-2 codes a coordinator is responsible for. */
  @JsonColumn({ name: 'coordinator_countries', default: () => "'[]'" })
  coordinatorCountries: string[];

  @Column({ type: 'varchar', length: 16, default: MemberStatus.PENDING })
  status: MemberStatus;

  @TimestampColumn({ name: 'vetted_at', nullable: true })
  vettedAt: Date | null;

  @UuidColumn({ name: 'vetted_by', nullable: true })
  vettedBy: string | null;

  @TimestampColumn({ name: 'vetted_until', nullable: true })
  vettedUntil: Date | null;

  /** TOTP secret encrypted at rest; `totpKeyId` names the key so it can rotate. */
  @Column({ name: 'totp_secret_encrypted', type: 'text', nullable: true })
  totpSecretEncrypted: string | null;

  @Column({ name: 'totp_key_id', type: 'varchar', length: 64, nullable: true })
  totpKeyId: string | null;

  @TimestampColumn({ name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;

  /** Secret of an enrollment begun but not yet confirmed. */
  @Column({ name: 'totp_pending_secret_encrypted', type: 'text', nullable: true })
  totpPendingSecretEncrypted: string | null;

  /** Last accepted TOTP time step: a code is accepted once. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true })
  totpLastStep: number | null;

  @JsonColumn({ name: 'recovery_code_hashes', default: () => "'[]'" })
  recoveryCodeHashes: string[];

  /** The member's chosen UI language (one of the reference-data locales). */
  @Column({ type: 'varchar', length: 16, default: 'en' })
  locale: Locale;

  /** Created by the demo seed; a production boot refuses to start while any exist. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** The TOTP columns of a member without two-factor authentication (new members, after an account reset). */
export const NO_TWO_FACTOR = {
  totpSecretEncrypted: null,
  totpKeyId: null,
  totpEnabledAt: null,
  totpPendingSecretEncrypted: null,
  totpLastStep: null,
} satisfies Partial<MemberEntity>;

/** A new member row: a pending member without two-factor authentication unless `fields` says otherwise. */
export function newMember(
  fields: Pick<MemberEntity, 'id' | 'email' | 'passwordHash'> & Partial<MemberEntity>,
  now = new Date(),
): MemberEntity {
  return Object.assign(new MemberEntity(), {
    role: MemberRole.MEMBER,
    coordinatorCountries: [],
    status: MemberStatus.PENDING,
    vettedAt: null,
    vettedBy: null,
    vettedUntil: null,
    ...NO_TWO_FACTOR,
    recoveryCodeHashes: [],
    locale: 'en',
    isDemo: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
}
