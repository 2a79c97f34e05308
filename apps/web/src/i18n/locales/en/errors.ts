import type { ErrorCode, FieldErrorCode } from '@app/common/error-codes';

/** Codes the client itself gives a failure: no answer, a refused request, a stale document, anything else. */
type ClientErrorCode =
  'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST' | 'NETWORK' | 'UNKNOWN';

/**
 * Every API error code and field error code, as the user reads them (a code added to the API is a type error here
 * until it has its words). Messages from the server are never shown.
 */
export const errors = {
  codes: {
    UNAUTHENTICATED: 'Please sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    BAD_USER_INPUT: 'Some fields need your attention.',
    NOT_FOUND: 'This was not found. It may have been removed.',
    CONFLICT: 'This was changed by someone else. Reload and try again.',
    RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
    INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again later.',
    GRAPHQL_PARSE_FAILED: 'This version of the page is out of date. Reload it.',
    GRAPHQL_VALIDATION_FAILED: 'This version of the page is out of date. Reload it.',
    BAD_REQUEST: 'The request could not be sent. Reload the page and try again.',
    NETWORK: 'No connection to Counterpart. Check your network and try again.',
    UNKNOWN: 'Something went wrong. Try again.',
  } satisfies Record<ErrorCode | ClientErrorCode, string>,
  fields: {
    REQUIRED: 'Fill this in.',
    TOO_SHORT: 'At least {{min}} characters.',
    TOO_LONG: 'At most {{max}} characters.',
    TOO_FEW: 'Choose at least {{min}}.',
    TOO_MANY: 'At most {{max}}.',
    OUT_OF_RANGE: 'This number is outside the allowed range.',
    DUPLICATE: 'Each entry can appear only once.',
    NOT_ALLOWED: 'This cannot be set here.',
    INVALID_EMAIL: 'Enter an e-mail address like name@agency.example.',
    INVALID_COUNTRY: 'Choose a country from the list.',
    INVALID_LANGUAGE: 'Choose a language from the list.',
    INVALID_LEVEL: 'Choose a level.',
    INVALID_EXPERTISE: 'Choose from the list.',
    INVALID_COMPETENCE: 'Choose from the list.',
    INVALID_TIME_ZONE: 'Choose a time zone from the list.',
    INVALID_PHONE:
      'This is not a complete phone number: check the country code and that no digit is missing (e.g. +998 71 123 45 67).',
    INVALID_ID: 'This item no longer exists. Reload the page.',
    INVALID_CODE: 'This code is not valid or has expired.',
    INVALID_DATE: 'Enter a valid date.',
    INVALID_FORMAT: 'This is not in the expected format.',
    INVALID: 'This value is not valid.',
  } satisfies Record<FieldErrorCode | 'INVALID', string>,
  boundary: {
    title: 'This page could not be shown',
    body: 'Something went wrong while showing this page. Your data is safe.',
    reload: 'Reload the page',
  },
};
