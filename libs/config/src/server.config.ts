import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BooleanEnv, defineNamespace, nodeEnvOf, type NodeEnv } from './env';

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

  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  TRUST_PROXY?: boolean;
}

export interface ServerConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Pretty, human-readable logs (development); JSON lines otherwise. */
  prettyLogs: boolean;
  trustProxy: boolean;
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
    trustProxy: vars.TRUST_PROXY ?? false,
  };
});
