import { DomainException, ErrorCode } from '@app/common';
import type { ChatConfig } from '@app/config';

interface Window {
  startedAt: number;
  count: number;
}

/** Every event counts against this multiple of the message budget (sync, read and typing are cheap, not free). */
const EVENT_BUDGET_FACTOR = 5;

/**
 * Per-socket limits, in memory (a socket lives on one node): messages per window (RATE_LIMITED, nothing stored),
 * all events per window, and typing passed on at most once per interval per conversation.
 */
export class SocketLimits {
  private readonly sends = new Map<string, Window>();
  private readonly events = new Map<string, Window>();
  private readonly typed = new Map<string, number>();

  constructor(private readonly chat: ChatConfig) {}

  send(socketId: string): void {
    this.take(this.sends, socketId, this.chat.rateLimit.messages);
  }

  event(socketId: string): void {
    this.take(this.events, socketId, this.chat.rateLimit.messages * EVENT_BUDGET_FACTOR);
  }

  /** True when this typing signal should be passed on. Stopping is always passed on. */
  typing(socketId: string, conversationId: string, typing: boolean, now = Date.now()): boolean {
    const key = `${socketId}:${conversationId}`;
    if (!typing) {
      this.typed.delete(key);
      return true;
    }
    const last = this.typed.get(key);
    if (last !== undefined && now - last < this.chat.typingIntervalMs) {
      return false;
    }
    this.typed.set(key, now);
    return true;
  }

  forget(socketId: string): void {
    this.sends.delete(socketId);
    this.events.delete(socketId);
    for (const key of this.typed.keys()) {
      if (key.startsWith(`${socketId}:`)) {
        this.typed.delete(key);
      }
    }
  }

  private take(windows: Map<string, Window>, socketId: string, limit: number, now = Date.now()): void {
    let window = windows.get(socketId);
    if (!window || now - window.startedAt >= this.chat.rateLimit.windowMs) {
      window = { startedAt: now, count: 0 };
      windows.set(socketId, window);
    }
    if (window.count >= limit) {
      throw new DomainException(
        ErrorCode.RATE_LIMITED,
        `Slow down: at most ${limit} per ${this.chat.rateLimit.windowMs / 1000} s.`,
      );
    }
    window.count += 1;
  }
}
