import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidPrimaryColumn } from '@app/database';
import { AgencyType } from '../reference/agency-types';

@Entity('agency')
@Index('uq_agency_country_name_city', ['country', 'name', 'city'], { unique: true })
export class AgencyEntity {
  @UuidPrimaryColumn()
  id: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('ix_agency_type')
  @Column({ type: 'varchar', length: 32 })
  type: AgencyType;

  /** Empty string when unknown (keeps the unique index meaningful on both dialects). */
  @Column({ type: 'varchar', length: 120, default: '' })
  city: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
