import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Clock } from '@app/common';
import type { ServerConfig } from '@app/config';
import type { DirectoryLoaderFactory } from '@app/directory';
import type { GraphqlMetrics } from '../metrics/graphql-metrics';
import { documentLimits } from './document-limits';
import { formatGraphQLError } from './format-error';
import { graphqlOverHttpPlugin } from './graphql-over-http';

/**
 * Apollo settings, each set explicitly (Apollo 5 turns introspection on whenever NODE_ENV is not production).
 * `documentLimits` bounds tokens, depth, aliases, directives, cost, repeated selections and the number of errors
 * before anything executes; status codes and media types follow GraphQL over HTTP. The schema is built in memory from
 * the code-first types; `npm run schema:print` writes it to apps/api/schema.gql.
 */
export function graphqlOptions(
  server: ServerConfig,
  loaders: DirectoryLoaderFactory,
  clock: Clock,
  metrics: GraphqlMetrics,
): ApolloDriverConfig {
  const limits = documentLimits(server.graphql);
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: server.graphql.introspection,
    hideSchemaDetailsFromClientErrors: server.graphql.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: clients send documents (an APQ extension answers PERSISTED_QUERY_NOT_SUPPORTED).
    persistedQueries: false,
    // Answers are per viewer and never cached by HTTP caches; without the cache-control plugin Apollo does not wrap
    // every field resolver to compute cache hints.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      graphqlOverHttpPlugin(),
      ...limits.plugins,
      metrics.plugin(),
    ],
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    validationOptions: limits.validationOptions,
    formatError: formatGraphQLError,
    // One set of DataLoaders per request: batching within it, no cache shared between viewers. One instant per
    // request on the directory clock, so a search's availableNow filter and its results' fields agree.
    context: ({ req, res }: { req: unknown; res: unknown }) => ({
      req,
      res,
      loaders: loaders.create(),
      now: clock.now(),
    }),
  };
}
