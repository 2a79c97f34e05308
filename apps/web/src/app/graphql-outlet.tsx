import { Outlet } from 'react-router';
import { Provider } from 'urql';
import { graphqlClient } from '@web/lib/graphql-client';

/**
 * The screens below it talk GraphQL: they get the page's client. Loaded (React.lazy, router.tsx) only when one of them
 * is shown, so sign-in does not carry urql.
 */
export default function GraphqlOutlet() {
  return (
    <Provider value={graphqlClient()}>
      <Outlet />
    </Provider>
  );
}
