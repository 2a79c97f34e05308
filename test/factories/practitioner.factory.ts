import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AgencyEntity,
  AgencyType,
  ContactChannelEntity,
  ContactKind,
  ContactVisibility,
  LanguageLevel,
  PractitionerCompetenceEntity,
  PractitionerEntity,
  PractitionerExpertiseEntity,
  PractitionerLanguageEntity,
  refreshSearchKey,
} from '@app/directory';
import type { MemberEntity } from '@app/identity';
import { createMember } from './member.factory';

export interface PractitionerSeed {
  member?: Partial<MemberEntity>;
  profile?: Partial<PractitionerEntity>;
  agency?: Partial<AgencyEntity>;
  languages?: { code: string; level: LanguageLevel }[];
  expertise?: string[];
  competences?: string[];
  contacts?: { kind: ContactKind; value: string; visibility: ContactVisibility }[];
}

export interface CreatedPractitioner {
  member: MemberEntity;
  profile: PractitionerEntity;
  agency: AgencyEntity;
}

/** A member with a complete practitioner profile and its child rows, persisted. Override any part. */
export async function createPractitioner(
  dataSource: DataSource,
  seed: PractitionerSeed = {},
): Promise<CreatedPractitioner> {
  const member = await createMember(dataSource, seed.member);
  const now = new Date();
  const country = seed.profile?.country ?? 'UZ';
  const agency = Object.assign(new AgencyEntity(), {
    id: randomUUID(),
    country,
    name: `Agency ${randomUUID().slice(0, 8)}`,
    type: AgencyType.PROSECUTION,
    city: 'Tashkent',
    createdAt: now,
    ...seed.agency,
  });
  await dataSource.getRepository(AgencyEntity).insert(agency);
  const profile = Object.assign(new PractitionerEntity(), {
    memberId: member.id,
    displayName: 'Erkin Yuldashev',
    nativeName: 'Эркин Юлдашев',
    nameVariants: ['Erkin Iuldashev'],
    position: 'Senior Prosecutor',
    country,
    agencyId: agency.id,
    timeZone: 'Asia/Tashkent',
    workingDays: [1, 2, 3, 4, 5],
    workingHoursStart: '09:00',
    workingHoursEnd: '18:00',
    available24x7: false,
    bio: null,
    confirmedAt: now,
    searchKey: '',
    createdAt: now,
    updatedAt: now,
    ...seed.profile,
  });
  await dataSource.getRepository(PractitionerEntity).insert(profile);
  const languages = seed.languages ?? [
    { code: 'uz', level: LanguageLevel.NATIVE },
    { code: 'ru', level: LanguageLevel.FLUENT },
  ];
  await dataSource
    .getRepository(PractitionerLanguageEntity)
    .insert(languages.map(({ code, level }) => ({ practitionerId: member.id, languageCode: code, level })));
  const expertise = seed.expertise ?? ['TIP_FORCED_LABOUR'];
  if (expertise.length > 0) {
    await dataSource
      .getRepository(PractitionerExpertiseEntity)
      .insert(expertise.map((code) => ({ practitionerId: member.id, code })));
  }
  const competences = seed.competences ?? ['UNTOC_MLA'];
  if (competences.length > 0) {
    await dataSource
      .getRepository(PractitionerCompetenceEntity)
      .insert(competences.map((code) => ({ practitionerId: member.id, code })));
  }
  const contacts = seed.contacts ?? [
    { kind: ContactKind.EMAIL, value: member.email, visibility: ContactVisibility.MEMBERS },
  ];
  if (contacts.length > 0) {
    await dataSource.getRepository(ContactChannelEntity).insert(
      contacts.map((contact, sortOrder) => ({
        id: randomUUID(),
        practitionerId: member.id,
        label: null,
        sortOrder,
        ...contact,
      })),
    );
  }
  // As the services do on every write: the folded search key of names, position and agency.
  await refreshSearchKey(dataSource.manager, member.id);
  return { member, profile, agency };
}
