import { isErrorCode } from '@app/common/error-codes';
import type { CombinedError } from 'urql';

/** One field's refusal: a stable code (translated by the client) and the server's English message beside it. */
export interface FieldError {
  path: string;
  code: string;
  message?: string;
  min?: number;
  max?: number;
}

/** Every failure the client shows: an API error code (or NETWORK / UNKNOWN) and the failing fields, if any. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /** The first error of the field at `path` (or under it: `languages.0.code` for `languages`). */
  field(path: string): FieldError | undefined {
    return this.fields.find((field) => field.path === path || field.path.startsWith(`${path}.`));
  }
}

/**
 * `extensions.fields` as the API sends it: a list of `{ path, code, message, … }`; the older map of path → messages is
 * read as INVALID for each path, so nothing is lost while servers upgrade.
 */
export function readFieldErrors(raw: unknown): FieldError[] {
  if (Array.isArray(raw)) {
    return raw.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) {
        return [];
      }
      const { path, code, message, min, max } = item as Record<string, unknown>;
      return typeof path === 'string' && typeof code === 'string'
        ? [
            {
              path,
              code,
              message: typeof message === 'string' ? message : undefined,
              min: typeof min === 'number' ? min : undefined,
              max: typeof max === 'number' ? max : undefined,
            },
          ]
        : [];
    });
  }
  if (typeof raw === 'object' && raw !== null) {
    return Object.keys(raw).map((path) => ({ path, code: 'INVALID' }));
  }
  return [];
}

/** An error in the GraphQL shape `{ message, extensions: { code, fields } }` → ApiError. */
export function apiErrorOf(error: { extensions?: Record<string, unknown> } | undefined): ApiError {
  const code = error?.extensions?.code;
  return new ApiError(
    isErrorCode(code) || typeof code === 'string' ? code : 'UNKNOWN',
    readFieldErrors(error?.extensions?.fields),
  );
}

/**
 * A failed urql operation as the ApiError the rest of the client reads: the first GraphQL error's code, NETWORK when the
 * server was not reached, UNKNOWN otherwise; undefined when there was no error.
 */
export function resultError(error: CombinedError | undefined): ApiError | undefined {
  if (!error) {
    return undefined;
  }
  const first = error.graphQLErrors[0];
  return first ? apiErrorOf(first) : new ApiError(error.networkError ? 'NETWORK' : 'UNKNOWN');
}
