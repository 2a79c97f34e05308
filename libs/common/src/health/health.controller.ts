import { Controller, Get } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { GracefulShutdown } from '../boot/graceful-shutdown';
import { ExtraHealthCheck } from './extra-health-check';

/** Liveness and readiness: 200 when the database (and any ExtraHealthCheck, e.g. Redis) answers, 503 otherwise. */
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly moduleRef: ModuleRef,
    private readonly shutdown: GracefulShutdown,
  ) {}

  @Get('health')
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database', { timeout: 3000 })];
    const extra = this.extra();
    if (extra) {
      checks.push(() => extra.check());
    }
    return this.health.check(checks);
  }

  private extra(): ExtraHealthCheck | null {
    try {
      return this.moduleRef.get(ExtraHealthCheck, { strict: false });
    } catch {
      return null;
    }
  }

  /** Also 503 from the first moment of a graceful shutdown, so a proxy or orchestrator stops sending work here. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.shutdown.draining) {
      return this.health.check([() => ({ shutdown: { status: 'down', message: 'Shutting down.' } })]);
    }
    return this.check();
  }
}
