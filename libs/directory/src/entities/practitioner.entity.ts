import { Column, Entity, Index } from 'typeorm';
import { JsonColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from '@app/database';

/**
 * A member's practitioner profile (1:1, keyed by the member id). Languages, expertise, competences and contacts are
 * child tables so that search filters use indexes and DataLoader can batch them.
 */
@Entity('practitioner')
export class PractitionerEntity {
  @UuidPrimaryColumn({ name: 'member_id' })
  memberId: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  /** The name in the practitioner's own script (Cyrillic, Perso-Arabic, …) when it differs. */
  @Column({ name: 'native_name', type: 'varchar', length: 200, nullable: true })
  nativeName: string | null;

  /** Other spellings and romanizations (passport spelling, patronymic forms…). */
  @JsonColumn({ name: 'name_variants', default: () => "'[]'" })
  nameVariants: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  position: string | null;

  @Index('ix_practitioner_country')
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Index('ix_practitioner_agency')
  @UuidColumn({ name: 'agency_id', nullable: true })
  agencyId: string | null;

  /** IANA time zone, e.g. Asia/Tashkent. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @JsonColumn({ name: 'working_days', default: () => "'[]'" })
  workingDays: number[];

  /** Local time HH:MM. */
  @Column({ name: 'working_hours_start', type: 'varchar', length: 5, default: '09:00' })
  workingHoursStart: string;

  @Column({ name: 'working_hours_end', type: 'varchar', length: 5, default: '18:00' })
  workingHoursEnd: string;

  @Column({ name: 'available_24x7', type: 'boolean', default: false })
  available24x7: boolean;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  /** When the member last confirmed the profile is current; `stale` after 12 months. */
  @TimestampColumn({ name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  /** Folded names for cross-script search, written with the profile. */
  @Column({ name: 'search_key', type: 'text', default: '' })
  searchKey: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;
}
