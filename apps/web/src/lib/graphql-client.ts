import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, Client, fetchExchange } from 'urql';
import { session as pageSession, type SessionStore } from './session';

/**
 * The GraphQL client: typed documents (src/lib/graphql, generated from the API schema), the access token from the
 * session on every operation, and one refresh-and-retry when the API answers UNAUTHENTICATED.
 */
export function createGraphqlClient(session: SessionStore): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      authExchange((utils) =>
        Promise.resolve({
          addAuthToOperation(operation) {
            const token = session.accessToken();
            return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
          },
          didAuthError: (error) =>
            error.graphQLErrors.some((graphqlError) => graphqlError.extensions?.code === 'UNAUTHENTICATED'),
          refreshAuth: async () => {
            await session.refresh();
          },
        }),
      ),
      fetchExchange,
    ],
  });
}

let client: Client | undefined;

/**
 * The page's one client, made on first use. Only modules that load after sign-in (the GraphQL screens, a saved
 * language) import this file, so urql is not part of the sign-in bundle.
 */
export function graphqlClient(): Client {
  client ??= createGraphqlClient(pageSession);
  return client;
}
