import fc from 'fast-check';

/**
 * Property-based fuzzing settings shared by the fuzz suites: deterministic by default (a fixed seed), bounded (a
 * fixed number of runs per property), and replayable. On a failure fast-check prints the seed and the counterexample
 * path; `FUZZ_SEED=<seed> FUZZ_RUNS=<n>` runs that exact sequence again, a larger `FUZZ_RUNS` hunts longer.
 */
export const FUZZ_SEED = integerFromEnv('FUZZ_SEED', 20_261_201);
export const FUZZ_RUNS = integerFromEnv('FUZZ_RUNS', 50);

/**
 * fast-check parameters for one property: the shared seed and budget; a failure is shrunk and printed verbosely.
 * Shrinking a failure against a live server can take longer than the test may: past `interruptAfterTimeLimit`
 * fast-check stops and reports what it has (the seed, the path, the smallest case so far), where Jest's own timeout
 * would report nothing replayable. It is below every `fuzzTimeout(runs, msPerRun ≥ 100)`.
 */
export function fuzzParameters<T>(runs = FUZZ_RUNS): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: runs,
    verbose: fc.VerbosityLevel.Verbose,
    interruptAfterTimeLimit: 25_000 + runs * 300,
  };
}

/**
 * A Jest timeout for a fuzz test of `runs` cases at about `msPerRun` each on an idle machine: a hang guard, not a
 * speed check, so it allows three times that (two cores shared with the app under test, PostgreSQL and other
 * workers) plus a boot margin.
 */
export function fuzzTimeout(runs = FUZZ_RUNS, msPerRun = 200): number {
  return 30_000 + runs * msPerRun * 3;
}

/**
 * The headers of a fuzzed request, in the order given (they go on the wire in that order); a header whose value is
 * undefined is not sent.
 */
export function requestHeaders(values: Record<string, string | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) {
      headers[name] = value;
    }
  }
  return headers;
}

const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Object keys an attacker tries: reserved names, look-alikes, empty, huge, odd Unicode. */
export const hostileKey = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...RESERVED_KEYS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );

/** Unicode edge cases: lone surrogates, RTL marks, zero-width characters, NUL, combining marks, emoji. */
export const unicodeEdge = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('\ud800', '\udfff', '\u202e', '\u200b', '\u0000', 'e\u0301', '👩‍👩‍👧', '\ufeff', 'Ю\u0308'),
    fc.string({ unit: 'binary', maxLength: 16 }),
  );

/** Numbers out of every range: negative, fractional, huge, NaN-like strings. */
export const oddNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(-1, 0, 1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, -0, 0.5),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );

/**
 * Arbitrary JSON as an attacker writes it: every JSON type, reserved keys at any depth, huge strings and arrays,
 * deep nesting, out-of-range numbers, Unicode edge cases. Values stay JSON (what reaches a server over the wire).
 */
export const hostileJson = (maxDepth = 6): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth },
      fc.constant(null),
      fc.boolean(),
      oddNumber(),
      fc.string({ maxLength: 20 }),
      unicodeEdge(),
      fc.constantFrom('x'.repeat(70_000), 'y'.repeat(5_000)),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.constant(Array.from({ length: 2_000 }, (_, i) => i)),
      fc.dictionary(hostileKey(), tie('value'), { maxKeys: 5 }),
      fc.constant(deeplyNested(200)),
    ),
  })).value;

/** `{"a":{"a":…}}` nested `depth` times. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) {
    value = { a: value };
  }
  return value;
}

/**
 * A JSON object with a reserved key injected at a random depth (the case a whitelist must never miss). Computed keys
 * and spreads make "__proto__" an own property, exactly as JSON.parse makes it when a wire payload arrives.
 */
export const withReservedKey = (
  base: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(base, fc.constantFrom(...RESERVED_KEYS), hostileJson(2), fc.nat({ max: 3 }))
    .map(([object, key, value, depth]) => inject(object, key, value, depth));

function inject(
  object: Record<string, unknown>,
  key: string,
  value: unknown,
  depth: number,
): Record<string, unknown> {
  const nested = Object.entries(object).find(
    (entry): entry is [string, Record<string, unknown>] =>
      typeof entry[1] === 'object' && entry[1] !== null && !Array.isArray(entry[1]),
  );
  if (depth === 0 || !nested) {
    return { [key]: value, ...object };
  }
  return { ...object, [nested[0]]: inject(nested[1], key, value, depth - 1) };
}

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${name} must be an integer, got ${raw}`);
  }
  return value;
}
