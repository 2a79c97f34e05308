/**
 * Text no store keeps as sent: a NUL character (PostgreSQL text refuses it) or a lone UTF-16 surrogate (both
 * databases store U+FFFD instead, so a hash taken before storing — the audit chain's — no longer verifies, and
 * validator's isEmail throws on it). Every transport refuses such input before anything runs.
 */
export function badText(text: string): 'NUL' | 'SURROGATE' | undefined {
  if (text.includes('\u0000')) {
    return 'NUL';
  }
  return LONE_SURROGATE.test(text) ? 'SURROGATE' : undefined;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** JSON-like values only: plain objects (graphql-js builds inputs without a prototype) and arrays, never instances. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * No input of ours nests deeper than a few levels (a GraphQL input object, a sign-in body); a body nested deeper is
 * refused before anything walks it recursively (Nest's ValidationPipe overflowed the stack on 10,000 levels: a 500).
 */
export const MAX_INPUT_DEPTH = 32;

const DESCRIPTIONS = {
  NUL: 'must not contain a NUL character',
  SURROGATE: 'must be well-formed Unicode (no lone surrogate)',
  DEEP: `must not nest more than ${MAX_INPUT_DEPTH} levels deep`,
} as const;

/**
 * The first string (or object key) in `value` that is bad text, or the first value nested deeper than
 * MAX_INPUT_DEPTH, with its dotted path, or undefined. Walks strings, arrays and plain objects only (class instances
 * such as a request are not input), iteratively; the body and frame limits bound the work.
 */
export function findBadText(value: unknown, root = ''): { path: string; problem: string } | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (depth >= MAX_INPUT_DEPTH && (Array.isArray(current) || isPlainObject(current))) {
      return { path: path.slice(0, 80), problem: DESCRIPTIONS.DEEP };
    }
    if (typeof current === 'string') {
      const problem = badText(current);
      if (problem) {
        return { path: path || 'value', problem: DESCRIPTIONS[problem] };
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, index) =>
        pending.push({ value: item, path: path ? `${path}.${index}` : String(index), depth: depth + 1 }),
      );
    } else if (isPlainObject(current)) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        const problem = badText(key);
        if (problem) {
          return { path: childPath.slice(0, 80), problem: DESCRIPTIONS[problem] };
        }
        pending.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
