import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ServerConfig } from '@app/config';
import { formatGraphQLError } from './format-error';

/**
 * Apollo settings, each set explicitly (Apollo 5 turns introspection on whenever NODE_ENV is not production).
 * The schema is built in memory from the code-first types; `npm run schema:print` writes it to apps/api/schema.gql.
 */
export function graphqlOptions(server: ServerConfig): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !server.isProduction,
    hideSchemaDetailsFromClientErrors: server.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: formatGraphQLError,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
