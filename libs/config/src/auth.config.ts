import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { BooleanEnv, defineNamespace, nodeEnvOf, ProductionSecret } from './env';

export const DEV_JWT_SECRET = 'development-only-jwt-secret-do-not-use-in-production';
export const DEV_TOTP_ENCRYPTION_KEY = 'development-only-totp-key-do-not-use-in-production';

class AuthEnv {
  @ProductionSecret(DEV_JWT_SECRET)
  JWT_SECRET?: string;

  @ProductionSecret(DEV_TOTP_ENCRYPTION_KEY)
  TOTP_ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS?: number;

  /** argon2id memory cost in KiB; OWASP's minimum is 19 MiB. Tests and the seed may use a cheaper one. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(4_194_304)
  ARGON2_MEMORY_KIB?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  ARGON2_TIME_COST?: number;

  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  AUTH_REQUIRE_2FA_FOR_STAFF?: boolean;

  // Read by ProductionSecret.
  NODE_ENV?: string;
}

export interface AuthConfig {
  jwtSecret: string;
  totpEncryptionKey: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  requireTwoFactorForStaff: boolean;
}

export const authConfig = defineNamespace('auth', AuthEnv, (vars, env): AuthConfig => {
  const production = nodeEnvOf(env) === 'production';
  return {
    jwtSecret: vars.JWT_SECRET ?? DEV_JWT_SECRET,
    totpEncryptionKey: vars.TOTP_ENCRYPTION_KEY ?? DEV_TOTP_ENCRYPTION_KEY,
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS ?? 30,
    argon2: {
      memoryCost: vars.ARGON2_MEMORY_KIB ?? 19_456,
      timeCost: vars.ARGON2_TIME_COST ?? 2,
      parallelism: 1,
    },
    requireTwoFactorForStaff: vars.AUTH_REQUIRE_2FA_FOR_STAFF ?? production,
  };
});
