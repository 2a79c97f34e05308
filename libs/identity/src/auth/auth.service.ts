import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { DomainException, ErrorCode, fieldError, FieldErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { rawQuery, readJson, readTimestamp, TransactionService } from '@app/database';
import { LOCALES, type Locale } from '@app/directory';
import type { Actor } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AUDIT_LOCK, AuditService } from '../audit/audit.service';
import { randomToken, sha256Hex } from '../crypto/secrets';
import { MemberEntity } from '../entities/member.entity';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';
import { IdentityEvents } from '../identity-events';
import { countryOf } from '../member-country';
import { MemberStatus } from '../member.enums';
import type { MemberWithCountry } from '../membership/membership.service';
import { AccessTokenService } from './access-token.service';
import { PasswordService } from './password.service';
import { RefreshSuccessors } from './refresh-successor';
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
  /** Client IP as Express sees it (behind TRUST_PROXY hops: the address the outermost trusted proxy saw). */
  ip: string | null;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  member: MemberEntity;
}

/** What a browser presents to sign out: the refresh token of its cookie and/or its access token. */
export interface SessionCredentials {
  refreshToken?: string | null;
  accessToken?: string | null;
}

const CANNOT_SIGN_IN = new Set([MemberStatus.SUSPENDED, MemberStatus.REVOKED, MemberStatus.REJECTED]);
const INVALID_CREDENTIALS = 'Invalid e-mail or password.';
const INVALID_REFRESH = 'The refresh token is invalid or expired.';
/**
 * How many rotations a replay within the grace window may be behind (the presented token, its successor, …). A
 * client that refreshes more often than this in REFRESH_REUSE_GRACE_SECONDS is not a browser losing an answer.
 */
const MAX_SUCCESSOR_STEPS = 4;

/** Sign-in, sessions with rotating refresh tokens, and authentication of access tokens. */
@Injectable()
export class AuthService {
  private readonly successors: RefreshSuccessors;

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
  ) {
    this.successors = new RefreshSuccessors(auth.jwtKeys.map((key) => key.secret));
  }

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

  /**
   * Rotates a refresh token (an atomic claim: one caller wins). A token rotated less than REFRESH_REUSE_GRACE_SECONDS
   * ago is answered with its successor — the very token the winner got — and a fresh access token: two tabs, a
   * double effect or a lost answer keep the session. Any other replay of a rotated token means it was copied: the
   * whole session is revoked (REFRESH_REUSE).
   */
  async refresh(refreshToken: string, context: RequestContext): Promise<AuthResult> {
    const tokenHash = sha256Hex(refreshToken);
    const outcome = await this.transactions.run(
      async (manager) => {
        const token = await manager.findOneBy(RefreshTokenEntity, { tokenHash });
        if (!token) {
          return { error: DomainException.unauthenticated(INVALID_REFRESH) };
        }
        const session = await manager.findOneByOrFail(SessionEntity, { id: token.sessionId });
        const member = await manager.findOneByOrFail(MemberEntity, { id: session.memberId });
        if (session.revokedAt || session.expiresAt <= new Date() || CANNOT_SIGN_IN.has(member.status)) {
          return { error: DomainException.unauthenticated(INVALID_REFRESH) };
        }
        const now = new Date();
        // Atomic claim: only one caller can rotate a given token; anyone else is replaying it.
        const claimed = await manager.update(
          RefreshTokenEntity,
          { tokenHash, rotatedAt: IsNull() },
          { rotatedAt: now },
        );
        let next: string | null;
        if (claimed.affected) {
          next = this.successors.next(refreshToken);
          await manager.insert(RefreshTokenEntity, {
            tokenHash: sha256Hex(next),
            sessionId: session.id,
            createdAt: now,
            rotatedAt: null,
          });
        } else {
          next = await this.liveSuccessor(manager, refreshToken, session.id, now);
        }
        if (next === null) {
          await this.revokeSessionRows(manager, session.memberId, session.id, 'REFRESH_REUSE', null);
          return { error: DomainException.unauthenticated(INVALID_REFRESH), revoked: session };
        }
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

  /**
   * Browser sign-out: the session is the one of the refresh token (unrotated, or rotated within the grace window), or
   * else the one of the access token; `everywhere` ends every session of that member. UNAUTHENTICATED when neither
   * names an open session. Audited and published like every revocation.
   */
  async signOutWith(credentials: SessionCredentials, options: { everywhere: boolean }): Promise<void> {
    const owner =
      (credentials.refreshToken ? await this.sessionOfRefreshToken(credentials.refreshToken) : null) ??
      (credentials.accessToken ? await this.sessionOfAccessToken(credentials.accessToken) : null);
    if (!owner) {
      throw DomainException.unauthenticated('This session has ended. Sign in again.');
    }
    const sessionId = options.everywhere ? null : owner.sessionId;
    const reason = options.everywhere ? 'SIGNED_OUT_EVERYWHERE' : 'SIGNED_OUT';
    await this.transactions.run(
      (manager) => this.revokeSessionRows(manager, owner.memberId, sessionId, reason, owner.memberId),
      { lock: AUDIT_LOCK },
    );
    this.events.sessionsRevoked({ memberId: owner.memberId, ...(sessionId ? { sessionId } : {}), reason });
  }

  /** The member's UI language; any signed-in member, pending applicants included. */
  async setLocale(actor: Actor, locale: Locale): Promise<MemberWithCountry> {
    if (!(LOCALES as readonly string[]).includes(locale)) {
      throw DomainException.badInput('Unknown language.', [
        fieldError('locale', FieldErrorCode.INVALID_LANGUAGE, `must be one of ${LOCALES.join(', ')}`),
      ]);
    }
    return this.transactions.run(async (manager) => {
      await manager.update(MemberEntity, { id: actor.memberId }, { locale, updatedAt: new Date() });
      const member = await manager.findOneByOrFail(MemberEntity, { id: actor.memberId });
      return { member, country: await countryOf(manager, actor.memberId) };
    });
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
        [fieldError('totp', FieldErrorCode.REQUIRED, 'a two-factor code or a recovery code is required')],
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

  /**
   * The unrotated end of the chain that `token` started, when `token` was rotated less than the grace window ago and
   * the chain stays in `sessionId` within MAX_SUCCESSOR_STEPS; null otherwise (reuse).
   */
  private async liveSuccessor(
    manager: EntityManager,
    token: string,
    sessionId: string,
    now: Date,
  ): Promise<string | null> {
    // Read again after the failed claim: the winner's rotation is what decides the window.
    const presented = await manager.findOneBy(RefreshTokenEntity, { tokenHash: sha256Hex(token) });
    const graceMs = this.auth.refreshReuseGraceSeconds * 1000;
    if (!presented?.rotatedAt || now.getTime() - presented.rotatedAt.getTime() >= graceMs) {
      return null;
    }
    let current = token;
    for (let step = 0; step < MAX_SUCCESSOR_STEPS; step += 1) {
      const candidates = this.successors.candidates(current);
      const row = await manager.findOneBy(RefreshTokenEntity, {
        tokenHash: In(candidates.map((candidate) => candidate.tokenHash)),
        sessionId,
      });
      const successor = row && candidates.find((candidate) => candidate.tokenHash === row.tokenHash);
      if (!row || !successor) {
        return null;
      }
      if (row.rotatedAt === null) {
        return successor.token;
      }
      current = successor.token;
    }
    return null;
  }

  /**
   * The open session a refresh token belongs to, if the token is current (or rotated within the grace window); null
   * otherwise. Only a lookup: nothing is rotated or written (browser sign-out, the session-events stream).
   */
  async sessionOfRefreshToken(token: string): Promise<{ memberId: string; sessionId: string } | null> {
    const row = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOneBy({ tokenHash: sha256Hex(token) });
    const graceMs = this.auth.refreshReuseGraceSeconds * 1000;
    if (!row || (row.rotatedAt && Date.now() - row.rotatedAt.getTime() >= graceMs)) {
      return null;
    }
    const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ id: row.sessionId });
    if (!session || session.revokedAt || session.expiresAt <= new Date()) {
      return null;
    }
    return { memberId: session.memberId, sessionId: session.id };
  }

  private async sessionOfAccessToken(token: string): Promise<{ memberId: string; sessionId: string } | null> {
    try {
      return await this.authenticate(token);
    } catch (error) {
      if (error instanceof DomainException) {
        return null;
      }
      throw error;
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
