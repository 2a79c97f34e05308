import { graphql } from '@web/lib/graphql';

/** The lists the application form chooses from, named in the UI language (public: no personal data). */
export const ApplyReferenceQuery = graphql(`
  query ApplyReference($locale: Locale!) {
    countries(locale: $locale) {
      code
      name
    }
    languages(locale: $locale) {
      code
      name
    }
    expertiseAreas(locale: $locale) {
      code
      group
      name
    }
    competences(locale: $locale) {
      code
      group
      name
    }
  }
`);

export const ApplyForMembershipMutation = graphql(`
  mutation ApplyForMembership($input: ApplyForMembershipInput!) {
    applyForMembership(input: $input) {
      id
      status
    }
  }
`);

export const ResetAccountMutation = graphql(`
  mutation ResetAccount($input: ResetAccountInput!) {
    resetAccount(input: $input)
  }
`);
