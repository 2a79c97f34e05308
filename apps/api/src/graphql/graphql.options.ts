import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ServerConfig } from '@app/config';
import type { DirectoryLoaderFactory } from '@app/directory';
import { formatGraphQLError } from './format-error';

/**
 * Apollo settings, each set explicitly (Apollo 5 turns introspection on whenever NODE_ENV is not production).
 * graphql-armor bounds depth, aliases (of any field), tokens, directives and cost before anything executes. The
 * schema is built in memory from the code-first types; `npm run schema:print` writes it to apps/api/schema.gql.
 */
export function graphqlOptions(server: ServerConfig, loaders: DirectoryLoaderFactory): ApolloDriverConfig {
  const limits = server.graphql;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: false },
    blockFieldSuggestion: { enabled: limits.production },
  }).protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: limits.introspection,
    hideSchemaDetailsFromClientErrors: limits.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Answers are per viewer and never cached by HTTP caches; without the cache-control plugin Apollo does not wrap
    // every field resolver to compute cache hints.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...armor.plugins],
    validationRules: armor.validationRules,
    formatError: formatGraphQLError,
    // One set of DataLoaders per request: batching within it, no cache shared between viewers.
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res, loaders: loaders.create() }),
  };
}
