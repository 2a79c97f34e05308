import { Controller, Get, Header, Injectable, Module } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of a chat node (prom-client, own registry): connected sockets, messages by outcome (rate =
 * messages/s), send→ack latency, event errors, plus the process defaults (memory, event-loop lag, GC).
 */
@Injectable()
export class ChatMetrics {
  readonly registry = new Registry();
  readonly sockets = new Gauge({
    name: 'chat_connected_sockets',
    help: 'Sockets connected to this node',
    registers: [this.registry],
  });
  readonly messages = new Counter({
    name: 'chat_messages_total',
    help: 'message:send handled, by outcome (stored, duplicate, refused)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly ackLatency = new Histogram({
    name: 'chat_ack_latency_seconds',
    help: 'From receiving message:send to its ack (includes the durable commit)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'chat_event_errors_total',
    help: 'Events answered with an error, by event and code',
    labelNames: ['event', 'code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

@Controller()
export class MetricsController {
  constructor(private readonly metrics: ChatMetrics) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

@Module({ providers: [ChatMetrics], controllers: [MetricsController], exports: [ChatMetrics] })
export class ChatMetricsModule {}
