import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainException, ErrorCode } from '@app/common';

const logger = new Logger('GraphQL');

/** Codes Apollo itself assigns to request errors; they are safe to pass through. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Every error leaves with `extensions.code`. Domain errors keep their code and message (and field errors); Apollo's
 * request errors pass through; anything else becomes INTERNAL_SERVER_ERROR with a generic message, logged here, so
 * no stack trace, SQL or file path reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = rootCause(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainException) {
    // `fields`: the list of { path, code, message, min?, max? } (libs/common FieldError), when there are any.
    const { code, message, fields } = original.toPayload();
    return { ...base, message, extensions: { code, ...(fields ? { fields } : {}) } };
  }
  const code = formatted.extensions?.code;
  const tokens =
    code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (tokens) {
    return {
      ...base,
      message: `The query has more than ${tokens[1]} tokens; at most ${tokens[1]} are allowed.`,
      extensions: { code, limit: 'tokens' },
    };
  }
  if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
    // A document limit names itself (extensions.limit: depth, aliases, directives, cost, repeats).
    const limit = formatted.extensions?.limit;
    return { ...base, extensions: typeof limit === 'string' ? { code, limit } : { code } };
  }
  // graphql-js stops coercing variables after 50 errors with an error of its own, without a code.
  if (formatted.message.startsWith('Too many errors processing variables')) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  // Malformed input the database refused (PostgreSQL SQLSTATE class 22, data exception: an id that is not a uuid, an
  // out-of-range number); the statement failed, so its transaction changed nothing.
  if (isDataException(original)) {
    return { ...base, message: 'A value is malformed.', extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  // Apollo's own request errors without a code (e.g. "provided sha does not match query") carry a 4xx http status.
  const status = (original instanceof GraphQLError ? original.extensions?.http : undefined) as
    { status?: number } | undefined;
  if (status?.status && status.status >= 400 && status.status < 500) {
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function isDataException(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return typeof driverError?.code === 'string' && /^22[0-9A-Z]{3}$/.test(driverError.code);
}

/** The error a resolver threw, under however many GraphQLError wrappers. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) {
    current = current.originalError;
  }
  return current;
}
