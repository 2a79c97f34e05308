import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { createTestApp, type TestApp } from '../utils/create-test-app';

/**
 * A built client in its own folder: an index.html, one hashed script large enough to be worth compressing, and the
 * offline shell's web manifest and service worker (vite-plugin-pwa writes both at the root, under fixed names).
 */
function fakeClientBuild(): { root: string; script: string; index: string } {
  const root = mkdtempSync(join(tmpdir(), 'cp-web-'));
  mkdirSync(join(root, 'assets'));
  const index =
    '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
  writeFileSync(join(root, 'index.html'), index);
  writeFileSync(join(root, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(root, 'manifest.webmanifest'), JSON.stringify({ name: 'Counterpart', start_url: '/' }));
  writeFileSync(join(root, 'sw.js'), "self.addEventListener('fetch', () => undefined);\n");
  return { root, script, index };
}

describe('The web client served by the API', () => {
  let api: TestApp;
  let build: ReturnType<typeof fakeClientBuild>;

  beforeAll(async () => {
    build = fakeClientBuild();
    api = await createTestApp({ module: AppModule.register({ chatEmbedded: false, webRoot: build.root }) });
  });

  afterAll(async () => {
    await api.close();
    rmSync(build.root, { recursive: true, force: true });
  });

  const server = () => api.app.getHttpServer();

  it('should answer / and every deep link with index.html, never cached', async () => {
    for (const path of ['/', '/sessions', '/apply?code=X', '/directory/members/123']) {
      const res = await request(server()).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(build.index);
    }
  });

  it('should serve hashed assets immutable, gzip-compressed when the browser accepts it', async () => {
    const gzipped = await request(server())
      .get('/assets/index-AbC123.js')
      .set('accept-encoding', 'gzip')
      .expect(200);
    expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toMatch(/javascript/);
    expect(gzipped.text).toBe(build.script); // supertest inflates it

    const brotli = await request(server()).get('/assets/index-AbC123.js').set('accept-encoding', 'br, gzip');
    expect(brotli.headers['content-encoding']).toBe('br'); // what browsers get
    expect(brotli.text).toBe(build.script);

    const plain = await request(server()).get('/assets/index-AbC123.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(build.script);
  });

  it('should serve the service worker and the web manifest under fixed names, never cached', async () => {
    // A browser checks /sw.js for an update on each visit: a cached copy would keep an old shell after a deployment.
    const worker = await request(server()).get('/sw.js').expect(200);
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.headers['service-worker-allowed']).toBeUndefined(); // scope `/`, its own folder: nothing wider

    const manifest = await request(server()).get('/manifest.webmanifest').expect(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(manifest.text)).toEqual({ name: 'Counterpart', start_url: '/' });
  });

  it('should answer a missing asset with a plain 404, not with index.html', async () => {
    const res = await request(server()).get('/assets/index-Gone99.js').expect(404);
    expect(res.headers['content-type']).not.toMatch(/text\/html/);
    expect(res.text).not.toContain('<script');
    expect(res.text).not.toContain(build.root);
    for (const folder of ['/assets', '/assets/']) {
      const res = await request(server()).get(folder);
      expect(res.status).toBe(404); // never a 301 to the folder, never its listing
    }
  });

  it('should leave the API paths to the API, and never compress an API answer', async () => {
    const introspection = '{ __schema { types { name fields { name } } } }';
    const graphql = await api.graphql(introspection).set('accept-encoding', 'gzip').expect(200);
    expect(graphql.body.data.__schema.types.length).toBeGreaterThan(10);
    expect(graphql.text.length).toBeGreaterThan(2048); // above compression's threshold: left alone on purpose
    expect(graphql.headers['content-encoding']).toBeUndefined();

    for (const path of ['/health', '/auth/refresh']) {
      const res = await request(server()).get(path).set('accept-encoding', 'gzip');
      expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBeUndefined();
    }
    const health = await request(server()).get('/health').expect(200);
    expect(health.body).toEqual(expect.objectContaining({ status: expect.any(String) }));
  });
});
