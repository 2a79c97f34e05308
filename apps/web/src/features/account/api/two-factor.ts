/** Typed documents generated from ./two-factor.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export {
  AccountSecurityDocument as SecurityQuery,
  AccountBeginTotpEnrollmentDocument as BeginTotpEnrollmentMutation,
  AccountConfirmTotpEnrollmentDocument as ConfirmTotpEnrollmentMutation,
} from '@web/lib/graphql/graphql';
