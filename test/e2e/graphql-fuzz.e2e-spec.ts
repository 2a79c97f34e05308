import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isInputObjectType,
  lexicographicSortSchema,
  parse,
  printSchema,
  validate,
  type GraphQLField,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { AuditService, MemberStatus } from '@app/identity';
import { createActor, createTarget } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { FUZZ_RUNS, fuzzParameters, fuzzTimeout, unicodeEdge } from '../utils/fuzz';
import {
  buildDocument,
  DOCUMENT_ERROR_CODES,
  hostileDocument,
  leakIn,
  loadSchema,
  measureDocument,
  minimalValue,
  minimalValueWith,
  mutationDocument,
  mutationFields,
  mutationVariables,
  queryFieldsWithArgs,
  shapeProblems,
  stringPaths,
  type GraphQLAnswer,
  type ValuePools,
} from '../utils/graphql-arbitraries';
import { openSession } from '../utils/sessions';

/**
 * Property-based fuzzing of the GraphQL transport (FUZZ_RUNS cases per property, FUZZ_SEED replays a failure):
 * - every mutation of apps/api/schema.gql with arbitrary variables, as an anonymous caller, a vetted member and a
 *   coordinator; an edge-case string (lone surrogate, NUL, not a uuid…) in every String/ID leaf of every argument of
 *   every mutation and query; edge cases in audited reasons;
 * - documents walking the schema, and raw hostile strings, in the development and the production profile, judged
 *   against their own measures (tokens, depth, aliases, directives, repeats) and a local validation;
 * - the document limits with generated counts (the defects just fixed), directives on repeated spreads, any number
 *   of invalid variable values.
 * Whatever the input, an answer is data or documented errors, never INTERNAL_SERVER_ERROR, a 5xx or a leak; a
 * refused mutation changes no row; the audit chain keeps verifying. FUZZ_REPORT=1 prints the cases per outcome.
 */

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'e2e-production-jwt-secret-0123456789abcdef',
  TOTP_ENCRYPTION_KEY: 'e2e-production-totp-key-0123456789abcdef',
};

/**
 * Hundreds of wrong sign-ins and reset codes come from 127.0.0.1 here: with the per-IP throttle at its default every
 * later sign-in would be RATE_LIMITED (documented, but it would hide the success branch). Per account it stays.
 */
const THROTTLE_ENV = { AUTH_MAX_FAILURES_PER_IP: '10000' };

const schema = loadSchema();
const MUTATIONS = mutationFields(schema);
const CALLERS = ['anonymous', 'vetted', 'coordinator'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * Every String/ID leaf of every argument of every mutation and query (named, to print in a counterexample): where an
 * edge case goes, one at a time, into an otherwise minimal value.
 */
const ROOT_FIELDS = new Map<
  string,
  { field: GraphQLField<unknown, unknown>; operation: 'mutation' | 'query' }
>([
  ...MUTATIONS.map((field) => [`mutation ${field.name}`, { field, operation: 'mutation' as const }] as const),
  ...queryFieldsWithArgs(schema).map(
    (field) => [`query ${field.name}`, { field, operation: 'query' as const }] as const,
  ),
]);
const STRING_TARGETS = [...ROOT_FIELDS].flatMap(([root, { field }]) =>
  field.args.flatMap((arg) => stringPaths(arg.type).map((path) => ({ root, arg: arg.name, path }))),
);
/** Run against every leaf: a lone surrogate, a NUL byte, an id that is no uuid. */
const EDGE_EXAMPLES = ['\ud800', 'a\u0000b', 'not-a-uuid'];
const EDGE_STRINGS = [
  '\ud800',
  '\udfff',
  'a\udfffb@example.test',
  '\ud83d@example.test',
  '\u0000',
  'x\u0000@example.test',
];

/** Mutations after which the caller's session may have ended. */
const SESSION_ENDERS = new Set(['signOut', 'revokeSession', 'resetAccount', 'refreshSession']);

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const ACCEPTS = [undefined, 'application/json', GRAPHQL_RESPONSE, '*/*'] as const;

/** Throttle bookkeeping a refused sign-in or reset is meant to write (counted failures, a burst audited). */
const BOOKKEEPING_TABLES = new Set(['auth_attempt', 'audit_entry', 'schema_migration', 'migrations']);

interface Answer {
  status: number;
  text: string;
  contentType: string;
  body: GraphQLAnswer;
}

function report(title: string, rows: Record<string, unknown>): void {
  if (process.env.FUZZ_REPORT) {
    process.stdout.write(`\n${title}\n${JSON.stringify(rows, null, 1)}\n`);
  }
}

/** Problems every answer is checked for: 5xx, the error shape, codes, leaks, the media type accepted. */
function answerProblems(answer: Answer, accept: string | undefined): string[] {
  const problems = [...shapeProblems(answer.body)];
  if (answer.status >= 500) {
    problems.push(`status ${answer.status}`);
  }
  const leak = leakIn(answer.text);
  if (leak) {
    problems.push(`leak (${leak})`);
  }
  // The body parser's refusals (too large, not JSON, another charset) are always application/json, whatever the
  // Accept (reported to the lead); Apollo's own answers follow the Accept.
  const bodyRefusal = (answer.body.errors ?? []).some((error) =>
    String(error.message).startsWith('The request body'),
  );
  const expectedType =
    accept === GRAPHQL_RESPONSE && !bodyRefusal
      ? /^application\/graphql-response\+json/
      : /^application\/json/;
  if (!expectedType.test(answer.contentType)) {
    problems.push(`content-type ${answer.contentType} for Accept ${String(accept)}`);
  }
  const refusedDocument =
    answer.body.data === undefined &&
    (answer.body.errors ?? []).length > 0 &&
    (answer.body.errors ?? []).every((error) => DOCUMENT_ERROR_CODES.has(String(error.extensions?.code)));
  const badRequest = (answer.body.errors ?? []).some((error) => error.extensions?.code === 'BAD_REQUEST');
  const expectedStatus = badRequest
    ? [400, 413]
    : refusedDocument
      ? [accept === GRAPHQL_RESPONSE ? 400 : 200]
      : answer.body.data === undefined
        ? [200, 400]
        : [200];
  if (!expectedStatus.includes(answer.status)) {
    problems.push(`status ${answer.status}, expected ${expectedStatus.join(' or ')}`);
  }
  return problems;
}

async function send(
  api: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  accept: string | undefined,
): Promise<Answer> {
  const req = api.graphql(query, variables, token);
  if (accept !== undefined) {
    void req.set('accept', accept);
  }
  const response = await req;
  let body: GraphQLAnswer = {};
  try {
    body = JSON.parse(response.text) as GraphQLAnswer;
  } catch {
    body = { errors: [{ message: `not JSON: ${response.text.slice(0, 200)}` }] };
  }
  return {
    status: response.status,
    text: response.text,
    contentType: response.headers['content-type'] ?? '',
    body,
  };
}

/** Row counts of every table but the throttle's, and the audit chain without sign-in failure bursts. */
async function snapshotOf(dataSource: DataSource): Promise<() => Promise<Record<string, number>>> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )
      : await dataSource.query(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  const tables = rows.map((row) => row.name).filter((name) => !BOOKKEEPING_TABLES.has(name));
  const sql = [
    ...tables.map((name) => `SELECT '${name}' AS name, COUNT(*) AS n FROM "${name}"`),
    `SELECT 'audit chain' AS name, COUNT(*) AS n FROM audit_entry WHERE action <> 'SIGN_IN_FAILURE_BURST'`,
  ].join(' UNION ALL ');
  return async () => {
    const counts: { name: string; n: number | string }[] = await dataSource.query(sql);
    return Object.fromEntries(counts.map((row) => [row.name, Number(row.n)]));
  };
}

describe('GraphQL fuzzing: every mutation with arbitrary variables', () => {
  let api: TestApp;
  let snapshot: () => Promise<Record<string, number>>;
  let tokenFor: (caller: Caller) => Promise<string | undefined>;
  let forgetToken: (caller: Caller) => void;
  let pools: ValuePools;
  let valid: Record<string, fc.Arbitrary<unknown>>;
  /** A well-formed value per input type (by name), for edge cases to reach the services' own checks and the SQL. */
  let bases: Record<string, () => Record<string, unknown>>;
  const tally: Record<string, Record<string, number>> = {};
  let chainBroken = false;

  beforeAll(async () => {
    api = await createTestApp({ env: THROTTLE_ENV });
    const vetted = await createActor(api, 'vetted');
    const coordinator = await createActor(api, 'coordinatorInScope');
    const { member: target } = await createTarget(api);
    const { member: applicant } = await createTarget(api, {
      status: MemberStatus.PENDING,
      vettedUntil: null,
    });
    const signer = await createMember(api.dataSource);
    const started = await api.graphql(
      'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
      { id: target.id },
      vetted.token,
    );
    const conversationId = started.body.data.startDirectConversation.id as string;
    // One session per caller until a case may have ended it (signOut, revokeSession, resetAccount…): then a new one.
    const members = { vetted: vetted.member!, coordinator: coordinator.member! };
    const tokens = new Map<Caller, string>();
    tokenFor = async (caller) => {
      if (caller === 'anonymous') {
        return undefined;
      }
      const known = tokens.get(caller);
      if (known) {
        return known;
      }
      const { accessToken } = await openSession(api.dataSource, members[caller], api.config.auth);
      tokens.set(caller, accessToken);
      return accessToken;
    };
    forgetToken = (caller) => tokens.delete(caller);
    pools = {
      // The callers' own ids stay out: a coordinator suspending the vetted caller would end that caller's coverage.
      ids: [target.id, applicant.id, conversationId, signer.id],
      strings: [
        'UZ',
        'TJ',
        'KZ',
        'ru',
        'uz',
        'en',
        'Asia/Tashkent',
        '09:00',
        '18:30',
        '24:00',
        'PROSECUTION',
        'TIP_FORCED_LABOUR',
        'UNTOC_MLA',
        '+998901234567',
        '123456',
        'a long enough password 2026',
        FACTORY_PASSWORD,
        signer.email,
        'someone@example.test',
        'Case room',
        'reason for the record',
      ],
    };
    const reason = fc.constantFrom('reason for the record', 'Vetting call on 2026-11-30');
    valid = {
      SignInInput: fc.record(
        {
          email: fc.constantFrom(signer.email, signer.email.toUpperCase(), ` ${signer.email} `),
          password: fc.constant(FACTORY_PASSWORD),
          deviceLabel: fc.string({ maxLength: 40 }),
        },
        { requiredKeys: ['email', 'password'] },
      ),
      ApplyForMembershipInput: fc.record(
        {
          email: fc.noBias(fc.uuid()).map((id) => `applicant-${id}@example.test`),
          password: fc.constantFrom('a long enough password 2026', 'correct horse battery staple'),
          displayName: fc.constantFrom('Aliya Nurlanovna', 'Джамшид Каримов', 'Ōtomo Sakura'),
          country: fc.constantFrom('KZ', 'UZ', 'TJ', 'KG'),
          agencyName: fc.constantFrom('Prosecutor General’s Office', 'Border Service'),
          agencyType: fc.constantFrom('PROSECUTION', 'POLICE', 'BORDER'),
          languages: fc.constant([{ code: 'ru', level: 'NATIVE' }]),
          expertise: fc.constant([]),
          competences: fc.constant([]),
          timeZone: fc.constantFrom('Asia/Almaty', 'Asia/Tashkent'),
        },
        {
          requiredKeys: [
            'email',
            'password',
            'displayName',
            'country',
            'agencyName',
            'agencyType',
            'languages',
            'expertise',
            'competences',
          ],
        },
      ),
      MemberReasonInput: fc.record({ memberId: fc.constantFrom(target.id, applicant.id), reason }),
      VetMemberInput: fc.record({
        memberId: fc.constant(applicant.id),
        decision: fc.constantFrom('APPROVE', 'REJECT'),
        reason,
      }),
      CreateInvitationInput: fc.record(
        { country: fc.constantFrom('UZ', 'TJ'), email: fc.constantFrom('invitee@example.test') },
        { requiredKeys: ['country'] },
      ),
      CreateGroupConversationInput: fc.record({
        title: fc.constant('Case room'),
        memberIds: fc.constant([target.id]),
      }),
    };
    let applications = 0;
    bases = {
      SignInInput: () => ({ email: signer.email, password: FACTORY_PASSWORD, deviceLabel: 'laptop' }),
      ApplyForMembershipInput: () => ({
        email: `edge-${(applications += 1)}@example.test`,
        password: 'a long enough password 2026',
        displayName: 'Aliya Nurlanovna',
        country: 'KZ',
        agencyName: 'Border Service',
        agencyType: 'BORDER',
        languages: [{ code: 'ru', level: 'NATIVE' }],
        expertise: [],
        competences: [],
      }),
      CreateGroupConversationInput: () => ({ title: 'Case room', memberIds: [target.id] }),
      CreateInvitationInput: () => ({ country: 'UZ', email: 'invitee@example.test' }),
      MemberReasonInput: () => ({ memberId: target.id, reason: 'reason for the record' }),
      UpdateMemberProfileInput: () => ({ memberId: target.id, reason: 'reason for the record' }),
    };
    snapshot = await snapshotOf(api.dataSource);
  });

  afterAll(async () => {
    report('mutations: cases per outcome', tally);
    await api?.close();
  });

  it('should fuzz exactly the mutations the app serves (apps/api/schema.gql is current)', () => {
    const served = api.app.get(GraphQLSchemaHost).schema;
    expect(printSchema(lexicographicSortSchema(served))).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  /**
   * One case: the answer is data or documented errors (never a 5xx or a leak), a refusal changes no row, and a
   * success that audited something leaves a chain that verifies. Counted per mutation in `counts`.
   */
  async function mutate(
    field: GraphQLField<unknown, unknown>,
    caller: Caller,
    variables: Record<string, unknown>,
    accept: string | undefined,
    counts: Record<string, number>,
    operation: 'mutation' | 'query' = 'mutation',
  ): Promise<void> {
    const token = await tokenFor(caller);
    const before = await snapshot();
    const answer = await send(api, mutationDocument(field, operation), variables, token, accept);
    if (SESSION_ENDERS.has(field.name) || answer.text.includes('"UNAUTHENTICATED"')) {
      forgetToken(caller);
    }
    expect(answerProblems(answer, accept)).toEqual([]);
    const result = answer.body.data?.[field.name];
    if (result !== undefined && result !== null) {
      expect(answer.body.errors).toBeUndefined();
      // Whatever it audited, the hash chain still verifies (what was hashed is what was stored). Reported once:
      // a broken chain stays broken, later cases would only repeat it.
      if (!chainBroken && (await snapshot())['audit chain'] !== before['audit chain']) {
        const chain = await api.app.get(AuditService).verify();
        chainBroken = !chain.valid;
        expect(chain).toMatchObject({ valid: true });
      }
      counts.ok = (counts.ok ?? 0) + 1;
    } else {
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
      counts.refused = (counts.refused ?? 0) + 1;
      const code = String(answer.body.errors?.[0]?.extensions?.code);
      counts[code] = (counts[code] ?? 0) + 1;
    }
  }

  it.each(MUTATIONS.map((field) => [field.name, field] as const))(
    'should answer %s with data or documented errors, and change nothing when it refuses',
    async (name: string, field: GraphQLField<unknown, unknown>) => {
      const counts = (tally[name] = { ok: 0, refused: 0 });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CALLERS),
          mutationVariables(field, pools, valid),
          fc.constantFrom(...ACCEPTS),
          (caller, variables, accept) => mutate(field, caller, variables, accept, counts),
        ),
        fuzzParameters(),
      );
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  it(
    'should answer an edge-case string in any argument of any mutation or query with documented errors',
    async () => {
      // Every leaf first gets each of EDGE_EXAMPLES (fast-check's examples), then random leaves random edge cases.
      const counts: Record<string, number> = (tally['(edge-case strings)'] = {});
      type Target = (typeof STRING_TARGETS)[number];
      const EXAMPLES = STRING_TARGETS.flatMap((target) =>
        // A coordinator may call everything a vetted member may, and more: the examples get furthest as one.
        EDGE_EXAMPLES.map((leaf): [Target, string, Caller] => [target, leaf, 'coordinator']),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...STRING_TARGETS),
          fc.oneof(unicodeEdge(), fc.constantFrom(...EDGE_STRINGS)),
          fc.constantFrom(...CALLERS),
          (target: Target, leaf: string, caller: Caller) => {
            const { field, operation } = ROOT_FIELDS.get(target.root)!;
            const variables = Object.fromEntries(
              field.args.map((arg) => {
                const base = bases[getNamedType(arg.type).name]?.() ?? {};
                if (arg.name !== target.arg) {
                  return [
                    arg.name,
                    isInputObjectType(getNamedType(arg.type)) ? base : minimalValue(arg.type),
                  ];
                }
                const value = minimalValueWith(arg.type, target.path, leaf);
                const [head] = target.path;
                // The leaf's own top-level field from the minimal value, every other field from the base.
                return [
                  arg.name,
                  typeof head === 'string'
                    ? { ...(value as object), ...base, [head]: (value as Record<string, unknown>)[head] }
                    : value,
                ];
              }),
            );
            return mutate(field, caller, variables, undefined, counts, operation);
          },
        ),
        // Examples count in numRuns: FUZZ_RUNS random cases after them.
        { ...fuzzParameters<[Target, string, Caller]>(FUZZ_RUNS + EXAMPLES.length), examples: EXAMPLES },
      );
    },
    fuzzTimeout(FUZZ_RUNS + STRING_TARGETS.length * EDGE_EXAMPLES.length, 100),
  );

  it(
    'should keep the audit chain verifiable whatever an audited reason contains',
    async () => {
      const counts: Record<string, number> = (tally['(audited reasons)'] = {});
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('suspendMember', 'revokeMember', 'issueAccountReset'),
          fc.oneof(unicodeEdge(), fc.string({ maxLength: 40 }), fc.constantFrom(...EDGE_STRINGS)),
          async (name, reason) => {
            const { member } = await createTarget(api);
            const { field } = ROOT_FIELDS.get(`mutation ${name}`)!;
            await mutate(
              field,
              'coordinator',
              { input: { memberId: member.id, reason: `Reason: ${reason}` } },
              undefined,
              counts,
            );
          },
        ),
        // Examples count in numRuns.
        {
          ...fuzzParameters<[string, string]>(FUZZ_RUNS + 1),
          examples: [['suspendMember', 'lone \ud800 surrogate']],
        },
      );
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  it('should have seen both branches: successes of several mutations, refusals of most', async () => {
    const perMutation = MUTATIONS.map((field) => [field.name, tally[field.name] ?? {}] as const);
    const succeeded = perMutation.filter(([, counts]) => counts.ok > 0);
    const refused = perMutation.filter(([, counts]) => counts.refused > 0);
    expect(succeeded.map(([name]) => name)).toEqual(expect.arrayContaining(['applyForMembership', 'signIn']));
    expect(succeeded.length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBe(MUTATIONS.length);
    // Every success appended to the chain through the service: it still verifies (unless a case above said not).
    if (!chainBroken) {
      expect(await api.app.get(AuditService).verify()).toMatchObject({ valid: true });
    }
  });
});

describe.each([
  ['development', {}],
  ['production', PRODUCTION_ENV],
] as const)('GraphQL fuzzing: arbitrary documents (%s profile)', (profile, env) => {
  let api: TestApp;
  let vettedToken: string | undefined;
  let pools: ValuePools;
  const production = profile === 'production';
  const tally: Record<string, Record<string, number>> = {};
  /** Counts a case's outcome under the property that produced it. */
  const count = (outcome: string) => {
    const property = (expect.getState().currentTestName ?? '')
      .replace(/^.*profile\) should /, '')
      .slice(0, 40);
    tally[property] ??= {};
    tally[property][outcome] = (tally[property][outcome] ?? 0) + 1;
  };

  beforeAll(async () => {
    api = await createTestApp({ env: { ...env, ...THROTTLE_ENV } });
    // Production: anonymous only. Development: anonymous and a vetted member.
    vettedToken = production ? undefined : (await createActor(api, 'vetted')).token;
    const { member } = await createTarget(api);
    pools = {
      ids: [member.id, 'not-a-uuid'],
      strings: ['UZ', 'ru', 'en', 'Member', 'TIP_FORCED_LABOUR', ''],
    };
  });

  afterAll(async () => {
    report(`documents (${profile}): cases per outcome`, tally);
    await api?.close();
  });

  /**
   * The oracle: the document's own measures decide whether it must be refused, and by which limit; a document the
   * schema validates and that is within every limit runs (data, perhaps with domain errors) unless its cost is over.
   */
  async function check(
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
    accept?: string,
  ) {
    const limits = api.config.server.graphql;
    const answer = await send(api, query, variables, token, accept);
    expect(answerProblems(answer, accept)).toEqual([]);
    const { data, errors = [] } = answer.body;
    const codes = errors.map((error) => error.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    if (Buffer.byteLength(JSON.stringify({ query, variables })) > api.config.server.maxBodyBytes) {
      expect({ status: answer.status, codes }).toEqual({ status: 413, codes: ['BAD_REQUEST'] });
      count('too large (413)');
      return answer;
    }
    if (query === '') {
      expect(codes).toEqual(['BAD_REQUEST']);
      count('BAD_REQUEST (empty)');
      return answer;
    }
    const measures = measureDocument(query);
    if (measures.tokens > limits.maxTokens || measures.syntaxError) {
      expect(data).toBeUndefined();
      expect(codes).toEqual(['GRAPHQL_PARSE_FAILED']);
      count(measures.syntaxError ? 'parse failed' : 'parse failed (tokens)');
      return answer;
    }
    const exceeded = (
      [
        ['depth', measures.depth > limits.maxDepth],
        ['aliases', measures.aliases > limits.maxAliases],
        ['directives', measures.directives > limits.maxDirectives],
        ['repeats', measures.repeats > limits.maxFieldRepeats],
      ] as const
    )
      .filter(([, over]) => over)
      .map(([limit]) => limit);
    const invalid = validate(schema, parse(query)).length > 0;
    const reported = errors.map((error) => error.extensions?.limit).filter((limit) => limit !== undefined);
    if (invalid || exceeded.length > 0 || (production && measures.introspection)) {
      expect({ data, codes: [...new Set(codes)] }).toEqual({
        data: undefined,
        codes: ['GRAPHQL_VALIDATION_FAILED'],
      });
      expect(errors.length).toBeLessThanOrEqual(limits.maxErrors + 1);
      if (!invalid && !measures.cycle && !(production && measures.introspection)) {
        // Every limit the document exceeds names itself, and no other (the cost is not measured here).
        expect([...new Set(reported)].filter((limit) => limit !== 'cost').sort()).toEqual(
          [...exceeded].sort(),
        );
      }
      count(invalid ? 'validation failed' : `refused: ${exceeded.join('+') || 'introspection'}`);
      return answer;
    }
    if (data === undefined && codes.every((code) => code === 'BAD_USER_INPUT')) {
      count('variables refused');
    } else if (data === undefined) {
      // Within every measured limit: only the cost may refuse it.
      expect(reported).toEqual(errors.map(() => 'cost'));
      count('refused: cost');
    } else {
      expect(
        codes.every((code) =>
          ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(String(code)),
        ),
      ).toBe(true);
      count(errors.length ? 'ran, with domain errors' : 'ran');
    }
    return answer;
  }

  it(
    'should answer documents walking the schema with data or documented errors, refusing every limit exceeded',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.gen(),
          fc.boolean(),
          fc.constantFrom(...ACCEPTS),
          fc.context(),
          async (g, asMember, accept, ctx) => {
            const { query, variables } = buildDocument(g, schema, pools);
            ctx.log(query);
            await check(query, variables, asMember ? vettedToken : undefined, accept);
          },
        ),
        fuzzParameters(),
      );
    },
    fuzzTimeout(FUZZ_RUNS, 300),
  );

  it(
    'should answer raw hostile strings with GRAPHQL_PARSE_FAILED or another documented error',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileDocument(), fc.constantFrom(...ACCEPTS), async (query, accept) => {
          await check(query, {}, undefined, accept);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(FUZZ_RUNS, 200),
  );

  // The defects just fixed: __typename aliases and repeated __typename slipped past the limits; many unknown
  // directives answered more errors than maxErrors allows.
  it(
    'should refuse __typename aliased or repeated beyond the limits, and many directives with few errors',
    async () => {
      const limits = api.config.server.graphql;
      const repeat = (n: number, make: (i: number) => string) =>
        Array.from({ length: n }, (_, i) => make(i)).join(' ');
      const expectLimit = async (query: string, limit: string) => {
        const { body } = await check(query, {}, undefined);
        expect(body.data).toBeUndefined();
        expect(body.errors?.some((error) => error.extensions?.limit === limit)).toBe(true);
        expect(body.errors!.length).toBeLessThanOrEqual(limits.maxErrors + 1);
      };
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: limits.maxAliases + 1, max: 200 }),
          fc.integer({ min: limits.maxFieldRepeats + 1, max: 600 }),
          fc.array(
            fc.constantFrom('@a', '@unknown(x: 1)', '@include(if: true)', '@skip(if: false)', '@deprecated'),
            {
              minLength: limits.maxDirectives + 1,
              maxLength: 80,
            },
          ),
          fc.integer({ min: 1, max: limits.maxAliases }),
          async (aliases, repeats, directives, fewAliases) => {
            await expectLimit(`{ ${repeat(aliases, (i) => `a${i}: __typename`)} }`, 'aliases');
            await expectLimit(`{ ${repeat(repeats, () => '__typename')} }`, 'repeats');
            await expectLimit(`{ __typename ${directives.join(' ')} }`, 'directives');
            await expectLimit(`{ ...on Query ${directives.join(' ')} { __typename } }`, 'directives');
            // Control: within the limit, the same shape runs.
            const within = await check(
              `{ ${repeat(fewAliases, (i) => `a${i}: __typename`)} }`,
              {},
              undefined,
            );
            expect(within.body.errors).toBeUndefined();
          },
        ),
        fuzzParameters(Math.ceil(FUZZ_RUNS / 2)),
      );
    },
    fuzzTimeout(Math.ceil(FUZZ_RUNS / 2), 500),
  );

  it(
    'should count the directives of every spread of a fragment, not only of its first spread',
    async () => {
      const { maxDirectives } = api.config.server.graphql;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: Math.floor(maxDirectives / 2) + 1, max: 8 }),
          fc.constantFrom('@include(if: true) @skip(if: false)', '@skip(if: false) @include(if: true)'),
          async (spreads, directives) => {
            // Each spread in its own inline fragment (no repeats), two directives each: 2 × spreads > maxDirectives.
            let selection = `...F ${directives}`;
            for (let i = 1; i < spreads; i += 1) {
              selection = `...F ${directives} ... on Query { ${selection} }`;
            }
            const query = `{ ${selection} } fragment F on Query { __typename }`;
            expect(measureDocument(query).directives).toBe(2 * spreads);
            const { body } = await check(query, {}, undefined);
            expect(body.data).toBeUndefined();
          },
        ),
        fuzzParameters(Math.ceil(FUZZ_RUNS / 5)),
      );
    },
    fuzzTimeout(Math.ceil(FUZZ_RUNS / 5), 300),
  );

  it(
    'should answer any number of invalid variable values with BAD_USER_INPUT alone',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 400 }),
          fc.constantFrom(null, 1.5, {}, ['x'], true),
          fc.constantFrom(...ACCEPTS),
          async (count, item, accept) => {
            const query = 'query Fuzz($ids: [ID!]!) { practitionersByIds(ids: $ids) { id } }';
            const { body } = await check(
              query,
              { ids: Array.from({ length: count }, () => item) },
              undefined,
              accept,
            );
            expect(body.data).toBeUndefined();
            expect(new Set(body.errors?.map((error) => error.extensions?.code))).toEqual(
              new Set(['BAD_USER_INPUT']),
            );
          },
        ),
        fuzzParameters(Math.ceil(FUZZ_RUNS / 2)),
      );
    },
    fuzzTimeout(Math.ceil(FUZZ_RUNS / 2), 300),
  );
});
