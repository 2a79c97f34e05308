import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { defineNamespace, MIN_SECRET_LENGTH, NoPlaceholderInProduction } from './env';

class OperationsEnv {
  @IsOptional()
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, {
    message: `METRICS_TOKEN must be at least ${MIN_SECRET_LENGTH} characters long`,
  })
  @NoPlaceholderInProduction()
  METRICS_TOKEN?: string;

  @IsOptional()
  @IsInt({ message: 'SHUTDOWN_GRACE_MS must be a whole number of milliseconds' })
  @Min(1_000)
  @Max(300_000)
  SHUTDOWN_GRACE_MS?: number;

  // Read by NoPlaceholderInProduction.
  NODE_ENV?: string;
}

export interface OperationsConfig {
  /** The bearer token a Prometheus scrape of `/metrics` sends; unset: `/metrics` is not served (404). */
  metricsToken?: string;
  /** How long a SIGTERM may take: drain HTTP and sockets, then close the database and Redis. */
  shutdownGraceMs: number;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** How a running process is watched (metrics) and stopped (graceful shutdown). */
export const operationsConfig = defineNamespace('operations', OperationsEnv, (vars): OperationsConfig => ({
  metricsToken: vars.METRICS_TOKEN,
  shutdownGraceMs: vars.SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS,
}));
