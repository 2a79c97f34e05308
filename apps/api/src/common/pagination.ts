import { DomainException, fieldError, FieldErrorCode } from '@app/common';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

/** Validates `first` (1…max). */
export function pageSize(first: number | null | undefined, max = MAX_PAGE): number {
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw DomainException.badInput(`first must be between 1 and ${max}.`, [
      fieldError('first', FieldErrorCode.OUT_OF_RANGE, `must be between 1 and ${max}`, { min: 1, max }),
    ]);
  }
  return limit;
}

/** Validates `first` (1…max) and decodes an opaque offset cursor from `after`. */
export function offsetPage(
  first: number | null | undefined,
  after: string | null | undefined,
  max = MAX_PAGE,
) {
  return { limit: pageSize(first, max), offset: after ? decodeCursor(after, 'o') : 0 };
}

export function encodeCursor(kind: string, value: number): string {
  return Buffer.from(`${kind}:${value}`).toString('base64url');
}

export function decodeCursor(cursor: string, kind: string): number {
  const [prefix, raw, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const value = Number(raw);
  if (prefix !== kind || rest.length > 0 || !Number.isInteger(value) || value < 0) {
    throw invalidCursor();
  }
  return value;
}

/**
 * A cursor into a list whose membership depends on the time of day (the directory's "can answer now"): the offset
 * and the instant of the first page, so every later page is cut from the same list, at the same "now".
 */
export function encodeTimedCursor(offset: number, at: Date): string {
  return Buffer.from(`t:${offset}:${at.getTime()}`).toString('base64url');
}

export function decodeTimedCursor(cursor: string): { offset: number; at: Date } {
  const [prefix, rawOffset, rawAt, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const offset = Number(rawOffset);
  const at = Number(rawAt);
  if (
    prefix !== 't' ||
    rest.length > 0 ||
    !Number.isInteger(offset) ||
    offset < 0 ||
    !Number.isSafeInteger(at) ||
    at < 0 ||
    Number.isNaN(new Date(at).getTime())
  ) {
    throw invalidCursor();
  }
  return { offset, at: new Date(at) };
}

const invalidCursor = () =>
  DomainException.badInput('Invalid cursor.', [
    fieldError('after', FieldErrorCode.INVALID, 'must be a cursor this list gave'),
  ]);
