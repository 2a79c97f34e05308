/** Typed documents generated from ./network.graphql (npm run web:codegen). */
export {
  HomeConfirmProfileDocument as HomeConfirmProfileMutation,
  HomeCoordinatorsDocument as HomeCoordinatorsQuery,
  HomeMyProfileDocument as HomeMyProfileQuery,
  HomeNetworkDocument as HomeNetworkQuery,
} from '@web/lib/graphql/graphql';
