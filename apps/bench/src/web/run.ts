import type { Browser } from 'playwright-core';
// The browser tests' context defaults (locale, time zone, viewport): the bench loads the page as they do.
import { CONTEXT_DEFAULTS } from '../../../web/e2e/support/context';
import { PageLoadRecorder, type PageLoad } from './page-load';

export interface LoadSettings {
  /** Cold + warm pairs to run (each in a fresh browser context). */
  runs: number;
  /** No new pair starts after this long (at least one always runs). */
  budgetMs: number;
  /** Per navigation: the sign-in mark must be set by then. */
  timeoutMs: number;
  /** Throttle to DevTools' Regular 3G (the full run); the smoke runs unthrottled. */
  emulate: boolean;
}

export interface Loads {
  cold: PageLoad[];
  warm: PageLoad[];
}

/**
 * Loads `url` in pairs, each in a fresh browser context (its own empty cache and connections): a cold load with the
 * cache disabled (bodies gzipped), then — cache enabled, same context — a first visit that fills the cache and the
 * measured warm revisit. `onLoad` reports each measured load as it ends.
 */
export async function runLoads(
  browser: Browser,
  url: string,
  settings: LoadSettings,
  onLoad: (kind: 'cold' | 'warm', run: number, load: PageLoad) => void,
): Promise<Loads> {
  const loads: Loads = { cold: [], warm: [] };
  const started = Date.now();
  for (let run = 1; run <= settings.runs; run += 1) {
    if (run > 1 && Date.now() - started > settings.budgetMs) {
      break;
    }
    // No service worker: it would answer the revisit from its precache, which the figures before it did not have.
    const context = await browser.newContext({ ...CONTEXT_DEFAULTS, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const recorder = await PageLoadRecorder.attach(page, { regular3g: settings.emulate });
      await recorder.setCacheDisabled(true);
      const cold = await recorder.load(url, { timeoutMs: settings.timeoutMs, bodies: true });
      loads.cold.push(cold);
      onLoad('cold', run, cold);
      await recorder.setCacheDisabled(false);
      await recorder.load(url, { timeoutMs: settings.timeoutMs, bodies: false });
      const warm = await recorder.load(url, { timeoutMs: settings.timeoutMs, bodies: false });
      loads.warm.push(warm);
      onLoad('warm', run, warm);
    } finally {
      await context.close();
    }
  }
  return loads;
}
