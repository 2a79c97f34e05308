import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainException } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';

export interface AccessClaims {
  /** Member id. */
  sub: string;
  /** Session id: revoking the session invalidates the token at once. */
  sid: string;
  role: string;
}

/** Short-lived JWT access tokens (HS256) signed with the key ring's current key; `kid` names the key. */
@Injectable()
export class AccessTokenService {
  private readonly jwt = new JwtService();

  constructor(@Inject(authConfig.KEY) private readonly auth: AuthConfig) {}

  get ttlSeconds(): number {
    return this.auth.accessTokenTtlSeconds;
  }

  sign(claims: AccessClaims): { token: string; expiresAt: Date } {
    const [key] = this.auth.jwtKeys;
    const token = this.jwt.sign(
      { ...claims, typ: 'access' },
      { secret: key.secret, keyid: key.id, algorithm: 'HS256', expiresIn: this.ttlSeconds },
    );
    return { token, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  /** Verifies signature (by `kid`), expiry and shape; throws UNAUTHENTICATED otherwise. */
  verify(token: string): AccessClaims {
    const invalid = () => DomainException.unauthenticated('The access token is invalid or expired.');
    const decoded = this.jwt.decode<{ header?: { kid?: unknown } } | null>(token, { complete: true });
    const key = this.auth.jwtKeys.find((candidate) => candidate.id === decoded?.header?.kid);
    if (!key) {
      throw invalid();
    }
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token, {
        secret: key.secret,
        algorithms: ['HS256'],
      });
    } catch {
      throw invalid();
    }
    const { sub, sid, role, typ } = payload;
    if (typ !== 'access' || typeof sub !== 'string' || typeof sid !== 'string' || typeof role !== 'string') {
      throw invalid();
    }
    return { sub, sid, role };
  }
}
