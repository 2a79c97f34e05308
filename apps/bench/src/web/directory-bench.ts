import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chooseQueries, type Answer, type DirectoryQuery } from './directory-queries';
import {
  DIRECTORY_TARGETS,
  loadScreens,
  memberToken,
  percentile,
  runQueries,
  searchAnswer,
  seedPractitioners,
  SEARCH_DEBOUNCE_MS,
  type QueryRun,
} from './directory';
import { attributeModules } from './modules';
import { REGULAR_3G, type PageLoad } from './page-load';
import { precacheOf } from './precache';
import {
  bytesOf,
  checkOf,
  formatMs,
  jsCss,
  kB,
  printBytes,
  printModules,
  printWaterfall,
  table,
  type ByKind,
  type Check,
} from './report';

const log = (line = '') => process.stdout.write(`${line}\n`);
const TOP_MODULES = 15;
/** Words every generated practitioner's position has one of: searched first, to warm the API and the page. */
const WARMUPS = ['Investigator', 'Analyst', 'Inspector'];

export interface DirectorySettings {
  root: string;
  smoke: boolean;
  emulate: boolean;
  timeoutMs: number;
  practitioners: number;
  /** The source-map build of the client (main.ts), for the module breakdown. */
  mapsDir: string;
}

export interface DirectoryResult {
  checks: Check[];
  problems: string[];
  report: Record<string, unknown>;
}

/** The script and style sheet chunks (/assets/…) a load fetched, by file name, in load order. */
export function chunksOf(...loads: PageLoad[]): string[] {
  const names = loads
    .flatMap((load) => load.transfers)
    .filter((transfer) => transfer.kind === 'js' || transfer.kind === 'css')
    .map((transfer) => new URL(transfer.url).pathname)
    .filter((path) => path.startsWith('/assets/'))
    .map((path) => path.slice('/assets/'.length));
  return [...new Set(names)];
}

/** The bytes judged against a target: compressed bodies on the wire (transferred minus headers), else gzip -9. */
export function judgedBytes(bytes: ByKind): { value: number; how: string } {
  return jsCss(bytes, 'compressed') > 0
    ? {
        value: jsCss(bytes, 'transferred') - jsCss(bytes, 'headers'),
        how: `compressed bodies on the wire; ${kB(jsCss(bytes, 'transferred'))} with headers`,
      }
    : { value: jsCss(bytes, 'gzip'), how: 'gzip -9 of the bodies: the server did not compress' };
}

function sum(loads: PageLoad[]): ByKind {
  return bytesOf({ readyMs: 0, transfers: loads.flatMap((load) => load.transfers) });
}

function printRun(run: QueryRun): void {
  log(
    `  ${run.label}: ${run.timings.length} queries (warm-up searches before them: ${formatMs(run.warmupMs)})`,
  );
  table(
    ['query', 'kind', 'found', 'typed → request', 'request → rendered', '→ next frame', 'of which response'],
    run.timings.map((timing) => [
      timing.text,
      timing.kind,
      timing.totalCount.toLocaleString('en-US'),
      formatMs(timing.typedToRequestMs),
      formatMs(timing.requestToRenderedMs),
      formatMs(timing.requestToFrameMs),
      formatMs(timing.responseMs),
    ]),
    2,
  );
  const rendered = run.timings.map((timing) => timing.requestToRenderedMs);
  const frame = run.timings.map((timing) => timing.requestToFrameMs);
  log(
    `    request → rendered p50 ${formatMs(percentile(rendered, 50))}, p95 ${formatMs(percentile(rendered, 95))}, max ${formatMs(Math.max(...rendered))}; → next frame p95 ${formatMs(percentile(frame, 95))}`,
  );
}

/**
 * The directory part of `npm run bench:web` (docs/BENCHMARKS.md): the practitioners written into the API's database,
 * the JS + CSS of /directory and of the network home (/) signed in, and request → rendered results for 20 mixed-script
 * queries on loopback and (full run) on Regular 3G.
 */
export async function benchDirectory(
  browser: Browser,
  baseUrl: string,
  sqliteFile: string,
  settings: DirectorySettings,
): Promise<DirectoryResult> {
  const problems: string[] = [];
  log(
    `bench:web${settings.smoke ? ' (smoke)' : ''}: the directory (${baseUrl}/directory) and the network home, signed in as the demo member`,
  );
  const seedStarted = performance.now();
  const people = await seedPractitioners(sqliteFile, settings.practitioners);
  const token = await memberToken(baseUrl);
  // The API's index catches up at its first search after its staleness bound (1 s): ask until a new name is found.
  const probe = people.find((person) => person.active);
  const caughtUpBy = Date.now() + 120_000;
  for (;;) {
    const answer = probe
      ? await searchAnswer(baseUrl, token, `${probe.firstName} ${probe.latinSurname}`)
      : null;
    if (!probe || answer?.ids.includes(probe.id)) {
      break;
    }
    if (Date.now() > caughtUpBy) {
      throw new Error('the API did not find the generated practitioners within 120 s');
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  log(
    `  ${settings.practitioners.toLocaleString('en-US')} practitioners (the bench:search generator) written into the API's SQLite file and indexed in ${formatMs(performance.now() - seedStarted)}`,
  );
  const answer = (text: string) => searchAnswer(baseUrl, token, text);
  const { queries, rejected } = await chooseQueries(people, answer);
  const warmups: (DirectoryQuery & Answer)[] = [];
  for (const text of WARMUPS) {
    warmups.push({ kind: 'Latin surname', text, ...(await answer(text)) });
  }
  log(
    `  ${queries.length} queries (${rejected} candidates dropped: nothing found, or a full name not finding its person on page one)`,
  );
  if (queries.length < 20) {
    problems.push(`only ${queries.length} of 20 queries could be made from the data`);
  }

  // Bytes: cold loads of the two screens, signed in.
  const screens = await loadScreens(browser, baseUrl, settings);
  const directoryBytes = bytesOf(screens.directory);
  const homeBytes = bytesOf(screens.home);
  const bothBytes = sum(screens.homeThenDirectory);
  log();
  printBytes('/directory, cold (cache disabled), bytes per type', directoryBytes, true);
  printBytes('/ (network home with its map), cold, bytes per type', homeBytes, true);
  printBytes('/, then the Directory link (both screens, each file once), bytes per type', bothBytes, true);
  log();
  const precache = precacheOf(join(settings.root, 'dist/web'));
  if (precache) {
    log(
      `  Service worker precache (downloaded in the background after a first visit; not in the figures above, which block` +
        ` the worker): ${precache.files} files, ${kB(precache.compressed)} as sent (brotli 4; ${kB(precache.raw)} as built),` +
        ` of which JS + CSS ${kB(precache.jsCssCompressed)} (${kB(precache.jsCssRaw)})`,
    );
    log();
  }
  printWaterfall(
    '/directory, cold, response by response (ms after its first request)',
    screens.directory,
    'results list shown, filters counted (ms from navigation)',
  );
  log();
  const attribution = await attributeModules({
    chunks: chunksOf(...screens.homeThenDirectory),
    servedDir: join(settings.root, 'dist/web/assets'),
    mapsDir: join(settings.mapsDir, 'assets'),
    root: settings.root,
  });
  printModules(attribution, TOP_MODULES, '/ and /directory');
  log();

  for (const [name, bytes] of [
    ['/directory', directoryBytes],
    ['/', homeBytes],
    ['/ then /directory', bothBytes],
  ] as const) {
    (['js', 'css', 'html'] as const)
      .filter((kind) => !(bytes[kind].requests > 0 && bytes[kind].transferred > 0))
      .forEach((kind) => problems.push(`${name}: no ${kind} bytes on the cold load`));
  }
  if (!chunksOf(screens.home).some((chunk) => chunk.startsWith('network-map-'))) {
    problems.push('/: the map chunk (network-map-*.js) was not loaded');
  }
  if (attribution.attributedBytes !== attribution.coveredBytes || attribution.modules.length === 0) {
    problems.push('the source maps do not account for every byte of the directory chunks');
  }

  // Request → rendered results.
  const runs: QueryRun[] = [];
  runs.push(
    await runQueries(browser, baseUrl, queries, warmups, {
      label: 'loopback, no emulation',
      emulate: false,
      timeoutMs: settings.timeoutMs,
    }),
  );
  if (settings.emulate) {
    runs.push(
      await runQueries(browser, baseUrl, queries, warmups, {
        label: `Regular 3G (${REGULAR_3G.latency} ms, ${REGULAR_3G.downloadThroughput} B/s down)`,
        emulate: true,
        timeoutMs: settings.timeoutMs,
      }),
    );
  }
  runs.forEach(printRun);
  log();
  for (const run of runs) {
    problems.push(...run.problems);
    const early = run.timings.filter((timing) => timing.typedToRequestMs < SEARCH_DEBOUNCE_MS - 5);
    if (early.length > 0) {
      problems.push(
        `${run.label}: ${early.length} requests left before the ${SEARCH_DEBOUNCE_MS} ms debounce`,
      );
    }
  }
  const threeG = runs[1];
  if (threeG) {
    // Throttling that did not apply would show as answers faster than one emulated round trip.
    const fast = threeG.timings.filter((timing) => timing.responseMs < REGULAR_3G.latency);
    if (fast.length > 0) {
      problems.push(
        `Regular 3G: ${fast.length} responses faster than the emulated ${REGULAR_3G.latency} ms latency`,
      );
    }
  }

  const p95 = (run: QueryRun) =>
    percentile(
      run.timings.map((timing) => timing.requestToRenderedMs),
      95,
    );
  // The smoke run (2,000 practitioners, a CI machine) judges the loopback time at three times its target: a miss by
  // that much is a regression, not noise. Bytes do not vary between runs of a build: judged as they are.
  const loopbackLimit = DIRECTORY_TARGETS.loopbackP95Ms * (settings.smoke ? 3 : 1);
  const bytesCheck = (name: string, bytes: ByKind) => {
    const judged = judgedBytes(bytes);
    return checkOf(
      `JS + CSS of ${name} (${judged.how})`,
      `≤ ${kB(DIRECTORY_TARGETS.jsCssBytes)}`,
      kB(judged.value),
      judged.value <= DIRECTORY_TARGETS.jsCssBytes,
    );
  };
  const checks = [
    bytesCheck('/directory, signed in', directoryBytes),
    bytesCheck('/ with the map, signed in', homeBytes),
    bytesCheck('/ then /directory', bothBytes),
    checkOf(
      `request → results rendered, p95 of ${runs[0].timings.length}, loopback, ${settings.practitioners.toLocaleString('en-US')} practitioners${settings.smoke ? ' (smoke: 3 × the target)' : ''}`,
      `≤ ${formatMs(loopbackLimit)}`,
      formatMs(p95(runs[0])),
      p95(runs[0]) <= loopbackLimit,
    ),
    ...(threeG
      ? [
          checkOf(
            `request → results rendered, p95 of ${threeG.timings.length}, Regular 3G, warm app`,
            `≤ ${formatMs(DIRECTORY_TARGETS.regular3gP95Ms)}`,
            formatMs(p95(threeG)),
            p95(threeG) <= DIRECTORY_TARGETS.regular3gP95Ms,
          ),
        ]
      : []),
  ];
  return {
    checks,
    problems,
    report: {
      practitioners: settings.practitioners,
      queries,
      bytes: { directory: directoryBytes, home: homeBytes, homeThenDirectory: bothBytes },
      precache,
      readyMs: {
        directory: screens.directory.readyMs,
        home: screens.home.readyMs,
      },
      chunks: chunksOf(...screens.homeThenDirectory),
      modules: attribution.modules.slice(0, TOP_MODULES),
      packages: attribution.packages.slice(0, TOP_MODULES),
      runs,
      loads: screens,
    },
  };
}
