import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { loadConfiguration } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import {
  foldWords,
  MAX_QUERY_WORDS,
  PractitionerSearchService,
  SearchIndexService,
  type SearchFilter,
} from '@app/directory';
import { AccessTokenService, SessionEntity } from '@app/identity';
import { openLoop } from '../common/open-loop';
import { pin, startServer as start } from '../common/processes';
import { percentiles, round } from '../common/stats';
import { BenchSearchModule } from './bench-search.module';
import { generatePractitioners } from './generate';
import { makeQueries } from './queries';

export interface SearchBenchSettings {
  root: string;
  dir: string;
  smoke: boolean;
  dialect: 'sqlite' | 'postgres';
  practitioners: number;
  queries: number;
  /** Queries also run on the database engine, which must answer the same. */
  compare: number;
  seconds: number;
  rate: number;
}

const GRAPHQL = `query($filter: PractitionerFilterInput, $first: Int) { practitioners(filter: $filter, first: $first) {
  totalCount edges { node { id } }
  facets { countries { code count } languages { code count } expertise { code count } agencyTypes { code count }
    competences { code count } available24x7 availableNow } } }`;
const JWT_SECRET = 'bench-search-jwt-secret-0123456789abcdef';
const log = (line: string) => process.stdout.write(`${line}\n`);

async function post(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return response.json();
}

function throughput(url: string, headers: Record<string, string>, bodies: string[], seconds: number) {
  return new Promise<{ rps: number; errors: number; non2xx: number }>((done, fail) => {
    autocannon(
      {
        url,
        connections: 20,
        duration: seconds,
        requests: bodies.map((body) => ({ method: 'POST', headers, body })),
      },
      (error: unknown, result) =>
        error
          ? fail(error instanceof Error ? error : new Error('autocannon failed'))
          : done({ rps: result.requests.average, errors: result.errors, non2xx: result.non2xx }),
    );
  });
}

export async function runSearchBench(settings: SearchBenchSettings): Promise<void> {
  pin(process.pid, 0);
  const config = loadConfiguration(process.env);
  const startedAt = Date.now();
  log(
    `bench:search — ${settings.dialect}, ${settings.practitioners} practitioners, ${settings.queries} queries`,
  );

  // 1. Data.
  const dataSource = await new DataSource(dataSourceOptions(config.database, [SessionEntity])).initialize();
  await migrateDatabase(dataSource, { log });
  const people = await generatePractitioners(dataSource, settings.practitioners);
  const viewerId = people.find((person) => person.active)?.id ?? '';
  const sessionId = randomUUID();
  const now = new Date();
  await dataSource.getRepository(SessionEntity).insert({
    id: sessionId,
    memberId: viewerId,
    deviceLabel: 'bench',
    ip: null,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    revokedAt: null,
    revokedReason: null,
  });
  if (settings.dialect === 'postgres') {
    await dataSource.query('ANALYZE');
  } else {
    await dataSource.query('ANALYZE');
  }
  await dataSource.destroy();
  log(`  generated in ${round((Date.now() - startedAt) / 1000, 1)} s`);
  const queries = makeQueries(people, settings.queries);

  // 2. In process: the memory engine's page of ids and facets, timed separately; the database engine side by side
  //    on the first queries, which must give the same answers.
  const context = await NestFactory.createApplicationContext(BenchSearchModule, { logger: ['error'] });
  const search = context.get(PractitionerSearchService);
  const indexes = context.get(SearchIndexService);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const index = await indexes.current();
  const buildMs = performance.now() - buildStarted;
  global.gc?.();
  const indexMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  log(`  index built in ${round(buildMs / 1000, 2)} s, ≈ ${round(indexMb, 0)} MB of heap`);
  const myLanguages = index.languagesOf(viewerId);
  const pageTimes: number[] = [];
  const facetTimes: number[] = [];
  const byKind = new Map<string, number[]>();
  const slowest: { ms: number; filter: SearchFilter; totalCount: number }[] = [];
  let missed = 0;
  for (const [position, query] of [...queries.slice(0, 50), ...queries].entries()) {
    const words = foldWords(query.filter.text).slice(0, MAX_QUERY_WORDS);
    const mine = query.filter.sharesLanguageWithMe ? myLanguages : null;
    const t0 = performance.now();
    const current = await indexes.current();
    const page = current.page(current.prepare(query.filter, words, mine), 20, 0);
    const t1 = performance.now();
    current.facets(current.prepare(query.filter, words, mine));
    const t2 = performance.now();
    if (position < 50) {
      continue; // warm-up
    }
    pageTimes.push(t1 - t0);
    facetTimes.push(t2 - t1);
    slowest.push({ ms: t1 - t0, filter: query.filter, totalCount: page.totalCount });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), t1 - t0]);
    if (query.expectId && !page.ids.includes(query.expectId) && page.totalCount <= 20) {
      missed += 1;
      const viaDatabase = await search.inDatabase(viewerId, query.filter, words, { first: 20, offset: 0 });
      log(
        `  ! ${JSON.stringify(query)} found ${JSON.stringify(page)}; database ${JSON.stringify(viaDatabase.ids)}`,
      );
    }
  }
  const databaseTimes: number[] = [];
  for (const query of queries.slice(0, settings.compare)) {
    const words = foldWords(query.filter.text).slice(0, MAX_QUERY_WORDS);
    const pageOf = { first: 20, offset: 0 };
    // One instant for both engines: "available now" may change between two calls a minute apart.
    const at = new Date();
    const t0 = performance.now();
    const viaDatabase = await search.inDatabase(viewerId, query.filter, words, pageOf, at);
    databaseTimes.push(performance.now() - t0);
    const viaMemory = await search.inMemory(viewerId, query.filter, words, pageOf, at);
    if (JSON.stringify(viaMemory) !== JSON.stringify(viaDatabase)) {
      throw new Error(`The engines disagree on ${JSON.stringify(query.filter)}`);
    }
  }
  await context.close();
  const inProcess = {
    page: percentiles(pageTimes),
    facets: percentiles(facetTimes),
    database: percentiles(databaseTimes),
  };
  log(
    `  in-process page of ids: p50 ${round(inProcess.page.p50, 3)} ms, p99 ${round(inProcess.page.p99, 3)} ms`,
  );
  log(
    `  in-process facets:      p50 ${round(inProcess.facets.p50, 3)} ms, p99 ${round(inProcess.facets.p99, 3)} ms`,
  );
  for (const [kind, samples] of byKind) {
    const stats = percentiles(samples);
    log(
      `    ${kind.padEnd(13)} page p50 ${round(stats.p50, 3)} ms, p99 ${round(stats.p99, 3)} ms (${stats.n})`,
    );
  }
  for (const slow of slowest) {
    log(`    slow: ${round(slow.ms, 3)} ms, ${slow.totalCount} found, ${JSON.stringify(slow.filter)}`);
  }
  log(
    `  database engine (page + facets, ${databaseTimes.length} queries, same answers): p50 ${round(inProcess.database.p50, 1)} ms, p99 ${round(inProcess.database.p99, 1)} ms`,
  );
  if (missed > 0) {
    throw new Error(`${missed} name queries did not find the practitioner they were made from`);
  }

  // 3. Over HTTP: GraphQL (the real API process) against a bare node:http endpoint making the same call.
  const env = {
    JWT_SECRET,
    TOTP_ENCRYPTION_KEY: `${JWT_SECRET}-totp`,
    NODE_ENV: 'production',
    PORT: '0',
    BENCH_VIEWER_ID: viewerId,
    CHAT_EMBEDDED: 'false',
    HOST: '127.0.0.1',
  };
  const api = await start(
    resolve(settings.root, 'dist/apps/api/apps/api/src/main.js'),
    env,
    /running at http:\/\/localhost:(\d+)/,
  );
  const baseline = await start(
    resolve(settings.root, 'dist/apps/bench/apps/bench/src/search/baseline-server.js'),
    env,
    /baseline listening on (\d+)/,
  );
  try {
    const auth = { ...config.auth, jwtKeys: [{ id: 'k1', secret: JWT_SECRET }] };
    const token = new AccessTokenService(auth).sign({ sub: viewerId, sid: sessionId, role: 'MEMBER' }).token;
    const graphqlUrl = `http://127.0.0.1:${api.port}/graphql`;
    const baselineUrl = `http://127.0.0.1:${baseline.port}/`;
    const graphqlHeaders = {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${token}`,
    };
    const baselineHeaders = { 'content-type': 'application/json' };
    const sample = queries.slice(0, Math.min(200, queries.length));
    const graphqlBodies = sample.map((query) =>
      JSON.stringify({ query: GRAPHQL, variables: { filter: query.filter, first: 20 } }),
    );
    const baselineBodies = sample.map((query) => JSON.stringify({ filter: query.filter, first: 20 }));

    // Same answers from both (ids, order, totals). Asked twice before calling it a disagreement: two processes'
    // clocks may fall on either side of a minute, which can change who is available now.
    const answers = async (i: number) => {
      const viaGraphql = (await post(graphqlUrl, graphqlBodies[i], graphqlHeaders)) as {
        data?: { practitioners: { totalCount: number; edges: { node: { id: string } }[] } };
        errors?: unknown;
      };
      const viaBaseline = (await post(baselineUrl, baselineBodies[i], baselineHeaders)) as {
        ids: string[];
        totalCount: number;
      };
      const ids = viaGraphql.data?.practitioners.edges.map((edge) => edge.node.id);
      const same =
        !!viaGraphql.data &&
        JSON.stringify(ids) === JSON.stringify(viaBaseline.ids) &&
        viaGraphql.data.practitioners.totalCount === viaBaseline.totalCount;
      return { same, problem: JSON.stringify(viaGraphql.errors ?? ids) };
    };
    for (let i = 0; i < Math.min(30, sample.length); i += 1) {
      const first = await answers(i);
      if (!first.same && !(await answers(i)).same) {
        throw new Error(`GraphQL and baseline disagree on query ${i}: ${first.problem}`);
      }
    }

    const tGraphql = await throughput(graphqlUrl, graphqlHeaders, graphqlBodies, settings.seconds);
    const tBaseline = await throughput(baselineUrl, baselineHeaders, baselineBodies, settings.seconds);
    const lGraphql = await openLoop({
      url: graphqlUrl,
      rate: settings.rate,
      seconds: settings.seconds,
      headers: graphqlHeaders,
      bodies: graphqlBodies,
    });
    const lBaseline = await openLoop({
      url: baselineUrl,
      rate: settings.rate,
      seconds: settings.seconds,
      headers: baselineHeaders,
      bodies: baselineBodies,
    });
    // The smoke run checks results; a full run reports overload (late or failed requests) as figures instead.
    const failures = [
      lGraphql.errors &&
        `GraphQL: ${lGraphql.errors} of ${lGraphql.sent} requests failed or missed the deadline`,
      lBaseline.errors &&
        `baseline: ${lBaseline.errors} of ${lBaseline.sent} requests failed or missed the deadline`,
      tGraphql.errors + tGraphql.non2xx &&
        `GraphQL throughput run: ${tGraphql.errors + tGraphql.non2xx} failures`,
    ].filter((failure): failure is string => typeof failure === 'string');
    failures.forEach((failure) => log(`  ! ${failure}`));
    if (settings.smoke && failures.length > 0) {
      throw new Error(failures.join('; '));
    }

    const report = {
      date: new Date().toISOString(),
      dialect: settings.dialect,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      practitioners: settings.practitioners,
      queries: settings.queries,
      index: { buildSeconds: round(buildMs / 1000, 2), heapMb: round(indexMb, 0) },
      inProcess: {
        databaseEngineP50: round(inProcess.database.p50, 1),
        databaseEngineP99: round(inProcess.database.p99, 1),
        pageP50: round(inProcess.page.p50, 3),
        pageP99: round(inProcess.page.p99, 3),
        facetsP50: round(inProcess.facets.p50, 3),
        facetsP99: round(inProcess.facets.p99, 3),
      },
      throughput: {
        graphql: round(tGraphql.rps, 1),
        baseline: round(tBaseline.rps, 1),
        ratio: round(tGraphql.rps / tBaseline.rps, 3),
      },
      openLoop: {
        rate: settings.rate,
        graphqlFailed: lGraphql.errors,
        baselineFailed: lBaseline.errors,
        graphqlP50: round(lGraphql.p50, 2),
        graphqlP99: round(lGraphql.p99, 2),
        baselineP50: round(lBaseline.p50, 2),
        baselineP99: round(lBaseline.p99, 2),
      },
    };
    const file = resolve(settings.dir, `search-${settings.dialect}${settings.smoke ? '-smoke' : ''}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(
      `  throughput at 20 connections: GraphQL ${report.throughput.graphql} req/s, baseline ${report.throughput.baseline} req/s, ratio ${report.throughput.ratio}`,
    );
    log(
      `  open loop at ${settings.rate} req/s: GraphQL p50 ${report.openLoop.graphqlP50} ms p99 ${report.openLoop.graphqlP99} ms; baseline p50 ${report.openLoop.baselineP50} ms p99 ${report.openLoop.baselineP99} ms`,
    );
    log(`  report: ${file}`);
  } finally {
    api.child.kill('SIGTERM');
    baseline.child.kill('SIGTERM');
  }
}
