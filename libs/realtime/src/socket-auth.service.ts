import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainException } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import type { SocketPrincipal } from './realtime.events';

interface AccessClaims {
  sub?: unknown;
  role?: unknown;
  typ?: unknown;
}

/** Verifies the access token a socket presents in `handshake.auth.token`. */
@Injectable()
export class SocketAuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  async authenticate(auth: Record<string, unknown> | undefined): Promise<SocketPrincipal> {
    const token = auth?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw DomainException.unauthenticated('Send an access token in handshake.auth.token.');
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: this.auth.jwtSecret,
        algorithms: ['HS256'],
      });
    } catch {
      throw DomainException.unauthenticated('The access token is invalid or expired.');
    }
    if (typeof claims.sub !== 'string' || claims.typ !== 'access' || typeof claims.role !== 'string') {
      throw DomainException.unauthenticated('The access token is invalid or expired.');
    }
    return { memberId: claims.sub, role: claims.role };
  }
}
