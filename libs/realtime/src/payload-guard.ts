import { DomainException, fieldError, FieldErrorCode, badText, findBadText } from '@app/common';

/**
 * Keys that reach an object's prototype machinery, or name what every object inherits (`toString`, `valueOf`,
 * `hasOwnProperty`, `__lookupGetter__`, …: class-transformer skips such keys silently, so a whitelist after it never
 * sees them): never data, in any payload, at any depth.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** The deepest nesting any event's payload needs (an envelope's wraps sit at depth 3). */
export const MAX_PAYLOAD_DEPTH = 8;

/**
 * The structural check every socket event's payload passes before any transform (class-transformer would drop a
 * `__proto__` key silently and recurse without bound): no reserved key at any depth, no nesting deeper than
 * MAX_PAYLOAD_DEPTH. Returns the refusal (BAD_USER_INPUT naming the field), or undefined for a payload the event's own
 * validation may look at. Iterative, so a deeply nested payload cannot exhaust the stack; the walk is bounded by the
 * socket's buffer limit.
 */
export function hostilePayload(payload: unknown): DomainException | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: payload, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string' && badText(value)) {
      const bad = findBadText(value, path)!;
      return DomainException.badInput(`The field ${bad.path} ${bad.problem}.`, [
        fieldError(bad.path, FieldErrorCode.INVALID, bad.problem),
      ]);
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) {
      continue;
    }
    if (depth >= MAX_PAYLOAD_DEPTH) {
      return DomainException.badInput(`The payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels.`, [
        fieldError(
          path || 'payload',
          FieldErrorCode.INVALID,
          `nested deeper than ${MAX_PAYLOAD_DEPTH} levels`,
        ),
      ]);
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key.slice(0, 64)}` : key.slice(0, 64);
      if (badText(key)) {
        return DomainException.badInput('A field name is not well-formed text.', [
          fieldError(childPath, FieldErrorCode.INVALID, findBadText(key)!.problem),
        ]);
      }
      if (!Array.isArray(value) && RESERVED_KEYS.has(key)) {
        return DomainException.badInput(`The field name "${key}" is reserved and not allowed.`, [
          fieldError(childPath, FieldErrorCode.NOT_ALLOWED, 'reserved field name'),
        ]);
      }
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
