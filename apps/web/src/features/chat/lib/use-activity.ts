import { useEffect, useRef } from 'react';
import type { ChatSession } from './chat-session';

const DEBOUNCE_MS = 400;

/**
 * Re-reads what the server owns (unread counts, last activity, participants) after chat activity: a new message, a
 * receipt of this member's, a conversation created or changed — at most once per 400 ms however many arrive.
 */
export function useActivityRefetch(session: ChatSession, refetch: () => void, conversationId?: string): void {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = session.onActivity((changed) => {
      if (conversationId && changed !== conversationId) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [session, conversationId]);
}
