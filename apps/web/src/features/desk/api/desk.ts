/** Typed documents generated from ./*.graphql (npm run web:codegen): only the ones a screen imports reach its bundle. */
export {
  DeskViewerDocument as DeskViewerQuery,
  DeskAccessDocument as DeskAccessQuery,
  DeskProfilesDocument as DeskProfilesQuery,
  DeskCountriesDocument as DeskCountriesQuery,
  DeskQueueDocument as DeskQueueQuery,
  DeskVetMemberDocument as DeskVetMemberMutation,
  DeskMembersDocument as DeskMembersQuery,
  DeskMemberDetailDocument as DeskMemberDetailQuery,
  DeskMemberProfileDocument as DeskMemberProfileQuery,
  DeskSuspendMemberDocument as DeskSuspendMemberMutation,
  DeskReinstateMemberDocument as DeskReinstateMemberMutation,
  DeskRevokeMemberDocument as DeskRevokeMemberMutation,
  DeskIssueAccountResetDocument as DeskIssueAccountResetMutation,
  DeskSetMemberRoleDocument as DeskSetMemberRoleMutation,
  DeskUpdateMemberProfileDocument as DeskUpdateMemberProfileMutation,
  DeskCreateInvitationDocument as DeskCreateInvitationMutation,
} from '@web/lib/graphql/graphql';
