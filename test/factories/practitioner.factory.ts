import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AgencyEntity,
  AgencyType,
  ContactKind,
  ContactVisibility,
  LanguageLevel,
  PractitionerEntity,
  refreshSearchKey,
  replaceProfileLists,
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
  await replaceProfileLists(dataSource.manager, member.id, {
    languages: seed.languages ?? [
      { code: 'uz', level: LanguageLevel.NATIVE },
      { code: 'ru', level: LanguageLevel.FLUENT },
    ],
    expertise: seed.expertise ?? ['TIP_FORCED_LABOUR'],
    competences: seed.competences ?? ['UNTOC_MLA'],
    contacts: seed.contacts ?? [
      { kind: ContactKind.EMAIL, value: member.email, visibility: ContactVisibility.MEMBERS },
    ],
  });
  // As the services do on every write: the folded search key of names, position and agency.
  await refreshSearchKey(dataSource.manager, member.id);
  return { member, profile, agency };
}
