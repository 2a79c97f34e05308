import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import Negotiator from 'negotiator';
import { MemberEntity } from '@app/identity';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';
import {
  deeplyNested,
  FUZZ_RUNS,
  fuzzParameters,
  fuzzTimeout,
  hostileJson,
  requestHeaders,
  unicodeEdge,
} from '../utils/fuzz';
import { hostileDocument, leakIn, shapeProblems, type GraphQLAnswer } from '../utils/graphql-arbitraries';

/**
 * Property-based fuzzing of the HTTP layer in front of GraphQL (FUZZ_RUNS cases per property, FUZZ_SEED replays a
 * failure): malformed and oversized bodies, wrong charsets, content types and encodings, batches, GET with mutations
 * or hostile query strings, odd methods, Accept headers and paths, and the other endpoints. Each request is built
 * together with the status the documented pipeline gives it (body parser → 406 → CSRF → method → GraphQL); the answer
 * must have that status (never a 5xx), the GraphQL error shape with documented codes, no leak; a write runs only
 * when answered 200; the server still answers afterwards. FUZZ_REPORT=1 prints the cases per status.
 */

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const APPLICATION_JSON = 'application/json';

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** What the documented pipeline answers a request: exact statuses, or "open" (any 4xx, or 200). */
interface Case {
  label: string;
  request: RawRequest;
  statuses: readonly number[] | 'open';
  /** An applyForMembership with this e-mail: it must have run exactly when the answer is 200. */
  applies?: string;
}

/** One request over a fresh connection, exactly as given (no client-side normalisation). */
function send(url: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body && !req.chunked) {
      headers['content-length'] = String(req.body.length);
    }
    const outgoing = httpRequest(
      { hostname, port, method: req.method, path: req.path, headers, agent: false, timeout: 10_000 },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 10 s')));
    outgoing.on('error', reject);
    if (req.body) {
      if (req.chunked) {
        for (let offset = 0; offset < req.body.length; offset += 8_192) {
          outgoing.write(req.body.subarray(offset, offset + 8_192));
        }
      } else {
        outgoing.write(req.body);
      }
    }
    outgoing.end();
  });
}

/**
 * An answer in the GraphQL error shape: JSON, documented codes, and errors unless it is a 200. The body is returned
 * when it parses, for the checks particular to an endpoint.
 */
function answerProblems(response: RawResponse): { body?: GraphQLAnswer; problems: string[] } {
  let body: GraphQLAnswer | null;
  try {
    body = JSON.parse(response.text) as GraphQLAnswer | null;
  } catch {
    return { problems: [`not JSON: ${response.text.slice(0, 120)}`] };
  }
  if (!body) {
    return { problems: [] }; // null, false, 0 or "": no shape to check
  }
  const problems = [...shapeProblems(body)];
  if (response.status !== 200 && !(Array.isArray(body.errors) && body.errors.length > 0)) {
    problems.push(`a ${response.status} without errors`);
  }
  return { body, problems };
}

/** The media type the server answers in, as it negotiates it; null: 406. */
function acceptable(raw: string | undefined): string | null {
  // Node trims header values: a blank Accept is no Accept.
  const accept = raw?.trim();
  if (!accept) {
    return APPLICATION_JSON;
  }
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE]) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Pieces of requests, each with what the pipeline makes of it

const ACCEPTS = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(undefined, APPLICATION_JSON, GRAPHQL_RESPONSE, '*/*') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'text/html',
      'image/png',
      'application/xml',
      'application/*',
      'text/html, application/json;q=0.1',
      `${GRAPHQL_RESPONSE};q=0, ${APPLICATION_JSON};q=0`,
      'application/json;q=abc',
      'multipart/mixed; deferSpec=20220824',
      '',
      ';;;,,,',
      '*/*;q=0',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')) },
);

/** How the body parsers, CSRF prevention and Apollo treat a Content-Type. */
interface ContentType {
  value: string | undefined;
  parser: 'json' | 'form' | 'none' | 'unknown';
  /**
   * json/form: the charset verdict: 415 refused at once; 'unsupported' a utf-* name no decoder knows (415, unless a
   * Content-Length over the limit is refused first with 413); 'open' decoded with another utf-* decoder.
   */
  charset: 'ok' | 415 | 'unsupported' | 'open';
  /** CSRF prevention lets it through only with a preflight header (none, text/plain, forms, multipart). */
  simple: boolean;
}

const JSON_TYPES: ContentType[] = [
  { value: 'application/json', parser: 'json', charset: 'ok', simple: false },
  { value: 'application/json; charset=utf-8', parser: 'json', charset: 'ok', simple: false },
  { value: 'APPLICATION/JSON; CHARSET=UTF-8', parser: 'json', charset: 'ok', simple: false },
  { value: 'application/json; charset=latin1', parser: 'json', charset: 415, simple: false },
  { value: 'application/json; charset=iso-8859-1', parser: 'json', charset: 415, simple: false },
  { value: 'application/json; charset=us-ascii', parser: 'json', charset: 415, simple: false },
  // body-parser asks for a "utf-" prefix: the alias utf8 is refused too.
  { value: 'application/json; charset=utf8', parser: 'json', charset: 415, simple: false },
  { value: 'application/json; charset=utf-xyz', parser: 'json', charset: 'unsupported', simple: false },
  { value: 'application/json; charset=utf-16le', parser: 'json', charset: 'open', simple: false },
];

const OTHER_TYPES: ContentType[] = [
  { value: undefined, parser: 'none', charset: 'ok', simple: true },
  { value: 'text/plain', parser: 'none', charset: 'ok', simple: true },
  { value: 'text/plain; charset=utf-8', parser: 'none', charset: 'ok', simple: true },
  { value: 'application/x-www-form-urlencoded', parser: 'form', charset: 'ok', simple: true },
  { value: 'application/x-www-form-urlencoded; charset=latin1', parser: 'form', charset: 415, simple: true },
  { value: 'multipart/form-data; boundary=fuzz', parser: 'none', charset: 'ok', simple: true },
  { value: 'application/graphql', parser: 'none', charset: 'ok', simple: false },
  { value: GRAPHQL_RESPONSE, parser: 'none', charset: 'ok', simple: false },
  { value: 'application/javascript', parser: 'none', charset: 'ok', simple: false },
];

const CONTENT_TYPES = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...JSON_TYPES.slice(0, 3)) },
  { weight: 3, arbitrary: fc.constantFrom(...JSON_TYPES.slice(3)) },
  { weight: 4, arbitrary: fc.constantFrom(...OTHER_TYPES) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 40 }).map((s): ContentType => ({
      value: s.replace(/[\r\n]/g, ''),
      parser: 'unknown',
      charset: 'open',
      simple: false,
    })),
  },
);

/** What a JSON body is once parsed: a value, or a parse failure (400). */
type Parsed = { ok: true; value: unknown } | { ok: false };

/** body-parser's strict JSON: one leading BOM stripped, the first character `{` or `[`, then JSON.parse. */
function parseJson(bytes: Buffer): Parsed {
  let text = bytes.toString('utf8');
  if (text.startsWith('\ufeff')) {
    text = text.slice(1);
  }
  if (text.length === 0) {
    return { ok: true, value: {} };
  }
  // JSON whitespace is space, tab, line feed and carriage return.
  const first = text.replace(/^[ \t\n\r]*/, '').charAt(0);
  if (first !== '{' && first !== '[') {
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What Apollo answers a POST body (after the HTTP checks): batches, a body that is not a non-empty object, fields of
 * the wrong type and a missing query are 400 BAD_REQUEST; a document is answered per Accept.
 */
function apolloPost(body: unknown, document: DocumentKind, accept: string): readonly number[] | 'open' {
  if (Array.isArray(body)) {
    return [400];
  }
  if (!isRecord(body) || Object.keys(body).length === 0) {
    return [400];
  }
  const { query, variables, extensions, operationName } = body;
  if (query && typeof query !== 'string') {
    return [400];
  }
  if (typeof variables === 'string' || typeof extensions === 'string') {
    return [400];
  }
  if ('extensions' in body && extensions !== null && !isRecord(extensions)) {
    return [400];
  }
  if ('variables' in body && variables !== null && !isRecord(variables)) {
    return [400];
  }
  if ('operationName' in body && operationName !== null && typeof operationName !== 'string') {
    return [400];
  }
  if (isRecord(extensions) && 'persistedQuery' in extensions) {
    return 'open';
  }
  if (!query) {
    return [400];
  }
  return documentStatus(document, accept, operationName);
}

/** The documents requests carry, and what each answers when it arrives well-formed. */
type DocumentKind = 'typename' | 'apply' | 'hostile' | 'other';

function documentStatus(document: DocumentKind, accept: string, operationName?: unknown): readonly number[] {
  if (typeof operationName === 'string') {
    return [200, 400]; // An unknown operation name (even "") is OPERATION_RESOLUTION_FAILURE (400).
  }
  switch (document) {
    case 'typename':
    case 'apply':
      return [200];
    case 'hostile':
    case 'other':
      // Parse/validation failures are 400 only as graphql-response+json.
      return accept === GRAPHQL_RESPONSE ? [200, 400] : [200];
  }
}

/**
 * The pipeline in front of GraphQL, in order: the body parser (415 charset or encoding, 413 size, 400 unreadable),
 * 406 for an unacceptable Accept, CSRF prevention (400), the method (405), then Apollo.
 */
function pipeline(input: {
  method: string;
  accept: string | undefined;
  preflight: boolean;
  contentType: ContentType;
  /** The body's fate in the parser when parsed: too large, corrupt encoding, unsupported encoding, or a value. */
  parsed?: Parsed | 413 | 415 | 'corrupt';
  apollo: (accept: string) => readonly number[] | 'open';
}): readonly number[] | 'open' {
  const { contentType } = input;
  if (contentType.parser === 'unknown') {
    return 'open';
  }
  if (input.parsed !== undefined && contentType.parser !== 'none') {
    if (contentType.charset === 415) {
      return [415];
    }
    if (input.parsed === 415) {
      return [415];
    }
    if (contentType.charset === 'unsupported') {
      return input.parsed === 413 ? [413, 415] : [415];
    }
    if (input.parsed === 413) {
      return [413];
    }
    if (contentType.charset === 'open') {
      return 'open';
    }
    if (input.parsed === 'corrupt' || !input.parsed.ok) {
      return [400];
    }
  }
  const accept = acceptable(input.accept);
  if (accept === null) {
    return [406];
  }
  if (contentType.simple && !input.preflight) {
    return [400];
  }
  if (input.method !== 'GET' && input.method !== 'POST') {
    return [405];
  }
  return input.apollo(accept);
}

/**
 * A fresh e-mail per case: unbiased (biased uuids repeat), and per property (every property starts from the same
 * seed, so two properties draw the same uuids); a repeated e-mail would count another case's write.
 */
const AUTH_ROUTES = ['/auth/sign-in', '/auth/refresh', '/auth/sign-out'];
/** Names every object inherits: refused as body keys of the /auth routes. */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

const uniqueEmail = (property: string) =>
  fc.noBias(fc.uuid()).map((id) => `http-fuzz-${property}-${id}@example.test`);

function applyBody(email: string): Record<string, unknown> {
  return {
    query: 'mutation Apply($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }',
    variables: {
      input: {
        email,
        password: 'a long enough password 2026',
        displayName: 'HTTP Fuzz',
        country: 'KZ',
        agencyName: 'Prosecutor General’s Office',
        agencyType: 'PROSECUTION',
        languages: [{ code: 'ru', level: 'NATIVE' }],
        expertise: [],
        competences: [],
      },
    },
  };
}

/** A request body before serialisation, the document it carries, and the e-mail it applies with (if it does). */
interface Payload {
  body: unknown;
  document: DocumentKind;
  email?: string;
  /** The bytes sent instead of the serialised body (malformed JSON). */
  bytes?: Buffer;
}

/** Automatic persisted query extensions: unknown hashes, versions other than 1, hashes that do not match, wrong types. */
const persistedQueryBody: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    query: fc.constantFrom('{ __typename }', ''),
    extensions: fc.record({
      persistedQuery: fc.oneof(
        fc.record(
          {
            version: fc.constantFrom(1, 1, 2, 0, '1', null),
            sha256Hash: fc.oneof(
              fc.constant('ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38'),
              fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }),
              hostileJson(1),
            ),
          },
          { requiredKeys: [] },
        ),
        hostileJson(1),
      ),
    }),
  },
  { requiredKeys: ['extensions'] },
);

/** A well-formed GraphQL body: __typename, a real write, or a hostile document; sometimes with odd companions. */
const graphqlBody: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Payload>({ body: { query: '{ __typename }' }, document: 'typename' }) },
  {
    weight: 2,
    arbitrary: uniqueEmail('post').map((email): Payload => ({
      body: applyBody(email),
      document: 'apply',
      email,
    })),
  },
  {
    weight: 2,
    arbitrary: hostileDocument().map((query): Payload => ({ body: { query }, document: 'hostile' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          query: fc.oneof(fc.constant('{ __typename }'), hostileJson(2)),
          variables: hostileJson(3),
          operationName: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }), hostileJson(1)),
          extensions: fc.oneof(
            hostileJson(3),
            fc.record({
              persistedQuery: fc.record({
                version: fc.constantFrom(1, 2, 'x'),
                sha256Hash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }),
              }),
            }),
          ),
        },
        { requiredKeys: [] },
      )
      .map((body): Payload => ({ body, document: 'other' })),
  },
  {
    weight: 2,
    // Automatic persisted queries: unknown hashes, wrong versions, hashes that do not match, wrong types.
    arbitrary: persistedQueryBody.map((body): Payload => ({ body, document: 'typename' })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Payload>(
      { body: { query: '{ __typename }', variables: { deep: deeplyNested(1_000) } }, document: 'typename' },
      { body: { query: '{ __typename }', extensions: { deep: deeplyNested(1_000) } }, document: 'typename' },
      {
        body: {
          query: '{ __typename }',
          variables: { n: 1e308, m: -0, big: 1.2345678901234568e29 },
        },
        document: 'typename',
      },
    ),
  },
);

/** A JSON text made malformed: truncated, invalid UTF-8, a BOM (or two), NUL bytes, unbalanced nesting, numbers. */
const malformedJson = (text: string): fc.Arbitrary<Buffer> =>
  fc.oneof(
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => Buffer.from(text.slice(0, cut))),
    fc
      .tuple(
        fc.nat({ max: text.length }),
        fc.constantFrom(
          [0xff],
          [0xc3, 0x28],
          [0xed, 0xa0, 0x80],
          [0xf8, 0x88, 0x80, 0x80, 0x80],
          [0xc0, 0xaf],
        ),
      )
      .map(([at, bytes]) =>
        Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]),
      ),
    fc.constantFrom('\ufeff', '\ufeff\ufeff').map((bom) => Buffer.from(bom + text)),
    fc.nat({ max: text.length }).map((at) => Buffer.from(`${text.slice(0, at)}\u0000${text.slice(at)}`)),
    fc.integer({ min: 1, max: 30_000 }).map((depth) => Buffer.from('['.repeat(depth) + ']'.repeat(depth))),
    fc.integer({ min: 1, max: 30_000 }).map((depth) => Buffer.from('['.repeat(depth))),
    fc
      .integer({ min: 1, max: 10_000 })
      .map((depth) =>
        Buffer.from(`{"query":"{ __typename }","variables":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
      ),
    fc
      .constantFrom(
        '{"query": 1e99999}',
        '{"query":"{ __typename }","variables":{"n":1e99999}}',
        `{"query":"{ __typename }","x":${'9'.repeat(5_000)}}`,
      )
      .map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc.array(unicodeEdge(), { maxLength: 5 }).map((parts) => Buffer.from(`{"query":"${parts.join('')}"}`)),
  );

/** The body under a Content-Encoding, and what the parser makes of it. */
const ENCODINGS = fc.oneof(
  { weight: 10, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('identity', '', 'gzip', 'GZIP', 'deflate', 'br') },
  { weight: 1, arbitrary: fc.constantFrom('compress', 'x-gzip', 'zstd', 'gzip, gzip', 'bogus') },
);

function encode(
  bytes: Buffer,
  encoding: string | undefined,
  corrupt: boolean,
): { body: Buffer; verdict?: 415 | 'corrupt' } {
  switch ((encoding ?? 'identity').toLowerCase()) {
    case 'identity':
    case '':
      return { body: bytes };
    case 'gzip':
      return corrupt ? { body: bytes, verdict: 'corrupt' } : { body: gzipSync(bytes) };
    case 'deflate':
      return corrupt ? { body: bytes, verdict: 'corrupt' } : { body: deflateSync(bytes) };
    case 'br':
      return corrupt
        ? { body: Buffer.concat([Buffer.from([0xff, 0xff]), bytes]), verdict: 'corrupt' }
        : { body: brotliCompressSync(bytes) };
    default:
      // Node 20 has no zstd; anything else is not an encoding body-parser knows.
      return { body: bytes, verdict: 415 };
  }
}

describe('HTTP fuzzing: requests to /graphql and the other endpoints', () => {
  let api: TestApp;
  let maxBody: number;
  const tally: Record<string, Record<string, number>> = {};

  let signer: MemberEntity;

  beforeAll(async () => {
    // Wrong sign-ins from 127.0.0.1 by the hundred: the per-IP block would turn every later one into a 429.
    api = await createTestApp({ env: { AUTH_MAX_FAILURES_PER_IP: '10000' } });
    maxBody = api.config.server.maxBodyBytes;
    signer = await createMember(api.dataSource);
  });

  afterAll(async () => {
    if (process.env.FUZZ_REPORT) {
      process.stdout.write(`\nHTTP: cases per status\n${JSON.stringify(tally, null, 1)}\n`);
    }
    await api?.close();
  });

  /** Sends a case and checks the invariants: the expected status, never 5xx, the error shape, no leak. */
  async function check(c: Case): Promise<void> {
    const response = await send(api.url, c.request);
    tally[c.label] ??= {};
    tally[c.label][response.status] = (tally[c.label][response.status] ?? 0) + 1;
    const problems: string[] = [];
    if (response.status >= 500 || response.status < 200) {
      problems.push(`status ${response.status}`);
    }
    if (c.statuses === 'open') {
      if (!(response.status === 200 || (response.status >= 400 && response.status < 500))) {
        problems.push(`status ${response.status}, expected a 4xx or 200`);
      }
    } else if (!c.statuses.includes(response.status)) {
      problems.push(`status ${response.status}, expected ${c.statuses.join(' or ')}`);
    }
    const leak = leakIn(response.text);
    if (leak) {
      problems.push(`leak (${leak})`);
    }
    const path = c.request.path.split('?')[0];
    const authRoute = AUTH_ROUTES.includes(path) && c.request.method === 'POST';
    if (authRoute && response.status !== 200) {
      // The /auth routes answer their errors in the GraphQL error shape too.
      problems.push(...answerProblems(response).problems);
    }
    const graphqlPath = path === '/graphql';
    if (graphqlPath && c.request.method !== 'HEAD' && response.status !== 431) {
      const { body, problems: answer } = answerProblems(response);
      problems.push(...answer);
      if (body) {
        if (response.status === 200 && body.data === undefined && !body.errors?.length) {
          problems.push('a 200 with neither data nor errors');
        }
        if (!/^application\/(graphql-response\+)?json/.test(String(response.headers['content-type']))) {
          problems.push(`content-type ${String(response.headers['content-type'])}`);
        }
      }
    }
    if (c.applies) {
      const written = await api.dataSource.getRepository(MemberEntity).countBy({ email: c.applies });
      // A write runs only when answered (never before a 406, a CSRF refusal or a body refusal).
      if (written !== (response.status === 200 ? 1 : 0)) {
        problems.push(`applyForMembership wrote ${written} row(s) for a ${response.status}`);
      }
    }
    expect({ problems, status: response.status, body: response.text.slice(0, 300) }).toEqual({
      problems: [],
      status: response.status,
      body: response.text.slice(0, 300),
    });
  }

  /** The server still answers an ordinary query after the property. */
  async function expectStillUp(): Promise<void> {
    const response = await api.graphql('{ __typename }');
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  }

  /**
   * A property over requests: `runs` cases drawn from `cases` (built when the test runs, after beforeAll), each sent
   * and checked, then the server must still answer.
   */
  function itAnswers(
    name: string,
    runs: number,
    cases: () => fc.Arbitrary<Case> | Promise<fc.Arbitrary<Case>>,
  ): void {
    it(
      name,
      async () => {
        await fc.assert(fc.asyncProperty(await cases(), check), fuzzParameters(runs));
        await expectStillUp();
      },
      fuzzTimeout(runs, 100),
    );
  }

  itAnswers(
    'should answer POST bodies of every shape and content type with the documented status',
    FUZZ_RUNS * 4,
    () => {
      return fc
        .record({
          contentType: CONTENT_TYPES,
          accept: ACCEPTS,
          preflight: fc.boolean(),
          encoding: ENCODINGS,
          corrupt: fc.boolean(),
          chunked: fc.boolean(),
          payload: fc.oneof(
            { weight: 4, arbitrary: graphqlBody },
            {
              weight: 3,
              // Malformed bytes: the document and the e-mail may be mangled too (a write is not followed).
              arbitrary: graphqlBody.chain((p) =>
                malformedJson(JSON.stringify(p.body)).map((bytes): Payload => ({
                  ...p,
                  document: 'hostile',
                  email: undefined,
                  bytes,
                })),
              ),
            },
            {
              weight: 1,
              arbitrary: fc
                .array(graphqlBody, { minLength: 1, maxLength: 3 })
                .map((items): Payload => ({ body: items.map((item) => item.body), document: 'typename' })),
            },
            {
              weight: 1,
              arbitrary: fc.constantFrom(70_000, 200_000).map((size): Payload => ({
                body: { query: '{ __typename }', padding: 'x'.repeat(size) },
                document: 'typename',
              })),
            },
          ),
        })
        .map(({ contentType, accept, preflight, encoding, corrupt, chunked, payload }): Case => {
          const headers = requestHeaders({
            'content-type': contentType.value,
            accept,
            'apollo-require-preflight': preflight ? 'true' : undefined,
            'content-encoding': encoding,
          });
          let raw: Buffer;
          let parsed: Parsed;
          if (payload.bytes) {
            raw = payload.bytes;
            // Malformed JSON read as a form is still a form (of odd keys).
            parsed = contentType.parser === 'form' ? { ok: true, value: undefined } : parseJson(raw);
          } else if (contentType.parser === 'form') {
            const form = new URLSearchParams();
            for (const [key, value] of Object.entries(payload.body as Record<string, unknown>)) {
              form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
            }
            raw = Buffer.from(form.toString());
            parsed = { ok: true, value: Object.fromEntries(form) };
          } else {
            raw = Buffer.from(JSON.stringify(payload.body));
            parsed = { ok: true, value: payload.body };
          }
          const { body, verdict } = encode(raw, encoding, corrupt);
          const statuses = pipeline({
            method: 'POST',
            accept,
            preflight,
            contentType,
            parsed: verdict ?? (raw.length > maxBody ? 413 : parsed),
            apollo: (type) =>
              contentType.parser === 'none'
                ? [400] // nothing parsed: "POST body missing"
                : contentType.parser === 'form' && payload.bytes
                  ? 'open' // malformed JSON read as a form: whatever keys it makes
                  : apolloPost(parsed.ok ? parsed.value : undefined, payload.document, type),
          });
          return {
            label: `POST ${contentType.parser}${verdict ? ` ${verdict}` : ''}`,
            request: { method: 'POST', path: '/graphql', headers, body, chunked },
            statuses,
            applies: payload.email,
          };
        });
    },
  );

  itAnswers(
    'should answer GET with queries, mutations and hostile query strings with the documented status',
    FUZZ_RUNS * 2,
    () => {
      return fc
        .record({
          accept: ACCEPTS,
          preflight: fc.boolean(),
          contentType: fc.constantFrom(
            undefined,
            APPLICATION_JSON,
            'text/plain',
            'application/x-www-form-urlencoded',
          ),
          query: fc.oneof(
            { weight: 3, arbitrary: fc.constant({ text: '{ __typename }', kind: 'typename' as const }) },
            {
              weight: 2,
              arbitrary: fc
                .constantFrom('mutation { signOut }', 'mutation M { __typename }')
                .map((text) => ({ text, kind: 'mutation' as const })),
            },
            { weight: 2, arbitrary: hostileDocument().map((text) => ({ text, kind: 'hostile' as const })) },
            { weight: 1, arbitrary: fc.constant({ text: undefined, kind: 'missing' as const }) },
            { weight: 1, arbitrary: fc.constant({ text: '{ __typename }', kind: 'twice' as const }) },
          ),
          variables: fc.oneof(
            { weight: 4, arbitrary: fc.constant(undefined) },
            {
              weight: 1,
              // Kept under Node's 16 KiB header limit (the huge case below goes over it on purpose).
              arbitrary: hostileJson(2)
                .map((value) => JSON.stringify(value))
                .filter((text) => text.length < 4_000),
            },
            { weight: 1, arbitrary: fc.constantFrom('{', 'not json', '%%%', '{"a":') },
          ),
          extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 2 }),
          huge: fc.oneof(
            { weight: 20, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
        })
        .map(({ accept, preflight, contentType, query, variables, extra, huge }): Case => {
          const params = new URLSearchParams();
          for (const [key, value] of Object.entries(extra)) {
            if (!['query', 'variables', 'operationName', 'extensions'].includes(key)) {
              params.append(key, value);
            }
          }
          if (huge) {
            params.set('padding', 'x'.repeat(20_000));
          }
          if (query.text !== undefined) {
            params.append('query', query.text);
          }
          if (query.kind === 'twice') {
            params.append('query', query.text);
          }
          if (variables !== undefined) {
            params.append('variables', variables);
          }
          const headers = requestHeaders({
            accept,
            'apollo-require-preflight': preflight ? 'true' : undefined,
            'content-type': contentType,
          });
          const simple = contentType === undefined || contentType !== APPLICATION_JSON;
          const path = `/graphql?${params.toString()}`;
          // Node's header limit (16 KiB, request line included) answers 431 before the app sees the request.
          const statuses: readonly number[] | 'open' =
            path.length > 16_384
              ? [431]
              : path.length > 12_000
                ? 'open'
                : pipeline({
                    method: 'GET',
                    accept,
                    preflight,
                    contentType: { value: contentType, parser: 'none', charset: 'ok', simple },
                    apollo: () => {
                      if (contentType !== undefined && contentType !== APPLICATION_JSON) {
                        return [415]; // GET may carry no content type but application/json.
                      }
                      if (variables !== undefined) {
                        let parsed: unknown;
                        try {
                          parsed = JSON.parse(variables);
                        } catch {
                          return [400];
                        }
                        if (!isRecord(parsed)) {
                          return [400]; // GET variables must be a JSON object (POST allows null).
                        }
                      }
                      switch (query.kind) {
                        case 'missing':
                        case 'twice':
                          return [400];
                        case 'typename':
                          return [200];
                        case 'mutation':
                          return [405];
                        case 'hostile':
                          // A hostile text may parse as a mutation (405), or be empty (400).
                          return query.text === '' ? [400] : 'open';
                      }
                    },
                  });
          return {
            label: `GET ${huge ? 'huge' : query.kind}`,
            request: { method: 'GET', path, headers },
            statuses,
          };
        });
    },
  );

  it(
    'should answer automatic persisted query extensions of any shape with a documented code',
    async () => {
      const apq = (value: Record<string, unknown>): Case => {
        const body = Buffer.from(JSON.stringify(value));
        return {
          label: 'POST persisted query',
          request: { method: 'POST', path: '/graphql', headers: { 'content-type': APPLICATION_JSON }, body },
          // PERSISTED_QUERY_NOT_FOUND is a 200; a wrong version, hash or shape is a 400.
          statuses: body.length > maxBody ? [413] : [200, 400],
        };
      };
      await fc.assert(
        fc.asyncProperty(persistedQueryBody.map(apq), check),
        // Examples count in numRuns: a version other than 1, a hash that does not match the query.
        {
          ...fuzzParameters<[Case]>(FUZZ_RUNS + 2),
          examples: [
            [apq({ extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } })],
            [
              apq({
                query: '{ __typename }',
                extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
              }),
            ],
          ],
        },
      );
      await expectStillUp();
    },
    fuzzTimeout(FUZZ_RUNS, 100),
  );

  itAnswers(
    'should answer the /auth routes with their documented statuses, whatever the body, cookie and headers',
    FUZZ_RUNS * 2,
    async () => {
      const allowed = api.config.chat.allowedOrigins[0];
      const { accessToken } = await openSession(api.dataSource, signer, api.config.auth);
      return fc
        .record({
          path: fc.constantFrom(...AUTH_ROUTES),
          method: fc.oneof(
            { weight: 8, arbitrary: fc.constant('POST') },
            fc.constantFrom('GET', 'PUT', 'DELETE'),
          ),
          contentType: fc.oneof(
            { weight: 6, arbitrary: fc.constant(JSON_TYPES[0]) },
            { weight: 3, arbitrary: CONTENT_TYPES },
          ),
          origin: fc.oneof(
            { weight: 6, arbitrary: fc.constant(undefined) },
            fc.constantFrom(allowed, 'https://evil.example', 'null', `${allowed}/`),
          ),
          cookie: fc.oneof(
            { weight: 4, arbitrary: fc.constant(undefined) },
            fc
              .oneof(
                fc.string({ maxLength: 80 }),
                unicodeEdge(),
                fc.constantFrom('x'.repeat(4_000), '', ';;;'),
              )
              // A header carries bytes: a lone surrogate cannot be percent-encoded (URIError), so it is sent as
              // U+FFFD, and the bytes of an encoded lone surrogate (not UTF-8) are sent as they are.
              .map(
                (value) => `counterpart_refresh=${encodeURIComponent(value.replace(/\p{Cs}/gu, '\uFFFD'))}`,
              ),
            fc.constant('counterpart_refresh=%ED%A0%80'),
            fc.string({ maxLength: 60 }).map((value) => value.replace(/[\r\n]/g, '')),
          ),
          authorization: fc.oneof(
            { weight: 4, arbitrary: fc.constant(undefined) },
            fc.constantFrom(
              `Bearer ${accessToken}`,
              'Bearer junk',
              'Bearer a.b.c',
              'Basic Zm9vOmJhcg==',
              'Bearer ',
            ),
          ),
          payload: fc.oneof(
            {
              weight: 3,
              arbitrary: fc.constant({
                value: { email: signer.email, password: FACTORY_PASSWORD },
                credentials: true,
              }),
            },
            {
              weight: 4,
              arbitrary: fc
                .record(
                  {
                    email: fc.oneof(
                      fc.constant(signer.email),
                      fc.string({ maxLength: 20 }),
                      unicodeEdge(),
                      hostileJson(1),
                    ),
                    password: fc.oneof(fc.constant('wrong password 2026'), hostileJson(1)),
                    totp: hostileJson(1),
                    everywhere: fc.oneof(fc.boolean(), hostileJson(1)),
                  },
                  { requiredKeys: [] },
                )
                .map((value) => ({ value: value, credentials: false })),
            },
            { weight: 2, arbitrary: hostileJson(3).map((value) => ({ value, credentials: false })) },
            {
              weight: 1,
              arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype').map((key) => ({
                value: JSON.parse(`{"${key}": 1, "email": "a@b.test"}`) as unknown,
                credentials: false,
              })),
            },
            {
              weight: 1,
              arbitrary: malformedJson(JSON.stringify({ email: signer.email, password: 'x' })).map(
                (bytes) => ({
                  value: undefined,
                  credentials: false,
                  bytes,
                }),
              ),
            },
          ),
        })
        .map(({ path, method, contentType, origin, cookie, authorization, payload }): Case => {
          const headers = requestHeaders({
            'content-type': contentType.value,
            origin,
            cookie,
            authorization,
          });
          const raw =
            'bytes' in payload ? payload.bytes : Buffer.from(JSON.stringify(payload.value) ?? 'null');
          const parsed: Parsed =
            contentType.parser === 'json' ? parseJson(raw) : { ok: true, value: undefined };
          const object = parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
          let statuses: readonly number[] | 'open';
          if (contentType.parser === 'unknown') {
            statuses = 'open';
          } else if (contentType.parser !== 'none' && contentType.charset === 415) {
            statuses = [415];
          } else if (contentType.parser !== 'none' && raw.length > maxBody) {
            statuses = [413];
          } else if (contentType.parser !== 'none' && contentType.charset !== 'ok') {
            statuses = 'open';
          } else if (contentType.parser === 'json' && !parsed.ok) {
            statuses = [400];
          } else if (method !== 'POST') {
            statuses = [404];
          } else if (origin !== undefined && origin !== allowed) {
            statuses = [403];
          } else if (contentType.parser !== 'json') {
            statuses = [400]; // Not application/json.
          } else if (!object || Object.keys(object).some((key) => RESERVED_KEYS.has(key))) {
            statuses = [400]; // The body must be a JSON object, without a reserved key.
          } else if (path === '/auth/sign-in') {
            statuses = payload.credentials ? [200, 429] : [400, 401, 403, 429];
          } else if (path === '/auth/refresh') {
            statuses = [401];
          } else {
            statuses = [200, 400, 401];
          }
          return { label: `${method} ${path}`, request: { method, path, headers, body: raw }, statuses };
        });
    },
  );

  /** GET and HEAD of the probes; /metrics is not served without METRICS_TOKEN (unset here). */
  const READ_STATUS: Record<string, number> = {
    '/health': 200,
    '/ready': 200,
    '/health?verbose=1': 200,
    '/metrics': 404,
  };

  itAnswers(
    'should answer odd methods, paths and endpoints without a 5xx, never writing behind a refusal',
    FUZZ_RUNS * 2,
    () => {
      return fc
        .record({
          method: fc.constantFrom(
            'PUT',
            'DELETE',
            'PATCH',
            'OPTIONS',
            'HEAD',
            'PROPFIND',
            'SEARCH',
            'POST',
            'GET',
          ),
          path: fc.oneof(
            { weight: 4, arbitrary: fc.constant('/graphql') },
            {
              weight: 3,
              arbitrary: fc.constantFrom(
                '/graphql/',
                '/GRAPHQL',
                '/GraphQL',
                '//graphql',
                '/graphql?x=1',
                '/./graphql',
                '/graphql/..',
                '/graphql%20',
                '/graphql/extra',
              ),
            },
            {
              weight: 3,
              arbitrary: fc.constantFrom(
                '/health',
                '/ready',
                '/metrics',
                '/health?verbose=1',
                '/auth',
                '/auth/login',
                '/api',
                '/%2e%2e/etc/passwd',
                '/health/../graphql',
                '/',
              ),
            },
          ),
          accept: ACCEPTS,
          preflight: fc.boolean(),
          json: fc.boolean(),
          email: uniqueEmail('odd'),
        })
        .map(({ method, path, accept, preflight, json, email }): Case => {
          const withBody = method !== 'GET' && method !== 'HEAD';
          const headers = requestHeaders({
            accept,
            'apollo-require-preflight': preflight ? 'true' : undefined,
            'content-type': withBody && json ? APPLICATION_JSON : undefined,
          });
          const body = withBody ? Buffer.from(JSON.stringify(applyBody(email))) : undefined;
          const exact = path === '/graphql';
          const statuses: readonly number[] | 'open' = exact
            ? pipeline({
                method,
                accept,
                preflight,
                contentType: json && withBody ? JSON_TYPES[0] : OTHER_TYPES[0],
                parsed: body && json ? { ok: true, value: applyBody(email) } : undefined,
                apollo: (type) =>
                  method === 'GET' ? [400] : json ? apolloPost(applyBody(email), 'apply', type) : [400],
              })
            : (method === 'GET' || method === 'HEAD') && path in READ_STATUS
              ? [READ_STATUS[path]]
              : 'open';
          return {
            label: `${method} ${exact ? '/graphql' : path}`,
            request: { method, path, headers, body },
            statuses,
            applies: body ? email : undefined,
          };
        });
    },
  );
});
