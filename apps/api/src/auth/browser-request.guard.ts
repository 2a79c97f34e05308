import {
  BadRequestException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import { chatConfig, type ChatConfig } from '@app/config';

/**
 * Names every object inherits (`__proto__`, `constructor`, `toString`, …): class-transformer drops such keys silently,
 * so the whitelist after it would never see them. Never data in these bodies.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** The /auth bodies are flat JSON objects: anything else is refused before any transform looks at it. */
function bodyProblem(body: unknown): DomainException | undefined {
  if (body === undefined) {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return DomainException.badInput('The request body must be a JSON object.', [
      fieldError('body', FieldErrorCode.INVALID, 'must be a JSON object'),
    ]);
  }
  const reserved = Object.keys(body).find((key) => RESERVED_KEYS.has(key));
  return reserved === undefined
    ? undefined
    : DomainException.badInput(`The field name "${reserved}" is reserved and not allowed.`, [
        fieldError(reserved, FieldErrorCode.NOT_ALLOWED, 'reserved field name'),
      ]);
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * CSRF defence for the cookie-authenticated /auth routes, on top of SameSite=Strict: the request must be
 * `Content-Type: application/json` (a cross-site form cannot send it, and a cross-site fetch that does needs a CORS
 * preflight this server never grants) → else 400; and a browser's `Origin`, when present, must be one of the
 * server's allowed origins (its own on PORT plus CHAT_ALLOWED_ORIGINS, the socket's allowlist) → else 403. Then the
 * body must be a JSON object without reserved keys (400 BAD_USER_INPUT). Runs before the body is transformed or
 * validated and before anything is read or written.
 */
@Injectable()
export class BrowserRequestGuard implements CanActivate {
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(@Inject(chatConfig.KEY) chat: ChatConfig) {
    this.allowedOrigins = new Set(chat.allowedOrigins);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      throw DomainException.forbidden('Requests from this origin are not allowed.');
    }
    if (!isJson(req.headers['content-type'])) {
      throw new BadRequestException('Send the request as Content-Type: application/json.');
    }
    const problem = bodyProblem(req.body);
    if (problem) {
      throw problem;
    }
    return true;
  }
}
