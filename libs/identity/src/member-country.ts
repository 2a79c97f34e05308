import type { EntityManager } from 'typeorm';
import { PractitionerEntity } from '@app/directory';

/** The member's country (from their practitioner profile), for coordinator scopes and audit filtering. */
export async function countryOf(manager: EntityManager, memberId: string): Promise<string | null> {
  const profile = await manager.findOne(PractitionerEntity, {
    select: { country: true },
    where: { memberId },
  });
  return profile?.country ?? null;
}
