/** Typed documents generated from ./sessions.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export {
  AccountSessionsDocument as SessionsQuery,
  AccountRevokeSessionDocument as RevokeSessionMutation,
} from '@web/lib/graphql/graphql';
