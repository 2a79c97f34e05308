import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorCode, sendErrorResponse, sendRequestError } from '@app/common';

/** The HTTP status of each domain code. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.BAD_USER_INPUT:
      return 400;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return 500;
  }
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  return typeof message === 'string' ? message : 'The request could not be handled.';
}

/**
 * Errors of the HTTP routes in the shape of the rest of the API, `{ errors: [{ message, extensions: { code } }] }`:
 * a DomainException keeps its code, message and field errors with the matching status; a request-level refusal
 * (HttpException 4xx) is BAD_REQUEST; anything else is logged and answered INTERNAL_SERVER_ERROR with a generic
 * message, so no stack trace, SQL or path reaches a client.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      return;
    }
    if (exception instanceof DomainException) {
      const { code, fields } = exception.toPayload();
      sendErrorResponse(res, statusOf(exception.code), exception.message, {
        code,
        ...(fields ? { fields } : {}),
      });
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      sendRequestError(res, exception.getStatus(), messageOf(exception));
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    sendErrorResponse(res, 500, 'Internal server error', { code: ErrorCode.INTERNAL_SERVER_ERROR });
  }
}
