import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import { TransactionService } from '@app/database';
import type { ContactChannelEntity } from './entities/practitioner-attributes.entity';
import { PractitionerEntity } from './entities/practitioner.entity';
import type { DirectoryLoaders, ProfileRecord } from './profile/directory-loaders';
import { profileProblems, type ProfileChanges } from './profile/profile-input';
import { findOrCreateAgency, replaceProfileLists } from './profile/profile-writer';
import { refreshSearchKey } from './search/search-key.writer';
import { ContactVisibility } from './reference/agency-types';
import { ReferenceDataService } from './reference/reference-data.service';

/** What the directory needs to know about the caller (computed by identity from the authenticated actor). */
export interface DirectoryViewer {
  memberId: string;
  /** Vetted and not expired. */
  active: boolean;
  /** An active coordinator or admin. */
  staff: boolean;
}

export const MAX_PROFILES_PER_REQUEST = 50;

export interface UpdateOptions {
  /** Runs inside the update's transaction, with the profile as it was (e.g. to audit a coordinator's edit). */
  within?: (manager: EntityManager, before: PractitionerEntity) => Promise<void>;
  /** Advisory lock to hold (the audit chain's, when `within` appends to it). */
  lock?: string;
}

/**
 * Practitioner profiles with field-level visibility decided here, not in the transport: anonymous callers get
 * nothing; pending, expired and suspended members see only their own profile; active members see active members'
 * profiles with MEMBERS contacts; staff also see COORDINATORS contacts and profiles awaiting vetting.
 */
@Injectable()
export class PractitionerService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly reference: ReferenceDataService,
  ) {}

  /** The profile if the viewer may see it; NOT_FOUND otherwise (never reveals whether it exists). */
  async findOne(
    viewer: DirectoryViewer | null,
    id: string,
    loaders: DirectoryLoaders,
  ): Promise<ProfileRecord> {
    const caller = this.caller(viewer, id);
    const record = await loaders.profiles.load(id);
    if (!record || !this.canSee(caller, record)) {
      throw DomainException.notFound('No such practitioner.');
    }
    return record;
  }

  /** The visible profiles among `ids`, in the order asked, skipping the others. */
  async findMany(
    viewer: DirectoryViewer | null,
    ids: string[],
    loaders: DirectoryLoaders,
  ): Promise<ProfileRecord[]> {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    if (!viewer.active) {
      throw DomainException.forbidden('Only vetted members can see other practitioners.');
    }
    if (ids.length > MAX_PROFILES_PER_REQUEST) {
      throw DomainException.badInput(`At most ${MAX_PROFILES_PER_REQUEST} ids.`, [
        fieldError('ids', FieldErrorCode.TOO_MANY, `at most ${MAX_PROFILES_PER_REQUEST} ids`, {
          max: MAX_PROFILES_PER_REQUEST,
        }),
      ]);
    }
    const records = await loaders.profiles.loadMany([...new Set(ids)]);
    return records.filter(
      (record): record is ProfileRecord =>
        !!record && !(record instanceof Error) && this.canSee(viewer, record),
    );
  }

  /** The contact channels of a profile this viewer may read. */
  visibleContacts(
    viewer: DirectoryViewer | null,
    profileId: string,
    contacts: ContactChannelEntity[],
  ): ContactChannelEntity[] {
    if (!viewer) {
      return [];
    }
    if (viewer.memberId === profileId || viewer.staff) {
      return contacts;
    }
    return viewer.active
      ? contacts.filter((contact) => contact.visibility === ContactVisibility.MEMBERS)
      : [];
  }

  /** The caller's own profile change (any signed-in member, pending included). */
  updateMine(viewer: DirectoryViewer | null, changes: ProfileChanges): Promise<void> {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    return this.update(viewer.memberId, changes);
  }

  async confirmMine(viewer: DirectoryViewer | null): Promise<Date> {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    const now = new Date();
    const result = await this.transactions.run((manager) =>
      manager.update(PractitionerEntity, { memberId: viewer.memberId }, { confirmedAt: now, updatedAt: now }),
    );
    if (!result.affected) {
      throw DomainException.notFound('You have no practitioner profile.');
    }
    return now;
  }

  /**
   * Validates every field (codes against the reference data, time zone, E.164 phones, e-mails) and applies the change
   * in one transaction; on any problem throws BAD_USER_INPUT with the failing fields and changes nothing.
   * Authorization is the caller's job (updateMine, or identity's coordinator edit).
   */
  async update(memberId: string, changes: ProfileChanges, options: UpdateOptions = {}): Promise<void> {
    const problems = profileProblems(changes, this.reference);
    if (problems.length > 0) {
      throw DomainException.badInput('The profile has invalid fields.', problems);
    }
    await this.transactions.run(
      async (manager) => {
        const before = await manager.findOneBy(PractitionerEntity, { memberId });
        if (!before) {
          throw DomainException.notFound('No such practitioner.');
        }
        const start = changes.workingHoursStart ?? before.workingHoursStart;
        const end = changes.workingHoursEnd ?? before.workingHoursEnd;
        if (start === end) {
          throw DomainException.badInput('The profile has invalid fields.', [
            fieldError('workingHoursEnd', FieldErrorCode.INVALID, 'must differ from workingHoursStart'),
          ]);
        }
        await options.within?.(manager, before);
        await this.apply(manager, before, changes);
        await refreshSearchKey(manager, memberId);
      },
      { lock: options.lock },
    );
  }

  private async apply(
    manager: EntityManager,
    before: PractitionerEntity,
    changes: ProfileChanges,
  ): Promise<void> {
    const memberId = before.memberId;
    const now = new Date();
    const agencyId = changes.agency
      ? await findOrCreateAgency(manager, before.country, changes.agency, now)
      : undefined;
    await manager.update(
      PractitionerEntity,
      { memberId },
      {
        ...pick(changes, [
          'displayName',
          'nativeName',
          'nameVariants',
          'position',
          'timeZone',
          'workingDays',
          'workingHoursStart',
          'workingHoursEnd',
          'available24x7',
          'bio',
        ]),
        ...(agencyId ? { agencyId } : {}),
        updatedAt: now,
      },
    );
    await replaceProfileLists(manager, memberId, changes);
  }

  private caller(viewer: DirectoryViewer | null, id: string): DirectoryViewer {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    if (viewer.memberId !== id && !viewer.active) {
      throw DomainException.forbidden('Only vetted members can see other practitioners.');
    }
    return viewer;
  }

  private canSee(viewer: DirectoryViewer, record: ProfileRecord): boolean {
    return (
      viewer.memberId === record.profile.memberId || viewer.staff || (viewer.active && record.memberActive)
    );
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(
    keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  ) as Partial<Pick<T, K>>;
}
