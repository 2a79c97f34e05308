import { graphql } from '@web/lib/graphql';

/** The member's open sessions (the API answers most recently used first; the screen orders them itself). */
export const SessionsQuery = graphql(`
  query AccountSessions {
    sessions {
      id
      deviceLabel
      ip
      createdAt
      lastUsedAt
      expiresAt
      current
    }
  }
`);

/** Ends one of the member's own sessions; another member's id is NOT_FOUND. */
export const RevokeSessionMutation = graphql(`
  mutation AccountRevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);
