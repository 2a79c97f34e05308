import { Injectable, Module } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsModule, MetricsRegistry } from '@app/common';

/**
 * Prometheus metrics of a chat node, in the process's registry (served by `GET /metrics` with the process defaults):
 * connected sockets, messages by outcome (rate = messages/s), send→ack latency, event errors.
 */
@Injectable()
export class ChatMetrics {
  readonly sockets: Gauge;
  readonly messages: Counter<'outcome'>;
  readonly ackLatency: Histogram;
  readonly errors: Counter<'event' | 'code'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.sockets = new Gauge({
      name: 'chat_connected_sockets',
      help: 'Sockets connected to this node',
      registers,
    });
    this.messages = new Counter({
      name: 'chat_messages_total',
      help: 'message:send handled, by outcome (stored, duplicate, refused)',
      labelNames: ['outcome'] as const,
      registers,
    });
    this.ackLatency = new Histogram({
      name: 'chat_ack_latency_seconds',
      help: 'From receiving message:send to its ack (includes the durable commit)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.errors = new Counter({
      name: 'chat_event_errors_total',
      help: 'Events answered with an error, by event and code',
      labelNames: ['event', 'code'] as const,
      registers,
    });
  }
}

@Module({ imports: [MetricsModule], providers: [ChatMetrics], exports: [ChatMetrics] })
export class ChatMetricsModule {}
