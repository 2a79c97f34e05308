import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UuidColumn, UuidPrimaryColumn } from '@app/database';
import { ContactKind, ContactVisibility } from '../reference/agency-types';
import { LanguageLevel } from '../reference/languages';

@Entity('practitioner_language')
@Index('ix_practitioner_language_code', ['languageCode', 'level'])
export class PractitionerLanguageEntity {
  @UuidPrimaryColumn({ name: 'practitioner_id' })
  practitionerId: string;

  /** ISO 639-1. */
  @PrimaryColumn({ name: 'language_code', type: 'varchar', length: 3 })
  languageCode: string;

  @Column({ type: 'varchar', length: 8 })
  level: LanguageLevel;
}

@Entity('practitioner_expertise')
@Index('ix_practitioner_expertise_code', ['code'])
export class PractitionerExpertiseEntity {
  @UuidPrimaryColumn({ name: 'practitioner_id' })
  practitionerId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;
}

@Entity('practitioner_competence')
@Index('ix_practitioner_competence_code', ['code'])
export class PractitionerCompetenceEntity {
  @UuidPrimaryColumn({ name: 'practitioner_id' })
  practitionerId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;
}

@Entity('contact_channel')
@Index('ix_contact_channel_practitioner', ['practitionerId', 'sortOrder'])
export class ContactChannelEntity {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn({ name: 'practitioner_id' })
  practitionerId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ContactKind;

  @Column({ type: 'varchar', length: 320 })
  value: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  label: string | null;

  @Column({ type: 'varchar', length: 16, default: ContactVisibility.MEMBERS })
  visibility: ContactVisibility;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;
}
