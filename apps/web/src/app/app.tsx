import { useEffect, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { changeLocale, type Locale } from '@web/i18n';
import { createGraphqlClient } from '@web/lib/graphql-client';
import { session } from '@web/lib/session';
import { createRouter } from './router';

/** The client: GraphQL, the router, and the session restored from its cookie on load. */
export function App() {
  const client = useMemo(() => createGraphqlClient(session), []);
  const router = useMemo(() => createRouter((locale: Locale) => void changeLocale(locale)), []);
  useEffect(() => {
    void session.restore();
  }, []);
  return (
    <GraphqlProvider value={client}>
      <RouterProvider router={router} />
    </GraphqlProvider>
  );
}
