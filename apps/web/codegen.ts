import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the API's schema (apps/api/schema.gql, itself checked for drift): every `graphql(...)` call in
 * src/features/** gets its result and variables types. `npm run web:codegen`; CI fails when src/lib/graphql is stale.
 */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/lib/graphql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/lib/graphql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
