import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Gauge, Histogram } from 'prom-client';
import { API_PATH_PREFIXES } from '../api-paths';
import { MetricsRegistry } from './metrics.registry';

/** Seconds; from a fast probe to a slow export. */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The route label of a request: the pattern of the Nest route that answered it (`/auth/refresh`, `/exports/:kind`),
 * else the API prefix it falls under (`/graphql`, served by Apollo's middleware), else `web` (the web client's pages
 * and assets, and unknown paths). Never the raw URL: each label value is a time series, and a URL is any string.
 */
export function routeOf(req: Request): string {
  // The last route Express matched; a wildcard is a middleware's (`/{*path}`: logging, metrics) or the web client's
  // fallback, not a route of its own.
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string' && !pattern.includes('*')) {
    return pattern;
  }
  const path = (req.originalUrl ?? req.url).split('?')[0];
  return API_PATH_PREFIXES.find((prefix) => path === prefix || path.startsWith(`${prefix}/`)) ?? 'web';
}

/**
 * `http_request_duration_seconds{method, route, status}`: every HTTP request, from arrival to the last byte sent;
 * `http_requests_in_flight`: the requests being handled now (a graceful shutdown waits for them).
 */
@Injectable()
export class HttpMetrics implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly inFlight: Gauge;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status (aborted: the client left before the answer)',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: HTTP_BUCKETS,
      registers: [metrics.registry],
    });
    this.inFlight = new Gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being handled (long-lived streams included)',
      registers: [metrics.registry],
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.duration.startTimer();
    this.inFlight.inc();
    res.once('close', () => {
      this.inFlight.dec();
      end({
        method: KNOWN_METHODS.has(req.method) ? req.method : 'OTHER',
        route: routeOf(req),
        status: res.writableFinished ? String(res.statusCode) : 'aborted',
      });
    });
    next();
  }
}

/** Methods kept as they are; any other (PROPFIND, made-up ones) is counted as OTHER. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
