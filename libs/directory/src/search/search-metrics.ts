import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from '@app/common';

/** The two halves of a directory search: the page of ranked ids (with the total), and the facet counts. */
export type SearchPhase = 'page' | 'facets';

/** `search_duration_seconds{kind, engine}`: each half of a directory search, per engine (memory, database). */
@Injectable()
export class SearchMetrics {
  private readonly duration: Histogram<'kind' | 'engine'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'search_duration_seconds',
      help: 'Directory search by kind (page: ranked ids and total; facets: facet counts) and engine',
      labelNames: ['kind', 'engine'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [metrics.registry],
    });
  }

  /**
   * Runs synchronous `work` and records how long it took (also when it fails). Synchronous on purpose for the memory
   * engine: its index is updated in place by the next change-log replay, so a page and its facets must be computed
   * with no await between them.
   */
  timeSync<T>(kind: SearchPhase, engine: string, work: () => T): T {
    const end = this.duration.startTimer({ kind, engine });
    try {
      return work();
    } finally {
      end();
    }
  }

  /** Runs `work` and records how long it took (also when it fails). */
  async time<T>(kind: SearchPhase, engine: string, work: () => Promise<T>): Promise<T> {
    const end = this.duration.startTimer({ kind, engine });
    try {
      return await work();
    } finally {
      end();
    }
  }
}
