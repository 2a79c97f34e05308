import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const online = () => globalThis.navigator?.onLine ?? true;

/**
 * Whether the browser has a network (`navigator.onLine`), re-rendering when it goes or comes back. False means
 * certainly offline; true only that some network is there (the API may still be out of reach: the session's
 * `unreachable` state tells that part).
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, online, () => true);
}
