import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  BooleanEnv,
  defineNamespace,
  ListEnv,
  NoPlaceholderInProduction,
  nodeEnvOf,
  ProductionSecret,
} from './env';

export const DEV_JWT_SECRET = 'development-only-jwt-secret-do-not-use-in-production';
export const DEV_TOTP_ENCRYPTION_KEY = 'development-only-totp-key-do-not-use-in-production';

const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;
const KEY_ENTRY = /^[A-Za-z0-9._-]{1,32}:.{16,}$/;

class AuthEnv {
  @ProductionSecret(DEV_JWT_SECRET)
  JWT_SECRET?: string;

  @ProductionSecret(DEV_TOTP_ENCRYPTION_KEY)
  TOTP_ENCRYPTION_KEY?: string;

  /** Id of the current JWT signing key (the `kid` header); change it whenever JWT_SECRET changes. */
  @IsOptional()
  @Matches(KEY_ID, { message: 'JWT_KEY_ID must be 1-32 letters, digits, dots, dashes or underscores' })
  JWT_KEY_ID?: string;

  /** Retired signing keys still accepted for verification during a rotation: `kid:secret,kid:secret`. */
  @IsOptional()
  @ListEnv()
  @Matches(KEY_ENTRY, {
    each: true,
    message: 'JWT_PREVIOUS_KEYS must be a comma-separated list of kid:secret',
  })
  @NoPlaceholderInProduction({ keyEntries: true })
  JWT_PREVIOUS_KEYS?: string[];

  @IsOptional()
  @Matches(KEY_ID, { message: 'TOTP_KEY_ID must be 1-32 letters, digits, dots, dashes or underscores' })
  TOTP_KEY_ID?: string;

  /** Retired TOTP encryption keys still used to decrypt older secrets: `kid:key,kid:key`. */
  @IsOptional()
  @ListEnv()
  @Matches(KEY_ENTRY, { each: true, message: 'TOTP_PREVIOUS_KEYS must be a comma-separated list of kid:key' })
  @NoPlaceholderInProduction({ keyEntries: true })
  TOTP_PREVIOUS_KEYS?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  AUTH_MAX_FAILURES?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  AUTH_MAX_FAILURES_PER_IP?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(86_400)
  AUTH_FAILURE_WINDOW_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  AUTH_BLOCK_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(604_800)
  AUTH_MAX_BLOCK_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(168)
  ACCOUNT_RESET_TTL_HOURS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  VETTING_DEFAULT_MONTHS?: number;

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

  /** Days an ended session (and its client address) is kept before it is pruned. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  SESSION_RETENTION_DAYS?: number;

  /**
   * A refresh token rotated less than this many seconds ago is answered with its successor instead of counting as
   * reuse (two tabs, a lost answer); 0 turns the grace off.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  REFRESH_REUSE_GRACE_SECONDS?: number;

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

  // Read by ProductionSecret and NoPlaceholderInProduction.
  NODE_ENV?: string;
}

export interface KeyRingEntry {
  id: string;
  secret: string;
}

export interface AuthConfig {
  /** Signing keys; the first signs, all verify (rotation). */
  jwtKeys: KeyRingEntry[];
  /** TOTP-secret encryption keys; the first encrypts, all decrypt (rotation). */
  totpKeys: KeyRingEntry[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Ended sessions are deleted this many days after they ended (SessionRetentionService). */
  sessionRetentionDays: number;
  /** Seconds after its rotation during which a refresh token is answered with its successor. */
  refreshReuseGraceSeconds: number;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  requireTwoFactorForStaff: boolean;
  throttle: {
    maxFailuresPerAccount: number;
    maxFailuresPerIp: number;
    windowSeconds: number;
    blockSeconds: number;
    maxBlockSeconds: number;
  };
  invitationTtlDays: number;
  accountResetTtlHours: number;
  vettingDefaultMonths: number;
}

function keyRing(currentId: string, current: string, previous: string[] = []): KeyRingEntry[] {
  const retired = previous.map((entry) => {
    const at = entry.indexOf(':');
    return { id: entry.slice(0, at), secret: entry.slice(at + 1) };
  });
  return [{ id: currentId, secret: current }, ...retired.filter((key) => key.id !== currentId)];
}

export const authConfig = defineNamespace('auth', AuthEnv, (vars, env): AuthConfig => {
  const production = nodeEnvOf(env) === 'production';
  return {
    jwtKeys: keyRing(vars.JWT_KEY_ID ?? 'k1', vars.JWT_SECRET ?? DEV_JWT_SECRET, vars.JWT_PREVIOUS_KEYS),
    totpKeys: keyRing(
      vars.TOTP_KEY_ID ?? 't1',
      vars.TOTP_ENCRYPTION_KEY ?? DEV_TOTP_ENCRYPTION_KEY,
      vars.TOTP_PREVIOUS_KEYS,
    ),
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS ?? 30,
    sessionRetentionDays: vars.SESSION_RETENTION_DAYS ?? 90,
    refreshReuseGraceSeconds: vars.REFRESH_REUSE_GRACE_SECONDS ?? 10,
    argon2: {
      memoryCost: vars.ARGON2_MEMORY_KIB ?? 19_456,
      timeCost: vars.ARGON2_TIME_COST ?? 2,
      parallelism: 1,
    },
    requireTwoFactorForStaff: vars.AUTH_REQUIRE_2FA_FOR_STAFF ?? production,
    throttle: {
      maxFailuresPerAccount: vars.AUTH_MAX_FAILURES ?? 5,
      maxFailuresPerIp: vars.AUTH_MAX_FAILURES_PER_IP ?? 30,
      windowSeconds: vars.AUTH_FAILURE_WINDOW_SECONDS ?? 900,
      blockSeconds: vars.AUTH_BLOCK_SECONDS ?? 60,
      maxBlockSeconds: vars.AUTH_MAX_BLOCK_SECONDS ?? 3600,
    },
    invitationTtlDays: vars.INVITATION_TTL_DAYS ?? 14,
    accountResetTtlHours: vars.ACCOUNT_RESET_TTL_HOURS ?? 24,
    vettingDefaultMonths: vars.VETTING_DEFAULT_MONTHS ?? 24,
  };
});
