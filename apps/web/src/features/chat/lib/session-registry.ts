import { graphqlClient } from '@web/lib/graphql-client';
import { session as pageSession } from '@web/lib/session';
import { autoLockMinutes, watchIdle } from './auto-lock';
import { ChatSession } from './chat-session';

/** A token this close to its expiry is refreshed before a (re)connect uses it. */
const TOKEN_MARGIN_MS = 30_000;

let current: { session: ChatSession; stopIdle: () => void } | undefined;

/** An access token good for the next handshake: the one held, or a fresh one when it is about to expire. */
async function handshakeToken(): Promise<string | null> {
  const state = pageSession.getSnapshot();
  if (state.status === 'signed-in' && state.expiresAt - Date.now() > TOKEN_MARGIN_MS) {
    return state.accessToken;
  }
  return pageSession.refresh();
}

/**
 * The page's one chat session, for the signed-in member: made (and started) on first use, kept while the member
 * moves between screens — messages keep arriving and the outbox keeps sending — and closed when they sign out or
 * another member signs in. Its idle watch locks it after the member's chosen time.
 */
export function chatSessionFor(memberId: string): ChatSession {
  if (current?.session.memberId !== memberId) {
    closeChatSession();
    const session = new ChatSession(memberId, {
      graphql: graphqlClient(),
      token: handshakeToken,
      origin: location.origin,
    });
    const stopIdle = watchIdle(
      () => autoLockMinutes() * 60_000,
      () => session.lock(),
    );
    current = { session, stopIdle };
    void session.start();
  }
  return current.session;
}

export function closeChatSession(): void {
  current?.stopIdle();
  current?.session.close();
  current = undefined;
}

// Signed out (here or in another tab), or someone else signed in: this member's chat closes with the session.
pageSession.subscribe(() => {
  const state = pageSession.getSnapshot();
  if (current && (state.status !== 'signed-in' || state.member.id !== current.session.memberId)) {
    closeChatSession();
  }
});
