import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BooleanEnv, defineNamespace, nodeEnvOf, type NodeEnv } from './env';

/** 0 (no proxy) to 10 hops. */
const TRUST_PROXY_HOPS = Array.from({ length: 11 }, (_, hops) => hops);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

class ServerEnv {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: LogLevel;

  /** A hop count, never "trust any": with `true`, a client could name its own address in X-Forwarded-For. */
  @IsOptional()
  @IsIn(TRUST_PROXY_HOPS, {
    message:
      'TRUST_PROXY must be the number of reverse proxies in front of the app (0-10; 1 for one nginx), not true or false',
  })
  TRUST_PROXY?: number;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(10_485_760)
  HTTP_MAX_BODY_BYTES?: number;

  /** Overrides the profile's default (off in production, on elsewhere). */
  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_DEPTH?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_ALIASES?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(100_000)
  GRAPHQL_MAX_TOKENS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_MAX_DIRECTIVES?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_COST?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_FIELD_REPEATS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_ERRORS?: number;
}

export interface ServerConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Pretty, human-readable logs (development); JSON lines otherwise. */
  prettyLogs: boolean;
  /**
   * Reverse proxies in front (0 = none): the client's address is the one the outermost proxy saw, X-Forwarded-For
   * read from the right by this many hops; what the client itself put there is never believed.
   */
  trustProxy: number;
  /** Largest request body accepted (bytes). */
  maxBodyBytes: number;
  graphql: {
    /** Production profile: no introspection, no landing page, no field suggestions. */
    production: boolean;
    introspection: boolean;
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    maxCost: number;
    /** How often one selection set may name the same response key or fragment. */
    maxFieldRepeats: number;
    /** Validation stops after this many errors (and adds one saying so). */
    maxErrors: number;
  };
}

export const DEFAULT_PORT = 3000;

export const serverConfig = defineNamespace('server', ServerEnv, (vars, env): ServerConfig => {
  const nodeEnv = nodeEnvOf(env);
  return {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    port: vars.PORT ?? DEFAULT_PORT,
    host: vars.HOST ?? '0.0.0.0',
    logLevel: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    prettyLogs: nodeEnv === 'development',
    trustProxy: vars.TRUST_PROXY ?? 0,
    maxBodyBytes: vars.HTTP_MAX_BODY_BYTES ?? 65_536,
    graphql: {
      production: nodeEnv === 'production',
      introspection: vars.GRAPHQL_INTROSPECTION ?? nodeEnv !== 'production',
      maxDepth: vars.GRAPHQL_MAX_DEPTH ?? 10,
      maxAliases: vars.GRAPHQL_MAX_ALIASES ?? 15,
      maxTokens: vars.GRAPHQL_MAX_TOKENS ?? 2000,
      maxDirectives: vars.GRAPHQL_MAX_DIRECTIVES ?? 5,
      maxCost: vars.GRAPHQL_MAX_COST ?? 2000,
      maxFieldRepeats: vars.GRAPHQL_MAX_FIELD_REPEATS ?? 3,
      maxErrors: vars.GRAPHQL_MAX_ERRORS ?? 5,
    },
  };
});
