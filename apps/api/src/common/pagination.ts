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

/** How long a list keeps its first page's instant: past it, a page is cut at the present, as a new search would be. */
export const TIMED_CURSOR_HOLD_MS = 10 * 60_000;
/** A cursor's instant may be this far ahead of `now` (several API instances, clocks a little apart). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The offset and instant of a timed cursor, the instant `now` when the cursor is older than TIMED_CURSOR_HOLD_MS (a tab
 * left open: its cards must not tell who could answer an hour ago) or an offset cursor from before timed ones existed.
 * A cursor from the future, or not one this list gave, is refused.
 */
export function decodeTimedCursor(cursor: string, now: Date): { offset: number; at: Date } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const legacy = /^o:(\d{1,9})$/.exec(text);
  if (legacy) {
    return { offset: Number(legacy[1]), at: now };
  }
  const timed = /^t:(\d{1,9}):(\d{1,15})$/.exec(text);
  const at = Number(timed?.[2]);
  if (!timed || at > now.getTime() + CLOCK_SKEW_MS) {
    throw invalidCursor();
  }
  return { offset: Number(timed[1]), at: now.getTime() - at > TIMED_CURSOR_HOLD_MS ? now : new Date(at) };
}

const invalidCursor = () =>
  DomainException.badInput('Invalid cursor.', [
    fieldError('after', FieldErrorCode.INVALID, 'must be a cursor this list gave'),
  ]);
