import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the API's schema (apps/api/schema.gql, itself checked for drift): every operation in a
 * `*.graphql` file beside the code that sends it (src/features/<feature>/api/) becomes a typed `<Name>Document` in
 * src/lib/graphql/graphql.ts, imported one by one so a screen's bundle carries only its own documents (a `graphql()`
 * lookup table, as graphql-codegen's client preset makes, would carry every document into the sign-in bundle). `npm run web:codegen`; CI
 * fails when src/lib/graphql is stale.
 */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    './src/lib/graphql/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
