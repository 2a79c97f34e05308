import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadConfiguration, loadDotEnv, type AppConfig } from '@app/config';
import { assertDatabaseReachable } from '@app/database';

/** Errors an operator fixes from the message alone: printed without a stack trace. */
const OPERATOR_ERRORS = new Set([
  'ConfigValidationError',
  'DatabaseUnreachableError',
  'DemoAccountsInProductionError',
]);

export interface RunOptions {
  /** Shown in boot messages: "api", "chat". */
  name: string;
  module: Type;
  configure?: (app: NestExpressApplication, config: AppConfig) => void;
  afterListen?: (app: INestApplication, config: AppConfig, url: string) => Promise<void>;
}

/** What every Nest application here gets, in production and in tests alike. */
export function configureApplication(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  if (config.server.trustProxy) {
    app.set('trust proxy', true);
  }
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
    app = await NestFactory.create<NestExpressApplication>(options.module, { logger: false, abortOnError: false });
    configureApplication(app, config);
    options.configure?.(app, config);
    await app.listen(config.server.port, config.server.host);
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

export function reportBootFailure(name: string, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const detail = OPERATOR_ERRORS.has(err.name) ? err.message : (err.stack ?? err.message);
  process.stderr.write(`\nCounterpart ${name} did not start.\n${detail}\n\n`);
}
