import type { Browser, BrowserContext, Page } from 'playwright-core';
// The browser tests' context defaults (locale, time zone, viewport): the bench loads the screens as they do.
import { CONTEXT_DEFAULTS } from '../../../web/e2e/support/context';
import type { GeneratedPractitioner } from '../search/generate';
import type { Answer, DirectoryQuery } from './directory-queries';
import { PageLoadRecorder, type PageLoad, type ReadyCheck } from './page-load';

/**
 * A vetted member of the demo network the API seeds in development (libs/database/src/seed; the browser tests' DEMO
 * in apps/web/e2e/support/api.ts, which the bench does not import: it loads @playwright/test).
 */
export const DEMO_MEMBER = {
  email: 'aigul.bekmukhanova@kz.demo.counterpart.example',
  password: 'counterpart-demo-2026',
} as const;

/** The targets for the directory: bytes of the screen, and request → rendered results (p95). */
export const DIRECTORY_TARGETS = { jsCssBytes: 200_000, regular3gP95Ms: 1_000, loopbackP95Ms: 100 } as const;

/** The search box's debounce (apps/web/src/features/directory/lib/search-text.ts, SEARCH_DEBOUNCE_MS). */
export const SEARCH_DEBOUNCE_MS = 250;

const RESULTS = 'ul[aria-labelledby="search-results-heading"]';

/**
 * Writes `count` practitioners of the bench:search generator (apps/bench/src/search/generate.ts) into the SQLite file
 * of a running API (idle: it has only booted). Its search index sees them through the `directory_change` log the
 * triggers fill (a rebuild: far more rows than it replays), at the first search once its staleness bound has passed.
 * Loaded here, not at the top: entity column types follow the environment when they are imported (SQLite).
 */
export async function seedPractitioners(sqliteFile: string, count: number): Promise<GeneratedPractitioner[]> {
  delete process.env.DATABASE_URL;
  const { DataSource } = await import('typeorm');
  const { generatePractitioners } = await import('../search/generate');
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database: sqliteFile,
    timeout: 60_000,
  }).initialize();
  try {
    const people = await generatePractitioners(dataSource, count);
    await dataSource.query('ANALYZE');
    return people;
  } finally {
    await dataSource.destroy();
  }
}

/** The API's answer to the search box's text (the screen's own filter: `{ text }`, a page of 20), by GraphQL. */
export async function searchAnswer(baseUrl: string, token: string, text: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      query:
        'query($filter: PractitionerFilterInput!) { practitioners(filter: $filter, first: 20) { totalCount edges { node { id } } } }',
      variables: { filter: { text } },
    }),
  });
  const body = (await response.json()) as {
    data?: { practitioners: { totalCount: number; edges: { node: { id: string } }[] } };
    errors?: unknown;
  };
  if (!body.data) {
    throw new Error(`search for ${JSON.stringify(text)} failed: ${JSON.stringify(body.errors ?? body)}`);
  }
  return {
    totalCount: body.data.practitioners.totalCount,
    ids: body.data.practitioners.edges.map((edge) => edge.node.id),
  };
}

/** An access token of the demo member, for the bench's own GraphQL calls. */
export async function memberToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_MEMBER),
  });
  if (!response.ok) {
    throw new Error(`sign-in of ${DEMO_MEMBER.email} failed: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * A fresh browser context signed in as the demo member the way the browser tests do it (`POST /auth/sign-in` through
 * the context's own request: the HttpOnly refresh cookie lands in the context and a page load restores the session),
 * English chosen on the browser (the member's saved language would otherwise be adopted); service workers blocked.
 */
export async function signedInContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  // No service worker: it answers from its precache (filled in the background after the first load, not through this
  // page's CDP session), which would hide what the screen itself needs; its precache is reported apart (precache.ts).
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, serviceWorkers: 'block' });
  await context.addInitScript({
    content:
      "if (!localStorage.getItem('counterpart.locale')) localStorage.setItem('counterpart.locale', 'en');",
  });
  const response = await context.request.post(`${baseUrl}/auth/sign-in`, { data: DEMO_MEMBER });
  if (!response.ok()) {
    await context.close();
    throw new Error(`sign-in of ${DEMO_MEMBER.email} failed: ${response.status()} ${await response.text()}`);
  }
  return context;
}

/** Resolves once the page's global `name` passes `test` (read through a function: the CSP forbids eval). */
async function whenGlobal(
  page: Page,
  name: string,
  test: 'number' | 'frame',
  timeoutMs: number,
): Promise<void> {
  await page.waitForFunction(
    ([key, kind]) => {
      const value = (globalThis as Record<string, unknown>)[key];
      return kind === 'number'
        ? typeof value === 'number'
        : typeof (value as { frame?: unknown } | undefined)?.frame === 'number';
    },
    [name, test] as const,
    { timeout: timeoutMs, polling: 50 },
  );
}

/**
 * Resolves with when (ms on the page's clock) an in-page condition first held, checked at every animation frame. The
 * page's script runs through CDP (`page.evaluate` of a string is not subject to the page's CSP; a string predicate of
 * `waitForFunction` is, as eval); what it finds is read back through a function.
 */
async function whenTrue(page: Page, condition: string, timeoutMs: number): Promise<number> {
  await page.evaluate(`(() => {
    window.__benchReady = undefined;
    const tick = () => {
      if (${condition}) {
        window.__benchReady = performance.now();
      } else {
        requestAnimationFrame(tick);
      }
    };
    tick();
  })()`);
  await whenGlobal(page, '__benchReady', 'number', timeoutMs);
  return Number(await page.evaluate(() => (globalThis as Record<string, unknown>).__benchReady));
}

/** /directory is ready when its results list shows cards and neither it nor the filters are fetching. */
export const directoryReady: ReadyCheck = (page, timeoutMs) =>
  whenTrue(
    page,
    `(() => {
      const list = document.querySelector('${RESULTS}');
      const filters = document.getElementById('search-filters');
      return !!(list && list.getAttribute('aria-busy') === 'false' && list.querySelector('h3 a') &&
        filters && filters.getAttribute('aria-busy') === 'false');
    })()`,
    timeoutMs,
  );

/** The network home is ready when its map (a lazily loaded chunk) has drawn its countries. */
export const homeReady: ReadyCheck = (page, timeoutMs) =>
  whenTrue(page, `!!document.querySelector('svg[role="group"] path')`, timeoutMs);

export interface ScreenLoads {
  directory: PageLoad;
  home: PageLoad;
  /** `/`, then the header's Directory link: what reaching both costs (the second part only fetches what is new). */
  homeThenDirectory: PageLoad[];
}

/** Cold loads (cache disabled, a fresh signed-in context each) of /directory, of /, and of / then the Directory link. */
export async function loadScreens(
  browser: Browser,
  baseUrl: string,
  settings: { emulate: boolean; timeoutMs: number },
): Promise<ScreenLoads> {
  const cold = async <T>(run: (recorder: PageLoadRecorder, page: Page) => Promise<T>): Promise<T> => {
    const context = await signedInContext(browser, baseUrl);
    try {
      const page = await context.newPage();
      const recorder = await PageLoadRecorder.attach(page, { regular3g: settings.emulate });
      await recorder.setCacheDisabled(true);
      return await run(recorder, page);
    } finally {
      await context.close();
    }
  };
  const options = (ready: ReadyCheck) => ({ timeoutMs: settings.timeoutMs, bodies: true, ready });
  const directory = await cold((recorder) => recorder.load(`${baseUrl}/directory`, options(directoryReady)));
  const home = await cold((recorder) => recorder.load(`${baseUrl}/`, options(homeReady)));
  const homeThenDirectory = await cold(async (recorder, page) => {
    const first = await recorder.load(`${baseUrl}/`, options(homeReady));
    const second = await recorder.record(
      () => page.locator('header a[href="/directory"]').first().click(),
      options(directoryReady),
    );
    return [first, second];
  });
  return { directory, home, homeThenDirectory };
}

/** One measured query: ms on the page's clock, from the page's own resource timing and DOM. */
export interface QueryTiming {
  kind: string;
  text: string;
  totalCount: number;
  /** The `input` event → the search's /graphql fetch starting (the debounce, then the URL and urql). */
  typedToRequestMs: number;
  /** The fetch starting → the results list showing the expected first page (DOM committed: a MutationObserver). */
  requestToRenderedMs: number;
  /** The same to the next animation frame after it (the frame that paints it). */
  requestToFrameMs: number;
  /** Of which the response: the fetch starting → its last byte (resource timing's responseEnd). */
  responseMs: number;
}

export interface QueryRun {
  label: string;
  timings: QueryTiming[];
  problems: string[];
  warmupMs: number;
}

interface SentSearch {
  operation: string;
  text: string | undefined;
}

/**
 * Types each query into the directory's search box of a warm app (signed in, /directory loaded, `warmups` searched
 * first) and times, on the page's clock, from the moment the debounced search request leaves — the start of its
 * fetch in resource timing, identified among the page's /graphql requests by CDP (`Network.requestWillBeSent`: the
 * DirectorySearch operation with this text) — to the results list (`aria-busy="false"`) showing exactly the first page
 * the API gave the bench for the same text, caught by a MutationObserver. A query the screen already shows, or whose
 * request is missing or doubled, is a problem, not a figure.
 */
export async function runQueries(
  browser: Browser,
  baseUrl: string,
  queries: (DirectoryQuery & Answer)[],
  warmups: (DirectoryQuery & Answer)[],
  settings: { label: string; emulate: boolean; timeoutMs: number },
): Promise<QueryRun> {
  const context = await signedInContext(browser, baseUrl);
  const problems: string[] = [];
  const timings: QueryTiming[] = [];
  try {
    const page = await context.newPage();
    const recorder = await PageLoadRecorder.attach(page, { regular3g: settings.emulate });
    const sent: SentSearch[] = [];
    recorder.session.on('Network.requestWillBeSent', (event) => {
      if (event.request.method !== 'POST' || new URL(event.request.url).pathname !== '/graphql') {
        return;
      }
      let operation = '?';
      let text: string | undefined;
      try {
        const body = JSON.parse(event.request.postData ?? '{}') as {
          operationName?: string;
          variables?: { filter?: { text?: string } };
        };
        operation = body.operationName ?? '?';
        text = body.variables?.filter?.text;
      } catch {
        // not JSON: counted as another operation
      }
      sent.push({ operation, text });
    });
    await recorder.load(`${baseUrl}/directory`, {
      timeoutMs: settings.timeoutMs,
      bodies: false,
      ready: directoryReady,
    });
    const warmupStarted = performance.now();
    for (const query of warmups) {
      await measure(page, sent, query, settings.timeoutMs);
    }
    const warmupMs = performance.now() - warmupStarted;
    for (const query of queries) {
      const result = await measure(page, sent, query, settings.timeoutMs);
      if (typeof result === 'string') {
        problems.push(`${settings.label}, ${JSON.stringify(query.text)}: ${result}`);
      } else {
        timings.push(result);
      }
    }
    return { label: settings.label, timings, problems, warmupMs };
  } finally {
    await context.close();
  }
}

/** One query typed and timed (see runQueries); a string says why it could not be measured. */
async function measure(
  page: Page,
  sent: SentSearch[],
  query: DirectoryQuery & Answer,
  timeoutMs: number,
): Promise<QueryTiming | string> {
  const expected = query.ids.map((id) => `/directory/${id}`);
  const armed = await page.evaluate(
    `((expected) => {
      const state = { typed: null, dom: null, frame: null };
      window.__benchSearch = state;
      performance.clearResourceTimings();
      const box = document.querySelector('input[name="q"]');
      box.addEventListener('input', () => { if (state.typed === null) state.typed = performance.now(); }, { once: true });
      const shows = () => {
        const list = document.querySelector('${RESULTS}');
        if (!list || list.getAttribute('aria-busy') !== 'false') return false;
        const links = [...list.querySelectorAll('h3 a')].map((link) => link.getAttribute('href'));
        return links.length === expected.length && links.every((href, i) => href === expected[i]);
      };
      if (shows()) return false;
      const observer = new MutationObserver(() => {
        if (state.dom === null && shows()) {
          state.dom = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => { state.frame = performance.now(); });
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      return true;
    })(${JSON.stringify(expected)})`,
  );
  if (!armed) {
    return 'the screen already showed its results (same first page as the query before)';
  }
  const from = sent.length;
  await page.locator('input[name="q"]').fill(query.text);
  try {
    await whenGlobal(page, '__benchSearch', 'frame', timeoutMs);
  } catch {
    return `its results did not show within ${timeoutMs} ms`;
  }
  const mine = sent.slice(from);
  const index = mine.findIndex(
    (request) => request.operation === 'DirectorySearch' && request.text === query.text,
  );
  const searches = mine.filter(
    (request) => request.operation === 'DirectorySearch' && request.text === query.text,
  );
  if (index < 0 || searches.length !== 1) {
    return `${searches.length} DirectorySearch requests with its text (of ${mine.length} to /graphql)`;
  }
  // Resource timing lists a fetch once its response is complete: it may trail the DOM by a task.
  let seen: { typed: number; dom: number; frame: number; entries: { start: number; end: number }[] };
  const until = Date.now() + 5_000;
  do {
    seen = await page.evaluate<typeof seen>(`(() => ({
      ...window.__benchSearch,
      entries: performance.getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'fetch' && new URL(entry.name).pathname === '/graphql')
        .sort((a, b) => a.startTime - b.startTime)
        .map((entry) => ({ start: entry.startTime, end: entry.responseEnd })),
    }))()`);
  } while (seen.entries.length < mine.length && Date.now() < until && (await pause(50)));
  if (seen.entries.length !== mine.length) {
    return `${seen.entries.length} /graphql fetches in resource timing, ${mine.length} requests seen by CDP`;
  }
  const request = seen.entries[index];
  return {
    kind: query.kind,
    text: query.text,
    totalCount: query.totalCount,
    typedToRequestMs: request.start - seen.typed,
    requestToRenderedMs: seen.dom - request.start,
    requestToFrameMs: seen.frame - request.start,
    responseMs: request.end - request.start,
  };
}

const pause = (ms: number) => new Promise<true>((done) => setTimeout(() => done(true), ms));

/** Nearest-rank percentile (p95 of 20 samples is the 19th smallest). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
