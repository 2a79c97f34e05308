import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadConfiguration, loadDotEnv, type AppConfig } from '@app/config';
import { assertDatabaseReachable } from '@app/database';
import { InputGuardPipe } from '../validation/input-guard.pipe';
import { createValidationPipe } from '../validation/validation';
import { bodyErrorHandler } from './body-errors';
import { GracefulShutdown } from './graceful-shutdown';
import { securityHeaders } from './security-headers';

/** Errors an operator fixes from the message alone: printed without a stack trace. */
const OPERATOR_ERRORS = new Set([
  'BackupError',
  'CliUsageError',
  'ConfigValidationError',
  'DatabaseUnreachableError',
  'DemoAccountsInProductionError',
  'DomainException',
]);

export interface RunOptions {
  /** Shown in boot messages: "api", "chat". */
  name: string;
  /** The root module, built from the validated configuration. */
  module: (config: AppConfig) => Type | DynamicModule;
  configure?: (app: NestExpressApplication, config: AppConfig) => void;
  afterListen?: (app: INestApplication, config: AppConfig, url: string) => Promise<void>;
}

/** What every Nest application here gets, in production and in tests alike. */
export function configureApplication(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  app.use(securityHeaders(config.chat.allowedOrigins));
  app.useBodyParser('json', { limit: config.server.maxBodyBytes });
  // Registered here so Nest adds no parser of its own after the error handler.
  app.useBodyParser('urlencoded', { limit: config.server.maxBodyBytes, extended: false });
  app.use(bodyErrorHandler(config.server.maxBodyBytes));
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  // A hop count (0 = none, Express's default): req.ip is the address the outermost trusted proxy saw.
  app.set('trust proxy', config.server.trustProxy);
}

/**
 * Boots an app: .env, validated configuration, a database reachability check, Nest, listen on PORT. Any failure ends
 * the process with exit code 1 and a message naming the cause; operator errors print no stack trace.
 */
export async function runApplication(options: RunOptions): Promise<NestExpressApplication | undefined> {
  let app: NestExpressApplication | undefined;
  try {
    loadDotEnv();
    const config = loadConfiguration(process.env);
    await assertDatabaseReachable(config.database);
    // Nest's own logger stays off until pino takes over, so boot failures are reported once, below.
    app = await NestFactory.create<NestExpressApplication>(options.module(config), {
      logger: false,
      abortOnError: false,
      forceCloseConnections: true,
    });
    configureApplication(app, config);
    stopOnSignals(app, options.name, config.operations.shutdownGraceMs);
    options.configure?.(app, config);
    await app.listen(config.server.port, config.server.host);
    keepIdleConnectionsOpen(app);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.server.port;
    const url = `http://localhost:${port}`;
    await options.afterListen?.(app, config, url);
    return app;
  } catch (error) {
    reportBootFailure(options.name, error);
    await app?.close().catch(() => undefined);
    process.exitCode = 1;
    return undefined;
  }
}

/**
 * How long an idle keep-alive connection stays open. Node closes it after 5 s by default, and a client that sends its
 * next request on it at that moment gets ECONNRESET (seen in the browser tests' API client). A reverse proxy keeps
 * upstream connections for 60 s (nginx's `keepalive_timeout`): the server must outlast it, so the proxy is never the
 * one caught sending on a connection being closed. Headers must still arrive within the longer timeout.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function keepIdleConnectionsOpen(app: NestExpressApplication): void {
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

/** The part of the grace kept for closing the database and Redis once HTTP and sockets are drained. */
const CLOSE_SHARE = 0.2;

/**
 * Ctrl-C (SIGINT) or SIGTERM: drain (GracefulShutdown: readiness 503, no new connections, requests and socket events in
 * progress answered, sockets closed), then close the app (database, Redis) and exit 0. One mechanism: Nest's
 * enableShutdownHooks stays off. A second signal, or a shutdown longer than SHUTDOWN_GRACE_MS, exits at once with 1.
 */
function stopOnSignals(app: INestApplication, name: string, graceMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\nCounterpart ${name}: ${signal} received, shutting down…\n`);
    setTimeout(() => {
      process.stderr.write(`Counterpart ${name}: shutdown took longer than ${graceMs} ms\n`);
      process.exit(1);
    }, graceMs).unref();
    drain(app, graceMs * (1 - CLOSE_SHARE))
      .then((left) => {
        if (left > 0) {
          process.stderr.write(
            `Counterpart ${name}: ${left} request(s) still running at the end of the drain: cut\n`,
          );
        }
        return app.close();
      })
      .then(
        () => process.exit(0),
        (error: unknown) => {
          reportBootFailure(name, error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The app's drain, if it has one (every app with HealthModule does); the number of requests it had to cut. */
async function drain(app: INestApplication, budgetMs: number): Promise<number> {
  let shutdown: GracefulShutdown;
  try {
    shutdown = app.get(GracefulShutdown, { strict: false });
  } catch {
    return 0;
  }
  return (await shutdown.drain(budgetMs)).requests;
}

export function reportBootFailure(name: string, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const detail = OPERATOR_ERRORS.has(err.name) ? err.message : (err.stack ?? err.message);
  process.stderr.write(`\nCounterpart ${name} did not start.\n${detail}\n\n`);
}
