import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import type { authApi, SessionAnswer } from './auth-api';
import { SessionStore, type SessionState } from './session';
import {
  SESSION_EVENTS_URL,
  SessionEvents,
  type ChannelLike,
  type EventSourceLike,
  type SessionSource,
} from './session-events';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/** An EventSource the test drives: the server's answers are `accept()`, `end()`, `refuse()`, `drop()`. */
class FakeEventSource implements EventSourceLike {
  readyState = CONNECTING;
  closed = false;
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = CLOSED;
  }

  accept(): void {
    this.readyState = OPEN;
    this.emit('open');
  }

  /** `event: session-ended`. */
  end(): void {
    this.emit('session-ended');
  }

  /** An error answer (401, 429): the browser gives up on it. */
  refuse(): void {
    this.readyState = CLOSED;
    this.emit('error');
  }

  /** The connection drops (offline, a restart): the browser reconnects by itself. */
  drop(): void {
    this.readyState = CONNECTING;
    this.emit('error');
  }

  private emit(type: string): void {
    this.listeners.get(type)?.forEach((listener) => listener());
  }
}

/** Web Locks as the browser grants them: one holder per name, the others wait in turn (or give up on abort). */
class FakeLocks {
  private held = false;
  private readonly queue: { grant: () => void; signal?: AbortSignal }[] = [];

  request(
    _name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void> | undefined,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        signal: options.signal,
        grant: () => {
          this.held = true;
          void Promise.resolve(callback()).then(() => {
            this.held = false;
            resolve();
            this.next();
          });
        },
      };
      options.signal?.addEventListener('abort', () => {
        const at = this.queue.indexOf(entry);
        if (at >= 0) {
          this.queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        }
      });
      this.queue.push(entry);
      this.next();
    });
  }

  private next(): void {
    if (!this.held) {
      this.queue.shift()?.grant();
    }
  }
}

/** BroadcastChannels of one browser: a message reaches the other tabs, never the sender. */
function channels() {
  const open = new Set<FakeChannel>();
  class FakeChannel implements ChannelLike {
    private readonly listeners: ((event: MessageEvent<unknown>) => void)[] = [];
    constructor() {
      open.add(this);
    }
    postMessage(message: unknown): void {
      for (const other of open) {
        if (other !== this) {
          other.listeners.forEach((listener) => listener(new MessageEvent('message', { data: message })));
        }
      }
    }
    addEventListener(_type: 'message', listener: (event: MessageEvent<unknown>) => void): void {
      this.listeners.push(listener);
    }
    close(): void {
      open.delete(this);
    }
  }
  return () => new FakeChannel();
}

const signedIn: SessionState = {
  status: 'signed-in',
  accessToken: 'token',
  expiresAt: Date.now() + 900_000,
  member: { id: 'm1', role: 'MEMBER', status: 'VETTED' },
};

/** A session store the test sets by hand; `refresh` answers what the test says. */
function fakeSession(initial: SessionState = signedIn) {
  let state = initial;
  const listeners = new Set<() => void>();
  const session = {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    refresh: vi.fn<SessionSource['refresh']>(() => Promise.resolve('token-2')),
    set(next: SessionState) {
      state = next;
      listeners.forEach((listener) => listener());
    },
  };
  return session;
}

/** A tab: the watcher with a fake EventSource (and whatever else the test shares between tabs). */
function tab(session: SessionSource, shared: { locks?: FakeLocks; channel?: () => ChannelLike } = {}) {
  const sources: FakeEventSource[] = [];
  const events = new SessionEvents(session, {
    connect: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    locks: (shared.locks as unknown as LockManager | undefined) ?? null,
    channel: shared.channel?.() ?? null,
    reopenDelayMs: (attempt) => 1_000 * (attempt + 1),
  });
  started.push(events);
  events.start();
  const live = () => sources.filter((source) => !source.closed);
  return { events, sources, live, current: () => live().at(-1) };
}

const started: SessionEvents[] = [];

const answer = (id = 'm1'): SessionAnswer => ({
  accessToken: `token-of-${id}`,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  member: { id, role: 'MEMBER', status: 'VETTED' },
});

/** The real store, signed in (its first refresh, on restore, succeeds), over a fake /auth API. */
async function realStore(api: Partial<typeof authApi> = {}) {
  const later = api.refresh ?? (() => Promise.resolve(answer()));
  let restored = false;
  const fake = {
    signIn: api.signIn ?? vi.fn(() => Promise.resolve(answer())),
    signOut: api.signOut ?? vi.fn(() => Promise.resolve({ ok: true as const })),
    refresh: vi.fn(() => {
      if (restored) {
        return later();
      }
      restored = true;
      return Promise.resolve(answer());
    }),
  };
  const store = new SessionStore(fake);
  await store.restore();
  expect(store.getSnapshot().status).toBe('signed-in');
  return { store, api: fake };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe(SessionEvents.name, () => {
  afterEach(() => {
    started.splice(0).forEach((events) => events.stop());
    vi.useRealTimers();
  });

  it('should hold one stream while signed in and close it when signed out', () => {
    const session = fakeSession({ status: 'restoring' });
    const { sources, live } = tab(session);
    expect(sources).toHaveLength(0);

    session.set(signedIn);
    expect(live()).toHaveLength(1);
    expect(live()[0].url).toBe(SESSION_EVENTS_URL);
    // A token refresh changes the state, not the session: the same stream stays.
    session.set({ ...signedIn, accessToken: 'token-2' });
    expect(sources).toHaveLength(1);

    session.set({ status: 'signed-out', reason: 'signed-out' });
    expect(live()).toHaveLength(0);
    expect(sources[0].closed).toBe(true);
  });

  it('should sign out through the failed-refresh path when the stream says the session ended', async () => {
    const { store, api } = await realStore({
      refresh: vi.fn(() => Promise.reject(new ApiError('UNAUTHENTICATED'))),
    });
    const { sources, live } = tab(store);
    sources[0].accept();

    sources[0].end();
    // Closed at once, so EventSource does not reconnect to be told 401.
    expect(sources[0].closed).toBe(true);
    await settle();
    expect(api.refresh).toHaveBeenCalledTimes(2); // the restore, then the check
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(store.accessToken()).toBeNull();
    expect(live()).toHaveLength(0);
    expect(sources).toHaveLength(1);
  });

  it('should keep the session when the ended session was not this cookie’s (a newer sign-in), and listen again', async () => {
    vi.useFakeTimers();
    const session = fakeSession();
    const { sources, live } = tab(session);
    sources[0].end();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(live()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(live()).toHaveLength(1);
  });

  it('should leave a dropped connection to the browser’s own reconnection: no refresh, nobody signed out', async () => {
    const session = fakeSession();
    const { sources } = tab(session);
    sources[0].accept();
    sources[0].drop();
    await settle();
    expect(session.refresh).not.toHaveBeenCalled();
    expect(sources).toHaveLength(1);
    expect(sources[0].closed).toBe(false);
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('should refresh when the stream is refused, and sign out only if the refresh fails too', async () => {
    const { store, api } = await realStore({
      refresh: vi.fn(() => Promise.reject(new ApiError('UNAUTHENTICATED'))),
    });
    const { sources } = tab(store);
    sources[0].refuse();
    await settle();
    expect(api.refresh).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('should stay signed in when the stream is refused while offline, and try again later, ever more slowly', async () => {
    vi.useFakeTimers();
    const { store, api } = await realStore({
      refresh: vi.fn(() => Promise.reject(new ApiError('NETWORK'))),
    });
    const { sources, live } = tab(store);
    sources[0].refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.refresh).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot()).toMatchObject({ status: 'signed-in', accessToken: 'token-of-m1' });
    expect(live()).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(sources).toHaveLength(2);
    sources[1].refuse();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sources).toHaveLength(2); // the second wait is longer
    await vi.advanceTimersByTimeAsync(1);
    expect(sources).toHaveLength(3);
    // A stream that opens resets the wait.
    sources[2].accept();
    sources[2].refuse();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sources).toHaveLength(4);
    expect(store.getSnapshot().status).toBe('signed-in');
  });

  it('should not say the session ended when it was this tab’s own sign-out', async () => {
    let answerSignOut: (value: { ok: true }) => void = () => undefined;
    let failRefresh: (error: Error) => void = () => undefined;
    const { store } = await realStore({
      signOut: vi.fn(() => new Promise<{ ok: true }>((resolve) => (answerSignOut = resolve))),
      refresh: vi.fn(() => new Promise<SessionAnswer>((_, reject) => (failRefresh = reject))),
    });
    const { sources } = tab(store);
    const signingOut = store.signOut();
    // The server ends the session and says so on the stream before the sign-out's answer arrives; the check's refresh
    // answers after it.
    sources[0].end();
    await settle();
    answerSignOut({ ok: true });
    await signingOut;
    failRefresh(new ApiError('UNAUTHENTICATED'));
    await settle();
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });

  it('should hold one stream for all the tabs of a browser, tell the others when it ends, and hand it over', async () => {
    const locks = new FakeLocks();
    const channel = channels();
    const sessions = [fakeSession(), fakeSession(), fakeSession()];
    const tabs = sessions.map((session) => tab(session, { locks, channel }));
    await settle();
    expect(tabs.map((each) => each.live().length)).toEqual([1, 0, 0]);

    // The holder closes (or signs out): another tab takes the stream over.
    tabs[0].events.stop();
    await settle();
    expect(tabs.map((each) => each.live().length)).toEqual([0, 1, 0]);

    tabs[1].current()!.end();
    await settle();
    expect(sessions.map((session) => session.refresh.mock.calls.length)).toEqual([0, 1, 1]);
  });

  it('should stop waiting for the stream when a waiting tab signs out', async () => {
    const locks = new FakeLocks();
    const first = fakeSession();
    const second = fakeSession();
    const holder = tab(first, { locks });
    const waiting = tab(second, { locks });
    await settle();
    second.set({ status: 'signed-out' });
    holder.events.stop();
    await settle();
    expect(waiting.sources).toHaveLength(0);
    // Signed in again: it waits its turn again, and gets it.
    second.set(signedIn);
    await settle();
    expect(waiting.live()).toHaveLength(1);
  });

  it('should do nothing where the browser has no EventSource', () => {
    const session = fakeSession();
    const events = new SessionEvents(session, { connect: null, locks: null, channel: null });
    const subscribe = vi.spyOn(session, 'subscribe');
    events.start();
    expect(subscribe).not.toHaveBeenCalled();
    events.stop();
  });
});
