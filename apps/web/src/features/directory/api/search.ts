/** Typed documents generated from ./search.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export {
  DirectorySearchDocument as SearchQuery,
  DirectorySearchMoreDocument as SearchMoreQuery,
  DirectorySearchReferenceDocument as SearchReferenceQuery,
} from '@web/lib/graphql/graphql';
