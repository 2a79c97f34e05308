import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ModuleRef } from '@nestjs/core';
import { HttpMetrics, MetricsRegistry } from '@app/common';
import { SearchMetrics } from '@app/directory';
import { ChatMetrics } from '@app/realtime';
import { GraphqlMetrics } from './graphql-metrics';
import { SessionStreamMetrics } from './session-stream-metrics';

const DOCKER = resolve(__dirname, '../../../../docker');

interface Panel {
  title: string;
  type: string;
  datasource?: { uid?: string };
  targets?: { expr: string }[];
}

/** Every series name the API and a chat node export (a histogram as its _bucket, _sum and _count). */
function exportedSeries(): Set<string> {
  const metrics = new MetricsRegistry();
  new HttpMetrics(metrics);
  new GraphqlMetrics(metrics);
  new SessionStreamMetrics(metrics, {} as ModuleRef);
  new SearchMetrics(metrics);
  new ChatMetrics(metrics);
  return new Set(
    metrics.registry
      .getMetricsAsArray()
      .flatMap(({ name, type }) =>
        String(type) === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name],
      ),
  );
}

/** The metric names a PromQL expression reads: identifiers left once strings, selectors, ranges and groupings go. */
function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without)\s*\([^)]*\)/g, '');
  return [...bare.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g)].map(([name]) => name);
}

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(
    readFileSync(resolve(DOCKER, 'grafana/counterpart-dashboard.json'), 'utf8'),
  ) as {
    panels: Panel[];
  };
  const queries = dashboard.panels.filter((panel) => panel.type !== 'row');
  const exprs = queries.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));

  it('should query only metrics the API and the chat nodes export', () => {
    const exported = exportedSeries();
    const read = exprs.flatMap(metricsOf);
    expect(read.length).toBeGreaterThan(exprs.length - 1);
    expect(read.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('should cover the API, GraphQL, search, chat and process metrics', () => {
    const read = new Set(exprs.flatMap(metricsOf));
    for (const name of [
      'http_request_duration_seconds_bucket',
      'graphql_operation_duration_seconds_bucket',
      'graphql_errors_total',
      'search_duration_seconds_bucket',
      'chat_connected_sockets',
      'chat_messages_total',
      'chat_ack_latency_seconds_bucket',
      'chat_event_errors_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(read).toContain(name);
    }
  });

  it('should read every panel from the DS_PROMETHEUS data source and select only the jobs Prometheus scrapes', () => {
    expect(queries.filter((panel) => panel.datasource?.uid !== '${DS_PROMETHEUS}')).toEqual([]);
    const prometheus = readFileSync(resolve(DOCKER, 'prometheus/prometheus.yml'), 'utf8');
    const jobs = new Set([...prometheus.matchAll(/job_name: (\S+)/g)].map(([, job]) => job));
    const selected = exprs.flatMap((expr) => [...expr.matchAll(/job="([^"]+)"/g)].map(([, job]) => job));
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.filter((job) => !jobs.has(job))).toEqual([]);
  });
});
