import request from 'supertest';
import { createActor } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { parseSamples, sampleValue } from '../utils/prometheus';

const METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdefghij';

describe('GET /metrics', () => {
  describe('without METRICS_TOKEN', () => {
    let api: TestApp;
    beforeAll(async () => (api = await createTestApp()));
    afterAll(() => api.close());

    it('should not be served, whatever the request sends', async () => {
      for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}`]) {
        const req = request(api.app.getHttpServer()).get('/metrics');
        const res = await (authorization ? req.set('authorization', authorization) : req);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
      }
    });
  });

  describe('with METRICS_TOKEN', () => {
    let api: TestApp;
    beforeAll(async () => (api = await createTestApp({ env: { METRICS_TOKEN } })));
    afterAll(() => api.close());

    const scrape = async () => {
      const res = await request(api.app.getHttpServer())
        .get('/metrics')
        .set('authorization', `Bearer ${METRICS_TOKEN}`)
        .expect(200);
      return { res, samples: parseSamples(res.text) };
    };

    it('should refuse a missing or wrong token with 401 in the house error shape', async () => {
      for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`]) {
        const req = request(api.app.getHttpServer()).get('/metrics');
        const res = await (authorization ? req.set('authorization', authorization) : req);
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expect(res.text).not.toContain('graphql_operation_duration_seconds');
      }
    });

    it('should serve the API, chat and process metrics to the right token', async () => {
      const { res, samples } = await scrape();
      expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
      expect(res.headers['cache-control']).toBe('no-store');
      const names = new Set(samples.map((sample) => sample.name));
      for (const name of [
        'http_request_duration_seconds_bucket',
        'auth_session_event_streams',
        'chat_connected_sockets',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_p99_seconds',
      ]) {
        expect(names).toContain(name);
      }
      for (const family of [
        'graphql_operation_duration_seconds',
        'graphql_errors_total',
        'search_duration_seconds',
        'chat_messages_total',
        'chat_ack_latency_seconds',
      ]) {
        expect(res.text).toContain(`# TYPE ${family} `);
      }
    });

    it('should count an operation under its name, its search, and an error under its code', async () => {
      const viewer = await createActor(api, 'vetted');
      const found = await api.graphql(
        'query DirectoryLookup { practitioners(first: 1) { totalCount } }',
        {},
        viewer.token,
      );
      expect(found.body.errors).toBeUndefined();
      const refused = await api.graphql('query AnonymousLookup { practitioners(first: 1) { totalCount } }');
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const junk = `query Q${'x'.repeat(80)} { practitioners(first: 1) { totalCount } }`;
      await api.graphql(junk, {}, viewer.token);
      await api.graphql('query Broken { practitioners(', {}, viewer.token);

      const { res, samples } = await scrape();
      expect(
        sampleValue(samples, 'graphql_operation_duration_seconds_count', {
          operation: 'DirectoryLookup',
          type: 'query',
        }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'graphql_errors_total', {
          code: 'UNAUTHENTICATED',
          operation: 'AnonymousLookup',
        }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'graphql_errors_total', {
          code: 'UNAUTHENTICATED',
          operation: 'DirectoryLookup',
        }),
      ).toBeUndefined();
      // A name past the label rules is "other"; a document that does not parse has no operation.
      expect(sampleValue(samples, 'graphql_operation_duration_seconds_count', { operation: 'other' })).toBe(
        1,
      );
      expect(
        sampleValue(samples, 'graphql_errors_total', {
          code: 'GRAPHQL_PARSE_FAILED',
          operation: 'anonymous',
        }),
      ).toBe(1);
      expect(res.text).not.toContain('xxxxxxxx');
      expect(
        sampleValue(samples, 'search_duration_seconds_count', { kind: 'page', engine: 'memory' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sampleValue(samples, 'search_duration_seconds_count', { kind: 'facets', engine: 'memory' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sampleValue(samples, 'http_request_duration_seconds_count', {
          method: 'POST',
          route: '/graphql',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(3);
    });

    it('should label HTTP requests by route pattern, never by the raw URL', async () => {
      const server = api.app.getHttpServer();
      await request(server).get('/health?probe=secret-query-value');
      await request(server).get('/no/such/page-4711');
      await request(server).post('/auth/refresh').set('content-type', 'application/json').send({});
      const { res, samples } = await scrape();
      expect(res.text).not.toContain('secret-query-value');
      expect(res.text).not.toContain('page-4711');
      expect(
        sampleValue(samples, 'http_request_duration_seconds_count', {
          method: 'GET',
          route: '/health',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sampleValue(samples, 'http_request_duration_seconds_count', { method: 'GET', route: 'web' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sampleValue(samples, 'http_request_duration_seconds_count', {
          method: 'POST',
          route: '/auth/refresh',
        }),
      ).toBeGreaterThanOrEqual(1);
    });
  });
});
