import { ApiError } from './api-error';
import { authApi, type SessionAnswer, type SessionMember, type SignInInput } from './auth-api';

export type SessionState =
  | { status: 'restoring' }
  /** The page loaded but the API could not be reached to bring the session back: not signed out, not signed in. */
  | { status: 'unreachable' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' | 'other-member' }
  | { status: 'signed-in'; accessToken: string; expiresAt: number; member: SessionMember };

type Listener = () => void;

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
const LOCK_NAME = 'counterpart:refresh';
const CHANNEL_NAME = 'counterpart:session';

/**
 * The browser session. The access token lives in this object only (memory: gone on reload, never in storage); the
 * refresh token lives in the HttpOnly cookie the API sets, which no script can read. Tabs take turns refreshing
 * (`navigator.locks`), so one tab's rotation never races another's; a refresh that answers another member (someone
 * signed in as someone else in another tab) signs this tab out. Other tabs hear sign-in and sign-out on a
 * BroadcastChannel.
 */
export class SessionStore {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<Listener>();
  private pending: Promise<string | null> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL_NAME);

  constructor(private readonly api = authApi) {
    this.channel?.addEventListener('message', (event: MessageEvent<{ type: string; memberId?: string }>) => {
      if (event.data.type === 'signed-out') {
        this.set({ status: 'signed-out', reason: 'signed-out' });
      } else if (event.data.type === 'signed-in' && this.memberId() !== event.data.memberId) {
        void this.refresh();
      }
    });
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  /**
   * On page load: a refresh with the cookie, if there is one, brings the session back. Without an answer the state is
   * `unreachable` (the cookie may well be valid: the member is not sent to sign in), tried again by `retry()` and when
   * the browser comes back online.
   */
  async restore(): Promise<void> {
    const token = await this.refresh();
    if (token === null && this.state.status === 'restoring') {
      this.set({ status: 'signed-out' });
    }
  }

  /** Tries to bring the session back again after `unreachable` (the "try again" button, the browser's online event). */
  async retry(): Promise<void> {
    if (this.state.status === 'unreachable') {
      this.set({ status: 'restoring' });
      await this.restore();
    }
  }

  async signIn(input: SignInInput): Promise<SessionMember> {
    const answer = await this.api.signIn(input);
    this.accept(answer);
    this.channel?.postMessage({ type: 'signed-in', memberId: answer.member.id });
    return answer.member;
  }

  /** A fresh access token, or null when there is no session any more. Concurrent callers share one refresh. */
  refresh(): Promise<string | null> {
    this.pending ??= this.refreshInTurn().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /**
   * Ends this session (or every session of the member) on the server, then here and in the other tabs. A refusal that
   * left the session alive (no connection, a server error) is thrown and nothing changes: showing "signed out" while
   * the cookie still works would be a lie a reload exposes. UNAUTHENTICATED means it had ended already.
   */
  async signOut(everywhere = false): Promise<void> {
    try {
      await this.api.signOut(everywhere);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) {
        throw error;
      }
    }
    this.set({ status: 'signed-out', reason: 'signed-out' });
    this.channel?.postMessage({ type: 'signed-out' });
  }

  /** The current access token (for the GraphQL client and the socket), or null. */
  accessToken(): string | null {
    return this.state.status === 'signed-in' ? this.state.accessToken : null;
  }

  /** Updates the member as the server now knows it (e.g. after changing the UI language). */
  updateMember(member: Partial<SessionMember>): void {
    if (this.state.status === 'signed-in') {
      this.set({ ...this.state, member: { ...this.state.member, ...member } });
    }
  }

  private memberId(): string | undefined {
    return this.state.status === 'signed-in' ? this.state.member.id : undefined;
  }

  private async refreshInTurn(): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      const before = this.memberId();
      try {
        const answer = await this.api.refresh();
        if (before !== undefined && answer.member.id !== before) {
          // The cookie now belongs to someone else (signed in in another tab): this tab must not act as them.
          this.set({ status: 'signed-out', reason: 'other-member' });
          return null;
        }
        this.accept(answer);
        return answer.accessToken;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NETWORK') {
          // Offline: keep what we have (a session being restored stays unknown); the next call tries again.
          if (this.state.status === 'restoring') {
            this.set({ status: 'unreachable' });
          }
          return this.accessToken();
        }
        // Signed out meanwhile (this tab's own sign-out, another tab's, whose end the session-events stream announced
        // too): that state and its reason stand.
        if (this.state.status !== 'signed-out') {
          this.set({ status: 'signed-out', reason: before ? 'expired' : undefined });
        }
        return null;
      }
    };
    const locks = globalThis.navigator?.locks;
    return locks ? locks.request(LOCK_NAME, run) : run();
  }

  private accept(answer: SessionAnswer): void {
    const expiresAt = Date.parse(answer.expiresAt);
    this.set({ status: 'signed-in', accessToken: answer.accessToken, expiresAt, member: answer.member });
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => void this.refresh(),
      Math.max(5_000, expiresAt - Date.now() - REFRESH_AHEAD_MS),
    );
  }

  private set(state: SessionState): void {
    if (state.status !== 'signed-in') {
      clearTimeout(this.timer);
    }
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}

export const session = new SessionStore();
