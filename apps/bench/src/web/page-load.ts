import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import type { Protocol } from 'playwright-core/types/protocol';

/** What a response is, for the byte budget: scripts, style sheets, the document, everything else. */
export type ResourceKind = 'js' | 'css' | 'html' | 'other';
export const KINDS: readonly ResourceKind[] = ['js', 'css', 'html', 'other'];

/** DevTools' "Regular 3G" preset: 750 kbit/s down, 250 kbit/s up, 100 ms round trip (bytes per second below). */
export const REGULAR_3G: Protocol.Network.emulateNetworkConditionsParameters = {
  offline: false,
  latency: 100,
  downloadThroughput: (750 * 1024) / 8,
  uploadThroughput: (250 * 1024) / 8,
};

/** One response of a page load. */
export interface Transfer {
  url: string;
  kind: ResourceKind;
  status: number;
  /** Bytes received for it, headers included: CDP `Network.loadingFinished.encodedDataLength` (DevTools' "transferred"). */
  transferred: number;
  /** Of which response headers: CDP `Network.responseReceived`'s `response.encodedDataLength` (0 from the cache). */
  headers: number;
  /** Content-Encoding on the wire (gzip, br…), if any. */
  encoding?: string;
  /** Answered from the browser's memory or disk cache. */
  cached: boolean;
  /** When it was requested and when its last byte arrived, in ms after the load's first request. */
  startMs: number;
  endMs: number;
  /** The decoded body's length and its gzip at level 9, when bodies were asked for (cold runs). */
  body?: number;
  gzip?: number;
}

export interface PageLoad {
  /**
   * When the screen was ready, in ms from the navigation's start: by default `performance.mark('signin-ready')`, the
   * sign-in form being interactive; another screen says what it waits for (`LoadOptions.ready`).
   */
  readyMs: number;
  transfers: Transfer[];
}

/** Waits until the page's screen is ready and resolves with when it was, in ms from the navigation's start. */
export type ReadyCheck = (page: Page, timeoutMs: number) => Promise<number>;

export interface LoadOptions {
  timeoutMs: number;
  /** Each body fetched through CDP and gzipped here (cold loads). */
  bodies: boolean;
  /** What "ready" is (default: the sign-in mark). */
  ready?: ReadyCheck;
}

const READY_MARK = 'signin-ready';

/** The sign-in screen's own mark, set once its form takes input (sign-in-page.tsx). */
export const signInReady: ReadyCheck = async (page, timeoutMs) => {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, {
    timeout: timeoutMs,
    polling: 50,
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, READY_MARK);
};
const QUIET_MS = 500;
const QUIET_LIMIT_MS = 10_000;

function kindOf(type: string | undefined, mimeType: string): ResourceKind {
  if (type === 'Script' || /javascript/.test(mimeType)) {
    return 'js';
  }
  if (type === 'Stylesheet' || mimeType === 'text/css') {
    return 'css';
  }
  if (type === 'Document' || mimeType === 'text/html') {
    return 'html';
  }
  return 'other';
}

interface Pending {
  url: string;
  type?: string;
  status?: number;
  mimeType?: string;
  encoding?: string;
  cached: boolean;
  /** CDP timestamps (seconds, monotonic). */
  sent: number;
  finished?: number;
  headers?: number;
  transferred?: number;
  failed?: boolean;
}

/**
 * Loads one URL in a page and records every response through the page's CDP session (Network domain): bytes on the
 * wire per response and, on request, the bodies gzipped here. Resolves once the screen is ready (the sign-in mark, or
 * what `ready` waits for) and the network has been quiet for half a second (lazy requests the screen makes right after
 * it count too).
 */
export class PageLoadRecorder {
  private requests = new Map<string, Pending>();

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('Network.requestWillBeSent', (event) => {
      this.requests.set(event.requestId, {
        url: event.request.url,
        type: event.type,
        cached: false,
        sent: event.timestamp,
      });
    });
    cdp.on('Network.requestServedFromCache', (event) => {
      const request = this.requests.get(event.requestId);
      if (request) {
        request.cached = true;
      }
    });
    cdp.on('Network.responseReceived', (event) => {
      const request = this.requests.get(event.requestId);
      if (!request) {
        return;
      }
      const { response } = event;
      const header = Object.entries(response.headers).find(
        ([name]) => name.toLowerCase() === 'content-encoding',
      );
      Object.assign(request, {
        type: event.type,
        status: response.status,
        mimeType: response.mimeType,
        encoding: header?.[1] || undefined,
        headers: response.encodedDataLength,
        cached: request.cached || Boolean(response.fromDiskCache) || Boolean(response.fromPrefetchCache),
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = this.requests.get(event.requestId);
      if (request) {
        request.transferred = event.encodedDataLength;
        request.finished = event.timestamp;
      }
    });
    cdp.on('Network.loadingFailed', (event) => {
      const request = this.requests.get(event.requestId);
      if (request) {
        request.failed = true;
      }
    });
  }

  /** A recorder on a new CDP session of the page, with the Network domain enabled; throttled to Regular 3G if asked. */
  static async attach(
    page: Page,
    { regular3g = false }: { regular3g?: boolean } = {},
  ): Promise<PageLoadRecorder> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const recorder = new PageLoadRecorder(page, cdp);
    if (regular3g) {
      await recorder.emulate(REGULAR_3G);
    }
    return recorder;
  }

  /** Throttles every request of the page (and its later navigations) to these conditions. */
  async emulate(conditions: Protocol.Network.emulateNetworkConditionsParameters): Promise<void> {
    await this.cdp.send('Network.emulateNetworkConditions', conditions);
  }

  /** On: requests bypass the browser cache (a cold load). Off: cached responses are used (a warm revisit). */
  async setCacheDisabled(cacheDisabled: boolean): Promise<void> {
    await this.cdp.send('Network.setCacheDisabled', { cacheDisabled });
  }

  /** The page's CDP session (Network enabled), for callers that watch requests themselves. */
  get session(): CDPSession {
    return this.cdp;
  }

  async load(url: string, options: LoadOptions): Promise<PageLoad> {
    return this.record(async () => {
      await this.page.goto(url, { waitUntil: 'commit', timeout: options.timeoutMs });
    }, options);
  }

  /**
   * Records what `action` makes the page fetch (a navigation, a click on a link) until the screen is ready and the
   * network quiet; `readyMs` is then whatever the ready check reports.
   */
  async record(action: () => Promise<void>, options: LoadOptions): Promise<PageLoad> {
    this.requests = new Map();
    await action();
    const readyMs = await (options.ready ?? signInReady)(this.page, options.timeoutMs);
    await this.quiet();
    const transfers: Transfer[] = [];
    const first = Math.min(...[...this.requests.values()].map((request) => request.sent));
    for (const [requestId, request] of this.requests) {
      if (request.transferred === undefined || request.failed) {
        continue;
      }
      const transfer: Transfer = {
        url: request.url,
        kind: kindOf(request.type, request.mimeType ?? ''),
        status: request.status ?? 0,
        transferred: request.transferred,
        headers: Math.min(request.headers ?? 0, request.transferred),
        encoding: request.encoding,
        cached: request.cached,
        startMs: (request.sent - first) * 1000,
        endMs: ((request.finished ?? request.sent) - first) * 1000,
      };
      if (options.bodies && transfer.kind !== 'other' && transfer.status === 200) {
        const bytes = await this.body(requestId);
        transfer.body = bytes.length;
        transfer.gzip = gzipSync(bytes, { level: 9 }).length;
      }
      transfers.push(transfer);
    }
    return { readyMs, transfers };
  }

  private async body(requestId: string): Promise<Buffer> {
    const { body, base64Encoded } = await this.cdp.send('Network.getResponseBody', { requestId });
    return Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
  }

  /** Waits until no request has been in flight for QUIET_MS (at most QUIET_LIMIT_MS). */
  private async quiet(): Promise<void> {
    const deadline = Date.now() + QUIET_LIMIT_MS;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const inFlight = [...this.requests.values()].some(
        (request) => request.transferred === undefined && !request.failed,
      );
      if (inFlight) {
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= QUIET_MS) {
        return;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}
