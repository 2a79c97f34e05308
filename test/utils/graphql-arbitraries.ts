import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  __Schema,
  __Type,
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { hostileJson, hostileKey, oddNumber, unicodeEdge, withReservedKey } from './fuzz';

/**
 * Schema-driven arbitraries for the GraphQL fuzz suites: variables shaped like (and deliberately unlike) an input
 * type, random documents walking the schema, and the document measures the server's limits are defined on.
 */

/** The schema as printed to apps/api/schema.gql (`npm run schema:print`). */
export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../apps/api/schema.gql'), 'utf8'));
}

/** Every mutation field of the schema, by name. */
export function mutationFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  const mutation = schema.getMutationType();
  return mutation ? Object.values(mutation.getFields()) : [];
}

/** The smallest valid selection of a field's type: `{ __typename }` for an object, nothing for a leaf. */
export function minimalSelection(type: GraphQLOutputType): string {
  return isCompositeType(getNamedType(type)) ? ' { __typename }' : '';
}

/** Every query field that takes arguments. */
export function queryFieldsWithArgs(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  const query = schema.getQueryType();
  return query ? Object.values(query.getFields()).filter((field) => field.args.length > 0) : [];
}

/**
 * `mutation Fuzz($a: T!, …) { m(a: $a, …) { __typename } }` (or `query`): every argument passed through a variable.
 */
export function mutationDocument(
  field: GraphQLField<unknown, unknown>,
  operation: 'mutation' | 'query' = 'mutation',
): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return (
    `${operation} Fuzz${definitions ? `(${definitions})` : ''} ` +
    `{ ${field.name}${call ? `(${call})` : ''}${minimalSelection(field.type)} }`
  );
}

/** Values the generators prefer to random ones, so that some cases get past the first check. */
export interface ValuePools {
  /** ids of rows that exist (members, conversations, devices…), mixed with random uuids. */
  ids: readonly string[];
  /** plausible strings: country and language codes, time zones, e-mails, codes. */
  strings: readonly string[];
}

/** Marks an input field the generator leaves out (a missing required field, an unset optional one). */
const MISSING = Symbol('missing');

/**
 * Values for a GraphQL input type: mostly valid-shaped with edge scalars (empty, huge, Unicode edge cases, odd
 * numbers, wrong enums), and at every level sometimes null, a list for a scalar, a scalar for a list, a missing
 * required field, extra fields, a reserved key or plain hostile JSON. `valid` gives well-formed values per input type
 * name (mixed in, so that a few cases succeed).
 */
export function inputValue(
  type: GraphQLInputType,
  pools: ValuePools,
  valid: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const wrong = { weight: 1, arbitrary: hostileJson(2) };
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 12, arbitrary: inputValue(type.ofType, pools, valid, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  if (isListType(type)) {
    const item = inputValue(type.ofType, pools, valid, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: item },
      { weight: 1, arbitrary: fc.array(item, { minLength: 60, maxLength: 120 }) },
      { weight: 1, arbitrary: fc.constant(null) },
      wrong,
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((field) => {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      return fc
        .oneof(
          {
            weight: required ? 14 : 1,
            arbitrary: depth > 4 ? hostileJson(1) : inputValue(field.type, pools, valid, depth + 1),
          },
          { weight: 1, arbitrary: fc.constant(MISSING) },
        )
        .map((value) => [field.name, value] as const);
    });
    const shaped = fc
      .tuple(
        fc.tuple(...fields),
        fc.option(fc.dictionary(hostileKey(), hostileJson(1), { maxKeys: 2 }), { freq: 4, nil: {} }),
      )
      .map(([entries, extra]) => ({
        ...extra,
        ...Object.fromEntries(entries.filter(([, value]) => value !== MISSING)),
      }));
    return fc.oneof(
      ...(valid[type.name] ? [{ weight: 6, arbitrary: valid[type.name] }] : []),
      { weight: 10, arbitrary: shaped },
      { weight: 2, arbitrary: withReservedKey(shaped) },
      { weight: 1, arbitrary: fc.constant(null) },
      wrong,
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom(...values).map((value) => value.toLowerCase()) },
      { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), unicodeEdge()) },
      wrong,
    );
  }
  return fc.oneof({ weight: 9, arbitrary: scalarValue(type.name, pools) }, wrong);
}

function scalarValue(name: string, pools: ValuePools): fc.Arbitrary<unknown> {
  const edgeStrings = fc.oneof(
    fc.string({ maxLength: 30 }),
    unicodeEdge(),
    fc.constantFrom('', ' ', 'x'.repeat(10_000), 'Ω'.repeat(3_000)),
  );
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...pools.ids) },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: edgeStrings },
        { weight: 1, arbitrary: oddNumber() },
      );
    case 'Int':
    case 'Float':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -3, max: 120 }) },
        { weight: 3, arbitrary: oddNumber() },
        { weight: 1, arbitrary: fc.constantFrom('1', '0x10', '') },
      );
    case 'Boolean':
      return fc.oneof(
        { weight: 5, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: fc.constantFrom('true', 0, 1) },
      );
    case 'DateTime':
      return fc.oneof(
        {
          weight: 5,
          arbitrary: fc
            .date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
            .map((date) => date.toISOString()),
        },
        { weight: 1, arbitrary: fc.constantFrom('2026-13-45T25:61:00Z', 'yesterday', '0', '') },
        { weight: 1, arbitrary: oddNumber() },
      );
    default:
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...pools.strings) },
        { weight: 4, arbitrary: edgeStrings },
      );
  }
}

/**
 * The smallest value GraphQL accepts for an input type: required fields only, `"x"`, 1, true, the first enum value,
 * empty lists (the service's own validation may still refuse it: that is the point, it gets that far).
 */
export function minimalValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) {
    return minimalValue(type.ofType);
  }
  if (isListType(type)) {
    return [];
  }
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, minimalValue(field.type)]),
    );
  }
  if (isEnumType(type)) {
    return type.getValues()[0].name;
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'DateTime':
      return '2030-01-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** Where a string goes in an argument's value: `[]` the argument itself, `['input', 'email']`, `['tags', 0]`… */
export type ValuePath = (string | number)[];

/** Every String (or ID) leaf of an input type, lists entered at index 0, nested input objects followed. */
export function stringPaths(type: GraphQLInputType, depth = 0): ValuePath[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return stringPaths(inner.ofType, depth + 1).map((path) => [0, ...path]);
  }
  if (isInputObjectType(inner)) {
    return depth > 3
      ? []
      : Object.values(inner.getFields()).flatMap((field) =>
          stringPaths(field.type, depth + 1).map((path) => [field.name, ...path]),
        );
  }
  return isScalarType(inner) && (inner.name === 'String' || inner.name === 'ID') ? [[]] : [];
}

/** The minimal value of `type` (see `minimalValue`) with `leaf` at `path`: what reaches the service's validation. */
export function minimalValueWith(type: GraphQLInputType, path: ValuePath, leaf: unknown): unknown {
  if (path.length === 0) {
    return leaf;
  }
  const inner = isNonNullType(type) ? type.ofType : type;
  const [head, ...rest] = path;
  if (isListType(inner)) {
    return [minimalValueWith(inner.ofType, rest, leaf)];
  }
  if (isInputObjectType(inner) && typeof head === 'string') {
    const field = inner.getFields()[head];
    return {
      ...(minimalValue(inner) as Record<string, unknown>),
      [head]: minimalValueWith(field.type, rest, leaf),
    };
  }
  return leaf;
}

/**
 * Variables for a mutation's arguments (see `mutationDocument`): each argument from `inputValue`, sometimes left
 * out, sometimes with extra variables or a reserved key beside them; or every argument pure hostile JSON.
 */
export function mutationVariables(
  field: GraphQLField<unknown, unknown>,
  pools: ValuePools,
  valid: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
): fc.Arbitrary<Record<string, unknown>> {
  const args = (value: (arg: GraphQLArgument) => fc.Arbitrary<unknown>) =>
    fc
      .tuple(
        ...field.args.map((arg) =>
          fc
            .oneof({ weight: 14, arbitrary: value(arg) }, { weight: 1, arbitrary: fc.constant(MISSING) })
            .map((v) => [arg.name, v] as const),
        ),
      )
      .map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== MISSING)));
  const shaped = args((arg) => inputValue(arg.type, pools, valid));
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.dictionary(hostileKey(), hostileJson(2), { minKeys: 1, maxKeys: 3 }))
        .map(([variables, extra]) => ({ ...extra, ...variables })),
    },
    { weight: 1, arbitrary: withReservedKey(shaped) },
    { weight: 2, arbitrary: args(() => hostileJson()) },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

/** How a generated document leans: wide, deep, aliased, repeated, fragment-heavy, directive-heavy, invalid. */
interface DocumentStyle {
  width: number;
  depth: number;
  alias: number;
  repeat: number;
  fragment: number;
  directive: number;
  invalid: number;
  introspection: number;
}

const DIRECTIVES = [
  '@include(if: true)',
  '@skip(if: false)',
  '@include(if: $flag)',
  '@skip(if: true)',
  '@include',
  '@deprecated',
  '@specifiedBy(url: "x")',
  '@unknown',
  '@a(b: 1)',
];

const RAW_TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '...',
  '@',
  '$',
  '!',
  ':',
  '=',
  '|',
  '&',
  ',',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'null',
  'true',
  '__typename',
  '__schema',
  'me',
  'countries',
  'code',
  '"str"',
  '"\\u0000"',
  '"\\ud800"',
  '"""block"""',
  '"unterminated',
  '123',
  '-0',
  '1.5e309',
  '0x1F',
  '#comment\n',
  '\u0000',
  '\ufeff',
  '\u2028',
  'é',
];

/**
 * A random document walking the schema from Query: nested selections, aliases (of `__typename` too), repeated
 * fields and spreads, named and inline fragments, known, misplaced and unknown directives, arguments from the
 * argument types (and wrong ones), introspection fields, `__typename` everywhere; sometimes invalid on purpose.
 * Draws its choices from `g`, so a seed replays it. Returns the document and its variables.
 */
export function buildDocument(
  g: fc.GeneratorValue,
  schema: GraphQLSchema,
  pools: ValuePools,
): { query: string; variables: Record<string, unknown> } {
  return new DocumentBuilder(g, schema, pools).build();
}

class DocumentBuilder {
  private readonly style: DocumentStyle;
  private readonly fragments: { name: string; type: string; text: string }[] = [];
  private budget = 220;
  private counter = 0;
  private usesFlag = false;

  constructor(
    private readonly g: fc.GeneratorValue,
    private readonly schema: GraphQLSchema,
    private readonly pools: ValuePools,
  ) {
    this.style = g(() =>
      fc.record({
        width: fc.constantFrom(2, 4, 8, 20),
        depth: fc.constantFrom(3, 6, 9, 10, 11, 14),
        alias: fc.constantFrom(0, 0.2, 0.9),
        repeat: fc.constantFrom(0, 0.1, 0.4),
        fragment: fc.constantFrom(0, 0.15, 0.4),
        directive: fc.constantFrom(0, 0.1, 0.5),
        invalid: fc.constantFrom(0, 0, 0.05, 0.2),
        introspection: fc.constantFrom(0, 0.1),
      }),
    );
  }

  build(): { query: string; variables: Record<string, unknown> } {
    const root = this.schema.getQueryType() as GraphQLObjectType;
    const selection = this.selectionSet(root, 1);
    const keyword = this.g(() =>
      fc.oneof(
        { weight: 12, arbitrary: fc.constant('query') },
        { weight: 2, arbitrary: fc.constant('') },
        { weight: this.style.invalid > 0 ? 1 : 0, arbitrary: fc.constantFrom('mutation', 'subscription') },
      ),
    );
    const variables = this.usesFlag ? '($flag: Boolean = true)' : '';
    // Directives on the operation itself are misplaced (@include/@skip are for fields and fragments).
    const misplaced = this.chance(this.style.invalid) ? ' @include(if: true)' : '';
    const head = keyword === '' && !variables ? '' : `${keyword || 'query'} Fuzz${variables}${misplaced} `;
    const fragments = this.fragments.map((f) => `fragment ${f.name} on ${f.type} ${f.text}`);
    const query = [`${head}${selection}`, ...fragments].join('\n');
    const flag = this.g(() => fc.oneof(fc.boolean(), fc.constant(undefined), hostileJson(1)));
    return { query, variables: this.usesFlag && flag !== undefined ? { flag } : {} };
  }

  /** True with probability p (unbiased: fast-check's default bias favours small values). */
  private chance(p: number): boolean {
    return p > 0 && this.g(() => fc.noBias(fc.integer({ min: 0, max: 9_999 }))) < p * 10_000;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.g(() => fc.noBias(fc.integer({ min: 0, max: items.length - 1 })))];
  }

  private selectionSet(type: GraphQLObjectType, depth: number, merged?: Map<string, string>): string {
    const width = this.g(fc.integer, {
      min: 1,
      max: depth > 3 ? Math.min(3, this.style.width) : this.style.width,
    });
    const items: string[] = [];
    const unaliased = merged ?? new Map<string, string>();
    for (let i = 0; i < width; i += 1) {
      const item = this.selection(type, depth, unaliased);
      items.push(item);
      // Only small selections are repeated: a repeated subtree would multiply the document's size.
      if (item.length < 300 && this.chance(this.style.repeat)) {
        const times = this.g(fc.integer, { min: 1, max: 5 });
        for (let t = 0; t < times; t += 1) {
          items.push(item);
        }
      }
    }
    return `{ ${items.join(' ')} }`;
  }

  /** One selection; `unaliased` holds this set's fields so far by name (a field is selected with one set of args). */
  private selection(type: GraphQLObjectType, depth: number, unaliased: Map<string, string>): string {
    this.budget -= 1;
    if (this.budget <= 0) {
      return '__typename';
    }
    const isQuery = type === this.schema.getQueryType();
    const kind = this.g(() =>
      fc.oneof(
        { weight: 10, arbitrary: fc.constant('field' as const) },
        { weight: 3, arbitrary: fc.constant('typename' as const) },
        { weight: Math.round(this.style.fragment * 10), arbitrary: fc.constant('inline' as const) },
        { weight: Math.round(this.style.fragment * 10), arbitrary: fc.constant('spread' as const) },
        { weight: Math.round(this.style.invalid * 10), arbitrary: fc.constant('unknown' as const) },
        {
          weight: isQuery ? Math.round(this.style.introspection * 20) : 0,
          arbitrary: fc.constant('introspection' as const),
        },
      ),
    );
    switch (kind) {
      case 'typename':
        return `${this.alias()}__typename${this.directives()}`;
      case 'unknown':
        return this.pick(['nope', 'nope { id }', '...Missing', '__typename { x }', 'me(id: 1) { id }']);
      case 'inline':
        return this.inlineFragment(type, depth, unaliased);
      case 'spread':
        return this.spread(type, depth);
      case 'introspection':
        return this.chance(0.5)
          ? `${this.alias()}__schema${this.directives()} ${this.selectionSet(__Schema, depth + 1)}`
          : `${this.alias()}__type(name: ${JSON.stringify(this.pick(['Member', 'Query', 'Nope', 'Practitioner']))})` +
              `${this.directives()} ${this.selectionSet(__Type, depth + 1)}`;
      case 'field':
        return this.field(type, depth, unaliased);
    }
  }

  private field(type: GraphQLObjectType, depth: number, unaliased: Map<string, string>): string {
    const field = this.pick(Object.values(type.getFields()));
    const alias = this.alias();
    const earlier = unaliased.get(field.name);
    if (!alias && earlier !== undefined && !this.chance(this.style.invalid)) {
      // The same response key with other arguments would conflict: select it again as it was.
      return earlier;
    }
    const named = getNamedType(field.type);
    let selection = '';
    if (isObjectType(named)) {
      if (this.chance(this.style.invalid)) {
        selection = '';
      } else if (depth + 1 > this.style.depth) {
        selection = ' { __typename }';
      } else {
        selection = ` ${this.selectionSet(named, depth + 1)}`;
      }
    } else if (this.chance(this.style.invalid)) {
      selection = ' { __typename }';
    }
    const text = `${alias}${field.name}${this.args(field.args)}${this.directives()}${selection}`;
    if (!alias) {
      unaliased.set(field.name, text);
    }
    return text;
  }

  /** Its fields merge with the enclosing set's (`unaliased`), so they must not conflict with them. */
  private inlineFragment(type: GraphQLObjectType, depth: number, unaliased: Map<string, string>): string {
    const condition = this.g(() =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(` on ${type.name}`) },
        { weight: 3, arbitrary: fc.constant('') },
        {
          weight: Math.round(this.style.invalid * 10),
          arbitrary: fc.constantFrom(' on Member', ' on Nope', ' on String'),
        },
      ),
    );
    return `...${condition}${this.directives()} ${this.selectionSet(type, depth + 1, unaliased)}`;
  }

  private spread(type: GraphQLObjectType, depth: number): string {
    const existing = this.fragments.filter((fragment) => fragment.type === type.name);
    let name: string;
    if (existing.length > 0 && this.chance(0.5)) {
      name = this.pick(existing).name;
    } else {
      this.counter += 1;
      name = `F${this.counter}`;
      // Registered after its body: a fragment never spreads itself (no cycles unless asked for below).
      const text = this.selectionSet(type, depth + 1);
      this.fragments.push({ name, type: type.name, text });
    }
    const times = this.chance(this.style.repeat) ? this.g(fc.integer, { min: 2, max: 5 }) : 1;
    return Array.from({ length: times }, () => `...${name}${this.directives()}`).join(' ');
  }

  private alias(): string {
    if (!this.chance(this.style.alias)) {
      return '';
    }
    this.counter += 1;
    return this.chance(this.style.invalid) ? 'same: ' : `a${this.counter}: `;
  }

  private directives(): string {
    if (!this.chance(this.style.directive)) {
      return '';
    }
    let chosen: string[];
    if (this.chance(this.style.invalid * 2)) {
      // Unknown, misplaced, repeated or incomplete directives.
      chosen = Array.from({ length: this.g(fc.integer, { min: 1, max: 4 }) }, () => this.pick(DIRECTIVES));
    } else {
      // A valid set: @include and @skip are not repeatable, so at most one of each.
      const include = this.pick(['', '@include(if: true)', '@include(if: $flag)']);
      const skip = this.pick(
        include ? ['', '@skip(if: false)', '@skip(if: true)'] : ['@skip(if: false)', '@skip(if: true)'],
      );
      chosen = [include, skip].filter(Boolean);
    }
    if (chosen.some((directive) => directive.includes('$flag'))) {
      this.usesFlag = true;
    }
    return ` ${chosen.join(' ')}`;
  }

  private args(args: readonly GraphQLArgument[]): string {
    const given = args
      .filter((arg) => (isNonNullType(arg.type) ? !this.chance(this.style.invalid) : this.chance(0.4)))
      .map((arg) => `${arg.name}: ${this.literal(arg.type, 0)}`);
    if (this.chance(this.style.invalid / 2)) {
      given.push('zz: 1');
    }
    return given.length ? `(${given.join(', ')})` : '';
  }

  private literal(type: GraphQLInputType, depth: number): string {
    if (this.chance(this.style.invalid)) {
      return this.pick(['null', '"wrong"', '12', '[1, 2]', '{}', 'NOPE', '$nope', '1e999']);
    }
    if (isNonNullType(type)) {
      return this.literal(type.ofType, depth);
    }
    if (isListType(type)) {
      const count = this.g(fc.integer, { min: 0, max: 3 });
      return `[${Array.from({ length: count }, () => this.literal(type.ofType, depth + 1)).join(', ')}]`;
    }
    if (isInputObjectType(type)) {
      if (depth > 3) {
        return '{}';
      }
      const fields = Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) || this.chance(0.3))
        .map((field) => `${field.name}: ${this.literal(field.type, depth + 1)}`);
      return `{ ${fields.join(', ')} }`;
    }
    if (isEnumType(type)) {
      return this.pick(type.getValues()).name;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'Int':
          return String(this.g(fc.integer, { min: -2, max: 60 }));
        case 'Float':
          return '1.5';
        case 'Boolean':
          return this.chance(0.5) ? 'true' : 'false';
        case 'ID':
          return JSON.stringify(this.chance(0.7) ? this.pick(this.pools.ids) : this.g(fc.uuid));
        default:
          return JSON.stringify(
            this.chance(0.7) ? this.pick(this.pools.strings) : this.g(fc.string, { maxLength: 12 }),
          );
      }
    }
    return 'null';
  }
}

/** Raw strings that are mostly not GraphQL: token soup, binary, Unicode edge cases, truncated documents. */
export const hostileDocument = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.array(fc.constantFrom(...RAW_TOKENS), { maxLength: 120 }).map((tokens) => tokens.join(' ')),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(unicodeEdge(), { maxLength: 10 }).map((parts) => `{ ${parts.join('')} }`),
    fc.constantFrom(
      '',
      ' ',
      '{',
      '{ __typename',
      '{ __typename }}}}',
      `${'{ me '.repeat(500)}`,
      `{ ${'['.repeat(3_000)} }`,
      `query { countries(locale: ${'['.repeat(1_000)}en${']'.repeat(1_000)}) { code } }`,
      `"${'\\u0000'.repeat(100)}"`,
      '# only a comment',
      `{ __typename } ${'#'.repeat(50_000)}`,
    ),
  );

// ---------------------------------------------------------------------------------------------------------------
// What every answer must respect

/** The documented `extensions.code` values (README, apps/api/src/graphql): anything else is a defect. */
export const DOCUMENTED_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/** Request errors of a well-formed request: 400 as graphql-response+json, 200 as application/json. */
export const DOCUMENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

/** What must never reach a client: a stack frame, SQL or a driver's words, a file path, a parser's internals. */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /at .+\.(js|ts):\d+/],
  [
    'SQL',
    /\b(SELECT\s.+\sFROM|INSERT INTO|UPDATE\s\S+\sSET|DELETE FROM)\b|SQLITE_|QueryFailedError|syntax error at or near|violates \w+ constraint/i,
  ],
  ['file path', /(\/(work|home|srv|usr|tmp|app)\/\S+)|node_modules|[A-Z]:\\\\/],
  [
    'parser internals',
    /Unexpected token .+ in JSON|incorrect header check|Unexpected end of JSON|SyntaxError:/,
  ],
];

/** The first leak found in an answer's text, or null. */
export function leakIn(text: string): string | null {
  const found = LEAKS.find(([, pattern]) => pattern.test(text));
  return found ? `${found[0]}: ${found[1].exec(text)?.[0]}` : null;
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown; extensions?: { code?: unknown; limit?: unknown } }[];
}

/** Problems with the error shape of an answer: each error has a string message and a documented code. */
export function shapeProblems(body: GraphQLAnswer): string[] {
  const problems: string[] = [];
  if (body.errors !== undefined && !Array.isArray(body.errors)) {
    return ['errors is not an array'];
  }
  for (const error of body.errors ?? []) {
    if (typeof error.message !== 'string') {
      problems.push(`an error without a message: ${JSON.stringify(error).slice(0, 200)}`);
    }
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !DOCUMENTED_CODES.has(code)) {
      problems.push(`undocumented code ${String(code)}: ${String(error.message).slice(0, 200)}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Measures

/** What the server's document limits are defined on, measured on a document the way each limit counts it. */
export interface DocumentMeasures {
  /** Lexical tokens, comments excluded (graphql-js `maxTokens`). */
  tokens: number;
  /** The document does not parse (null: it does). */
  syntaxError: string | null;
  /** Aliased fields of the largest operation, each spread counting its fragment again (`__typename` too). */
  aliases: number;
  /**
   * Nesting as graphql-armor measures it (fragments not flattened): each field and inline fragment is a level, each
   * spread two (the spread, then its fragment's selections one level below it).
   */
  depth: number;
  /** Directives of the largest operation, the spreads' own and each spread's fragment again. */
  directives: number;
  /** The most times one selection set names the same response key or spreads the same fragment. */
  repeats: number;
  /** Selects `__schema` or `__type` (refused when introspection is off). */
  introspection: boolean;
  /** A fragment spreads itself, directly or not (the measures above are then only lower bounds). */
  cycle: boolean;
}

export function measureDocument(query: string): DocumentMeasures {
  const tokens = countTokens(query);
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch (error) {
    return {
      tokens,
      syntaxError: (error as Error).message,
      aliases: 0,
      depth: 0,
      directives: 0,
      repeats: 0,
      introspection: false,
      cycle: false,
    };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations.push(definition);
    }
  }
  let cycle = false;
  type Counts = { aliases: number; directives: number; depth: number };
  const memo = new Map<string, Counts>();
  const open = new Set<string>();
  /** A selection set's counts, every spread counting its fragment (memoized: spreads may nest exponentially). */
  const measureSet = (set: SelectionSetNode | undefined): Counts => {
    const counts = { aliases: 0, directives: 0, depth: 0 };
    for (const selection of set?.selections ?? []) {
      counts.directives += selection.directives?.length ?? 0;
      const child =
        selection.kind === Kind.FRAGMENT_SPREAD
          ? measureFragment(selection.name.value)
          : measureSet(selection.selectionSet);
      if (selection.kind === Kind.FIELD && selection.alias) {
        counts.aliases += 1;
      }
      counts.aliases += child.aliases;
      counts.directives += child.directives;
      // graphql-armor counts a spread as two levels (the spread, then the fragment's selection set).
      counts.depth = Math.max(counts.depth, (selection.kind === Kind.FRAGMENT_SPREAD ? 2 : 1) + child.depth);
    }
    return counts;
  };
  const measureFragment = (name: string): Counts => {
    const known = memo.get(name);
    if (known) {
      return known;
    }
    const fragment = fragments.get(name);
    if (open.has(name) || !fragment) {
      cycle ||= open.has(name);
      return { aliases: 0, directives: 0, depth: 0 };
    }
    open.add(name);
    const counts = measureSet(fragment.selectionSet);
    counts.directives += fragment.directives?.length ?? 0;
    open.delete(name);
    memo.set(name, counts);
    return counts;
  };
  let aliases = 0;
  let directives = 0;
  let depth = 0;
  for (const operation of operations) {
    const counts = measureSet(operation.selectionSet);
    aliases = Math.max(aliases, counts.aliases);
    directives = Math.max(directives, counts.directives + (operation.directives?.length ?? 0));
    depth = Math.max(depth, counts.depth);
  }
  let repeats = 0;
  let introspection = false;
  visit(document, {
    SelectionSet(node) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        const key =
          selection.kind === Kind.FIELD
            ? (selection.alias ?? selection.name).value
            : selection.kind === Kind.FRAGMENT_SPREAD
              ? `...${selection.name.value}`
              : undefined;
        if (key !== undefined) {
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      repeats = Math.max(repeats, ...counts.values());
    },
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        introspection = true;
      }
    },
  });
  return { tokens, syntaxError: null, aliases, depth, directives, repeats, introspection, cycle };
}

/** Tokens as graphql-js counts them for `maxTokens` (comments are skipped; stops at the first lexical error). */
export function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
    }
  } catch {
    // A lexical error: the parser fails there too.
  }
  return count;
}
