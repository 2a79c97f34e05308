import { ChatClient, type ReceivedMessage } from '@app/client';
import { TweetnaclDeviceSecrets } from '@app/crypto';
import { MemberRole } from '@app/identity';
import { API_MAIN, CHAT_MAIN, startNode, type Running } from '../utils/processes';
import { postGraphql, remoteChatUsers, type RemoteChatUser } from '../utils/remote';
import { createTestDatabase, type TestDatabase } from '../utils/test-database';

jest.setTimeout(60_000);

const METRICS_TOKEN = 'cluster-metrics-token-0123456789abcdef';

/** Under `npm run test:services` only: real PostgreSQL and Redis. */
function redisUrl(): string {
  const value = process.env.REDIS_URL;
  if (!value) {
    throw new Error('REDIS_URL is not set: run this suite with "npm run test:services"');
  }
  return value;
}

describe('chat on several nodes: API + two chat nodes over Redis and PostgreSQL', () => {
  let database: TestDatabase;
  const processes: Running[] = [];
  const clients: ChatClient[] = [];
  let apiUrl: string;
  let nodeA: string;
  let nodeB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const shared = {
      ...database.env,
      NODE_ENV: 'development',
      PORT: '0',
      REDIS_URL: redisUrl(),
      METRICS_TOKEN,
    };
    const api = startNode(API_MAIN, { ...shared, CHAT_EMBEDDED: 'false', DB_SEED_ON_BOOT: 'false' });
    processes.push(api);
    [, apiUrl] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
    const a = startNode(CHAT_MAIN, { ...shared, DB_MIGRATE_ON_BOOT: 'false' });
    const b = startNode(CHAT_MAIN, { ...shared, DB_MIGRATE_ON_BOOT: 'false' });
    processes.push(a, b);
    [, nodeA] = await a.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);
    [, nodeB] = await b.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);
  });

  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  afterAll(async () => {
    processes.forEach((running) => running.child.kill('SIGKILL'));
    await database.drop();
  });

  async function user(role = MemberRole.MEMBER): Promise<RemoteChatUser> {
    const [created] = await remoteChatUsers(database.config, 1, { role });
    return created;
  }

  function client(url: string, who: RemoteChatUser): ChatClient {
    const created = new ChatClient({
      url,
      token: who.token,
      deviceId: who.deviceId,
      secrets: new TweetnaclDeviceSecrets(who.keys),
      socket: { reconnection: false },
    });
    clients.push(created);
    return created;
  }

  it('should report Redis in each chat node’s /health and expose /metrics to the metrics token', async () => {
    for (const url of [nodeA, nodeB]) {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const scrape = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      const metrics = await scrape.text();
      expect(metrics).toContain('chat_connected_sockets');
      expect(metrics).toContain('chat_ack_latency_seconds_bucket');
    }
  });

  it('should deliver a message sent on node A to a participant connected to node B', async () => {
    const [alice, bob] = [await user(), await user()];
    const started = await postGraphql(
      apiUrl,
      alice.token,
      'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
      {
        id: bob.id,
      },
    );
    const conversationId = started.data?.startDirectConversation.id as string;
    const onA = client(nodeA, alice);
    const onB = client(nodeB, bob);
    const received = new Promise<ReceivedMessage>((resolve) => onB.on('message', resolve));
    const updates: unknown[] = [];
    onB.on('conversation', (update) => updates.push(update));
    await Promise.all([onA.connect(), onB.connect()]);
    const ack = await onA.send(conversationId, { text: 'across nodes' });
    expect(await received).toMatchObject({
      conversationId,
      seq: ack.seq,
      body: { text: 'across nodes' },
      problem: null,
    });

    // A GraphQL change made by the API reaches sockets on the chat nodes once (Redis events, local fan-out).
    const room = await postGraphql(
      apiUrl,
      alice.token,
      'mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }',
      { input: { title: 'Cross-node room', memberIds: [bob.id] } },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updates).toEqual([{ conversationId: room.data?.createGroupConversation.id, change: 'CREATED' }]);
  });

  it('should agree on presence across nodes: partners on both nodes hear it, the API reports it', async () => {
    const [bob, carol, dave] = [await user(), await user(), await user()];
    await postGraphql(
      apiUrl,
      bob.token,
      'mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }',
      { input: { title: 'Presence room', memberIds: [carol.id, dave.id] } },
    );
    const carolOnA = client(nodeA, carol);
    const daveOnB = client(nodeB, dave);
    const heard = { carol: [] as { online: boolean }[], dave: [] as { online: boolean }[] };
    carolOnA.on('presence', (state) => state.memberId === bob.id && heard.carol.push(state));
    daveOnB.on('presence', (state) => state.memberId === bob.id && heard.dave.push(state));
    await Promise.all([carolOnA.connect(), daveOnB.connect()]);

    const bobOnB = client(nodeB, bob);
    await bobOnB.connect();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const query = 'query($ids: [ID!]!) { presence(memberIds: $ids) { memberId online lastSeenAt } }';
    const online = await postGraphql<{ presence: unknown[] }>(apiUrl, carol.token, query, { ids: [bob.id] });
    expect(online.data?.presence).toEqual([{ memberId: bob.id, online: true, lastSeenAt: null }]);

    bobOnB.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(heard.carol.map((state) => state.online)).toEqual([true, false]);
    expect(heard.dave.map((state) => state.online)).toEqual([true, false]);
  });

  it('should disconnect a suspended member on every node within a second (decided by the API)', async () => {
    const member = await user();
    const admin = await user(MemberRole.ADMIN);
    const onA = client(nodeA, member);
    const onB = client(nodeB, member);
    await Promise.all([onA.connect(), onB.connect()]);
    const revoked = [onA, onB].map((each) => new Promise((resolve) => each.on('revoked', resolve)));
    const started = Date.now();
    const result = await postGraphql(
      apiUrl,
      admin.token,
      'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { id } }',
      { input: { memberId: member.id, reason: 'Cross-node suspension test' } },
    );
    expect(result.errors).toBeUndefined();
    await Promise.all(revoked);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(client(nodeB, member).connect()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
