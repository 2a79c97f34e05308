import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { DomainException, ErrorCode, fieldError, FieldErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { readTimestamp, TransactionService } from '@app/database';
import {
  AgencyType,
  findOrCreateAgency,
  LanguageLevel,
  MAX_PROFILES_PER_REQUEST,
  PractitionerEntity,
  profileProblems,
  ReferenceDataService,
  refreshSearchKey,
  replaceProfileLists,
} from '@app/directory';
import { AccessPolicy, isActiveMember, type Actor, type Viewer } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AUDIT_LOCK, AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { countryOf } from '../member-country';
import { MIN_PASSWORD_LENGTH, PasswordService } from '../auth/password.service';
import { hashCode, randomCode } from '../crypto/secrets';
import { InvitationEntity } from '../entities/invitation.entity';
import { MemberEntity, newMember } from '../entities/member.entity';
import { IdentityEvents } from '../identity-events';
import { MemberRole, MemberStatus } from '../member.enums';
import { PROFILE_CONFIRMED_SQL, staleProfileCutoff } from './stale-profile';

export interface ApplicationInput {
  email: string;
  password: string;
  displayName: string;
  nativeName?: string | null;
  nameVariants?: string[] | null;
  country: string;
  agencyName: string;
  agencyType: AgencyType;
  agencyCity?: string | null;
  position?: string | null;
  timeZone?: string | null;
  languages: { code: string; level: LanguageLevel }[];
  expertise: string[];
  competences: string[];
  invitationCode?: string | null;
}

export enum VettingDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}

export interface MemberFilter {
  status?: MemberStatus | null;
  countries?: string[] | null;
  vettingExpiresBefore?: Date | null;
  /** true: only members whose profile was not confirmed for 12 months; false: only fresh ones; absent: either. */
  staleProfile?: boolean | null;
}

/** One member as the members export lists them: the account and the profile facts staff work from. */
export interface MemberExportRow {
  id: string;
  displayName: string | null;
  email: string;
  country: string | null;
  role: MemberRole;
  status: MemberStatus;
  vettedAt: Date | null;
  vettedUntil: Date | null;
  /** When the member last confirmed their profile (null: never, or no profile). */
  profileConfirmedAt: Date | null;
  createdAt: Date;
}

/** Where a page of the members export ends: the next page starts after this (createdAt, id). */
export interface MemberExportCursor {
  createdAt: Date;
  id: string;
}

export interface MemberWithCountry {
  member: MemberEntity;
  country: string | null;
}

const MONTH_MS = 30.44 * 24 * 3600 * 1000;
const MAX_VETTING_MONTHS = 36;
const INVALID_INVITATION = 'The invitation code is invalid, used or expired.';

/**
 * The membership lifecycle: applications, invitations, the vetting queue, vetting decisions, suspension,
 * reinstatement, revocation and roles. Every decision is audited in the same transaction as the change.
 */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly sessions: AuthService,
    private readonly events: IdentityEvents,
    private readonly reference: ReferenceDataService,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  /**
   * Creates a PENDING member with a practitioner profile. An e-mail already registered gets the same answer as a new
   * one and nothing is written, so the API never reveals who is a member.
   */
  async apply(input: ApplicationInput): Promise<{ id: string; status: MemberStatus }> {
    this.validateApplication(input);
    const email = input.email.trim().toLowerCase();
    const passwordHash = await this.passwords.hash(input.password);
    return this.transactions.run(
      async (manager) => {
        const invitation = input.invitationCode
          ? await this.claimableInvitation(manager, input, email)
          : null;
        if (await manager.existsBy(MemberEntity, { email })) {
          return { id: randomUUID(), status: MemberStatus.PENDING };
        }
        const now = new Date();
        const id = randomUUID();
        await manager.insert(MemberEntity, newMember({ id, email, passwordHash }, now));
        await this.insertProfile(manager, id, input, now);
        await refreshSearchKey(manager, id);
        if (invitation) {
          await manager.update(InvitationEntity, { id: invitation.id }, { usedAt: now, usedBy: id });
        }
        await this.audit.append(manager, {
          actorId: id,
          action: AuditAction.MEMBER_APPLIED,
          targetId: id,
          country: input.country,
          data: invitation ? { invitationId: invitation.id, invitedBy: invitation.createdBy } : {},
        });
        return { id, status: MemberStatus.PENDING };
      },
      { lock: AUDIT_LOCK },
    );
  }

  async createInvitation(
    viewer: Viewer,
    input: { country: string; email?: string | null },
  ): Promise<{ code: string; expiresAt: Date }> {
    if (!this.reference.isCountry(input.country)) {
      throw DomainException.badInput('Unknown country.', [
        fieldError('country', FieldErrorCode.INVALID_COUNTRY, 'must be an ISO 3166-1 alpha-2 code'),
      ]);
    }
    const actor = this.policy.coordinatorFor(viewer, input.country);
    const code = randomCode(4);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.auth.invitationTtlDays * 24 * 3600 * 1000);
    await this.transactions.run(
      async (manager) => {
        const id = randomUUID();
        await manager.insert(InvitationEntity, {
          id,
          codeHash: hashCode(code),
          createdBy: actor.memberId,
          country: input.country,
          email: input.email?.trim().toLowerCase() || null,
          createdAt: now,
          expiresAt,
          usedAt: null,
          usedBy: null,
        });
        await this.audit.append(manager, {
          actorId: actor.memberId,
          action: AuditAction.INVITATION_CREATED,
          country: input.country,
          data: { invitationId: id, forEmail: Boolean(input.email), expiresAt: expiresAt.toISOString() },
        });
      },
      { lock: AUDIT_LOCK },
    );
    return { code, expiresAt };
  }

  /** Pending applicants and lapsed vettings in the caller's countries (all for an admin), oldest first. */
  async vettingQueue(viewer: Viewer, limit = 100): Promise<MemberWithCountry[]> {
    const actor = this.policy.staff(viewer);
    const page = await this.query(actor, { limit, offset: 0 }, (qb) =>
      qb.andWhere(
        new Brackets((where) =>
          where
            .where('m.status = :pending', { pending: MemberStatus.PENDING })
            .orWhere('(m.status = :vetted AND m.vetted_until < :now)', {
              vetted: MemberStatus.VETTED,
              now: new Date(),
            }),
        ),
      ),
    );
    return page.rows;
  }

  async members(
    viewer: Viewer,
    filter: MemberFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: MemberWithCountry[]; totalCount: number; hasMore: boolean }> {
    const actor = this.policy.staff(viewer);
    const now = new Date();
    return this.query(actor, page, (qb) => applyMemberFilter(qb, filter, now));
  }

  /**
   * One page of the members export for a staff actor, scoped and filtered exactly as `members`, in the same order
   * (createdAt, id), starting after `after`. Keyset paging: a member added while the export runs never shifts a page.
   */
  async exportPage(
    actor: Actor,
    filter: MemberFilter,
    after: MemberExportCursor | null,
    limit: number,
    now = new Date(),
  ): Promise<MemberExportRow[]> {
    const scope = this.policy.scope(actor);
    if (scope?.length === 0) {
      return [];
    }
    const qb = this.baseQuery();
    if (scope) {
      qb.andWhere('p.country IN (:...scope)', { scope });
    }
    applyMemberFilter(qb, filter, now);
    if (after) {
      qb.andWhere(
        new Brackets((where) =>
          where
            .where('m.created_at > :afterCreatedAt')
            .orWhere('(m.created_at = :afterCreatedAt AND m.id > :afterId)'),
        ),
        { afterCreatedAt: after.createdAt, afterId: after.id },
      );
    }
    const raw = await qb
      .addSelect('p.country', 'country')
      .addSelect('p.display_name', 'display_name')
      .addSelect('p.confirmed_at', 'profile_confirmed_at')
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit)
      .getRawAndEntities<{
        country: string | null;
        display_name: string | null;
        profile_confirmed_at: Date | string | null;
      }>();
    return raw.entities.map((member, index) => {
      const row = raw.raw[index];
      return {
        id: member.id,
        displayName: row.display_name,
        email: member.email,
        country: row.country,
        role: member.role,
        status: member.status,
        vettedAt: member.vettedAt,
        vettedUntil: member.vettedUntil,
        profileConfirmedAt: readTimestamp(row.profile_confirmed_at),
        createdAt: member.createdAt,
      };
    });
  }

  /**
   * The ids of a country's coordinators — COORDINATOR role with `country` in their scope, vetted and unexpired, with a
   * practitioner profile — by name, at most MAX_PROFILES_PER_REQUEST. Any active member may ask (they are whom a
   * member turns to); what each profile shows, contacts included, is the directory's to decide. Admins, who oversee
   * every country, are not listed.
   */
  async coordinatorsOf(viewer: Viewer, country: string): Promise<string[]> {
    this.policy.member(viewer);
    if (!this.reference.isCountry(country)) {
      throw DomainException.badInput('Unknown country.', [
        fieldError('country', FieldErrorCode.INVALID_COUNTRY, 'must be an ISO 3166-1 alpha-2 code'),
      ]);
    }
    const coordinators = await this.dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .innerJoin(PractitionerEntity, 'p', 'p.member_id = m.id')
      .select(['m.id', 'm.status', 'm.vettedUntil', 'm.coordinatorCountries'])
      .where('m.role = :role', { role: MemberRole.COORDINATOR })
      .andWhere('m.status = :vetted', { vetted: MemberStatus.VETTED })
      .orderBy('p.display_name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    return coordinators
      .filter((member) => isActiveMember(member) && member.coordinatorCountries.includes(country))
      .slice(0, MAX_PROFILES_PER_REQUEST)
      .map((member) => member.id);
  }

  /** The caller's own account. */
  async self(actor: Actor): Promise<MemberWithCountry> {
    return this.load(this.dataSource.manager, actor.memberId);
  }

  /** A member as seen by staff, within their scope. */
  async member(viewer: Viewer, memberId: string): Promise<MemberWithCountry> {
    const actor = this.policy.staff(viewer);
    const { member, country } = await this.load(this.dataSource.manager, memberId);
    this.policy.coordinatorFor(actor, country);
    return { member, country };
  }

  async vet(
    viewer: Viewer,
    input: { memberId: string; decision: VettingDecision; reason: string; vettedUntil?: Date | null },
  ): Promise<MemberEntity> {
    return this.decide(
      viewer,
      input.memberId,
      async (manager, actor, member, country) => {
        const vetted = member.status === MemberStatus.VETTED;
        const lapsed = vetted && member.vettedUntil !== null && member.vettedUntil <= new Date();
        // An approval of a vetted member renews their vetting (before it lapses, too: the desk's "Renew vetting");
        // a rejection is for applicants and lapsed vettings only.
        const decidable =
          member.status === MemberStatus.PENDING ||
          (input.decision === VettingDecision.APPROVE ? vetted : lapsed);
        if (!decidable) {
          throw new DomainException(
            ErrorCode.CONFLICT,
            `This member is ${member.status.toLowerCase()}, not awaiting vetting.`,
          );
        }
        const now = new Date();
        if (input.decision === VettingDecision.REJECT) {
          await manager.update(
            MemberEntity,
            { id: member.id },
            { status: MemberStatus.REJECTED, updatedAt: now },
          );
          await this.sessions.revokeAllSessions(manager, member.id, 'REJECTED', actor.memberId);
          return { action: AuditAction.MEMBER_REJECTED, data: {}, revoke: true };
        }
        const vettedUntil =
          input.vettedUntil ?? new Date(now.getTime() + this.auth.vettingDefaultMonths * MONTH_MS);
        if (vettedUntil <= now || vettedUntil.getTime() > now.getTime() + MAX_VETTING_MONTHS * MONTH_MS) {
          throw DomainException.badInput('vettedUntil must be in the future and at most 36 months ahead.', [
            fieldError(
              'vettedUntil',
              FieldErrorCode.OUT_OF_RANGE,
              `must be in the future and at most ${MAX_VETTING_MONTHS} months ahead`,
            ),
          ]);
        }
        await manager.update(
          MemberEntity,
          { id: member.id },
          {
            status: MemberStatus.VETTED,
            vettedAt: now,
            vettedBy: actor.memberId,
            vettedUntil,
            updatedAt: now,
          },
        );
        return {
          action: AuditAction.MEMBER_APPROVED,
          data: { vettedUntil: vettedUntil.toISOString(), renewal: vetted, country },
          revoke: false,
        };
      },
      input.reason,
    );
  }

  suspend(viewer: Viewer, input: { memberId: string; reason: string }): Promise<MemberEntity> {
    return this.transition(
      viewer,
      input,
      [MemberStatus.VETTED],
      MemberStatus.SUSPENDED,
      AuditAction.MEMBER_SUSPENDED,
    );
  }

  reinstate(viewer: Viewer, input: { memberId: string; reason: string }): Promise<MemberEntity> {
    return this.transition(
      viewer,
      input,
      [MemberStatus.SUSPENDED],
      MemberStatus.VETTED,
      AuditAction.MEMBER_REINSTATED,
    );
  }

  revoke(viewer: Viewer, input: { memberId: string; reason: string }): Promise<MemberEntity> {
    return this.transition(
      viewer,
      input,
      [MemberStatus.PENDING, MemberStatus.VETTED, MemberStatus.SUSPENDED, MemberStatus.REJECTED],
      MemberStatus.REVOKED,
      AuditAction.MEMBER_REVOKED,
    );
  }

  /** Admin only: role and coordinator scope. */
  async setRole(
    viewer: Viewer,
    input: { memberId: string; role: MemberRole; countries?: string[] | null; reason: string },
  ): Promise<MemberEntity> {
    const actor = this.policy.admin(viewer);
    this.policy.notSelf(actor, input.memberId);
    this.requireReason(input.reason);
    const countries = input.role === MemberRole.COORDINATOR ? [...new Set(input.countries ?? [])].sort() : [];
    if (input.role === MemberRole.COORDINATOR && countries.length === 0) {
      throw DomainException.badInput('A coordinator needs at least one country.', [
        fieldError('countries', FieldErrorCode.REQUIRED, 'a coordinator needs at least one country'),
      ]);
    }
    const unknown = countries.filter((code) => !this.reference.isCountry(code));
    if (unknown.length > 0) {
      // Each unknown code at its first place in the input (the list above is deduplicated and sorted).
      throw DomainException.badInput(
        'Unknown country.',
        unknown.map((code) =>
          fieldError(
            `countries.${(input.countries ?? []).indexOf(code)}`,
            FieldErrorCode.INVALID_COUNTRY,
            `unknown country: ${code}`,
          ),
        ),
      );
    }
    return this.transactions.run(
      async (manager) => {
        const { member, country } = await this.load(manager, input.memberId);
        await manager.update(
          MemberEntity,
          { id: member.id },
          { role: input.role, coordinatorCountries: countries, updatedAt: new Date() },
        );
        await this.audit.append(manager, {
          actorId: actor.memberId,
          action: AuditAction.ROLE_CHANGED,
          targetId: member.id,
          country,
          reason: input.reason,
          data: { from: member.role, to: input.role, fromCountries: member.coordinatorCountries, countries },
        });
        return manager.findOneByOrFail(MemberEntity, { id: member.id });
      },
      { lock: AUDIT_LOCK },
    );
  }

  /** The first admin, from the CLI (no actor): VETTED without expiry. */
  async createAdmin(email: string, password: string): Promise<MemberEntity> {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw DomainException.badInput(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`, [
        fieldError('password', FieldErrorCode.TOO_SHORT, `at least ${MIN_PASSWORD_LENGTH} characters`, {
          min: MIN_PASSWORD_LENGTH,
        }),
      ]);
    }
    const normalized = email.trim().toLowerCase();
    const passwordHash = await this.passwords.hash(password);
    return this.transactions.run(
      async (manager) => {
        if (await manager.existsBy(MemberEntity, { email: normalized })) {
          throw new DomainException(ErrorCode.CONFLICT, `A member with e-mail ${normalized} already exists.`);
        }
        const now = new Date();
        const member = newMember(
          {
            id: randomUUID(),
            email: normalized,
            passwordHash,
            role: MemberRole.ADMIN,
            status: MemberStatus.VETTED,
            vettedAt: now,
          },
          now,
        );
        await manager.insert(MemberEntity, member);
        await this.audit.append(manager, {
          actorId: null,
          action: AuditAction.ADMIN_CREATED,
          targetId: member.id,
          reason: 'created from the command line',
        });
        return member;
      },
      { lock: AUDIT_LOCK },
    );
  }

  private async transition(
    viewer: Viewer,
    input: { memberId: string; reason: string },
    from: MemberStatus[],
    to: MemberStatus,
    action: AuditAction,
  ): Promise<MemberEntity> {
    return this.decide(
      viewer,
      input.memberId,
      async (manager, actor, member) => {
        if (!from.includes(member.status)) {
          throw new DomainException(
            ErrorCode.CONFLICT,
            `A ${member.status.toLowerCase()} member cannot become ${to.toLowerCase()}.`,
          );
        }
        await manager.update(MemberEntity, { id: member.id }, { status: to, updatedAt: new Date() });
        const revoke = to === MemberStatus.SUSPENDED || to === MemberStatus.REVOKED;
        if (revoke) {
          await this.sessions.revokeAllSessions(manager, member.id, to, actor.memberId);
        }
        return { action, data: { from: member.status, to }, revoke };
      },
      input.reason,
    );
  }

  /** Loads the target under the audit lock, checks scope and not-self, applies the change, audits it, publishes. */
  private async decide(
    viewer: Viewer,
    memberId: string,
    change: (
      manager: EntityManager,
      actor: Actor,
      member: MemberEntity,
      country: string | null,
    ) => Promise<{ action: AuditAction; data: Record<string, unknown>; revoke: boolean }>,
    reason: string,
  ): Promise<MemberEntity> {
    const actor = this.policy.staff(viewer);
    this.policy.notSelf(actor, memberId);
    this.requireReason(reason);
    const { updated, revoke } = await this.transactions.run(
      async (manager) => {
        const { member, country } = await this.load(manager, memberId);
        this.policy.coordinatorFor(actor, country);
        this.policy.managesRole(actor, member.role);
        const outcome = await change(manager, actor, member, country);
        await this.audit.append(manager, {
          actorId: actor.memberId,
          action: outcome.action,
          targetId: member.id,
          country,
          reason: reason.trim(),
          data: outcome.data,
        });
        return {
          updated: await manager.findOneByOrFail(MemberEntity, { id: member.id }),
          revoke: outcome.revoke,
        };
      },
      { lock: AUDIT_LOCK },
    );
    if (revoke) {
      this.events.sessionsRevoked({ memberId, reason: updated.status });
    }
    return updated;
  }

  private async load(manager: EntityManager, memberId: string): Promise<MemberWithCountry> {
    const member = await manager.findOneBy(MemberEntity, { id: memberId });
    if (!member) {
      throw DomainException.notFound('No such member.');
    }
    return { member, country: await countryOf(manager, memberId) };
  }

  private async query(
    actor: Actor,
    page: { limit: number; offset: number },
    where: (qb: ReturnType<MembershipService['baseQuery']>) => void,
  ): Promise<{ rows: MemberWithCountry[]; totalCount: number; hasMore: boolean }> {
    const scope = this.policy.scope(actor);
    if (scope?.length === 0) {
      return { rows: [], totalCount: 0, hasMore: false };
    }
    const qb = this.baseQuery();
    if (scope) {
      qb.andWhere('p.country IN (:...scope)', { scope });
    }
    where(qb);
    const totalCount = await qb.clone().getCount();
    const raw = await qb
      .addSelect('p.country', 'country')
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawAndEntities();
    const rows = raw.entities.map((member, index) => ({
      member,
      country: (raw.raw[index] as { country: string | null }).country,
    }));
    return { rows, totalCount, hasMore: page.offset + rows.length < totalCount };
  }

  private baseQuery() {
    return this.dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .leftJoin(PractitionerEntity, 'p', 'p.member_id = m.id');
  }

  private requireReason(reason: string): void {
    const length = reason?.trim().length ?? 0;
    if (length < 3) {
      throw DomainException.badInput('Give a reason (at least 3 characters).', [
        length === 0
          ? fieldError('reason', FieldErrorCode.REQUIRED, 'give a reason')
          : fieldError('reason', FieldErrorCode.TOO_SHORT, 'at least 3 characters', { min: 3 }),
      ]);
    }
  }

  private async claimableInvitation(
    manager: EntityManager,
    input: ApplicationInput,
    email: string,
  ): Promise<InvitationEntity> {
    const invitation = await manager.findOneBy(InvitationEntity, {
      codeHash: hashCode(input.invitationCode ?? ''),
    });
    const usable =
      invitation &&
      !invitation.usedAt &&
      invitation.expiresAt > new Date() &&
      invitation.country === input.country &&
      (!invitation.email || invitation.email === email);
    if (!usable) {
      throw DomainException.badInput(INVALID_INVITATION, [
        fieldError('invitationCode', FieldErrorCode.INVALID_CODE, 'invalid, used or expired'),
      ]);
    }
    return invitation;
  }

  /** Country here; languages, expertise, competences and time zone by the same rules as a profile edit. */
  private validateApplication(input: ApplicationInput): void {
    const { languages, expertise, competences } = input;
    const fields = profileProblems(
      { languages, expertise, competences, timeZone: input.timeZone ?? undefined },
      this.reference,
    );
    if (!this.reference.isCountry(input.country)) {
      fields.unshift(
        fieldError('country', FieldErrorCode.INVALID_COUNTRY, 'must be an ISO 3166-1 alpha-2 code'),
      );
    }
    if (fields.length > 0) {
      throw DomainException.badInput('The application has invalid fields.', fields);
    }
  }

  private async insertProfile(manager: EntityManager, memberId: string, input: ApplicationInput, now: Date) {
    const agencyId = await findOrCreateAgency(
      manager,
      input.country,
      { name: input.agencyName, type: input.agencyType, city: input.agencyCity },
      now,
    );
    await manager.insert(PractitionerEntity, {
      memberId,
      displayName: input.displayName.trim(),
      nativeName: input.nativeName?.trim() || null,
      nameVariants: input.nameVariants ?? [],
      position: input.position?.trim() || null,
      country: input.country,
      agencyId,
      timeZone: input.timeZone ?? 'UTC',
      workingDays: [1, 2, 3, 4, 5],
      workingHoursStart: '09:00',
      workingHoursEnd: '18:00',
      available24x7: false,
      bio: null,
      confirmedAt: now,
      searchKey: '',
      createdAt: now,
      updatedAt: now,
    });
    const { languages, expertise, competences } = input;
    await replaceProfileLists(manager, memberId, { languages, expertise, competences });
  }
}

/** The `members` filter on the member (`m`) ⟕ profile (`p`) query; shared by the list and the export. */
function applyMemberFilter(qb: SelectQueryBuilder<MemberEntity>, filter: MemberFilter, now: Date): void {
  if (filter.status) {
    qb.andWhere('m.status = :status', { status: filter.status });
  }
  if (filter.countries?.length) {
    qb.andWhere('p.country IN (:...filterCountries)', { filterCountries: filter.countries });
  }
  if (filter.vettingExpiresBefore) {
    qb.andWhere('m.vetted_until < :expiresBefore', { expiresBefore: filter.vettingExpiresBefore });
  }
  if (typeof filter.staleProfile === 'boolean') {
    // A member without a profile is neither stale nor fresh: the comparison with NULL leaves them out both ways.
    qb.andWhere(`${PROFILE_CONFIRMED_SQL} ${filter.staleProfile ? '<' : '>='} :staleCutoff`, {
      staleCutoff: staleProfileCutoff(now),
    });
  }
}
