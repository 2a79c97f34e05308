/** How long the chat may stay idle before it locks, per browser (a shared office PC wants it short). */
const STORAGE_KEY = 'counterpart:chat-auto-lock-minutes';
export const AUTO_LOCK_DEFAULT_MINUTES = 15;
export const AUTO_LOCK_CHOICES = [5, 15, 30, 60] as const;
const MAX_MINUTES = 24 * 60;

/**
 * The idle time before the chat locks, in minutes: the member's choice in this browser, 15 by default. Any positive
 * number up to a day is taken as stored (the browser tests shorten it to seconds); anything else reads as the default.
 */
export function autoLockMinutes(): number {
  const stored = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return Number.isFinite(stored) && stored > 0 && stored <= MAX_MINUTES ? stored : AUTO_LOCK_DEFAULT_MINUTES;
}

export function setAutoLockMinutes(minutes: number): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, String(minutes));
}

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once the page has seen no keyboard, pointer or scroll activity for `idleMs` (time asleep counts: the
 * check compares clocks, so a laptop woken after an hour locks at once). Returns a function that stops watching.
 */
export function watchIdle(idleMs: () => number, onIdle: () => void): () => void {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  ACTIVITY.forEach((event) => document.addEventListener(event, touch, { passive: true, capture: true }));
  const check = () => {
    if (Date.now() - last >= idleMs()) {
      onIdle();
      last = Date.now();
    }
  };
  const timer = setInterval(check, Math.min(1000, Math.max(250, idleMs() / 4)));
  document.addEventListener('visibilitychange', check);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
    ACTIVITY.forEach((event) => document.removeEventListener(event, touch, { capture: true }));
  };
}
