/**
 * Error codes shared by every transport (GraphQL `extensions.code`, socket ack `error.code`) and by the client.
 * Framework-free on purpose: the browser client imports this file.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The error shape of a failed socket acknowledgement. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Field-level details for BAD_USER_INPUT: one entry per refusal (a field may have several). */
  fields?: FieldError[];
}

/**
 * Why a field was refused: `fields[].code` of BAD_USER_INPUT, on every transport. Stable, so a client translates the
 * code (with `min` / `max` where the rule has a bound), never the English `message`. Keep the set small: a new code
 * is a contract change every client catalog has to follow (docs/SECURITY.md "Field error codes").
 */
export const FieldErrorCode = {
  /** Missing, or blank where a value is needed. */
  REQUIRED: 'REQUIRED',
  /** A text shorter than `min` characters (`max` too when the rule has both). */
  TOO_SHORT: 'TOO_SHORT',
  /** A text longer than `max` characters (bytes for an envelope; `min` too when the rule has both). */
  TOO_LONG: 'TOO_LONG',
  /** A list with fewer than `min` entries. */
  TOO_FEW: 'TOO_FEW',
  /** A list or map with more than `max` entries. */
  TOO_MANY: 'TOO_MANY',
  /** A number outside `min` … `max` (one of them may be absent); a date outside its window (no bounds). */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  /** Given twice in one list (each language, each weekday once), or already in use (a device's identity key). */
  DUPLICATE: 'DUPLICATE',
  /**
   * Must not be there: a field the input does not have, a reserved name (`__proto__`, `constructor`, …), an entry a
   * list may not hold (a message key wrapped for a device that may not read the conversation).
   */
  NOT_ALLOWED: 'NOT_ALLOWED',
  /** Not an e-mail address. */
  INVALID_EMAIL: 'INVALID_EMAIL',
  /** Not an ISO 3166-1 alpha-2 code of the reference data. */
  INVALID_COUNTRY: 'INVALID_COUNTRY',
  /** Not an ISO 639-1 code of the reference data (for a UI locale: not one of the supported ones). */
  INVALID_LANGUAGE: 'INVALID_LANGUAGE',
  /** Not a language level (NATIVE, FLUENT, WORKING, BASIC). */
  INVALID_LEVEL: 'INVALID_LEVEL',
  /** Not an expertise area of the reference data. */
  INVALID_EXPERTISE: 'INVALID_EXPERTISE',
  /** Not a competence of the reference data. */
  INVALID_COMPETENCE: 'INVALID_COMPETENCE',
  /** Not an IANA time zone. */
  INVALID_TIME_ZONE: 'INVALID_TIME_ZONE',
  /** Not a valid phone number in E.164 format (+998712345678). */
  INVALID_PHONE: 'INVALID_PHONE',
  /** Not an id (a UUID). */
  INVALID_ID: 'INVALID_ID',
  /** A one-time code that does not match or is no longer usable: TOTP, invitation, account reset. */
  INVALID_CODE: 'INVALID_CODE',
  /** Not a date. */
  INVALID_DATE: 'INVALID_DATE',
  /** Not in the expected format (HH:MM, a base64 key, a phone number or @username); the message names it. */
  INVALID_FORMAT: 'INVALID_FORMAT',
  /** Anything else; the message says what. */
  INVALID: 'INVALID',
} as const;

export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

export const FIELD_ERROR_CODES: readonly FieldErrorCode[] = Object.values(FieldErrorCode);

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

/** One refused field of a BAD_USER_INPUT error. */
export interface FieldError {
  /** Dotted path into the input: `email`, `languages.0.code`, `since.<conversation id>`. */
  path: string;
  code: FieldErrorCode;
  /** English, for other clients and logs; a client shows its own translation of `code`. */
  message: string;
  /** The rule's lower bound (characters, entries or a number), when it has one. */
  min?: number;
  /** The rule's upper bound, when it has one. */
  max?: number;
}

/** A field error; `bounds` only where the rule has them (undefined bounds are left out). */
export function fieldError(
  path: string,
  code: FieldErrorCode,
  message: string,
  bounds: { min?: number; max?: number } = {},
): FieldError {
  return {
    path,
    code,
    message,
    ...(bounds.min !== undefined ? { min: bounds.min } : {}),
    ...(bounds.max !== undefined ? { max: bounds.max } : {}),
  };
}
