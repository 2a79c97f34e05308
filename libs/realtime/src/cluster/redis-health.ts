import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ExtraHealthCheck } from '@app/common';
import { ClusterBridge } from './cluster-bridge';

/** /health and /ready include Redis when the process is connected to it (REDIS_URL). */
@Injectable()
export class RedisHealthCheck extends ExtraHealthCheck {
  constructor(
    private readonly bridge: ClusterBridge,
    private readonly indicator: HealthIndicatorService,
  ) {
    super();
  }

  async check(): Promise<HealthIndicatorResult> {
    const redis = this.indicator.check('redis');
    if (!this.bridge.enabled) {
      return redis.up({ mode: 'in-memory (no REDIS_URL)' });
    }
    try {
      await Promise.race([
        this.bridge.ping(),
        new Promise((_resolve, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return redis.up();
    } catch (error) {
      return redis.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
