import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AgencyEntity } from '../entities/agency.entity';
import {
  ContactChannelEntity,
  PractitionerCompetenceEntity,
  PractitionerExpertiseEntity,
  PractitionerLanguageEntity,
} from '../entities/practitioner-attributes.entity';
import { PractitionerEntity } from '../entities/practitioner.entity';
import { LANGUAGE_LEVEL_RANK } from '../reference/languages';
import { ACTIVE_MEMBER_SQL } from './active-member';

export interface ProfileRecord {
  profile: PractitionerEntity;
  /** The owner is vetted and not expired. */
  memberActive: boolean;
}

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    groups.get(key(row))?.push(row);
  }
  return ids.map((id) => groups.get(id) ?? []);
}

/**
 * Per-request batching of everything a practitioner shows: one SQL statement per kind of data, whatever the number
 * of profiles in the response. Create one set per request (never share across requests: no cross-viewer cache).
 */
export class DirectoryLoaders {
  readonly profiles: DataLoader<string, ProfileRecord | null>;
  readonly agencies: DataLoader<string, AgencyEntity | null>;
  readonly languages: DataLoader<string, PractitionerLanguageEntity[]>;
  readonly expertise: DataLoader<string, string[]>;
  readonly competences: DataLoader<string, string[]>;
  readonly contacts: DataLoader<string, ContactChannelEntity[]>;

  constructor(dataSource: DataSource) {
    this.profiles = new DataLoader(async (ids) => {
      const { entities, raw } = await dataSource
        .getRepository(PractitionerEntity)
        .createQueryBuilder('p')
        .innerJoin('member', 'm', 'm.id = p.member_id')
        .addSelect(`CASE WHEN ${ACTIVE_MEMBER_SQL} THEN 1 ELSE 0 END`, 'member_active')
        .where('p.member_id IN (:...ids)', { ids, now: new Date() })
        .getRawAndEntities<{ member_active: number | string }>();
      const records = new Map(
        entities.map((profile, index) => [
          profile.memberId,
          { profile, memberActive: Number(raw[index].member_active) === 1 },
        ]),
      );
      return ids.map((id) => records.get(id) ?? null);
    });
    this.agencies = new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(AgencyEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.languages = new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(PractitionerLanguageEntity)
        .findBy({ practitionerId: In([...ids]) });
      return groupBy(ids, rows, (row) => row.practitionerId).map((list) =>
        list.sort(
          (a, b) =>
            LANGUAGE_LEVEL_RANK[b.level] - LANGUAGE_LEVEL_RANK[a.level] ||
            a.languageCode.localeCompare(b.languageCode),
        ),
      );
    });
    this.expertise = new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(PractitionerExpertiseEntity)
        .findBy({ practitionerId: In([...ids]) });
      return groupBy(ids, rows, (row) => row.practitionerId).map((list) =>
        list.map((row) => row.code).sort(),
      );
    });
    this.competences = new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(PractitionerCompetenceEntity)
        .findBy({ practitionerId: In([...ids]) });
      return groupBy(ids, rows, (row) => row.practitionerId).map((list) =>
        list.map((row) => row.code).sort(),
      );
    });
    this.contacts = new DataLoader(async (ids) => {
      const rows = await dataSource
        .getRepository(ContactChannelEntity)
        .find({ where: { practitionerId: In([...ids]) }, order: { sortOrder: 'ASC' } });
      return groupBy(ids, rows, (row) => row.practitionerId);
    });
  }
}

@Injectable()
export class DirectoryLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DirectoryLoaders {
    return new DirectoryLoaders(this.dataSource);
  }
}
