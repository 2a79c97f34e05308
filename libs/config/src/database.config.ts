import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BooleanEnv, defineNamespace, nodeEnvOf } from './env';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  SQLITE_PATH?: string;

  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  DB_MIGRATE_ON_BOOT?: boolean;

  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  DB_SEED_ON_BOOT?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600_000)
  DB_BUSY_TIMEOUT_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  DB_CONNECT_TIMEOUT_MS?: number;

  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  DB_LOGGING?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SQLITE_CHECKPOINT_INTERVAL_MS?: number;
}

export type DatabaseDialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  dialect: DatabaseDialect;
  /** PostgreSQL connection URL (only when dialect is postgres). */
  url?: string;
  /** SQLite file (only when dialect is sqlite). */
  sqlitePath: string;
  migrateOnBoot: boolean;
  /** Seed the demo network into an empty database at boot; never in production. */
  seedOnBoot: boolean;
  busyTimeoutMs: number;
  poolSize: number;
  connectTimeoutMs: number;
  logging: boolean;
  /**
   * SQLite only: how often a worker thread checkpoints the WAL on its own connection (automatic checkpoints, which
   * would run inside a commit on the event loop, are then off). 0 leaves checkpoints to SQLite.
   */
  checkpointIntervalMs: number;
}

export const DEFAULT_SQLITE_PATH = './data/counterpart.sqlite';

export const databaseConfig = defineNamespace('database', DatabaseEnv, (vars, env): DatabaseConfig => {
  const production = nodeEnvOf(env) === 'production';
  return {
    dialect: vars.DATABASE_URL ? 'postgres' : 'sqlite',
    url: vars.DATABASE_URL,
    sqlitePath: vars.SQLITE_PATH ?? DEFAULT_SQLITE_PATH,
    migrateOnBoot: vars.DB_MIGRATE_ON_BOOT ?? true,
    seedOnBoot: !production && (vars.DB_SEED_ON_BOOT ?? true),
    busyTimeoutMs: vars.DB_BUSY_TIMEOUT_MS ?? 5000,
    poolSize: vars.DB_POOL_SIZE ?? 10,
    connectTimeoutMs: vars.DB_CONNECT_TIMEOUT_MS ?? 5000,
    logging: vars.DB_LOGGING ?? false,
    checkpointIntervalMs: vars.SQLITE_CHECKPOINT_INTERVAL_MS ?? 250,
  };
});

/** Removes the password from a connection URL so it can be printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
