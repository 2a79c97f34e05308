import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry (prom-client, never its global default): every module registers its metrics
 * here, so an API with the chat embedded answers one scrape with both. Holds the process defaults too (memory, CPU,
 * event-loop lag, GC, handles).
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
