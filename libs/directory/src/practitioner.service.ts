import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException } from '@app/common';
import { AgencyEntity } from './entities/agency.entity';
import {
  ContactChannelEntity,
  PractitionerCompetenceEntity,
  PractitionerExpertiseEntity,
  PractitionerLanguageEntity,
} from './entities/practitioner-attributes.entity';
import { PractitionerEntity } from './entities/practitioner.entity';
import { ContactVisibility } from './reference/agency-types';

/** What the directory needs to know about the caller (computed by identity from the authenticated actor). */
export interface DirectoryViewer {
  memberId: string;
  /** Vetted and not expired. */
  active: boolean;
  /** An active coordinator or admin. */
  staff: boolean;
}

export interface PractitionerView {
  profile: PractitionerEntity;
  agency: AgencyEntity | null;
  languages: PractitionerLanguageEntity[];
  expertise: string[];
  competences: string[];
  /** Already filtered for the viewer. */
  contacts: ContactChannelEntity[];
}

/**
 * Reads practitioner profiles with field-level visibility decided here, not in the transport: anonymous callers get
 * nothing; pending, expired and suspended members see only their own profile; active members see active members'
 * profiles with MEMBERS contacts; staff also see COORDINATORS contacts and profiles awaiting vetting.
 */
@Injectable()
export class PractitionerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findOne(viewer: DirectoryViewer | null, id: string): Promise<PractitionerView> {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    const self = viewer.memberId === id;
    if (!self && !viewer.active) {
      throw DomainException.forbidden('Only vetted members can see other practitioners.');
    }
    const row = await this.dataSource
      .getRepository(PractitionerEntity)
      .createQueryBuilder('p')
      .innerJoin('member', 'm', 'm.id = p.member_id')
      .addSelect(
        `CASE WHEN m.status = 'VETTED' AND (m.vetted_until IS NULL OR m.vetted_until > :now) THEN 1 ELSE 0 END`,
        'member_active',
      )
      .where('p.member_id = :id', { id, now: new Date() })
      .getRawAndEntities();
    const profile = row.entities[0];
    const raw = row.raw[0] as { member_active: number | string } | undefined;
    const visible = profile && raw && (self || viewer.staff || Number(raw.member_active) === 1);
    if (!visible) {
      throw DomainException.notFound('No such practitioner.');
    }
    const [agency, languages, expertise, competences, contacts] = await Promise.all([
      profile.agencyId
        ? this.dataSource.getRepository(AgencyEntity).findOneBy({ id: profile.agencyId })
        : null,
      this.dataSource.getRepository(PractitionerLanguageEntity).findBy({ practitionerId: id }),
      this.dataSource.getRepository(PractitionerExpertiseEntity).findBy({ practitionerId: id }),
      this.dataSource.getRepository(PractitionerCompetenceEntity).findBy({ practitionerId: id }),
      this.dataSource.getRepository(ContactChannelEntity).find({
        where: { practitionerId: id },
        order: { sortOrder: 'ASC' },
      }),
    ]);
    return {
      profile,
      agency,
      languages,
      expertise: expertise.map((row) => row.code),
      competences: competences.map((row) => row.code),
      contacts: contacts.filter((contact) => canSee(viewer, self, contact.visibility)),
    };
  }
}

function canSee(viewer: DirectoryViewer, self: boolean, visibility: ContactVisibility): boolean {
  if (self || viewer.staff) {
    return true;
  }
  return viewer.active && visibility === ContactVisibility.MEMBERS;
}
