import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { createGraphqlClient } from '@web/lib/graphql-client';
import { syncLocale } from '@web/lib/locale-sync';
import { session } from '@web/lib/session';
import { createRouter } from './router';

// One client, one language sync and one router for the page's lifetime (not per render, not twice in StrictMode).
const client = createGraphqlClient(session);
const locale = syncLocale(session, client);
const router = createRouter((chosen) => void locale.change(chosen));

/** The client: GraphQL, the router, and the session restored from its cookie on load. */
export function App() {
  useEffect(() => {
    void session.restore();
    // Back online after a load without a connection: bring the session back without a click.
    const online = () => void session.retry();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  return (
    <GraphqlProvider value={client}>
      <RouterProvider router={router} />
    </GraphqlProvider>
  );
}
