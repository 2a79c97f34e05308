import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities/agency.entity';
import {
  ContactChannelEntity,
  PractitionerCompetenceEntity,
  PractitionerExpertiseEntity,
  PractitionerLanguageEntity,
} from '../entities/practitioner-attributes.entity';
import type { AgencyType } from '../reference/agency-types';
import type { ProfileChanges } from './profile-input';

/** The agency with this country, name and city (trimmed), created when it does not exist yet. */
export async function findOrCreateAgency(
  manager: EntityManager,
  country: string,
  agency: { name: string; type: AgencyType; city?: string | null },
  now = new Date(),
): Promise<string> {
  const name = agency.name.trim();
  const city = agency.city?.trim() ?? '';
  const existing = await manager.findOneBy(AgencyEntity, { country, name, city });
  if (existing) {
    return existing.id;
  }
  const id = randomUUID();
  await manager.insert(AgencyEntity, { id, country, name, type: agency.type, city, createdAt: now });
  return id;
}

/**
 * Replaces each list that is given (languages, expertise, competences, contacts) of a profile; lists left undefined
 * stay as they are. Codes are written once each; contacts keep their order.
 */
export async function replaceProfileLists(
  manager: EntityManager,
  practitionerId: string,
  lists: Pick<ProfileChanges, 'languages' | 'expertise' | 'competences' | 'contacts'>,
): Promise<void> {
  const replace = async <T extends object>(entity: new () => T, rows: T[] | undefined) => {
    if (!rows) {
      return;
    }
    await manager.delete(entity, { practitionerId });
    if (rows.length > 0) {
      await manager.insert(entity, rows);
    }
  };
  await replace(
    PractitionerLanguageEntity,
    lists.languages?.map(({ code, level }) => ({ practitionerId, languageCode: code, level })),
  );
  await replace(
    PractitionerExpertiseEntity,
    lists.expertise && [...new Set(lists.expertise)].map((code) => ({ practitionerId, code })),
  );
  await replace(
    PractitionerCompetenceEntity,
    lists.competences && [...new Set(lists.competences)].map((code) => ({ practitionerId, code })),
  );
  await replace(
    ContactChannelEntity,
    lists.contacts?.map((contact, sortOrder) => ({
      id: randomUUID(),
      practitionerId,
      kind: contact.kind,
      value: contact.value.trim(),
      label: contact.label?.trim() || null,
      visibility: contact.visibility,
      sortOrder,
    })),
  );
}
