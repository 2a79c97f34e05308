import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '@app/common';
import { SessionEventsController } from '../auth/session-events.controller';

/** `auth_session_event_streams`: the session-events (SSE) streams open on this node, read at each scrape. */
@Injectable()
export class SessionStreamMetrics {
  constructor(metrics: MetricsRegistry, moduleRef: ModuleRef) {
    new Gauge({
      name: 'auth_session_event_streams',
      help: 'Open GET /auth/session-events streams (one per signed-in browser)',
      registers: [metrics.registry],
      collect() {
        this.set(moduleRef.get(SessionEventsController, { strict: false }).openStreams);
      },
    });
  }
}
