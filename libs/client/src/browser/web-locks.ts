import { LocalOutboxLock, type OutboxLock } from '../outbox';

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
