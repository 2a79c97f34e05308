import { DomainException, fieldError, FieldErrorCode } from '@app/common';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

/** Validates `first` (1…max) and decodes an opaque offset cursor from `after`. */
export function offsetPage(
  first: number | null | undefined,
  after: string | null | undefined,
  max = MAX_PAGE,
) {
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw DomainException.badInput(`first must be between 1 and ${max}.`, [
      fieldError('first', FieldErrorCode.OUT_OF_RANGE, `must be between 1 and ${max}`, { min: 1, max }),
    ]);
  }
  return { limit, offset: after ? decodeCursor(after, 'o') : 0 };
}

export function encodeCursor(kind: string, value: number): string {
  return Buffer.from(`${kind}:${value}`).toString('base64url');
}

export function decodeCursor(cursor: string, kind: string): number {
  const [prefix, raw] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const value = Number(raw);
  if (prefix !== kind || !Number.isInteger(value) || value < 0) {
    throw DomainException.badInput('Invalid cursor.', [
      fieldError('after', FieldErrorCode.INVALID, 'must be a cursor this list gave'),
    ]);
  }
  return value;
}
