import { graphql } from '@web/lib/graphql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      email
      role
      status
      active
      country
      vettedUntil
      totpEnabled
    }
  }
`);
