import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { DomainException, ErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { rawQuery, readJson, readTimestamp, TransactionService } from '@app/database';
import type { Actor } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AUDIT_LOCK, AuditService } from '../audit/audit.service';
import { randomToken, sha256Hex } from '../crypto/secrets';
import { MemberEntity } from '../entities/member.entity';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';
import { IdentityEvents } from '../identity-events';
import { countryOf } from '../member-country';
import { MemberStatus } from '../member.enums';
import { AccessTokenService } from './access-token.service';
import { PasswordService } from './password.service';
import { ThrottleService } from './throttle.service';
import { TotpService } from './totp.service';

export interface SignInInput {
  email: string;
  password: string;
  totp?: string | null;
  recoveryCode?: string | null;
  deviceLabel?: string | null;
}

export interface RequestContext {
  /** Client IP as Express sees it (proxy headers only when TRUST_PROXY is on). */
  ip: string | null;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  member: MemberEntity;
}

const CANNOT_SIGN_IN = new Set([MemberStatus.SUSPENDED, MemberStatus.REVOKED, MemberStatus.REJECTED]);
const INVALID_CREDENTIALS = 'Invalid e-mail or password.';

/** Sign-in, sessions with rotating refresh tokens, and authentication of access tokens. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly passwords: PasswordService,
    private readonly tokens: AccessTokenService,
    private readonly throttle: ThrottleService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
    private readonly events: IdentityEvents,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  async signIn(input: SignInInput, context: RequestContext): Promise<AuthResult> {
    const email = input.email.trim().toLowerCase();
    const accountKey = this.throttle.account('signin', email);
    const keys = [accountKey, this.throttle.ip('signin', context.ip)];
    await this.throttle.assertAllowed(keys);

    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ email });
    const passwordOk = member
      ? await this.passwords.verify(member.passwordHash, input.password)
      : await this.passwords.verifyNothing(input.password);
    if (!member || !passwordOk) {
      await this.failed(keys, member);
      throw DomainException.unauthenticated(INVALID_CREDENTIALS);
    }
    if (CANNOT_SIGN_IN.has(member.status)) {
      throw DomainException.forbidden(`This account is ${member.status.toLowerCase()} and cannot sign in.`);
    }
    if (member.totpEnabledAt) {
      await this.secondFactor(member, input, keys);
    }
    await this.throttle.clear(accountKey);
    return this.transactions.run((manager) => this.openSession(manager, member, input.deviceLabel, context));
  }

  /** Rotates a refresh token. Presenting an already rotated token revokes the whole session (theft detection). */
  async refresh(refreshToken: string, context: RequestContext): Promise<AuthResult> {
    const invalid = () => DomainException.unauthenticated('The refresh token is invalid or expired.');
    const tokenHash = sha256Hex(refreshToken);
    const outcome = await this.transactions.run(
      async (manager) => {
        const token = await manager.findOneBy(RefreshTokenEntity, { tokenHash });
        if (!token) {
          return { error: invalid() };
        }
        const session = await manager.findOneByOrFail(SessionEntity, { id: token.sessionId });
        const member = await manager.findOneByOrFail(MemberEntity, { id: session.memberId });
        if (session.revokedAt || session.expiresAt <= new Date() || CANNOT_SIGN_IN.has(member.status)) {
          return { error: invalid() };
        }
        const now = new Date();
        // Atomic claim: only one caller can rotate a given token; anyone else is replaying it.
        const claimed = await manager.update(
          RefreshTokenEntity,
          { tokenHash, rotatedAt: IsNull() },
          { rotatedAt: now },
        );
        if (!claimed.affected) {
          await this.revokeSessionRows(manager, session.memberId, session.id, 'REFRESH_REUSE', null);
          return { error: invalid(), revoked: session };
        }
        const next = randomToken();
        await manager.insert(RefreshTokenEntity, {
          tokenHash: sha256Hex(next),
          sessionId: session.id,
          createdAt: now,
          rotatedAt: null,
        });
        await manager.update(
          SessionEntity,
          { id: session.id },
          { lastUsedAt: now, expiresAt: this.refreshExpiry(now), ip: context.ip },
        );
        const access = this.tokens.sign({ sub: member.id, sid: session.id, role: member.role });
        return {
          result: { accessToken: access.token, refreshToken: next, expiresAt: access.expiresAt, member },
        };
      },
      { lock: AUDIT_LOCK },
    );
    if (outcome.revoked) {
      this.events.sessionsRevoked({
        memberId: outcome.revoked.memberId,
        sessionId: outcome.revoked.id,
        reason: 'REFRESH_REUSE',
      });
    }
    if (outcome.error) {
      throw outcome.error;
    }
    return outcome.result;
  }

  async signOut(actor: Actor): Promise<void> {
    await this.revokeSession(actor, actor.sessionId, 'SIGNED_OUT');
  }

  async sessions(actor: Actor): Promise<SessionEntity[]> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.member_id = :memberId AND s.revoked_at IS NULL AND s.expires_at > :now', {
        memberId: actor.memberId,
        now: new Date(),
      })
      .orderBy('s.last_used_at', 'DESC')
      .getMany();
  }

  /** Revokes one of the actor's own sessions; another member's session id is NOT_FOUND (no IDOR). */
  async revokeSession(actor: Actor, sessionId: string, reason = 'REVOKED_BY_MEMBER'): Promise<void> {
    await this.transactions.run(
      async (manager) => {
        const session = await manager.findOneBy(SessionEntity, { id: sessionId, memberId: actor.memberId });
        if (!session) {
          throw DomainException.notFound('No such session.');
        }
        await this.revokeSessionRows(manager, actor.memberId, sessionId, reason, actor.memberId);
      },
      { lock: AUDIT_LOCK },
    );
    this.events.sessionsRevoked({ memberId: actor.memberId, sessionId, reason });
  }

  /**
   * Revokes every open session of a member inside the caller's transaction (suspension, revocation, reset) and
   * audits it. The caller publishes `IdentityEvents.sessionsRevoked` after commit.
   */
  async revokeAllSessions(
    manager: EntityManager,
    memberId: string,
    reason: string,
    actorId: string | null,
  ): Promise<void> {
    await this.revokeSessionRows(manager, memberId, null, reason, actorId);
  }

  /** Access token → the actor, re-read from the database: a revoked session or a suspended member fails at once. */
  async authenticate(accessToken: string): Promise<Actor> {
    const claims = this.tokens.verify(accessToken);
    // Every request: one hand-written statement (TypeORM's builder and hydration cost more than the query).
    const [row] = await rawQuery<{
      id: string;
      role: MemberEntity['role'];
      status: MemberStatus;
      coordinatorCountries: string[] | string | null;
      vettedUntil: Date | string | null;
      totpEnabledAt: Date | string | null;
      revokedAt: Date | string | null;
    }>(
      this.dataSource,
      `SELECT m.id, m.role, m.status, m.coordinator_countries AS "coordinatorCountries",
         m.vetted_until AS "vettedUntil", m.totp_enabled_at AS "totpEnabledAt", s.revoked_at AS "revokedAt"
       FROM session s JOIN member m ON m.id = s.member_id
       WHERE s.id = :sid AND s.member_id = :sub`,
      { sid: claims.sid, sub: claims.sub },
    );
    if (!row || row.revokedAt !== null || CANNOT_SIGN_IN.has(row.status)) {
      throw DomainException.unauthenticated('This session has ended. Sign in again.');
    }
    return {
      memberId: row.id,
      sessionId: claims.sid,
      role: row.role,
      status: row.status,
      coordinatorCountries: readJson<string[]>(row.coordinatorCountries) ?? [],
      vettedUntil: readTimestamp(row.vettedUntil),
      totpEnabled: row.totpEnabledAt !== null,
    };
  }

  private async secondFactor(
    member: MemberEntity,
    input: SignInInput,
    keys: Parameters<ThrottleService['recordFailure']>[0],
  ): Promise<void> {
    if (!input.totp && !input.recoveryCode) {
      throw new DomainException(
        ErrorCode.UNAUTHENTICATED,
        'A two-factor code or a recovery code is required.',
        {
          totp: ['required'],
        },
      );
    }
    const ok = input.totp
      ? await this.totp.acceptCode(member, input.totp)
      : await this.totp.consumeRecoveryCode(member, input.recoveryCode as string);
    if (!ok) {
      await this.failed(keys, member);
      throw DomainException.unauthenticated('Invalid two-factor code or recovery code.');
    }
  }

  private async failed(keys: Parameters<ThrottleService['recordFailure']>[0], member: MemberEntity | null) {
    const burst = await this.throttle.recordFailure(keys);
    if (burst) {
      await this.audit.record({
        actorId: null,
        action: AuditAction.SIGN_IN_FAILURE_BURST,
        targetId: member?.id ?? null,
        country: member ? await countryOf(this.dataSource.manager, member.id) : null,
        data: { blockedFor: member ? 'account' : 'ip' },
      });
    }
  }

  private async openSession(
    manager: EntityManager,
    member: MemberEntity,
    deviceLabel: string | null | undefined,
    context: RequestContext,
  ): Promise<AuthResult> {
    const now = new Date();
    const session: SessionEntity = {
      id: randomUUID(),
      memberId: member.id,
      deviceLabel: deviceLabel?.slice(0, 200) ?? null,
      ip: context.ip,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: this.refreshExpiry(now),
      revokedAt: null,
      revokedReason: null,
    };
    await manager.insert(SessionEntity, session);
    const refreshToken = randomToken();
    await manager.insert(RefreshTokenEntity, {
      tokenHash: sha256Hex(refreshToken),
      sessionId: session.id,
      createdAt: now,
      rotatedAt: null,
    });
    const access = this.tokens.sign({ sub: member.id, sid: session.id, role: member.role });
    return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, member };
  }

  private async revokeSessionRows(
    manager: EntityManager,
    memberId: string,
    sessionId: string | null,
    reason: string,
    actorId: string | null,
  ): Promise<void> {
    const result = await manager.update(
      SessionEntity,
      { memberId, revokedAt: IsNull(), ...(sessionId ? { id: sessionId } : {}) },
      { revokedAt: new Date(), revokedReason: reason },
    );
    if (result.affected) {
      await this.audit.append(manager, {
        actorId,
        action: AuditAction.SESSION_REVOKED,
        targetId: memberId,
        country: await countryOf(manager, memberId),
        reason,
        data: { sessions: sessionId ? [sessionId] : 'all', count: result.affected },
      });
    }
  }

  private refreshExpiry(from: Date): Date {
    return new Date(from.getTime() + this.auth.refreshTokenTtlDays * 24 * 3600 * 1000);
  }
}
