import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureApplication } from '@app/common';
import { loadConfiguration, type AppConfig } from '@app/config';
import { RealtimeIoAdapter } from '@app/realtime';
import { AppModule } from '../../apps/api/src/app.module';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  /** POST /graphql with the CSRF-preflight header a real client sends. */
  graphql(query: string, variables?: Record<string, unknown>, token?: string): request.Test;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment for this app (e.g. NODE_ENV=production to test the production profile). */
  env?: Record<string, string>;
  module?: Type | DynamicModule;
  /** Boot on this database instead of a fresh one (a restart); `close` then leaves it to its owner to drop. */
  database?: TestDatabase;
}

/**
 * Boots the API in-process on its own fresh database, configured exactly as `main.ts` does, listening on a random
 * port of 127.0.0.1 (so sockets can connect).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const app = await withEnv({ ...database.env, ...options.env }, async () => {
    const config = loadConfiguration(process.env);
    // NestFactory, as main.ts does (a TestingModule resolves its providers before the HTTP adapter exists, so
    // ServeStaticModule would pick its no-op loader and the web client would not be served).
    const nest = await NestFactory.create<NestExpressApplication>(
      options.module ?? AppModule.register({ chatEmbedded: config.chat.embedded }),
      { logger: false, abortOnError: false, forceCloseConnections: true },
    );
    configureApplication(nest, config);
    nest.useWebSocketAdapter(new RealtimeIoAdapter(nest, config.chat, config.redis));
    await nest.listen(0, '127.0.0.1');
    return nest;
  });
  const config = app.get(ConfigService<AppConfig, true>);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const server = app.getHttpServer();
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config: {
      server: config.get('server', { infer: true }),
      database: config.get('database', { infer: true }),
      auth: config.get('auth', { infer: true }),
      chat: config.get('chat', { infer: true }),
      redis: config.get('redis', { infer: true }),
      search: config.get('search', { infer: true }),
      clock: config.get('clock', { infer: true }),
      operations: config.get('operations', { infer: true }),
    },
    dataSource: app.get(DataSource),
    database,
    graphql: (query, variables, token) => {
      const req = request(server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('apollo-require-preflight', 'true');
      if (token) {
        void req.set('authorization', `Bearer ${token}`);
      }
      return req.send({ query, variables });
    },
    close: async () => {
      await app.close();
      if (!options.database) {
        await database.drop();
      }
    },
  };
}

/** Runs `work` with extra environment variables, then restores the previous values (config is read during boot). */
export async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  }
}
