import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../web/e2e/support/chromium';
import type {
  ClientCryptoFigures,
  ClientCryptoOptions,
} from '../../../web/e2e/client-lib/client-crypto-figures';
import { HARNESS_BASE, HARNESS_OUT_DIR } from '../../../web/e2e/client-lib/paths';
import { checkOf, formatMs, table, type Check } from './report';

const log = (line = '') => process.stdout.write(`${line}\n`);

/** Issue 16's targets for a reader in the browser (the same as bench:chat's in Node). */
export const CLIENT_CRYPTO_TARGETS = { openP99Ms: 2, catchUpMs: 1000, unlockMs: 1000 } as const;

export interface ClientCryptoResult {
  checks: Check[];
  problems: string[];
  report: { rounds: ClientCryptoFigures[] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms2 = (value: number) => `${value.toFixed(2)} ms`;

/**
 * The chat client's cost in Chromium: the client libraries as a browser loads them (the browser tests' harness page,
 * dist/client-lib-harness, served on the API's origin: a secure context, as the app is) open a room's messages with
 * WebCrypto — and with tweetnacl, the baseline, side by side — catch up from nothing cached, and unlock a device kept
 * under a passphrase at the default scrypt cost. Its own Chromium, with `--expose-gc` so each timed loop starts from a
 * collected heap; BENCH_CLIENT_ROUNDS pages (3), each in a fresh context (its own renderer), the median judged: a p99
 * of one page is one young-generation collection more or less. Smoke: one small round, sanity only.
 */
export async function benchClientCrypto(
  serverUrl: string,
  settings: { root: string; smoke: boolean },
): Promise<ClientCryptoResult> {
  const dist = join(settings.root, HARNESS_OUT_DIR);
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('bench:web: build the client-library harness first (npm run -s web:build:harness)');
  }
  const options: ClientCryptoOptions = {
    messages: settings.smoke ? 100 : 1000,
    catchUp: settings.smoke ? 100 : 500,
    roomSize: 10,
    unlockRuns: settings.smoke ? 1 : 3,
  };
  const rounds = settings.smoke ? 1 : Number(process.env.BENCH_CLIENT_ROUNDS ?? 3);
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: [...(CHROMIUM_LAUNCH_OPTIONS.args ?? []), '--js-flags=--expose-gc'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    const figures: ClientCryptoFigures[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.route(`${serverUrl}${HARNESS_BASE}**`, (route) =>
          route.fulfill({
            path: join(dist, new URL(route.request().url()).pathname.slice(HARNESS_BASE.length)),
          }),
        );
        await page.goto(`${serverUrl}${HARNESS_BASE}index.html`);
        figures.push(
          await page.evaluate(
            (given) =>
              (
                globalThis as unknown as {
                  clientLib: {
                    measureClientCrypto(options: ClientCryptoOptions): Promise<ClientCryptoFigures>;
                  };
                }
              ).clientLib.measureClientCrypto(given),
            options,
          ),
        );
      } finally {
        await context.close();
      }
    }
    return judge(figures, options.messages, settings.smoke);
  } finally {
    await browser.close();
  }
}

function judge(rounds: ClientCryptoFigures[], opened: number, smoke: boolean): ClientCryptoResult {
  const [first] = rounds;
  const pick = (read: (figures: ClientCryptoFigures) => number) => median(rounds.map(read));
  const openP50 = pick((figures) => figures.open.webcrypto.p50);
  const openP99 = pick((figures) => figures.open.webcrypto.p99);
  const naclP50 = pick((figures) => figures.open.tweetnacl.p50);
  const catchUp = pick((figures) => figures.catchUp.totalMs);
  const unlock = median(rounds.flatMap((figures) => figures.vault.unlockMs));
  const each = (read: (figures: ClientCryptoFigures) => number, format = ms2) =>
    rounds.map((figures) => format(read(figures))).join(', ');
  log(
    `  Chat client in Chromium: a room of ${first.roomSize} (${first.envelopeBytes}-byte envelope), verifier ${first.open.verifier}; ` +
      `${rounds.length} page(s), each opening ${opened.toLocaleString('en-US')} messages after a warm-up`,
  );
  table(
    ['per page', 'open p50', 'open p99', 'open max', 'tweetnacl p50', 'catch-up', 'unlock'],
    rounds.map((figures, index) => [
      `page ${index + 1}`,
      ms2(figures.open.webcrypto.p50),
      ms2(figures.open.webcrypto.p99),
      ms2(figures.open.webcrypto.max),
      ms2(figures.open.tweetnacl.p50),
      formatMs(figures.catchUp.totalMs),
      figures.vault.unlockMs.map((value) => formatMs(value)).join(' / '),
    ]),
  );
  log(
    `    WebCrypto opens ${(naclP50 / openP50).toFixed(0)}× faster than tweetnacl (p50, medians of the pages); catch-up on ${first.catchUp.messages} messages from nothing cached, longest single open ${each((figures) => figures.catchUp.longestMs)}; a device under a passphrase (scrypt 2^${first.vault.scrypt.logN}, r ${first.vault.scrypt.r}) created in ${each((figures) => figures.vault.createMs, formatMs)}`,
  );
  log();
  const judged = !smoke;
  const checks = [
    checkOf(
      `open a room-of-${first.roomSize} message in Chromium, p99 (median of the pages)`,
      `≤ ${CLIENT_CRYPTO_TARGETS.openP99Ms} ms`,
      ms2(openP99),
      openP99 <= CLIENT_CRYPTO_TARGETS.openP99Ms,
      judged,
    ),
    checkOf(
      `catch up on ${first.catchUp.messages} messages in Chromium`,
      `≤ ${formatMs(CLIENT_CRYPTO_TARGETS.catchUpMs)}`,
      formatMs(catchUp),
      catchUp <= CLIENT_CRYPTO_TARGETS.catchUpMs,
      judged,
    ),
    checkOf(
      'unlock a device under a passphrase in Chromium (median)',
      `≤ ${formatMs(CLIENT_CRYPTO_TARGETS.unlockMs)}`,
      formatMs(unlock),
      unlock <= CLIENT_CRYPTO_TARGETS.unlockMs,
      judged,
    ),
  ];
  const problems = rounds.flatMap((figures) => [
    ...(figures.open.verifier === 'webcrypto'
      ? []
      : [`the page verified with ${figures.open.verifier}, not WebCrypto`]),
    ...[figures.open.webcrypto, figures.open.tweetnacl]
      .filter((spread) => !(spread.p50 > 0 && spread.p99 >= spread.p50))
      .map((spread) => `an open spread is not sane: ${JSON.stringify(spread)}`),
    ...(figures.catchUp.totalMs > 0 && figures.vault.unlockMs.every((value) => value > 0)
      ? []
      : ['a time is not positive']),
  ]);
  return { checks, problems, report: { rounds } };
}
