import { useSyncExternalStore } from 'react';
import { session, type SessionState } from './session';

/** The session state, re-rendering on sign-in, refresh and sign-out. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
