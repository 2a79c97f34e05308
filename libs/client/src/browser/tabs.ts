/** How the member's tabs share one outbox: one sends at a time (Web Locks), the others hear what left (BroadcastChannel). */
import { LocalOutboxLock, type OutboxLock, type OutboxNotice, type OutboxPeers } from '../outbox';

/**
 * The Web Locks API (every current browser, in secure contexts): one holder per name across the tabs and workers
 * of this origin, released when its tab closes. Falls back to a lock within this page where the API is missing.
 */
export function webLocksOutboxLock(name: string): OutboxLock {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) {
    return new LocalOutboxLock();
  }
  // The DOM types call the result Promise<Promise<T>>; a lock's promise resolves with what the callback's resolves with.
  return {
    run: <T>(work: () => Promise<T>): Promise<T> => locks.request(name, () => work()) as Promise<T>,
  };
}

/**
 * The member's other tabs, over a `BroadcastChannel` of this origin: what one tab's outbox sent or saw refused settles
 * in the others. Nothing secret crosses it (ids, the ack, the refusal). None where the API is missing.
 */
export function broadcastOutboxPeers(name: string): (OutboxPeers & { close(): void }) | undefined {
  if (typeof BroadcastChannel === 'undefined') {
    return undefined;
  }
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(notice: OutboxNotice) => void>();
  channel.onmessage = (event: MessageEvent<OutboxNotice>) =>
    listeners.forEach((listener) => listener(event.data));
  return {
    post: (notice) => channel.postMessage(notice), // throws once closed: the outbox catches it
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
