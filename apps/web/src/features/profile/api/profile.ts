/** Typed documents generated from ./profile.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export {
  MyProfileOwnerDocument as MyProfileOwnerQuery,
  MyProfileDocument as MyProfileQuery,
  UpdateMyProfileDocument as UpdateMyProfileMutation,
  ConfirmMyProfileDocument as ConfirmMyProfileMutation,
} from '@web/lib/graphql/graphql';
