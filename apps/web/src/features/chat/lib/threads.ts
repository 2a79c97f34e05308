import type { ReceivedMessage, SendAck, SendFailure, TrustState } from '@app/client';
import type { MessageBody } from '@app/crypto';

/**
 * One line of a conversation as the screen shows it: a stored message (decrypted, or undecryptable with the reason),
 * or one of this member's own that waits in the outbox or was refused.
 */
export interface ChatLine {
  /** Stable from the moment it is written to the moment it is stored: the clientMessageId. */
  id: string;
  conversationId: string;
  /** The server's order (null while it waits). */
  seq: number | null;
  senderId: string;
  /** When the server stored it (null while it waits). */
  sentAt: string | null;
  /** When it was written on this device (own messages). */
  queuedAt?: number;
  body: MessageBody | null;
  /** Why it could not be opened (`body` is null then). */
  problem: ReceivedMessage['problem'];
  /** What this device believed about the sender's keys when it opened it (own messages: undefined). */
  senderTrust?: TrustState;
  status: 'stored' | 'waiting' | 'refused';
  failure?: SendFailure;
}

interface Thread {
  stored: Map<number, ChatLine>;
  /** Own messages not stored yet, by clientMessageId. */
  outgoing: Map<string, ChatLine>;
  /** Older history exists before the oldest stored line (unknown until the first page: true). */
  hasOlder: boolean;
  lines: readonly ChatLine[] | null;
}

const NO_LINES: readonly ChatLine[] = [];

/**
 * The conversations' lines in this tab: what the chat client delivered (live and caught up), the history pages
 * opened on demand, and this member's messages on their way. Each conversation keeps one sorted snapshot, rebuilt only
 * when it changed, so a screen subscribed to it re-renders for its own conversation alone.
 */
export class Threads {
  private readonly threads = new Map<string, Thread>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly anyListeners = new Set<(conversationId: string) => void>();
  /** Conversations changed since subscribers were last told. */
  private readonly dirty = new Set<string>();
  private flushing = false;

  /**
   * @param schedule when subscribers hear of changes: once per animation frame by default, so a catch-up of 500
   * messages renders a few times, not 500 (tests pass a synchronous one).
   */
  constructor(private readonly schedule: (flush: () => void) => void = nextFrame) {}

  /** A message the client delivered or a history page opened: stored, replacing the pending line it was. */
  received(message: ReceivedMessage): void {
    this.store(message);
    this.changed(message.conversationId);
  }

  /** A page of older history (oldest first) and whether there is more before it. */
  history(conversationId: string, messages: ReceivedMessage[], hasOlder: boolean): void {
    const thread = this.thread(conversationId);
    messages.filter((message) => !thread.stored.has(message.seq)).forEach((message) => this.store(message));
    thread.hasOlder = hasOlder;
    this.changed(conversationId);
  }

  private store(message: ReceivedMessage): void {
    const thread = this.thread(message.conversationId);
    const pending = thread.outgoing.get(message.clientMessageId);
    thread.outgoing.delete(message.clientMessageId);
    const known = thread.stored.get(message.seq);
    thread.stored.set(message.seq, {
      id: message.clientMessageId,
      conversationId: message.conversationId,
      seq: message.seq,
      senderId: message.senderId,
      sentAt: message.sentAt,
      queuedAt: pending?.queuedAt ?? known?.queuedAt,
      // Own messages are sealed for this device too; should one not open, the text written here is the same.
      body: message.body ?? pending?.body ?? known?.body ?? null,
      problem: message.body || pending?.body || known?.body ? null : message.problem,
      senderTrust: message.senderTrust ?? known?.senderTrust,
      status: 'stored',
    });
  }

  /** One of this member's messages written here, waiting for the network (or read back from the outbox). */
  waiting(line: Pick<ChatLine, 'id' | 'conversationId' | 'senderId' | 'body'> & { queuedAt: number }): void {
    const thread = this.thread(line.conversationId);
    if ([...thread.stored.values()].some((stored) => stored.id === line.id)) {
      return;
    }
    thread.outgoing.set(line.id, {
      ...line,
      seq: null,
      sentAt: null,
      problem: null,
      status: 'waiting',
    });
    this.changed(line.conversationId);
  }

  /**
   * The server stored it: shown in its place at once, before the message itself comes back. Answers the line it
   * became (undefined when it was not waiting here: already stored, or written in another tab).
   */
  stored(conversationId: string, id: string, ack: SendAck): ChatLine | undefined {
    const thread = this.thread(conversationId);
    const pending = thread.outgoing.get(id);
    if (!pending) {
      return undefined;
    }
    thread.outgoing.delete(id);
    if (!thread.stored.has(ack.seq)) {
      thread.stored.set(ack.seq, { ...pending, seq: ack.seq, sentAt: ack.sentAt, status: 'stored' });
    }
    this.changed(conversationId);
    return thread.stored.get(ack.seq);
  }

  refused(conversationId: string, id: string, failure: SendFailure): void {
    const pending = this.thread(conversationId).outgoing.get(id);
    if (pending) {
      this.thread(conversationId).outgoing.set(id, { ...pending, status: 'refused', failure });
      this.changed(conversationId);
    }
  }

  /** A refused line the member dismissed (or sends again as a new message). */
  discard(conversationId: string, id: string): void {
    if (this.thread(conversationId).outgoing.delete(id)) {
      this.changed(conversationId);
    }
  }

  /** Stored lines by seq, then this member's waiting and refused ones in the order written. */
  lines(conversationId: string): readonly ChatLine[] {
    const thread = this.threads.get(conversationId);
    if (!thread) {
      return NO_LINES;
    }
    thread.lines ??= [
      ...[...thread.stored.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
      ...[...thread.outgoing.values()].sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0)),
    ];
    return thread.lines;
  }

  /** The newest stored line (the conversation list shows its caveat). */
  last(conversationId: string): ChatLine | undefined {
    const stored = this.lines(conversationId).filter((line) => line.status === 'stored');
    return stored.at(-1);
  }

  /** The oldest seq held and whether older history may exist. */
  extent(conversationId: string): { oldestSeq: number | null; hasOlder: boolean } {
    const thread = this.threads.get(conversationId);
    if (!thread || thread.stored.size === 0) {
      return { oldestSeq: null, hasOlder: thread?.hasOlder ?? true };
    }
    const oldestSeq = Math.min(...thread.stored.keys());
    return { oldestSeq, hasOlder: thread.hasOlder && oldestSeq > 1 };
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    const set = this.listeners.get(conversationId) ?? new Set();
    set.add(listener);
    this.listeners.set(conversationId, set);
    return () => set.delete(listener);
  }

  /** Any conversation changed (the list re-reads its last lines). */
  subscribeAll(listener: (conversationId: string) => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  private thread(conversationId: string): Thread {
    let thread = this.threads.get(conversationId);
    if (!thread) {
      thread = { stored: new Map(), outgoing: new Map(), hasOlder: true, lines: null };
      this.threads.set(conversationId, thread);
    }
    return thread;
  }

  private changed(conversationId: string): void {
    const thread = this.threads.get(conversationId);
    if (thread) {
      thread.lines = null;
    }
    this.dirty.add(conversationId);
    if (!this.flushing) {
      this.flushing = true;
      this.schedule(() => this.flush());
    }
  }

  private flush(): void {
    this.flushing = false;
    const changed = [...this.dirty];
    this.dirty.clear();
    for (const conversationId of changed) {
      this.listeners.get(conversationId)?.forEach((listener) => listener());
      this.anyListeners.forEach((listener) => listener(conversationId));
    }
  }
}

/** The next animation frame where there is one (a hidden tab has none: a timer then), else a timer. */
function nextFrame(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(flush);
  } else {
    setTimeout(flush, 16);
  }
}
