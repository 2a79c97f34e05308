/** Typed documents generated from ./apply.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export {
  ApplyReferenceDocument as ApplyReferenceQuery,
  ApplyForMembershipDocument as ApplyForMembershipMutation,
  ResetAccountDocument as ResetAccountMutation,
} from '@web/lib/graphql/graphql';
