import { createContext, use, useEffect, useState, useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import { ChatPeopleDocument, type ChatPersonFragment } from '@web/lib/graphql/graphql';
import type { ChatLine } from './threads';
import type { ChatSession, ChatState } from './chat-session';

export const ChatContext = createContext<ChatSession | null>(null);

/** The signed-in member's chat session (the chat layout provides it). */
export function useChatSession(): ChatSession {
  const session = use(ChatContext);
  if (!session) {
    throw new Error('useChatSession outside the chat layout');
  }
  return session;
}

export function useChatState(session: ChatSession): ChatState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** A conversation's lines, re-rendering when that conversation changes. */
export function useLines(session: ChatSession, conversationId: string): readonly ChatLine[] {
  return useSyncExternalStore(
    (listener) => session.threads.subscribe(conversationId, listener),
    () => session.threads.lines(conversationId),
  );
}

const PEOPLE_PAGE = 50;

/**
 * The profiles behind member ids (names, their clock, availability), fetched 50 at a time as the API allows;
 * `undefined` until the first answer. Ids the viewer may not see (a suspended member, say) are simply absent.
 */
export function usePeople(ids: readonly string[]): Map<string, ChatPersonFragment> | undefined {
  const client = useClient();
  const key = [...new Set(ids)].sort().join(',');
  const [people, setPeople] = useState<{ key: string; map: Map<string, ChatPersonFragment> }>();
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    const pages: string[][] = [];
    for (let start = 0; start < wanted.length; start += PEOPLE_PAGE) {
      pages.push(wanted.slice(start, start + PEOPLE_PAGE));
    }
    void Promise.all(
      pages.map((page) =>
        client.query(ChatPeopleDocument, { ids: page }, { requestPolicy: 'cache-first' }).toPromise(),
      ),
    ).then((results) => {
      if (current) {
        const map = new Map<string, ChatPersonFragment>();
        results.forEach((result) =>
          result.data?.practitionersByIds.forEach((person) => map.set(person.id, person)),
        );
        setPeople({ key, map });
      }
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  // While other ids load, the names already known stay (a participant added does not blank the others).
  return people?.map;
}

/**
 * The last value a query answered: offline, a refetch fails and urql drops its data, but what was on screen stays
 * true enough to keep showing (the banner says the chat is not connected).
 */
export function useLastKnown<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) {
    setLast(value);
  }
  return value ?? last;
}
