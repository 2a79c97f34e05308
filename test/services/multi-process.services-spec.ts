import { connect } from 'node:net';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { API_MAIN, CHAT_MAIN, startNode, STACK_LINE, type Running } from '../utils/processes';
import { connectDataSource, createTestDatabase, type TestDatabase } from '../utils/test-database';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import { openSession } from '../utils/sessions';

/** These suites run only under `npm run test:services`, which provides real PostgreSQL and Redis. */
function requiredEnv(name: 'DATABASE_URL' | 'REDIS_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run this suite with "npm run test:services" (scripts/services.sh start)`,
    );
  }
  return value;
}

function redisPing(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write('PING\r\n'));
    socket.setTimeout(3000, () => socket.destroy(new Error('Redis did not answer')));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().trim());
    });
    socket.once('error', reject);
  });
}

describe('production layout: API and a standalone chat node as separate processes on PostgreSQL', () => {
  let database: TestDatabase;
  const processes: Running[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const running of processes) {
      running.child.kill('SIGKILL');
    }
    await database.drop();
  });

  it('should reach the real services the suite was started with', async () => {
    expect(await redisPing(requiredEnv('REDIS_URL'))).toBe('+PONG');
    const client = new Client({ connectionString: requiredEnv('DATABASE_URL') });
    await client.connect();
    try {
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      expect(rows[0].server_version).toMatch(/^15\./);
    } finally {
      await client.end();
    }
  });

  it('should serve GraphQL from the API and sockets from the chat node, both healthy, both stopping cleanly', async () => {
    const shared = {
      ...database.env,
      NODE_ENV: 'development',
      PORT: '0',
      REDIS_URL: requiredEnv('REDIS_URL'),
    };
    const api = startNode(API_MAIN, { ...shared, CHAT_EMBEDDED: 'false', DB_SEED_ON_BOOT: 'false' });
    const chat = startNode(CHAT_MAIN, { ...shared, DB_MIGRATE_ON_BOOT: 'false' });
    processes.push(api, chat);

    const [, apiUrl] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
    const [, chatUrl] = await chat.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);
    expect(api.output().stdout).toMatch(/Database PostgreSQL/);

    for (const url of [apiUrl, chatUrl]) {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ info: { database: { status: 'up' } } });
    }
    const graphql = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ countries(locale: ru) { code name } }' }),
    });
    const { data } = (await graphql.json()) as { data: { countries: { code: string; name: string }[] } };
    expect(data.countries).toContainEqual({ code: 'PK', name: 'Пакистан' });

    // The API does not mount the gateway; the chat node does.
    expect((await fetch(`${apiUrl}/socket.io/?EIO=4&transport=polling`)).status).toBe(404);
    const dataSource = await connectDataSource(database.config);
    const member = await createMember(dataSource);
    const { accessToken } = await openSession(dataSource, member);
    const { id: deviceId } = await createDevice(dataSource, member.id);
    await dataSource.destroy();
    const memberId = member.id;
    const socket = io(chatUrl, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: accessToken, deviceId },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      expect(await socket.timeout(2000).emitWithAck('session:ping', {})).toMatchObject({
        ok: true,
        memberId,
      });
    } finally {
      socket.close();
    }

    api.child.kill('SIGTERM');
    chat.child.kill('SIGTERM');
    const [apiExit, chatExit] = await Promise.all([api.finished, chat.finished]);
    expect([apiExit.code, chatExit.code]).toEqual([0, 0]);
    expect(apiExit.stderr + chatExit.stderr).not.toMatch(STACK_LINE);
  });
});
