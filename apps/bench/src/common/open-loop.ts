import { Agent, request } from 'node:http';
import { percentiles } from './stats';

const GRACE_MS = 5_000;

export interface OpenLoopResult {
  sent: number;
  ok: number;
  errors: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * Open-loop load: requests leave on a fixed schedule whatever the responses do, and latency is measured from the
 * scheduled send time (no coordinated omission). Bounded by `seconds`; stops by itself.
 */
export async function openLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  headers: Record<string, string>;
  bodies: string[];
}): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const requests = new Set<ReturnType<typeof request>>();
  for (let i = 0; i < total; i += 1) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const body = options.bodies[i % options.bodies.length];
    pending.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
            timeout: 10_000,
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 200) {
                latencies.push(performance.now() - scheduled);
              } else {
                errors += 1;
              }
              resolve();
            });
          },
        );
        req.on('error', () => {
          errors += 1;
          resolve();
        });
        requests.add(req);
        req.on('close', () => {
          requests.delete(req);
          resolve();
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end(body);
      }),
    );
  }
  // Bounded: whatever has not answered a few seconds after the last send counts as failed.
  const deadline = setTimeout(() => requests.forEach((req) => req.destroy(new Error('deadline'))), GRACE_MS);
  await Promise.all(pending);
  clearTimeout(deadline);
  agent.destroy();
  const stats = percentiles(latencies);
  return {
    sent: total,
    ok: latencies.length,
    errors,
    p50: stats.p50,
    p99: stats.p99,
    mean: stats.mean,
    max: stats.max,
  };
}
