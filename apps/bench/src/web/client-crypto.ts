import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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
  report: ClientCryptoFigures;
}

/**
 * The chat client's cost in Chromium: the client libraries as a browser loads them (the browser tests' harness page,
 * dist/client-lib-harness, served on the API's origin: a secure context, as the app is) open a room's messages with
 * WebCrypto — and with tweetnacl, the baseline, side by side — catch up from nothing cached, and unlock a device kept
 * under a passphrase at the default scrypt cost. Smoke: fewer messages, sanity only (the machine's load sets the times).
 */
export async function benchClientCrypto(
  browser: Browser,
  serverUrl: string,
  settings: { root: string; smoke: boolean },
): Promise<ClientCryptoResult> {
  const dist = join(settings.root, HARNESS_OUT_DIR);
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('bench:web: build the client-library harness first (npm run -s web:build:harness)');
  }
  const options: ClientCryptoOptions = {
    // 1,000 opens: a p99 of 500 would be the fifth-slowest, one young-generation collection more or less.
    messages: settings.smoke ? 100 : 1000,
    catchUp: settings.smoke ? 100 : 500,
    roomSize: 10,
    unlockRuns: settings.smoke ? 1 : 5,
  };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route(`${serverUrl}${HARNESS_BASE}**`, (route) =>
      route.fulfill({ path: join(dist, new URL(route.request().url()).pathname.slice(HARNESS_BASE.length)) }),
    );
    await page.goto(`${serverUrl}${HARNESS_BASE}index.html`);
    const figures = await page.evaluate(
      (given) =>
        (
          globalThis as unknown as {
            clientLib: { measureClientCrypto(options: ClientCryptoOptions): Promise<ClientCryptoFigures> };
          }
        ).clientLib.measureClientCrypto(given),
      options,
    );
    return judge(figures, settings.smoke);
  } finally {
    await context.close();
  }
}

function judge(figures: ClientCryptoFigures, smoke: boolean): ClientCryptoResult {
  const { open, catchUp, vault } = figures;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const unlock = median(vault.unlockMs);
  const ratio = open.tweetnacl.p50 / open.webcrypto.p50;
  const ms2 = (value: number) => `${value.toFixed(2)} ms`;
  log(
    `  Chat client in Chromium: a room of ${figures.roomSize} (${figures.envelopeBytes}-byte envelope), verifier ${open.verifier}`,
  );
  table(
    ['open one message (parse, verify, unwrap, decrypt)', 'p50', 'p99', 'max'],
    [
      [
        'WebCrypto (keys and verify)',
        ms2(open.webcrypto.p50),
        ms2(open.webcrypto.p99),
        ms2(open.webcrypto.max),
      ],
      ['tweetnacl (the baseline)', ms2(open.tweetnacl.p50), ms2(open.tweetnacl.p99), ms2(open.tweetnacl.max)],
    ],
  );
  log(
    `    WebCrypto opens ${ratio.toFixed(0)}× faster than tweetnacl (p50); catch-up on ${catchUp.messages} messages from nothing cached ${formatMs(catchUp.totalMs)} (longest ${ms2(catchUp.longestMs)}); a device under a passphrase (scrypt 2^${vault.scrypt.logN}, r ${vault.scrypt.r}) created in ${formatMs(vault.createMs)}, unlocked in ${vault.unlockMs.map((value) => formatMs(value)).join(', ')}`,
  );
  log();
  const judged = !smoke;
  const checks = [
    checkOf(
      `open a room-of-${figures.roomSize} message in Chromium, p99`,
      `≤ ${CLIENT_CRYPTO_TARGETS.openP99Ms} ms`,
      ms2(open.webcrypto.p99),
      open.webcrypto.p99 <= CLIENT_CRYPTO_TARGETS.openP99Ms,
      judged,
    ),
    checkOf(
      `catch up on ${catchUp.messages} messages in Chromium`,
      `≤ ${formatMs(CLIENT_CRYPTO_TARGETS.catchUpMs)}`,
      formatMs(catchUp.totalMs),
      catchUp.totalMs <= CLIENT_CRYPTO_TARGETS.catchUpMs,
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
  const problems = [
    ...(open.verifier === 'webcrypto' ? [] : [`the page verified with ${open.verifier}, not WebCrypto`]),
    ...[open.webcrypto, open.tweetnacl]
      .filter((figure) => !(figure.p50 > 0 && figure.p99 >= figure.p50))
      .map((figure) => `an open spread is not sane: ${JSON.stringify(figure)}`),
    ...(catchUp.totalMs > 0 && vault.unlockMs.every((value) => value > 0) ? [] : ['a time is not positive']),
  ];
  return { checks, problems, report: figures };
}
