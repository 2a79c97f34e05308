import {
  highlight,
  MessageIndex,
  type Folding,
  type IndexedMessage,
  type MessageMatches,
} from './message-index';

/** Where the local search stands (the screen shows each). */
export type MessageSearchState =
  | { status: 'idle' }
  /** Fetching the folding tables and counting the cached messages. */
  | { status: 'loading' }
  /** Decrypting and folding `count` messages. */
  | { status: 'indexing'; count: number }
  /** `size` messages searchable; `version` moves when messages arrive while it is open. */
  | { status: 'ready'; size: number; unreadable: number; version: number }
  | { status: 'failed' };

/** Where the messages come from: this device's sealed cache (`BrowserDeviceVault.messages`). */
export interface MessageSource {
  count(): Promise<number>;
  readAll(): Promise<{ messages: IndexedMessage[]; unreadable: number }>;
}

/** Messages folded between two yields to the page, so indexing thousands never freezes it. */
const SLICE = 400;

const yieldToPage = () => new Promise<void>((resume) => setTimeout(resume, 0));
const mark = (name: string) => globalThis.performance?.mark?.(name);

/**
 * "Search my messages": the device's sealed cache decrypted into an in-memory index on first use (the folding module
 * fetched then), kept current with what arrives while the chat is unlocked, and dropped with the other decrypted state
 * when the chat locks or the member signs out (`close`). A store the screen subscribes to.
 */
export class MessageSearch {
  private state: MessageSearchState = { status: 'idle' };
  private readonly listeners = new Set<() => void>();
  private index: MessageIndex | undefined;
  private folding: Folding | undefined;
  /** The folding of the words the highlight has seen (decrypted text: dropped with the index). */
  private readonly highlighted = new Map<string, string[]>();
  /** What arrived while the index was being built: added once it is. */
  private early: IndexedMessage[] = [];
  private closed = false;

  constructor(
    private readonly source: MessageSource,
    private readonly loadFolding: () => Promise<Folding>,
  ) {}

  getState = (): MessageSearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Builds the index, once (again after a failure). */
  start(): void {
    if (this.closed || (this.state.status !== 'idle' && this.state.status !== 'failed')) {
      return;
    }
    void this.build().catch(() => {
      this.early = [];
      this.set({ status: 'failed' });
    });
  }

  /** Messages this device just decrypted or sent: searchable at once while the index is held. */
  add(messages: readonly IndexedMessage[]): void {
    if (this.closed) {
      return;
    }
    if (this.index && this.state.status === 'ready') {
      if (this.index.add(messages) > 0) {
        this.set({ ...this.state, size: this.index.size, version: this.state.version + 1 });
      }
    } else if (this.state.status !== 'idle' && this.state.status !== 'failed') {
      this.early.push(...messages);
    }
  }

  /** The matches of a query (null until the index is ready). */
  search(query: string, limit?: number): MessageMatches | null {
    return this.index && this.state.status === 'ready' ? this.index.search(query, limit) : null;
  }

  /** A message's text with the words the query matched marked. */
  highlight(text: string, words: readonly string[]): Array<{ text: string; mark: boolean }> {
    return this.folding ? highlight(this.folding, text, words, this.highlighted) : [{ text, mark: false }];
  }

  /** Drops every decrypted message from memory; this search is done (a new one is made after an unlock). */
  close(): void {
    this.closed = true;
    this.index = undefined;
    this.folding = undefined;
    this.highlighted.clear();
    this.early = [];
    this.state = { status: 'idle' };
    this.listeners.forEach((listener) => listener());
    this.listeners.clear();
  }

  private async build(): Promise<void> {
    this.set({ status: 'loading' });
    // The benchmark (bench:web) times the index from here.
    mark('chat-search:start');
    const [folding, count] = await Promise.all([this.loadFolding(), this.source.count()]);
    if (this.closed) {
      return;
    }
    this.set({ status: 'indexing', count });
    const { messages, unreadable } = await this.source.readAll();
    // Closed while the cache was read: keep none of it (the loop below does not run for an empty cache).
    if (this.closed) {
      return;
    }
    mark('chat-search:read');
    const index = new MessageIndex(folding);
    for (let start = 0; start < messages.length; start += SLICE) {
      index.add(messages.slice(start, start + SLICE));
      await yieldToPage();
      if (this.closed) {
        return;
      }
    }
    if (this.closed) {
      return;
    }
    index.add(this.early);
    this.early = [];
    this.folding = folding;
    this.index = index;
    mark('chat-search:ready');
    this.set({ status: 'ready', size: index.size, unreadable, version: 0 });
  }

  private set(state: MessageSearchState): void {
    if (this.closed) {
      return;
    }
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}
