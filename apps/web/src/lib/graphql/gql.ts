/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AccountSessions {\n    sessions {\n      id\n      deviceLabel\n      ip\n      createdAt\n      lastUsedAt\n      expiresAt\n      current\n    }\n  }\n": typeof types.AccountSessionsDocument,
    "\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.AccountRevokeSessionDocument,
    "\n  query AccountSecurity {\n    me {\n      id\n      email\n      role\n      totpEnabled\n    }\n  }\n": typeof types.AccountSecurityDocument,
    "\n  mutation AccountBeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n": typeof types.AccountBeginTotpEnrollmentDocument,
    "\n  mutation AccountConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": typeof types.AccountConfirmTotpEnrollmentDocument,
    "\n  query ApplyReference($locale: Locale!) {\n    countries(locale: $locale) {\n      code\n      name\n    }\n    languages(locale: $locale) {\n      code\n      name\n    }\n    expertiseAreas(locale: $locale) {\n      code\n      group\n      name\n    }\n    competences(locale: $locale) {\n      code\n      group\n      name\n    }\n  }\n": typeof types.ApplyReferenceDocument,
    "\n  mutation ApplyForMembership($input: ApplyForMembershipInput!) {\n    applyForMembership(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApplyForMembershipDocument,
    "\n  mutation ResetAccount($input: ResetAccountInput!) {\n    resetAccount(input: $input)\n  }\n": typeof types.ResetAccountDocument,
    "\n  query Home {\n    me {\n      id\n      email\n      role\n      status\n      active\n      country\n      vettedUntil\n      totpEnabled\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": typeof types.SetMyLocaleDocument,
};
const documents: Documents = {
    "\n  query AccountSessions {\n    sessions {\n      id\n      deviceLabel\n      ip\n      createdAt\n      lastUsedAt\n      expiresAt\n      current\n    }\n  }\n": types.AccountSessionsDocument,
    "\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.AccountRevokeSessionDocument,
    "\n  query AccountSecurity {\n    me {\n      id\n      email\n      role\n      totpEnabled\n    }\n  }\n": types.AccountSecurityDocument,
    "\n  mutation AccountBeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n": types.AccountBeginTotpEnrollmentDocument,
    "\n  mutation AccountConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": types.AccountConfirmTotpEnrollmentDocument,
    "\n  query ApplyReference($locale: Locale!) {\n    countries(locale: $locale) {\n      code\n      name\n    }\n    languages(locale: $locale) {\n      code\n      name\n    }\n    expertiseAreas(locale: $locale) {\n      code\n      group\n      name\n    }\n    competences(locale: $locale) {\n      code\n      group\n      name\n    }\n  }\n": types.ApplyReferenceDocument,
    "\n  mutation ApplyForMembership($input: ApplyForMembershipInput!) {\n    applyForMembership(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApplyForMembershipDocument,
    "\n  mutation ResetAccount($input: ResetAccountInput!) {\n    resetAccount(input: $input)\n  }\n": types.ResetAccountDocument,
    "\n  query Home {\n    me {\n      id\n      email\n      role\n      status\n      active\n      country\n      vettedUntil\n      totpEnabled\n    }\n  }\n": types.HomeDocument,
    "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": types.SetMyLocaleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSessions {\n    sessions {\n      id\n      deviceLabel\n      ip\n      createdAt\n      lastUsedAt\n      expiresAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query AccountSessions {\n    sessions {\n      id\n      deviceLabel\n      ip\n      createdAt\n      lastUsedAt\n      expiresAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSecurity {\n    me {\n      id\n      email\n      role\n      totpEnabled\n    }\n  }\n"): (typeof documents)["\n  query AccountSecurity {\n    me {\n      id\n      email\n      role\n      totpEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountBeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation AccountBeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"): (typeof documents)["\n  mutation AccountConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplyReference($locale: Locale!) {\n    countries(locale: $locale) {\n      code\n      name\n    }\n    languages(locale: $locale) {\n      code\n      name\n    }\n    expertiseAreas(locale: $locale) {\n      code\n      group\n      name\n    }\n    competences(locale: $locale) {\n      code\n      group\n      name\n    }\n  }\n"): (typeof documents)["\n  query ApplyReference($locale: Locale!) {\n    countries(locale: $locale) {\n      code\n      name\n    }\n    languages(locale: $locale) {\n      code\n      name\n    }\n    expertiseAreas(locale: $locale) {\n      code\n      group\n      name\n    }\n    competences(locale: $locale) {\n      code\n      group\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForMembership($input: ApplyForMembershipInput!) {\n    applyForMembership(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyForMembership($input: ApplyForMembershipInput!) {\n    applyForMembership(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetAccount($input: ResetAccountInput!) {\n    resetAccount(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetAccount($input: ResetAccountInput!) {\n    resetAccount(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      email\n      role\n      status\n      active\n      country\n      vettedUntil\n      totpEnabled\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      id\n      email\n      role\n      status\n      active\n      country\n      vettedUntil\n      totpEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;