import { createTestApp, type TestApp } from '../utils/create-test-app';

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'e2e-production-jwt-secret-0123456789abcdef',
  TOTP_ENCRYPTION_KEY: 'e2e-production-totp-key-0123456789abcdef',
};

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; limit?: string } }[];
}

const repeat = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i)).join(' ');

/** Document limits count every field, `__typename` included, anonymously and in the production profile. */
describe('GraphQL document limits (production, anonymous)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ env: PRODUCTION_ENV });
  });

  afterAll(() => api.close());

  const ask = async (query: string): Promise<Answer> => (await api.graphql(query)).body as Answer;

  /** Refused before execution: no data, every error GRAPHQL_VALIDATION_FAILED, one of them naming the limit. */
  const expectRefused = (answer: Answer, limit: string, message: RegExp) => {
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.every((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(
      true,
    );
    expect(answer.errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: expect.objectContaining({ limit }),
      }),
    );
  };

  it('should count aliases of __typename against the alias limit', async () => {
    const limit = api.config.server.graphql.maxAliases;
    expectRefused(
      await ask(`{ ${repeat(101, (i) => `a${i}: __typename`)} }`),
      'aliases',
      /101 aliases; at most 15/,
    );
    expectRefused(await ask(`{ ${repeat(limit + 1, (i) => `a${i}: __typename`)} }`), 'aliases', /aliases/);
    expect((await ask(`{ ${repeat(limit, (i) => `a${i}: __typename`)} }`)).errors).toBeUndefined();
  });

  it('should refuse a selection repeated beyond the bound, __typename and fragments included', async () => {
    const max = api.config.server.graphql.maxFieldRepeats;
    expectRefused(
      await ask(`{ ${repeat(500, () => '__typename')} }`),
      'repeats',
      /"__typename" is selected 500 times/,
    );
    expectRefused(
      await ask(`{ countries { ${repeat(max + 1, () => 'code')} } }`),
      'repeats',
      new RegExp(`at most ${max}`),
    );
    expectRefused(
      await ask(`query { ${repeat(max + 1, () => '...F')} } fragment F on Query { __typename }`),
      'repeats',
      /"...F"/,
    );
    expect((await ask(`{ ${repeat(max, () => '__typename')} }`)).errors).toBeUndefined();
  });

  it('should refuse repeated directives by their count, and cap the errors returned', async () => {
    const { maxDirectives, maxErrors } = api.config.server.graphql;
    const answer = await ask(`{ __typename ${repeat(10, () => '@a')} }`);
    expectRefused(answer, 'directives', /10 directives; at most 5/);
    // graphql-js stops after maxErrors and adds one error saying so.
    expect(answer.errors).toHaveLength(maxErrors + 1);
    expect(answer.errors?.at(-1)?.message).toMatch(/Too many validation errors/);
    const known = await ask(`{ __typename ${repeat(maxDirectives + 1, () => '@include(if: true)')} }`);
    expectRefused(known, 'directives', /directives/);
    expect(known.errors!.length).toBeLessThanOrEqual(maxErrors + 1);
  });

  it('should cap the errors of any invalid document', async () => {
    const answer = await ask(`{ ${repeat(14, (i) => `f${i}: unknownField${i}`)} }`);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(api.config.server.graphql.maxErrors + 1);
  });

  it('should count every selected field in the cost', async () => {
    // Within depth, aliases, directives and repeats; 50 results of 10 scalars each cost more than 2000.
    const scalars = 'id displayName nativeName position country timeZone localTime availableNow stale bio';
    expectRefused(
      await ask(`{ practitioners(first: 50) { edges { node { ${scalars} } } } }`),
      'cost',
      /costs \d+; at most 2000/,
    );
    const fewer = 'id displayName nativeName position country';
    const cheap = await ask(`{ practitioners(first: 50) { edges { node { ${fewer} } } } }`);
    expect(cheap.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('should stop parsing at the token limit with GRAPHQL_PARSE_FAILED', async () => {
    const answer = await ask(`{ countries { ${repeat(1100, () => 'code name')} } }`);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.errors?.[0].message).toMatch(/more than 2000 tokens; at most 2000/);
  });
});
