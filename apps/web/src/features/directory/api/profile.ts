/** Typed documents generated from ./profile.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export { DirectoryProfileDocument as ProfileQuery } from '@web/lib/graphql/graphql';
