import type { SessionState } from './session';

/** The API's stream of session notices (apps/api SessionEventsController): only ever "your session has ended". */
export const SESSION_EVENTS_URL = '/auth/session-events';
const LOCK_NAME = 'counterpart:session-events';
const CHANNEL_NAME = 'counterpart:session-events';
/** EventSource.CLOSED: the browser gave up on the stream (an error answer) and will not reconnect by itself. */
const CLOSED = 2;

/** What this needs of the session store (lib/session.ts). */
export interface SessionSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SessionState;
  /** A fresh access token, or null once the session is gone (the store is signed out then). */
  refresh(): Promise<string | null>;
}

/** The part of EventSource used here. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

export interface SessionEventsOptions {
  /** Opens the stream; null where the browser has no EventSource (nothing is watched then). */
  connect?: ((url: string) => EventSourceLike) | null;
  /** Web Locks: one tab of the browser holds the stream for all of them. Null: every tab holds its own. */
  locks?: Pick<LockManager, 'request'> | null;
  /** Tells the other tabs when the stream says the session ended. */
  channel?: ChannelLike | null;
  /** How long to wait before opening the stream again after the server refused it while the session lived on. */
  reopenDelayMs?: (attempt: number) => number;
}

const backoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

function defaults(): Required<SessionEventsOptions> {
  return {
    // Same origin: the refresh cookie (Path=/auth) goes with it without withCredentials.
    connect: typeof EventSource === 'undefined' ? null : (url) => new EventSource(url),
    locks: globalThis.navigator?.locks ?? null,
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME),
    reopenDelayMs: backoff,
  };
}

/**
 * Holds the API's session-events stream while signed in, so that a suspension, a revocation, a reset or a sign-out
 * elsewhere signs this browser out at once — on every screen, chat or not — instead of at its next request.
 *
 * What the stream says is never taken on trust alone: on `session-ended` the store refreshes, and it is that refresh
 * failing — the store's one path for a session that ended — that signs out (so a session that lives on, e.g. the
 * cookie of a newer sign-in, stays). EventSource reconnects by itself after a dropped connection (a network blip, a
 * server restart); when it gives up (an error answer: 401, 429), the store refreshes too, and the stream is opened again
 * after a growing wait unless that refresh ended the session. Offline, a refresh keeps the session: nobody is signed
 * out for want of a network.
 *
 * A browser allows few connections per server over HTTP/1.1, so one tab holds the stream for all (Web Locks) and tells
 * the others over a BroadcastChannel; without Web Locks every tab holds its own. The stream is closed when signed out.
 */
export class SessionEvents {
  private readonly options: Required<SessionEventsOptions>;
  private active = false;
  private source: EventSourceLike | undefined;
  private attempt = 0;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cancels a wait for the lock not granted yet. */
  private cancelWait: AbortController | undefined;
  /** Gives the lock back (ends the callback that holds it). */
  private release: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly session: SessionSource,
    options: SessionEventsOptions = {},
  ) {
    this.options = { ...defaults(), ...options };
  }

  start(): void {
    if (!this.options.connect || this.unsubscribe) {
      return;
    }
    this.unsubscribe = this.session.subscribe(() => this.sync());
    this.options.channel?.addEventListener('message', (event) => {
      if ((event.data as { type?: unknown } | null)?.type === 'session-ended' && this.signedIn()) {
        void this.session.refresh();
      }
    });
    this.sync();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.deactivate();
    this.options.channel?.close();
  }

  private signedIn(): boolean {
    return this.session.getSnapshot().status === 'signed-in';
  }

  private sync(): void {
    if (this.signedIn() && !this.active) {
      this.activate();
    } else if (!this.signedIn() && this.active) {
      this.deactivate();
    }
  }

  private activate(): void {
    this.active = true;
    this.attempt = 0;
    const { locks } = this.options;
    if (!locks) {
      this.open();
      return;
    }
    const wait = new AbortController();
    this.cancelWait = wait;
    locks
      .request(LOCK_NAME, { signal: wait.signal }, () => {
        if (wait.signal.aborted || !this.active) {
          return undefined;
        }
        this.cancelWait = undefined;
        this.open();
        return new Promise<void>((resolve) => (this.release = resolve));
      })
      // Aborted before it was granted: signed out while another tab held the stream.
      .catch(() => undefined);
  }

  private deactivate(): void {
    this.active = false;
    clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = undefined;
    this.cancelWait?.abort();
    this.cancelWait = undefined;
    this.release?.();
    this.release = undefined;
  }

  private open(): void {
    const connect = this.options.connect;
    if (!connect || !this.active || this.source) {
      return;
    }
    const source = connect(SESSION_EVENTS_URL);
    this.source = source;
    source.addEventListener('open', () => {
      if (source === this.source) {
        this.attempt = 0;
      }
    });
    source.addEventListener('session-ended', () => {
      if (source !== this.source) {
        return;
      }
      // Closed here, or EventSource would reconnect to hear a 401.
      this.drop();
      this.options.channel?.postMessage({ type: 'session-ended' });
      void this.check();
    });
    source.addEventListener('error', () => {
      // Still connecting: the browser retries by itself (a network blip, a server restart).
      if (source === this.source && source.readyState === CLOSED) {
        this.drop();
        void this.check();
      }
    });
  }

  private drop(): void {
    this.source?.close();
    this.source = undefined;
  }

  /** Refreshes: the store signs out if the session is over; otherwise the stream is opened again, after a wait. */
  private async check(): Promise<void> {
    const token = await this.session.refresh();
    if (token === null || !this.active || !this.signedIn() || this.source) {
      return;
    }
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => this.open(), this.options.reopenDelayMs(this.attempt));
    this.attempt += 1;
  }
}

/** Starts watching `session` for its end; returns the function that stops. */
export function watchSessionEnd(session: SessionSource, options?: SessionEventsOptions): () => void {
  const events = new SessionEvents(session, options);
  events.start();
  return () => events.stop();
}
