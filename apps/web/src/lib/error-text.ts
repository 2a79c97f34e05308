import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from './api-error';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'NETWORK',
]);

const FIELD_CODES = new Set([
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_MANY',
  'INVALID_EMAIL',
  'INVALID_COUNTRY',
  'INVALID_LANGUAGE',
  'INVALID_LEVEL',
  'INVALID_EXPERTISE',
  'INVALID_COMPETENCE',
  'INVALID_TIME_ZONE',
  'INVALID_PHONE',
  'INVALID_CODE',
]);

type ErrorCodeKey = 'UNAUTHENTICATED' | 'NETWORK' | 'UNKNOWN';
type FieldCodeKey = 'REQUIRED' | 'INVALID';

/** The one mapping from an API error code to the user's language; server messages are never shown. */
export function errorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  return t(`errors.codes.${(KNOWN_CODES.has(code) ? code : 'UNKNOWN') as ErrorCodeKey}`);
}

/** A field error's code (with its min/max) in the user's language. */
export function fieldErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) {
    return undefined;
  }
  const code = (FIELD_CODES.has(error.code) ? error.code : 'INVALID') as FieldCodeKey;
  return t(`errors.fields.${code}`, { min: error.min, max: error.max });
}
