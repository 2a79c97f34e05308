import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { authenticator } from 'otplib';
import { DataSource } from 'typeorm';
import { DomainException, ErrorCode, fieldError, FieldErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { TransactionService } from '@app/database';
import type { Actor } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AUDIT_LOCK, AuditService } from '../audit/audit.service';
import { KeyNotInRingError, KeyRingCipher } from '../crypto/key-ring-cipher';
import { constantTimeEqual, hashCode, randomCode } from '../crypto/secrets';
import { MemberEntity } from '../entities/member.entity';
import { countryOf } from '../member-country';

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Counterpart';
const STEP_SECONDS = 30;
/** One 30-second step either side, for clock drift. */
const totp = authenticator.clone({ step: STEP_SECONDS, window: 1 });

export interface TotpEnrollment {
  secret: string;
  otpauthUrl: string;
}

/**
 * TOTP two-factor authentication (otplib). Secrets are encrypted at rest under the TOTP key ring; each accepted code
 * moves `totpLastStep` so a code works once; recovery codes are stored as SHA-256 and removed when used.
 */
@Injectable()
export class TotpService {
  private readonly logger = new Logger(TotpService.name);
  private readonly cipher: KeyRingCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.cipher = new KeyRingCipher(auth.totpKeys, 'totp');
  }

  async beginEnrollment(actor: Actor): Promise<TotpEnrollment> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: actor.memberId });
    if (member.totpEnabledAt) {
      throw new DomainException(ErrorCode.CONFLICT, 'Two-factor authentication is already enabled.');
    }
    const secret = totp.generateSecret();
    await this.transactions.run((manager) =>
      manager.update(
        MemberEntity,
        { id: member.id },
        { totpPendingSecretEncrypted: this.cipher.seal(secret).value, updatedAt: new Date() },
      ),
    );
    return { secret, otpauthUrl: totp.keyuri(member.email, ISSUER, secret) };
  }

  /** Confirms the pending secret with a current code; returns the recovery codes (shown once, stored hashed). */
  async confirmEnrollment(actor: Actor, code: string): Promise<string[]> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: actor.memberId });
    if (member.totpEnabledAt) {
      throw new DomainException(ErrorCode.CONFLICT, 'Two-factor authentication is already enabled.');
    }
    if (!member.totpPendingSecretEncrypted) {
      throw new DomainException(ErrorCode.CONFLICT, 'Start with beginTotpEnrollment.');
    }
    const secret = this.reveal(member.id, member.totpPendingSecretEncrypted, 'Start the enrollment again.');
    const step = this.check(secret, code, null);
    if (step === null) {
      throw DomainException.badInput('The code does not match. Check the time on your device.', [
        fieldError('code', FieldErrorCode.INVALID_CODE, 'does not match'),
      ]);
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomCode(3));
    const sealed = this.cipher.seal(secret);
    await this.transactions.run(
      async (manager) => {
        await manager.update(
          MemberEntity,
          { id: member.id },
          {
            totpSecretEncrypted: sealed.value,
            totpKeyId: sealed.keyId,
            totpPendingSecretEncrypted: null,
            totpEnabledAt: new Date(),
            totpLastStep: step,
            recoveryCodeHashes: codes.map(hashCode),
            updatedAt: new Date(),
          },
        );
        await this.audit.append(manager, {
          actorId: member.id,
          action: AuditAction.TOTP_ENABLED,
          targetId: member.id,
          country: await countryOf(manager, member.id),
        });
      },
      { lock: AUDIT_LOCK },
    );
    return codes;
  }

  /** True when `code` is a current TOTP code not used before; records its step. */
  async acceptCode(member: MemberEntity, code: string): Promise<boolean> {
    if (!member.totpSecretEncrypted) {
      return false;
    }
    const secret = this.reveal(
      member.id,
      member.totpSecretEncrypted,
      'Sign in with a recovery code, or ask an administrator.',
    );
    const step = this.check(secret, code, member.totpLastStep);
    if (step === null) {
      return false;
    }
    await this.transactions.run((manager) =>
      manager.update(MemberEntity, { id: member.id }, { totpLastStep: step }),
    );
    return true;
  }

  /** True when `code` is one of the member's unused recovery codes; it is removed, so it works once. */
  async consumeRecoveryCode(member: MemberEntity, code: string): Promise<boolean> {
    const hash = hashCode(code);
    return this.transactions.run(
      async (manager) => {
        const fresh = await manager.findOneByOrFail(MemberEntity, { id: member.id });
        const remaining = fresh.recoveryCodeHashes.filter((stored) => !constantTimeEqual(stored, hash));
        if (remaining.length === fresh.recoveryCodeHashes.length) {
          return false;
        }
        await manager.update(MemberEntity, { id: member.id }, { recoveryCodeHashes: remaining });
        await this.audit.append(manager, {
          actorId: member.id,
          action: AuditAction.RECOVERY_CODE_USED,
          targetId: member.id,
          country: await countryOf(manager, member.id),
          data: { remaining: remaining.length },
        });
        return true;
      },
      { lock: AUDIT_LOCK },
    );
  }

  /**
   * The plaintext of a stored secret. One the ring cannot open is the operator's to fix (a retired key dropped before
   * `rekey-totp` ran, or a key changed under the same id): the log says which key and what to do, the member is told
   * what they can do meanwhile (`advice`); neither sees the secret.
   */
  private reveal(memberId: string, sealed: string, advice: string): string {
    try {
      return this.cipher.open(sealed);
    } catch (error) {
      const keyId = KeyRingCipher.keyIdOf(sealed) ?? '(unrecognised)';
      this.logger.error(
        error instanceof KeyNotInRingError
          ? `The TOTP secret of member ${memberId} is sealed under key "${keyId}", which is not in the TOTP key ring: put it back in TOTP_PREVIOUS_KEYS, run "npm run cli -- rekey-totp", then drop it.`
          : `The TOTP secret of member ${memberId} does not decrypt with key "${keyId}" of the TOTP key ring: that id now names a different key (TOTP_KEY_ID / TOTP_PREVIOUS_KEYS).`,
      );
      throw new DomainException(
        ErrorCode.INTERNAL_SERVER_ERROR,
        `Two-factor codes cannot be checked for this account at the moment. ${advice}`,
      );
    }
  }

  /** The time step of a valid code later than `lastStep`, or null (a code is accepted once). */
  private check(secret: string, code: string, lastStep: number | null): number | null {
    const token = code.trim();
    if (!/^\d{6}$/.test(token)) {
      return null;
    }
    const delta = totp.checkDelta(token, secret);
    if (delta === null) {
      return null;
    }
    const step = Math.floor(Date.now() / 1000 / STEP_SECONDS) + delta;
    return lastStep !== null && step <= lastStep ? null : step;
  }
}
