import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { AuthConfig } from '@app/config';

/** An access token as the identity service issues them (HS256, `typ: access`), for socket and API tests. */
export function signAccessToken(
  auth: AuthConfig,
  claims: { sub?: string; role?: string; expiresInSeconds?: number; secret?: string } = {},
): string {
  return new JwtService().sign(
    { sub: claims.sub ?? randomUUID(), role: claims.role ?? 'MEMBER', typ: 'access' },
    {
      secret: claims.secret ?? auth.jwtSecret,
      algorithm: 'HS256',
      expiresIn: claims.expiresInSeconds ?? 900,
    },
  );
}
