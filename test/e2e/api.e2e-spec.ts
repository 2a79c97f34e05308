import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/create-test-app';

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'e2e-production-jwt-secret-0123456789abcdef',
  TOTP_ENCRYPTION_KEY: 'e2e-production-totp-key-0123456789abcdef',
};

describe('API over HTTP', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  it('should answer /health and /ready with the database up', async () => {
    for (const path of ['/health', '/ready']) {
      const response = await request(api.app.getHttpServer()).get(path).expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    }
  });

  it('should give every response a request id, reusing a well-formed incoming one', async () => {
    const fresh = await request(api.app.getHttpServer()).get('/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await request(api.app.getHttpServer()).get('/health').set('x-request-id', 'trace-42');
    expect(reused.headers['x-request-id']).toBe('trace-42');
    const replaced = await request(api.app.getHttpServer())
      .get('/health')
      .set('x-request-id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('should serve reference data in English and Russian', async () => {
    const response = await api
      .graphql(
        `query($locale: Locale!) {
          countries(locale: $locale) { code name }
          languages(locale: $locale) { code name }
          expertiseAreas(locale: $locale) { code name group }
          competences(locale: $locale) { code name group }
        }`,
        { locale: 'ru' },
      )
      .expect(200);
    const { data } = response.body;
    expect(data.countries).toContainEqual({ code: 'KG', name: 'Киргизия' });
    expect(data.languages).toContainEqual({ code: 'uz', name: 'Узбекский' });
    expect(data.expertiseAreas).toContainEqual({
      code: 'SOM_AIR',
      name: 'Незаконный ввоз мигрантов по воздуху',
      group: 'SMUGGLING',
    });
    expect(data.competences.map((c: { code: string }) => c.code)).toContain('UNTOC_MLA');

    const english = await api.graphql('{ countries { code name } }').expect(200);
    expect(english.body.data.countries).toContainEqual({ code: 'TJ', name: 'Tajikistan' });
  });

  it('should refuse requests a browser could send cross-site (CSRF prevention)', async () => {
    const server = api.app.getHttpServer();
    await request(server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ __typename }' }))
      .expect(400);
    await request(server).get('/graphql').query({ query: '{ __typename }' }).expect(400);
  });

  it('should refuse batched operations', async () => {
    const response = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('"__typename"');
  });

  it('should answer a bad query with a typed error and no stack trace', async () => {
    const response = await api.graphql('{ countries { code nope } }');
    expect(response.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(response.text).not.toMatch(/stacktrace|\.ts:\d+|node_modules/);
  });

  it('should reject an unknown locale as bad input', async () => {
    const response = await api.graphql('{ countries(locale: de) { code } }');
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('API production profile', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ env: PRODUCTION_ENV });
  });

  afterAll(() => api.close());

  it('should turn introspection off', async () => {
    const response = await api.graphql('{ __schema { types { name } } }');
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors[0].message).toMatch(/introspection/i);
  });

  it('should not suggest field names', async () => {
    const response = await api.graphql('{ countrie { code } }');
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.text).not.toMatch(/Did you mean/);
  });

  it('should serve no landing page', async () => {
    const response = await request(api.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(response.text).not.toMatch(/<html|<script/i);
  });
});
