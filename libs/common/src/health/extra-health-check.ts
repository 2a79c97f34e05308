import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * A further dependency /health and /ready check besides the database (e.g. Redis on a chat node). A module provides
 * it under this class; the health controller picks it up when present.
 */
export abstract class ExtraHealthCheck {
  abstract check(): Promise<HealthIndicatorResult>;
}
