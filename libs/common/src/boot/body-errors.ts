import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '../errors/error-codes';

/** What body-parser reports (http-errors): a `type` for its own failures, a `status` for every client error. */
interface BodyError {
  type?: string;
  status?: number;
  limit?: number;
}

/** body-parser's own failures → the status and a message that names the fix (never the parser's own words). */
const BODY_FAILURES: Record<string, (maxBodyBytes: number) => { status: number; message: string }> = {
  'entity.parse.failed': () => ({ status: 400, message: 'The request body is not valid JSON.' }),
  'entity.too.large': (max) => ({ status: 413, message: `The request body is larger than ${max} bytes.` }),
  'charset.unsupported': () => ({ status: 415, message: 'The request body must be UTF-8.' }),
  'encoding.unsupported': () => ({
    status: 415,
    message: 'The request body must be sent without Content-Encoding, or with gzip, deflate or br.',
  }),
};

function describe(error: BodyError, maxBodyBytes: number): { status: number; message: string } | undefined {
  const known = error.type === undefined ? undefined : BODY_FAILURES[error.type];
  if (known) {
    return known(maxBodyBytes);
  }
  // Anything else the parser refused as a client error: a corrupt gzip stream, an aborted upload, a wrong length.
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return { status: error.status, message: 'The request body could not be read.' };
  }
  return undefined;
}

/**
 * An Express error handler placed right after the body parsers: a body that is not JSON, too large, in another
 * charset or a corrupt encoding answers its 4xx in the GraphQL error shape (`errors[].extensions.code` BAD_REQUEST),
 * never the parser's message or a stack trace. Anything else goes on to Nest.
 */
export function bodyErrorHandler(maxBodyBytes: number) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const described = typeof error === 'object' && error !== null ? describe(error, maxBodyBytes) : undefined;
    if (!described || res.headersSent) {
      next(error);
      return;
    }
    sendRequestError(res, described.status, described.message);
  };
}

/** An HTTP-level refusal (outside GraphQL execution) in the GraphQL error shape, code BAD_REQUEST. */
export function sendRequestError(res: Response, status: number, message: string): void {
  sendErrorResponse(res, status, message, { code: 'BAD_REQUEST' });
}

/** The `extensions` of an error answered over HTTP: a code, and the refused fields of a BAD_USER_INPUT. */
export interface HttpErrorExtensions {
  code: string;
  fields?: FieldError[];
}

/**
 * One error answered outside GraphQL execution (HTTP routes, refusals before Apollo) in the shape of the rest of the
 * API: JSON `{ errors: [{ message, extensions }] }` with the given status.
 */
export function sendErrorResponse(
  res: Response,
  status: number,
  message: string,
  extensions: HttpErrorExtensions,
): void {
  res
    .status(status)
    .type('application/json')
    .json({ errors: [{ message, extensions }] });
}
