import { readFileSync, existsSync } from 'node:fs';
import { exchangeCanary, findCanary, newCanary } from '../utils/canary';
import { remoteChatUsers } from '../utils/remote';
import { API_MAIN, startNode } from '../utils/processes';
import { testDialect } from '../utils/template-database';
import { createTestDatabase, type TestDatabase } from '../utils/test-database';

jest.setTimeout(60_000);

/**
 * The canary: a random 32-byte text goes from one real client to another through the real server process, and is
 * read by the recipient — while nothing server-side holds it in any encoding: not the SQLite files, not the logs (at
 * trace level, SQL logging on), not what GraphQL returns. PostgreSQL and Redis: test/services/e2ee-canary.
 */
describe('E2EE canary (SQLite, real server process)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('should let the recipient read the canary while the database files and logs hold no trace of it', async () => {
    const canary = newCanary();
    const api = startNode(API_MAIN, {
      ...database.env,
      PORT: '0',
      NODE_ENV: 'development',
      DB_SEED_ON_BOOT: 'false',
      LOG_LEVEL: 'trace',
      DB_LOGGING: 'true',
    });
    let exchanged: Awaited<ReturnType<typeof exchangeCanary>>;
    try {
      const [, url] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
      const users = await remoteChatUsers(database.config, 2);
      exchanged = await exchangeCanary({ api: url, sender: url, receiver: url }, users, canary);
    } finally {
      api.child.kill('SIGTERM');
    }
    const { stdout, stderr } = await api.finished;

    expect(exchanged.read).toMatchObject({
      body: { text: canary, caveat: 'DO_NOT_DISSEMINATE' },
      problem: null,
    });
    // The search finds every form when it is there (so the zeros below mean something) …
    expect(findCanary(`…${JSON.stringify(exchanged.read.body)}…`, canary)).toEqual(['utf8']);
    expect(findCanary(Buffer.from(`xx${canary}`).toString('base64'), canary)).toContain('base64+1');
    expect(findCanary(Buffer.from(canary).toString('hex'), canary)).toEqual(['hex']);
    // … and finds nothing server-side.
    expect(stdout.length).toBeGreaterThan(1000); // trace logging really ran
    expect(findCanary(stdout + stderr, canary)).toEqual([]);
    expect(exchanged.history).toContain('ciphertext'); // the history really came back, sealed
    expect(findCanary(exchanged.history, canary)).toEqual([]);
    if (testDialect() === 'sqlite') {
      const file = database.config.sqlitePath;
      const files = [file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path));
      expect(files.length).toBeGreaterThan(0);
      for (const path of files) {
        expect({ path, found: findCanary(readFileSync(path), canary) }).toEqual({ path, found: [] });
      }
    }
  });
});
