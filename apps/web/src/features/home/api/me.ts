/** Typed documents generated from ./me.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export { HomeDocument as HomeQuery } from '@web/lib/graphql/graphql';
