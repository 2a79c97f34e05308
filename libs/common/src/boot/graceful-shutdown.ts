import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** A part of the process that has work to finish before it stops (the chat sockets). Resolves when it is done. */
export type DrainStep = () => Promise<void>;

/**
 * The first phase of a SIGTERM, before Nest closes anything: from the first moment `/ready` answers 503 and the HTTP
 * server accepts no new connection; requests in progress finish and are answered (with `Connection: close`), idle
 * keep-alive connections close, Server-Sent Events streams end (the browser reconnects to another node), and every
 * registered step (the chat sockets: finish the events in progress, then disconnect) runs. Bounded by the caller's
 * budget: whatever is still open then is cut, and Nest's close (database, Redis) follows.
 */
@Injectable()
export class GracefulShutdown implements OnApplicationBootstrap {
  private readonly steps = new Set<DrainStep>();
  /** Responses not yet finished (requests in progress). */
  private readonly active = new Set<ServerResponse>();
  private server?: Server;
  private started = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** True from the moment the drain starts: readiness fails, new work is refused. */
  get draining(): boolean {
    return this.started;
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) {
      return; // an application context (CLI): nothing to drain
    }
    this.server = server;
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.active.add(res);
      if (this.started) {
        endAfterAnswer(res);
      }
      res.once('close', () => {
        this.active.delete(res);
        if (this.started) {
          // The answer is out: its connection may now be idle (a keep-alive whose headers had already gone).
          server.closeIdleConnections();
        }
      });
    });
  }

  /** Adds a step to the drain. */
  onDrain(step: DrainStep): void {
    this.steps.add(step);
  }

  /**
   * Runs the drain, for at most `budgetMs`; resolves with what was still open when the budget ran out (all zero
   * after a clean drain). Idempotent: a second call waits for the same drain.
   */
  drain(budgetMs: number): Promise<{ requests: number }> {
    this.drained ??= this.run(budgetMs);
    return this.drained;
  }

  private drained?: Promise<{ requests: number }>;

  private async run(budgetMs: number): Promise<{ requests: number }> {
    this.started = true;
    const server = this.server;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const res of this.active) {
      endAfterAnswer(res);
    }
    const steps = Promise.all([...this.steps].map((step) => step().catch(() => undefined)));
    await Promise.race([Promise.all([steps, closed]), budget]);
    clearTimeout(timer);
    const left = { requests: this.active.size };
    // Past the budget: cut what is left (the process is going, whatever they wait for).
    server?.closeAllConnections();
    return left;
  }
}

/**
 * The connection closes once this answer is out; a Server-Sent Events stream (it never ends by itself) ends now, and
 * the browser's EventSource reconnects — to a node that is up.
 */
function endAfterAnswer(res: ServerResponse): void {
  if (!res.headersSent) {
    res.setHeader('Connection', 'close');
    return;
  }
  if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) {
    res.end();
  }
}
