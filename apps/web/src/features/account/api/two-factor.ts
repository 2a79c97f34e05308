import { graphql } from '@web/lib/graphql';

/** What the two-factor screen needs to know about the member. */
export const SecurityQuery = graphql(`
  query AccountSecurity {
    me {
      id
      email
      role
      totpEnabled
    }
  }
`);

/** A new pending secret (the previous pending one, if any, is replaced); CONFLICT when two-factor is on already. */
export const BeginTotpEnrollmentMutation = graphql(`
  mutation AccountBeginTotpEnrollment {
    beginTotpEnrollment {
      otpauthUrl
      secret
    }
  }
`);

/** Turns two-factor on with a current code; answers the 10 recovery codes, this once. */
export const ConfirmTotpEnrollmentMutation = graphql(`
  mutation AccountConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code)
  }
`);
