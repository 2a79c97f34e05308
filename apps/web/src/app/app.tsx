import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { syncLocale } from '@web/lib/locale-sync';
import { session } from '@web/lib/session';
import { watchSessionEnd } from '@web/lib/session-events';
import { createRouter } from './router';

// One language sync and one router for the page's lifetime (not per render, not twice in StrictMode). The GraphQL
// client comes with the screens that use it (./graphql-outlet.tsx).
const locale = syncLocale(session);
// While signed in, the server's session-ended notice signs this browser out at once, on every screen.
watchSessionEnd(session);
const router = createRouter((chosen) => void locale.change(chosen));

/** The client: the router, and the session restored from its cookie on load. */
export function App() {
  useEffect(() => {
    void session.restore();
    // Back online after a load without a connection: bring the session back without a click.
    const online = () => void session.retry();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  return <RouterProvider router={router} />;
}
