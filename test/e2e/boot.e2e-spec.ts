import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { TEST_TMP_DIR } from '../utils/template-database';
import {
  API_CLI,
  API_MAIN,
  CHAT_MAIN,
  DEMO_CHAT,
  freePort,
  runNode,
  STACK_LINE,
  startNode,
} from '../utils/processes';
import { TransactionService } from '@app/database';
import { AuditAction, AuditService, MemberEntity, MemberRole, MemberStatus } from '@app/identity';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import { disableAuditGuards } from '../utils/audit';
import { openSession } from '../utils/sessions';
import { connectDataSource, createTestDatabase, type TestDatabase } from '../utils/test-database';

const SECRETS = {
  JWT_SECRET: 'boot-test-production-jwt-secret-0123456789',
  TOTP_ENCRYPTION_KEY: 'boot-test-production-totp-key-0123456789',
};

// Each test starts built processes (1–2 s each): the default 5 s is too tight on a loaded 2-core machine.
jest.setTimeout(30_000);

describe('booting the built apps', () => {
  const dir = join(TEST_TMP_DIR, `boot-${randomBytes(4).toString('hex')}`);
  const sqlite = (name: string) => join(dir, `${name}.sqlite`);

  /** Databases of the run's dialect (SQLite, or PostgreSQL under test:pg) that this suite's processes share. */
  const databases: TestDatabase[] = [];
  const track = async (database: Promise<TestDatabase>) => {
    databases.push(await database);
    return databases[databases.length - 1];
  };

  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('should refuse a production boot without secrets, naming them, without a stack trace', async () => {
    const result = await runNode(API_MAIN, { NODE_ENV: 'production', SQLITE_PATH: sqlite('no-secrets') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/JWT_SECRET must be set in production/);
    expect(result.stderr).toMatch(/TOTP_ENCRYPTION_KEY must be set in production/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('should refuse a malformed value, naming the variable', async () => {
    const result = await runNode(API_MAIN, { PORT: 'eighty', SQLITE_PATH: sqlite('bad-port') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT must be an integer number/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('should report an unreachable DATABASE_URL clearly, without its password', async () => {
    // Nothing listens there: bound, then released.
    const port = await freePort();
    const result = await runNode(API_MAIN, {
      ...SECRETS,
      NODE_ENV: 'production',
      DATABASE_URL: `postgres://counterpart:hunter2secret@127.0.0.1:${port}/counterpart`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Cannot connect to PostgreSQL at postgres:\/\/counterpart:\*\*\*@127\.0\.0\.1/,
    );
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(`${result.stdout}${result.stderr}`).not.toContain('hunter2secret');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('should seed with the CLI idempotently, and refuse a production boot while demo accounts exist', async () => {
    const env = { SQLITE_PATH: sqlite('demo') };
    const first = await runNode(API_CLI, env, ['seed']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo network: (\d+) practitioner\(s\) added, 0 already present/);
    const second = await runNode(API_CLI, env, ['seed']);
    expect(second.stdout).toMatch(/Demo network: 0 practitioner\(s\) added, \d+ already present/);

    const production = await runNode(API_MAIN, { ...env, ...SECRETS, NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.stderr).toMatch(/Refusing to start in production: \d+ demo account\(s\) exist/);
    expect(production.stderr).not.toMatch(STACK_LINE);

    const seedInProduction = await runNode(API_CLI, { ...env, ...SECRETS, NODE_ENV: 'production' }, ['seed']);
    expect(seedInProduction.code).toBe(1);
    expect(seedInProduction.stderr).toMatch(/never seeded in production/);
    expect(seedInProduction.stderr).not.toMatch(STACK_LINE);
  });

  it('should prune ended sessions with the CLI and refuse a create-admin without an address in one line', async () => {
    const env = { SQLITE_PATH: sqlite('prune') };
    expect((await runNode(API_CLI, env, ['migrate'])).code).toBe(0);
    const first = await runNode(API_CLI, env, ['prune-sessions']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /Pruned 0 ended session\(s\), 0 refresh token\(s\), 0 throttle counter\(s\)\./,
    );

    const usage = await runNode(API_CLI, env, ['create-admin']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/Usage: npm run cli -- create-admin --email/);
    expect(usage.stderr).not.toMatch(STACK_LINE);
  });

  it('should migrate with the CLI and report when there is nothing left to do', async () => {
    const env = { SQLITE_PATH: sqlite('migrate') };
    const first = await runNode(API_CLI, env, ['migrate']);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\)/);
    const second = await runNode(API_CLI, env, ['migrate']);
    expect(second.stdout).toMatch(/Database is up to date/);
  });

  it('should start on an empty database, seed it, print the URL and logins, serve, and stop cleanly on Ctrl-C', async () => {
    const app = startNode(API_MAIN, { PORT: '0', SQLITE_PATH: sqlite('start') });
    try {
      const [, url] = await app.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
      await app.waitFor(/admin@demo\.counterpart\.example/);
      expect(app.output().stdout).toMatch(/password for all: \S+/);

      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      const graphql = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      app.child.kill('SIGINT');
    }
    const exit = await app.finished;
    expect(exit.code).toBe(0);
    expect(exit.stderr).not.toMatch(STACK_LINE);
  });

  it('should create the first admin from the CLI with the password on stdin, never in argv', async () => {
    const database = await track(createTestDatabase());
    const env = database.env;
    const created = await runNode(API_CLI, env, ['create-admin', '--email', 'First.Admin@Network.test'], {
      input: 'a strong admin passphrase\n',
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Admin first\.admin@network\.test created/);

    const again = await runNode(API_CLI, env, ['create-admin', '--email', 'first.admin@network.test'], {
      input: 'a strong admin passphrase\n',
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).not.toMatch(STACK_LINE);

    const short = await runNode(API_CLI, env, ['create-admin', '--email', 'second@network.test'], {
      input: 'short\n',
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);

    const dataSource = await connectDataSource(database.config);
    try {
      const admin = await dataSource
        .getRepository(MemberEntity)
        .findOneByOrFail({ email: 'first.admin@network.test' });
      expect(admin).toMatchObject({ role: MemberRole.ADMIN, status: MemberStatus.VETTED });
      expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await dataSource.destroy();
    }
  });

  it('should verify the audit chain from the CLI and exit 1 when a row was edited', async () => {
    const database = await track(createTestDatabase());
    const env = database.env;
    const dataSource = await connectDataSource(database.config);
    try {
      const audit = new AuditService(dataSource, new TransactionService(dataSource));
      for (const reason of ['first', 'second', 'third']) {
        await audit.record({ actorId: null, action: AuditAction.ROLE_CHANGED, reason });
      }
      const intact = await runNode(API_CLI, env, ['verify-audit']);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/Audit chain valid: 3 entries/);

      await disableAuditGuards(dataSource);
      await dataSource.query(`UPDATE audit_entry SET reason = 'edited' WHERE seq = 2`);
    } finally {
      await dataSource.destroy();
    }
    const broken = await runNode(API_CLI, env, ['verify-audit']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Audit chain BROKEN at seq 2/);
  });

  it('should log JSON lines in production with request ids and no credentials', async () => {
    const app = startNode(API_MAIN, {
      ...SECRETS,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: '0',
      SQLITE_PATH: sqlite('logs'),
    });
    try {
      const [, url] = await app.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
      const response = await fetch(`${url}/graphql?token=query-secret-123`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          authorization: 'Bearer header-secret-456',
          cookie: 'session=cookie-secret-789',
          'x-request-id': 'log-test-1',
        },
        body: JSON.stringify({ query: '{ __typename }', variables: { password: 'body-secret-000' } }),
      });
      expect(response.status).toBe(200);
      await app.waitFor(/"id":"log-test-1"/);
    } finally {
      app.child.kill('SIGTERM');
    }
    const { stdout } = await app.finished;
    const requestLine = stdout.split('\n').find((line) => line.includes('"log-test-1"')) ?? '';
    expect(JSON.parse(requestLine)).toMatchObject({
      req: { id: 'log-test-1', method: 'POST', url: '/graphql' },
    });
    for (const secret of ['query-secret-123', 'header-secret-456', 'cookie-secret-789', 'body-secret-000']) {
      expect(stdout).not.toContain(secret);
    }
  });

  it('should run the chat demo: two demo members exchange messages with receipts and read the history', async () => {
    const { code, stdout } = await runNode(DEMO_CHAT, {});
    expect(code).toBe(0);
    expect(stdout).toContain('Erkin received 2 messages (seq 1, 2)');
    expect(stdout).toContain('✓✓ Erkin read up to #2');
    expect(stdout).toMatch(/#1 Aigul: .*\n\s+#2 Aigul: .*\n\s+#3 Erkin: /);
  });

  it('should boot the standalone chat node with its own /health and socket gateway', async () => {
    const database = await track(createTestDatabase());
    const env = { PORT: '0', ...database.env };
    const chat = startNode(CHAT_MAIN, env);
    try {
      const [, url] = await chat.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/graphql`, { method: 'POST' })).status).toBe(404);

      const dataSource = await connectDataSource(database.config);
      const member = await createMember(dataSource);
      const { accessToken: token } = await openSession(dataSource, member);
      const { id: deviceId } = await createDevice(dataSource, member.id);
      await dataSource.destroy();
      const socket = io(url, { transports: ['websocket'], reconnection: false, auth: { token, deviceId } });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        expect(await socket.timeout(2000).emitWithAck('session:ping', {})).toMatchObject({ ok: true });
      } finally {
        socket.close();
      }
    } finally {
      chat.child.kill('SIGTERM');
    }
    expect((await chat.finished).code).toBe(0);
  });
});
