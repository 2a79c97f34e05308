import type { TrustState } from '@app/client';
import type { HandlingCaveat } from '@app/crypto';
import type { ChatSession, ChatState, Presence } from '../lib/chat-session';
import type { IndexedMessage } from '../lib/message-index';
import { MessageSearch } from '../lib/message-search';
import { Threads } from '../lib/threads';

/**
 * A chat session for component tests: real `Threads` (tests put lines in with `threads.received` / `waiting`), trust,
 * presence and safety numbers set by the test, and every action recorded in `calls`. Typed as the real session's
 * public surface, so a component cannot use something the fake lacks without the test failing to compile.
 */
export class FakeChatSession {
  // Subscribers told at once (the real one waits for the next frame).
  readonly threads = new Threads((flush) => flush());
  readonly calls: Array<[string, ...unknown[]]> = [];
  readonly trust = new Map<string, TrustState>();
  readonly presence = new Map<string, Presence>();
  readonly receipts = new Map<string, Map<string, number>>();
  readonly typing = new Map<string, string[]>();
  /** Partners who removed a device (the real session learns it from `keys:changed`). */
  readonly removedDevices = new Set<string>();
  /** What `safetyNumber` answers per member. */
  readonly safetyNumbers = new Map<string, { digits: string; theirKeys: string[] }>();
  /** This device's cache of decrypted messages, as the search reads it (`cacheFails`: it cannot be opened). */
  readonly cache: IndexedMessage[] = [];
  cacheFails = false;
  private search: MessageSearch | undefined;
  private state: ChatState = { phase: { phase: 'ready' }, online: true, deviceId: 'this-device', version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly activity = new Set<(conversationId: string) => void>();

  constructor(readonly memberId = 'me') {}

  getState = (): ChatState => this.state;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes the state (online, phase…) and re-renders subscribers. */
  set(next: Partial<ChatState>): void {
    this.state = { ...this.state, ...next, version: this.state.version + 1 };
    this.listeners.forEach((listener) => listener());
  }

  /** Re-renders subscribers after a test changed trust, presence, receipts or typing. */
  bump(): void {
    this.set({});
  }

  onActivity(listener: (conversationId: string) => void) {
    this.activity.add(listener);
    return () => this.activity.delete(listener);
  }

  emitActivity(conversationId: string): void {
    this.activity.forEach((listener) => listener(conversationId));
  }

  send(
    conversationId: string,
    text: string,
    caveat: HandlingCaveat,
    options: { confirmKeyChanges?: boolean } = {},
  ) {
    this.calls.push(['send', conversationId, text, caveat, options]);
  }

  loadOlder(conversationId: string): Promise<void> {
    this.calls.push(['loadOlder', conversationId]);
    return Promise.resolve();
  }

  loadNewest(conversationId: string, lastSeq: number): Promise<void> {
    this.calls.push(['loadNewest', conversationId, lastSeq]);
    return Promise.resolve();
  }

  markRead(conversationId: string, seq: number): Promise<void> {
    this.calls.push(['markRead', conversationId, seq]);
    return Promise.resolve();
  }

  setTyping(conversationId: string, typing: boolean): void {
    this.calls.push(['setTyping', conversationId, typing]);
  }

  typingIn(conversationId: string): string[] {
    return this.typing.get(conversationId) ?? [];
  }

  presenceOf(memberId: string): Presence | undefined {
    return this.presence.get(memberId);
  }

  seedPresence(states: Array<{ memberId: string } & Presence>): void {
    states.forEach(({ memberId, online, lastSeenAt }) => this.presence.set(memberId, { online, lastSeenAt }));
  }

  seedReceipts(conversationId: string, participants: Array<{ memberId: string; readSeq: number }>): void {
    const cursors = this.receipts.get(conversationId) ?? new Map<string, number>();
    participants.forEach(({ memberId, readSeq }) =>
      cursors.set(memberId, Math.max(readSeq, cursors.get(memberId) ?? 0)),
    );
    this.receipts.set(conversationId, cursors);
  }

  receiptsOf(conversationId: string): ReadonlyMap<string, number> {
    return this.receipts.get(conversationId) ?? new Map();
  }

  trustOf(memberId: string): TrustState | undefined {
    return this.trust.get(memberId);
  }

  refreshKeys(conversationId: string): Promise<void> {
    this.calls.push(['refreshKeys', conversationId]);
    return Promise.resolve();
  }

  safetyNumber(memberId: string): Promise<{ digits: string; theirKeys: string[] }> {
    const known = this.safetyNumbers.get(memberId);
    return known ? Promise.resolve(known) : Promise.reject(new Error(`no safety number for ${memberId}`));
  }

  verify(memberId: string, theirKeys: string[]): void {
    this.calls.push(['verify', memberId, theirKeys]);
    this.trust.set(memberId, 'verified');
    this.bump();
  }

  removedDevice(memberId: string): boolean {
    return this.removedDevices.has(memberId);
  }

  dismissRemovedDevice(memberId: string): void {
    this.calls.push(['dismissRemovedDevice', memberId]);
    this.removedDevices.delete(memberId);
    this.bump();
  }

  acceptKeyChange(memberId: string): void {
    this.calls.push(['acceptKeyChange', memberId]);
    this.trust.set(memberId, 'unverified');
    this.bump();
  }

  /** The real search over `cache`, with the real folding (fetched by `import()`, as in the app). */
  messageSearch(): MessageSearch {
    this.search ??= new MessageSearch(
      {
        count: () => Promise.resolve(this.cache.length),
        readAll: () =>
          this.cacheFails
            ? Promise.reject(new Error('the cache does not open'))
            : Promise.resolve({ messages: [...this.cache], unreadable: 0 }),
      },
      () => import('@app/folding'),
    );
    return this.search;
  }

  /** As the components take it. */
  asSession(): ChatSession {
    return this as unknown as ChatSession;
  }
}

// The fake must offer every public member the screens use: a compile error here names what it lacks.
type ScreenSurface = Pick<
  ChatSession,
  | 'memberId'
  | 'threads'
  | 'getState'
  | 'subscribe'
  | 'onActivity'
  | 'send'
  | 'loadOlder'
  | 'loadNewest'
  | 'markRead'
  | 'setTyping'
  | 'typingIn'
  | 'presenceOf'
  | 'seedPresence'
  | 'seedReceipts'
  | 'receiptsOf'
  | 'trustOf'
  | 'refreshKeys'
  | 'safetyNumber'
  | 'verify'
  | 'acceptKeyChange'
  | 'removedDevice'
  | 'dismissRemovedDevice'
  | 'messageSearch'
>;
export const fakeCoversScreens: (fake: FakeChatSession) => ScreenSurface = (fake) => fake;
