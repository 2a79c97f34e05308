import { ErrorCode, type ErrorPayload, type FieldError } from './error-codes';

/**
 * The one exception the domain throws. Transports map `code` to their own error shape; the message is safe to show
 * to the caller, so it never contains secrets, SQL or file paths.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainException';
  }

  /** BAD_USER_INPUT, with the refused fields (build them with `fieldError`) when there are any. */
  static badInput(message: string, fields?: FieldError[]): DomainException {
    return new DomainException(ErrorCode.BAD_USER_INPUT, message, fields);
  }

  static notFound(message: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, message);
  }

  static forbidden(message = 'You are not allowed to do this.'): DomainException {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in first.'): DomainException {
    return new DomainException(ErrorCode.UNAUTHENTICATED, message);
  }

  toPayload(): ErrorPayload {
    return this.fields && this.fields.length > 0
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}
