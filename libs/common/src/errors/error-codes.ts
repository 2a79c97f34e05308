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
  /** Field-level details for BAD_USER_INPUT: field path → messages. */
  fields?: Record<string, string[]>;
}
