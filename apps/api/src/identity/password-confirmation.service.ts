import { Injectable } from '@nestjs/common';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import {
  AuditAction,
  AuditService,
  MembershipService,
  PasswordService,
  ThrottleService,
  type Actor,
} from '@app/identity';

/**
 * The signed-in member's password checked again (the web client's auto-lock), without a new session or token.
 * Verified by sign-in's own `PasswordService.verify` and counted on sign-in's own per-account throttle key, so the
 * lock screen adds no guesses to those sign-in allows; a failure that starts a block is audited as sign-in's are.
 *
 * Composed here from identity's exported services; it belongs in `AuthService` (libs/identity) beside `signIn`.
 */
@Injectable()
export class PasswordConfirmationService {
  constructor(
    private readonly membership: MembershipService,
    private readonly passwords: PasswordService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * True when `password` is the actor's; a wrong one is BAD_USER_INPUT on `password` (never UNAUTHENTICATED: the
   * session is fine, and clients refresh their token on that code). RATE_LIMITED while the account is blocked.
   */
  async confirm(actor: Actor, password: string): Promise<true> {
    const { member, country } = await this.membership.self(actor);
    const accountKey = this.throttle.account('signin', member.email);
    await this.throttle.assertAllowed([accountKey]);
    if (!(await this.passwords.verify(member.passwordHash, password))) {
      const burst = await this.throttle.recordFailure([accountKey]);
      if (burst) {
        await this.audit.record({
          actorId: actor.memberId,
          action: AuditAction.SIGN_IN_FAILURE_BURST,
          targetId: member.id,
          country,
          data: { blockedFor: 'account', operation: 'confirmPassword', sessionId: actor.sessionId },
        });
      }
      throw DomainException.badInput('The password does not match.', [
        fieldError('password', FieldErrorCode.INVALID, 'does not match'),
      ]);
    }
    await this.throttle.clear(accountKey);
    return true;
  }
}
