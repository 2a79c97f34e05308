import { DomainException, fieldError, FieldErrorCode } from '@app/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The one normalizer of ids: a UUID as the database stores it and every service, room and event compares it
 * (lowercase). The socket DTOs apply it to every id they read, `requireUuid` to the GraphQL ones; services trust it.
 */
export function normalizeId(id: string): string {
  return id.toLowerCase();
}

/** Refuses a malformed id as BAD_USER_INPUT before it reaches the database (PostgreSQL would reject it as uuid). */
export function requireUuid(value: unknown, field: string): string {
  if (!isUuid(value)) {
    throw DomainException.badInput(`${field} must be an id.`, [
      fieldError(field, FieldErrorCode.INVALID_ID, 'must be a UUID'),
    ]);
  }
  return normalizeId(value);
}
