import { Inject, Injectable } from '@nestjs/common';
import { DomainException } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { MemberRole, MemberStatus } from '../member.enums';

/** An authenticated caller, loaded fresh from the database on every request (role and status are never stale). */
export interface Actor {
  memberId: string;
  sessionId: string;
  role: MemberRole;
  status: MemberStatus;
  coordinatorCountries: string[];
  vettedUntil: Date | null;
  totpEnabled: boolean;
}

/** The caller of an operation: an actor, or null when anonymous. */
export type Viewer = Actor | null;

/** Vetted and not expired. An expired vetting is treated as pending until a coordinator renews it. */
export function isActiveMember(subject: Pick<Actor, 'status' | 'vettedUntil'>, now = new Date()): boolean {
  return (
    subject.status === MemberStatus.VETTED && (subject.vettedUntil === null || subject.vettedUntil > now)
  );
}

/**
 * Authorization rules, applied by the services (never only by transports). Each method returns the actor when the
 * rule holds and throws UNAUTHENTICATED (no caller) or FORBIDDEN otherwise.
 */
@Injectable()
export class AccessPolicy {
  constructor(@Inject(authConfig.KEY) private readonly auth: AuthConfig) {}

  authenticated(viewer: Viewer): Actor {
    if (!viewer) {
      throw DomainException.unauthenticated();
    }
    return viewer;
  }

  /** An active (vetted, unexpired) member. */
  member(viewer: Viewer): Actor {
    const actor = this.authenticated(viewer);
    if (!isActiveMember(actor)) {
      throw DomainException.forbidden('Only vetted members can do this.');
    }
    return actor;
  }

  /** An active coordinator or admin (with two-factor authentication when staff must have it). */
  staff(viewer: Viewer): Actor {
    const actor = this.member(viewer);
    if (actor.role !== MemberRole.COORDINATOR && actor.role !== MemberRole.ADMIN) {
      throw DomainException.forbidden('Only coordinators and admins can do this.');
    }
    if (this.auth.requireTwoFactorForStaff && !actor.totpEnabled) {
      throw DomainException.forbidden(
        'Coordinators and admins must enable two-factor authentication first (beginTotpEnrollment).',
      );
    }
    return actor;
  }

  /** An admin, or a coordinator whose scope includes `country`. */
  coordinatorFor(viewer: Viewer, country: string | null): Actor {
    const actor = this.staff(viewer);
    if (actor.role === MemberRole.ADMIN) {
      return actor;
    }
    if (country === null || !actor.coordinatorCountries.includes(country)) {
      throw DomainException.forbidden('This member is outside your countries.');
    }
    return actor;
  }

  admin(viewer: Viewer): Actor {
    const actor = this.staff(viewer);
    if (actor.role !== MemberRole.ADMIN) {
      throw DomainException.forbidden('Only admins can do this.');
    }
    return actor;
  }

  /** The countries a staff actor oversees; undefined means all (admin). */
  scope(actor: Actor): string[] | undefined {
    return actor.role === MemberRole.ADMIN ? undefined : actor.coordinatorCountries;
  }

  /** A member acting on another member, never on themselves (no self-vetting, self-suspension or self-reset). */
  /**
   * Staff accounts are an administrator's to act on: a coordinator who could reset, suspend or re-vet a coordinator
   * (or the admin whose profile lies in their countries) could take over that account and its wider scope.
   */
  managesRole(actor: Actor, targetRole: MemberRole): void {
    if (actor.role !== MemberRole.ADMIN && targetRole !== MemberRole.MEMBER) {
      throw DomainException.forbidden(
        "Only an administrator can act on a coordinator's or administrator's account.",
      );
    }
  }

  notSelf(actor: Actor, memberId: string): void {
    if (actor.memberId === memberId) {
      throw DomainException.forbidden('You cannot do this to your own account.');
    }
  }
}
