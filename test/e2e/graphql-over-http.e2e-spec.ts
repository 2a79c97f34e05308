import request from 'supertest';
import { MemberEntity } from '@app/identity';
import { createTestApp, type TestApp } from '../utils/create-test-app';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';

/** One document per kind of request error a well-formed HTTP request can carry. */
const FAILURES = {
  parse: { query: '{ __typename', code: 'GRAPHQL_PARSE_FAILED' },
  validate: { query: '{ nope }', code: 'GRAPHQL_VALIDATION_FAILED' },
  coerce: {
    query: 'query Countries($locale: Locale!) { countries(locale: $locale) { code } }',
    variables: { locale: 'xx' },
    code: 'BAD_USER_INPUT',
  },
} as const;

/** The GraphQL-over-HTTP specification's status codes and media types, per Accept header. */
describe('GraphQL over HTTP: status codes and media types', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  const post = (body: object, accept?: string) => {
    const req = request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('apollo-require-preflight', 'true');
    if (accept !== undefined) {
      void req.set('accept', accept);
    }
    return req.send(body);
  };

  describe.each(Object.entries(FAILURES))('a document that fails to %s', (_kind, failure) => {
    const body = { query: failure.query, variables: 'variables' in failure ? failure.variables : undefined };

    it(`should answer 400 as ${GRAPHQL_RESPONSE}`, async () => {
      const response = await post(body, GRAPHQL_RESPONSE);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
      expect(JSON.parse(response.text).errors[0].extensions.code).toBe(failure.code);
    });

    it(`should answer 200 with errors as ${JSON_TYPE}`, async () => {
      const response = await post(body, JSON_TYPE);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors[0].extensions.code).toBe(failure.code);
    });

    it('should answer as application/json without an Accept header, and with */*', async () => {
      for (const accept of [undefined, '*/*']) {
        const response = await post(body, accept);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body.errors[0].extensions.code).toBe(failure.code);
      }
    });
  });

  it('should answer a successful query in the media type accepted', async () => {
    const preferred = await post({ query: '{ __typename }' }, `${GRAPHQL_RESPONSE}, ${JSON_TYPE};q=0.9`);
    expect(preferred.status).toBe(200);
    expect(preferred.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    const legacy = await post({ query: '{ __typename }' }, JSON_TYPE);
    expect(legacy.headers['content-type']).toMatch(/^application\/json/);
    expect(legacy.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('should refuse an unsupported Accept with 406 before the operation runs', async () => {
    const apply = (email: string, accept: string) =>
      post(
        {
          query:
            'mutation Apply($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }',
          variables: {
            input: {
              email,
              password: 'a long enough password 2026',
              displayName: 'Accept Tester',
              country: 'KZ',
              agencyName: 'Prosecutor General’s Office',
              agencyType: 'PROSECUTION',
              languages: [{ code: 'ru', level: 'NATIVE' }],
              expertise: [],
              competences: [],
            },
          },
        },
        accept,
      );
    const members = api.dataSource.getRepository(MemberEntity);
    const refused = await apply('refused-accept@example.test', 'text/html');
    expect(refused.status).toBe(406);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(await members.countBy({ email: 'refused-accept@example.test' })).toBe(0);
    // Control: the same mutation with an acceptable type does run.
    const accepted = await apply('accepted-accept@example.test', JSON_TYPE);
    expect(accepted.body.errors).toBeUndefined();
    expect(await members.countBy({ email: 'accepted-accept@example.test' })).toBe(1);
  });

  it('should keep the 4xx of malformed HTTP requests with either Accept', async () => {
    for (const accept of [GRAPHQL_RESPONSE, JSON_TYPE]) {
      const noQuery = await post({ variables: {} }, accept);
      expect(noQuery.status).toBe(400);
      expect(noQuery.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      const batched = await request(api.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('apollo-require-preflight', 'true')
        .set('accept', accept)
        .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(batched.status).toBe(400);
      const getMutation = await request(api.app.getHttpServer())
        .get('/graphql')
        .query({ query: 'mutation { signOut }' })
        .set('apollo-require-preflight', 'true')
        .set('accept', accept);
      expect(getMutation.status).toBe(405);
    }
  });

  it('should answer unreadable bodies with a 4xx in the GraphQL error shape, no parser internals', async () => {
    const server = api.app.getHttpServer();
    const cases: { status: number; send: () => request.Test }[] = [
      {
        status: 400,
        send: () =>
          request(server).post('/graphql').set('content-type', 'application/json').send('{"query": '),
      },
      {
        status: 415,
        send: () =>
          request(server)
            .post('/graphql')
            .set('content-type', 'application/json; charset=latin1')
            .send('{"query":"{ __typename }"}'),
      },
      {
        status: 400,
        send: () =>
          request(server)
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('content-encoding', 'gzip')
            .send('{"query":"{ __typename }"}'),
      },
      {
        status: 413,
        send: () =>
          request(server)
            .post('/graphql')
            .set('content-type', 'application/json')
            .send({ query: '{ __typename }', padding: 'x'.repeat(70_000) }),
      },
    ];
    for (const { status, send } of cases) {
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(response.body.errors[0].message).toMatch(/^The request body/);
      expect(response.text).not.toMatch(/incorrect header check|Unexpected end|at .+\.js:\d+/);
    }
  });
});
