import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/create-test-app';

/** The error codes of a response (empty when it succeeded). */
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) =>
  (body.errors ?? []).map((error) => error.extensions?.code);

describe('GraphQL hardening (applies to the whole API)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  it('should accept an ordinary query', async () => {
    const response = await api.graphql('{ countries(locale: ru) { code name } }');
    expect(codes(response.body)).toEqual([]);
  });

  it('should refuse queries deeper than the limit', async () => {
    // Introspection types nest as deep as a client wants.
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
    const response = await api.graphql(deep);
    expect(response.body.data).toBeUndefined();
    expect(codes(response.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response.body.errors)).toMatch(/depth/i);
  });

  it('should refuse too many aliases of a real field (not only __typename)', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `c${i}: countries { code }`).join(' ');
    const response = await api.graphql(`{ ${aliases} }`);
    expect(response.body.data).toBeUndefined();
    expect(JSON.stringify(response.body.errors)).toMatch(/aliases/i);
    const fine = await api.graphql(
      `{ ${Array.from({ length: 15 }, (_, i) => `c${i}: competences { code }`).join(' ')} }`,
    );
    expect(codes(fine.body)).toEqual([]);
  });

  it('should refuse a query with too many tokens before parsing it all', async () => {
    const fields = Array.from({ length: 1100 }, () => 'code name').join(' ');
    const response = await api.graphql(`{ countries { ${fields} } }`);
    expect(response.body.data).toBeUndefined();
    expect(JSON.stringify(response.body.errors)).toMatch(/token/i);
  });

  it('should refuse too many directives', async () => {
    const count = api.config.server.graphql.maxDirectives + 1;
    const directives = Array.from({ length: count }, () => '@include(if: true)').join(' ');
    const response = await api.graphql(`{ countries ${directives} { code } }`);
    expect(response.body.data).toBeUndefined();
    expect(JSON.stringify(response.body.errors)).toMatch(/directive/i);
  });

  it('should refuse queries above the cost limit', async () => {
    // Within the depth (9), alias (10) and token limits, but each copy costs about 260.
    const heavy = Array.from(
      { length: 10 },
      (_, i) =>
        `x${i}: __schema { types { name fields { name args { name type { name ofType { name ofType { name fields { name type { name } } } } } } } } }`,
    ).join(' ');
    const response = await api.graphql(`{ ${heavy} }`);
    expect(response.body.data).toBeUndefined();
    expect(JSON.stringify(response.body.errors)).toMatch(/cost/i);
  });

  it('should refuse a request body above the size limit', async () => {
    const response = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('apollo-require-preflight', 'true')
      .send({ query: '{ countries { code } }', variables: { padding: 'x'.repeat(70_000) } });
    expect(response.status).toBe(413);
    expect(response.text).not.toMatch(/at .+\.js:\d+/);
  });
});
