import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtSecretRequestType, JwtService } from '@nestjs/jwt';
import { DomainException } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';

export interface AccessClaims {
  /** Member id. */
  sub: string;
  /** Session id: revoking the session invalidates the token at once. */
  sid: string;
  role: string;
}

/**
 * Short-lived JWT access tokens (HS256) signed with the key ring's current key; `kid` names the key. Keys are
 * prepared once as secret KeyObjects: handed a string, jsonwebtoken first tries (and fails) to parse it as a public
 * key on every verification, which cost more than the rest of authentication.
 */
@Injectable()
export class AccessTokenService {
  private readonly keys: Map<string, KeyObject>;
  private readonly jwt: JwtService;

  constructor(@Inject(authConfig.KEY) private readonly auth: AuthConfig) {
    this.keys = new Map(
      auth.jwtKeys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, 'utf8'))]),
    );
    this.jwt = new JwtService({
      secretOrKeyProvider: (type, token) =>
        type === JwtSecretRequestType.SIGN
          ? this.keyFor(auth.jwtKeys[0].id)
          : this.keyFor(this.keyIdOf(token)),
    });
  }

  get ttlSeconds(): number {
    return this.auth.accessTokenTtlSeconds;
  }

  sign(claims: AccessClaims): { token: string; expiresAt: Date } {
    const token = this.jwt.sign(
      { ...claims, typ: 'access' },
      { keyid: this.auth.jwtKeys[0].id, algorithm: 'HS256', expiresIn: this.ttlSeconds },
    );
    return { token, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  /** Verifies signature (by `kid`), expiry and shape; throws UNAUTHENTICATED otherwise. */
  verify(token: string): AccessClaims {
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch {
      throw DomainException.unauthenticated('The access token is invalid or expired.');
    }
    const { sub, sid, role, typ } = payload;
    if (typ !== 'access' || typeof sub !== 'string' || typeof sid !== 'string' || typeof role !== 'string') {
      throw DomainException.unauthenticated('The access token is invalid or expired.');
    }
    return { sub, sid, role };
  }

  private keyIdOf(token: string | object | Buffer): unknown {
    const decoded =
      typeof token === 'string'
        ? this.jwt.decode<{ header?: { kid?: unknown } } | null>(token, { complete: true })
        : null;
    return decoded?.header?.kid;
  }

  /** The key for a `kid`; an unknown one fails verification (the caller turns it into UNAUTHENTICATED). */
  private keyFor(id: unknown): KeyObject {
    const key = typeof id === 'string' ? this.keys.get(id) : undefined;
    if (!key) {
      throw new Error('Unknown signing key id');
    }
    return key;
  }
}
