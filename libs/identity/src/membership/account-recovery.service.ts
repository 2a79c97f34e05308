import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { TransactionService } from '@app/database';
import { AccessPolicy, type Viewer } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AUDIT_LOCK, AuditService } from '../audit/audit.service';
import { AuthService, type RequestContext } from '../auth/auth.service';
import { countryOf } from '../member-country';
import { PasswordService } from '../auth/password.service';
import { ThrottleService } from '../auth/throttle.service';
import { hashCode, randomCode } from '../crypto/secrets';
import { AccountResetEntity } from '../entities/invitation.entity';
import { MemberEntity, NO_TWO_FACTOR } from '../entities/member.entity';
import { IdentityEvents } from '../identity-events';

const INVALID_RESET = 'The reset code is invalid, used or expired.';

/**
 * Account recovery without e-mail: a coordinator in scope (or an admin) issues a one-time, expiring code and hands it
 * over out of band; the member sets a new password with it, which clears two-factor authentication and ends every
 * session. Both steps are audited.
 */
@Injectable()
export class AccountRecoveryService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly sessions: AuthService,
    private readonly throttle: ThrottleService,
    private readonly events: IdentityEvents,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  async issue(
    viewer: Viewer,
    input: { memberId: string; reason: string },
  ): Promise<{ code: string; expiresAt: Date }> {
    const actor = this.policy.staff(viewer);
    this.policy.notSelf(actor, input.memberId);
    const reasonLength = input.reason?.trim().length ?? 0;
    if (reasonLength < 3) {
      throw DomainException.badInput('Give a reason (at least 3 characters).', [
        reasonLength === 0
          ? fieldError('reason', FieldErrorCode.REQUIRED, 'give a reason')
          : fieldError('reason', FieldErrorCode.TOO_SHORT, 'at least 3 characters', { min: 3 }),
      ]);
    }
    const code = randomCode(4);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.auth.accountResetTtlHours * 3600 * 1000);
    await this.transactions.run(
      async (manager) => {
        const target = await manager.findOne(MemberEntity, {
          where: { id: input.memberId },
          select: { id: true, role: true },
        });
        if (!target) {
          throw DomainException.notFound('No such member.');
        }
        const country = await countryOf(manager, input.memberId);
        this.policy.coordinatorFor(actor, country);
        this.policy.managesRole(actor, target.role);
        // Only the newest code works.
        await manager.update(
          AccountResetEntity,
          { memberId: input.memberId, usedAt: IsNull() },
          { expiresAt: now },
        );
        await manager.insert(AccountResetEntity, {
          id: randomUUID(),
          memberId: input.memberId,
          codeHash: hashCode(code),
          createdBy: actor.memberId,
          createdAt: now,
          expiresAt,
          usedAt: null,
        });
        await this.audit.append(manager, {
          actorId: actor.memberId,
          action: AuditAction.ACCOUNT_RESET_ISSUED,
          targetId: input.memberId,
          country,
          reason: input.reason.trim(),
          data: { expiresAt: expiresAt.toISOString() },
        });
      },
      { lock: AUDIT_LOCK },
    );
    return { code, expiresAt };
  }

  async reset(input: { code: string; newPassword: string }, context: RequestContext): Promise<void> {
    const ipKey = this.throttle.ip('reset', context.ip);
    await this.throttle.assertAllowed([ipKey]);
    const passwordHash = await this.passwords.hash(input.newPassword);
    const memberId = await this.transactions.run(
      async (manager) => {
        const reset = await manager.findOneBy(AccountResetEntity, { codeHash: hashCode(input.code) });
        if (!reset || reset.usedAt || reset.expiresAt <= new Date()) {
          return null;
        }
        const now = new Date();
        await manager.update(AccountResetEntity, { id: reset.id }, { usedAt: now });
        await manager.update(
          MemberEntity,
          { id: reset.memberId },
          {
            passwordHash,
            ...NO_TWO_FACTOR,
            recoveryCodeHashes: [],
            updatedAt: now,
          },
        );
        await this.sessions.revokeAllSessions(manager, reset.memberId, 'ACCOUNT_RESET', reset.memberId);
        await this.audit.append(manager, {
          actorId: reset.memberId,
          action: AuditAction.ACCOUNT_RESET_COMPLETED,
          targetId: reset.memberId,
          country: await countryOf(manager, reset.memberId),
          data: { issuedBy: reset.createdBy },
        });
        return reset.memberId;
      },
      { lock: AUDIT_LOCK },
    );
    if (!memberId) {
      await this.throttle.recordFailure([ipKey]);
      throw DomainException.badInput(INVALID_RESET, [
        fieldError('code', FieldErrorCode.INVALID_CODE, 'invalid, used or expired'),
      ]);
    }
    this.events.sessionsRevoked({ memberId, reason: 'ACCOUNT_RESET' });
  }
}
