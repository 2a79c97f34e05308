import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
// The browser tests' own helpers (apps/web/e2e/support): the same API start and the same Chromium.
import { startApiServer } from '../../../web/e2e/support/api-server';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../web/e2e/support/chromium';
import { benchContext } from '../common/context';
import { benchChatScreens } from './chat-screens';
import { benchClientCrypto } from './client-crypto';
import { benchDirectory } from './directory-bench';
import { benchMessageSearch, benchMessageSearchOnly } from './message-search';
import { attributeModules } from './modules';
import { REGULAR_3G, type PageLoad } from './page-load';
import {
  TARGETS,
  bytesOf,
  checkOf,
  formatMs,
  jsCss,
  kB,
  medianBytes,
  printBytes,
  printChecks,
  printModules,
  printTimes,
  printWaterfall,
  timesOf,
} from './report';
import { runLoads } from './run';

const log = (line = '') => process.stdout.write(`${line}\n`);
const TOP_MODULES = 15;

/**
 * `npm run bench:web` — the sign-in screen, then the directory and the network home, of the built client as the API
 * serves it, in Debian's Chromium driven by playwright-core over the DevTools protocol (see docs/BENCHMARKS.md).
 * Sign-in:
 *   bytes   every response of a cold load by type (JS, CSS, HTML, other): transferred (`encodedDataLength`) and the
 *           decoded body gzipped here at level 9; the JS + CSS target is judged on the compressed bodies as
 *           transferred (headers aside, printed beside) once the server compresses, else on that gzip (with a warning);
 *   modules the chunks the page loaded, attributed to source modules from the source maps of a second build;
 *   time    `performance.mark('signin-ready')` on DevTools' Regular 3G: cold (fresh context, cache disabled) and warm
 *           (same context, cache enabled, a revisit), the median of BENCH_RUNS pairs (5) within BENCH_SECONDS (240).
 * Directory (directory-bench.ts): BENCH_PRACTITIONERS (100,000; smoke 2,000) of the bench:search generator written into
 * the API's database; JS + CSS of /directory and / signed in; request → rendered results of 20 mixed-script queries
 * on loopback and on Regular 3G.
 * Chat client (client-crypto.ts): opening a room-of-10 message in the page with WebCrypto and with tweetnacl, a
 * catch-up on 500 from nothing cached, unlocking a device under a passphrase (the browser tests' harness page).
 * Chat screens (chat-screens.ts): a room of 10 with 500 messages opened in the app (socket catch-up, verify, decrypt,
 * render; long tasks), and a message sent in one browser shown in another (p95).
 * Message search (message-search.ts): 5,000 messages sealed in a device's IndexedDB (smoke 500), the search screen's
 * index built, and 120 queries timed from input to results laid out (p95); BENCH_ONLY=message-search runs it alone.
 * The API runs as the browser tests run it: a free port of 127.0.0.1, a fresh SQLite file, the demo network. The exit
 * code is non-zero when a judged target is missed or a figure is not sane. BENCH_SMOKE=1 (CI): no emulation, one
 * sign-in pair, 2,000 practitioners; judges the bytes (a build's bytes do not vary) and the directory's loopback p95
 * at three times its target, and every figure's sanity; not the sign-in times.
 */
async function main(): Promise<number> {
  // BENCH_ONLY=message-search: that measurement alone (message-search.ts), without the builds and loads below.
  if (process.env.BENCH_ONLY === 'message-search') {
    return benchMessageSearchOnly();
  }
  const { root, smoke, dir } = benchContext();
  const settings = {
    runs: Number(process.env.BENCH_RUNS ?? (smoke ? 1 : 5)),
    budgetMs: Number(process.env.BENCH_SECONDS ?? 240) * 1000,
    timeoutMs: smoke ? 20_000 : 60_000,
    emulate: !smoke,
    practitioners: Number(process.env.BENCH_PRACTITIONERS ?? (smoke ? 2_000 : 100_000)),
  };
  const load = loadavg()[0];
  const cleanups: (() => unknown)[] = [];
  // Once, in reverse order, however many callers (the finally below, a signal) ask for it.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
        try {
          await cleanup();
        } catch (error) {
          process.stderr.write(`bench:web: cleaning up failed: ${String(error)}\n`);
        }
      }
    })());
  // Ctrl-C or a CI timeout: the API and the browser stop with us.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(code)));
  }
  try {
    const mapsDir = mkdtempSync(join(tmpdir(), 'counterpart-bench-web-maps-'));
    cleanups.push(() => rmSync(mapsDir, { recursive: true, force: true }));
    const buildMs = buildWithSourceMaps(root, mapsDir);
    const server = await startApiServer({ root, label: 'bench-web' });
    cleanups.push(() => server.stop());
    // Signals are ours (above): Playwright's own handlers would exit before the API is stopped.
    const browser = await chromium.launch({
      ...CHROMIUM_LAUNCH_OPTIONS,
      timeout: 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    cleanups.push(() => browser.close());

    const url = `${server.url}/sign-in`;
    log(`bench:web${smoke ? ' (smoke)' : ''}: the sign-in screen (${url}) in Chromium ${browser.version()}`);
    log(
      `  ${settings.emulate ? `Regular 3G (${REGULAR_3G.downloadThroughput} B/s down, ${REGULAR_3G.uploadThroughput} B/s up, ${REGULAR_3G.latency} ms latency)` : 'no network emulation (smoke)'}; ` +
        `up to ${settings.runs} cold + warm pairs; ${cpus().length} cores, load average ${load.toFixed(2)} at start`,
    );
    const loads = await runLoads(browser, url, settings, (kind, run, page) => {
      const bytes = bytesOf(page);
      log(
        `  ${kind} ${run}: signin-ready ${formatMs(page.readyMs)}, JS + CSS ${kB(jsCss(bytes, 'transferred'))} transferred`,
      );
    });
    log();

    const cold = medianBytes(loads.cold);
    const warm = medianBytes(loads.warm);
    printBytes(
      'Cold load, bytes per type (median of the runs; kB = 1,000 bytes; headers included in transferred)',
      cold,
      true,
    );
    printBytes('Warm revisit, bytes per type', warm, false);
    log();
    const coldTimes = timesOf(loads.cold);
    const warmTimes = timesOf(loads.warm);
    printTimes([
      { label: settings.emulate ? 'cold, Regular 3G' : 'cold, unthrottled', times: coldTimes },
      { label: settings.emulate ? 'warm, Regular 3G' : 'warm, unthrottled', times: warmTimes },
    ]);
    log();
    const typical = [...loads.cold].sort(
      (a, b) => Math.abs(a.readyMs - coldTimes.median) - Math.abs(b.readyMs - coldTimes.median),
    )[0];
    printWaterfall(
      'The cold load nearest the median, response by response (ms after its first request)',
      typical,
    );
    log();

    const chunks = signInChunks(loads.cold[0]);
    const servedDir = join(root, 'dist/web/assets');
    const attribution = await attributeModules({ chunks, servedDir, mapsDir: join(mapsDir, 'assets'), root });
    printModules(attribution, TOP_MODULES);
    log(
      `  (source maps: a second build with --sourcemap hidden in ${formatMs(buildMs)}, byte-identical chunks only)`,
    );
    log();

    // Sane figures, in every run: a wrong number is worse than a slow one.
    const problems = [
      ...[...loads.cold, ...loads.warm]
        .filter((page) => !(page.readyMs > 0 && page.readyMs < settings.timeoutMs))
        .map((page) => `signin-ready at ${page.readyMs} ms`),
      ...(['js', 'css', 'html'] as const)
        .filter((kind) => !(cold[kind].requests > 0 && cold[kind].transferred > 0 && cold[kind].gzip > 0))
        .map((kind) => `no ${kind} bytes on the cold load`),
      ...chunks
        .filter((chunk) => {
          const transfer = loads.cold[0].transfers.find(
            (candidate) => basename(new URL(candidate.url).pathname) === chunk,
          );
          return transfer?.body !== statSync(join(servedDir, chunk)).size;
        })
        .map((chunk) => `${chunk}: the body the browser got is not the built file`),
      ...(jsCss(warm, 'transferred') < jsCss(cold, 'transferred')
        ? []
        : ['the warm revisit did not use the cache']),
      ...(attribution.modules.length > 0 && attribution.attributedBytes === attribution.coveredBytes
        ? []
        : ['the source maps do not account for every byte of the chunks']),
    ];
    if (settings.emulate) {
      // Throttling that did not apply would show as a load faster than the link can carry its bytes.
      const floorMs =
        (1000 * (jsCss(cold, 'transferred') + cold.html.transferred)) / REGULAR_3G.downloadThroughput;
      if (coldTimes.median < 0.9 * floorMs) {
        problems.push(
          `cold load in ${formatMs(coldTimes.median)}, faster than Regular 3G carries its bytes (${formatMs(floorMs)})`,
        );
      }
    }

    // The server compresses once scripts or style sheets come compressed (files under its threshold may not be).
    const compressed = jsCss(cold, 'compressed') > 0;
    // The target is the scripts' and style sheets' own bytes as compressed on the wire: transferred minus the response
    // headers (shown beside it: they are not JavaScript, and a proxy such as nginx sends other ones).
    const wireBodies = jsCss(cold, 'transferred') - jsCss(cold, 'headers');
    const jsCssBytes = compressed ? wireBodies : jsCss(cold, 'gzip');
    const plain = loads.cold[0].transfers.filter(
      (transfer) => (transfer.kind === 'js' || transfer.kind === 'css') && !transfer.encoding,
    );
    if (!compressed) {
      log(
        `  ! the server does not compress scripts and style sheets: the bytes target is judged on gzip -9 of the` +
          ` bodies (${kB(jsCss(cold, 'gzip'))}), not on what was transferred (${kB(jsCss(cold, 'transferred'))})`,
      );
    } else if (plain.length > 0) {
      const list = plain.map(
        (transfer) => `${basename(new URL(transfer.url).pathname)} (${kB(transfer.transferred)})`,
      );
      log(`  sent uncompressed (counted as transferred): ${list.join(', ')}`);
    }
    const signInChecks = [
      checkOf(
        `JS + CSS of the sign-in screen (${compressed ? `compressed bodies on the wire; ${kB(jsCss(cold, 'transferred'))} with headers` : 'gzip -9 of the bodies'})`,
        `≤ ${kB(TARGETS.jsCssGzipBytes)}`,
        kB(jsCssBytes),
        jsCssBytes <= TARGETS.jsCssGzipBytes,
      ),
      checkOf(
        `signin-ready, cold (median)${settings.emulate ? ', Regular 3G' : ''}`,
        `≤ ${formatMs(TARGETS.coldMs)}`,
        formatMs(coldTimes.median),
        coldTimes.median <= TARGETS.coldMs,
        !smoke,
      ),
      checkOf(
        `signin-ready, warm revisit (median)${settings.emulate ? ', Regular 3G' : ''}`,
        `≤ ${formatMs(TARGETS.warmMs)}`,
        formatMs(warmTimes.median),
        warmTimes.median <= TARGETS.warmMs,
        !smoke,
      ),
    ];
    log();

    // Before the directory's 100,000 practitioners are written: the page's timings want a quiet API beside them.
    const clientCrypto = await benchClientCrypto(server.url, { root, smoke });
    const chatScreens = await benchChatScreens(browser, server.url, { smoke });
    const messageSearch = await benchMessageSearch(browser, server.url, { root, smoke });

    const directory = await benchDirectory(browser, server.url, join(server.folder, 'counterpart.sqlite'), {
      root,
      smoke,
      emulate: settings.emulate,
      timeoutMs: settings.timeoutMs,
      practitioners: settings.practitioners,
      mapsDir,
    });
    problems.push(
      ...directory.problems,
      ...clientCrypto.problems,
      ...chatScreens.problems,
      ...messageSearch.problems,
    );
    const checks = [
      ...signInChecks,
      ...directory.checks,
      ...clientCrypto.checks,
      ...chatScreens.checks,
      ...messageSearch.checks,
    ];
    printChecks(
      smoke ? 'Targets (smoke: no emulation; the sign-in times are not judged)' : 'Targets',
      checks,
    );
    problems.forEach((problem) => log(`  ! not sane: ${problem}`));

    const file = resolve(dir, `web${smoke ? '-smoke' : ''}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
          chromium: browser.version(),
          network: settings.emulate ? REGULAR_3G : 'none',
          runs: { cold: loads.cold.length, warm: loads.warm.length },
          bytes: { cold, warm, compressed },
          signinReadyMs: { cold: coldTimes, warm: warmTimes },
          checks,
          problems,
          chunks,
          modules: attribution.modules.slice(0, TOP_MODULES),
          packages: attribution.packages.slice(0, TOP_MODULES),
          chunkBytes: attribution.chunkBytes,
          chunkGzip: attribution.chunkGzip,
          loads,
          directory: directory.report,
          clientCrypto: clientCrypto.report,
          chatScreens: chatScreens.report,
          messageSearch: messageSearch.report,
        },
        null,
        2,
      )}\n`,
    );
    log(`  report: ${file}`);
    if (problems.length > 0) {
      return 1;
    }
    const missed = checks.filter((check) => check.judged && !check.ok);
    log(
      missed.length === 0
        ? `  bench:web: every judged target met${smoke ? ' (smoke)' : ''}`
        : `  bench:web: ${missed.length} target(s) missed: ${missed.map((check) => check.name).join('; ')}`,
    );
    return missed.length === 0 ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

/** The client built again from the same sources with hidden source maps (Vite's --sourcemap hidden), into `outDir`. */
function buildWithSourceMaps(root: string, outDir: string): number {
  const started = performance.now();
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const config = join(root, 'apps/web/vite.config.mts');
  const args = [
    vite,
    'build',
    '--config',
    config,
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--sourcemap',
    'hidden',
  ];
  const result = spawnSync(process.execPath, [...args, '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`The source-map build failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return performance.now() - started;
}

/** The script and style sheet chunks (/assets/…) the sign-in page loaded, by file name, in load order. */
function signInChunks(load: PageLoad): string[] {
  const names = load.transfers
    .filter((transfer) => transfer.kind === 'js' || transfer.kind === 'css')
    .map((transfer) => new URL(transfer.url).pathname)
    .filter((path) => path.startsWith('/assets/'))
    .map((path) => basename(path));
  return [...new Set(names)];
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(
      `bench:web failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
