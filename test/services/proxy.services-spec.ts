import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { ChatClient, type ReceivedMessage, type SendAck } from '@app/client';
import { authConfig } from '@app/config';
import { TweetnaclDeviceSecrets } from '@app/crypto';
import { MemberRole } from '@app/identity';
import { MessageEntity } from '@app/messaging';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { API_MAIN, CHAT_MAIN, startNode, type Running } from '../utils/processes';
import { parseSamples, sampleValue } from '../utils/prometheus';
import {
  makeDevCertificate,
  proxyClient,
  startProxy,
  type DevCertificate,
  type RunningProxy,
} from '../utils/proxy';
import { remoteChatUsers, type RemoteChatUser } from '../utils/remote';
import { connectDataSource, createTestDatabase, type TestDatabase } from '../utils/test-database';
import { until } from '../utils/wait';

// Three Node processes and nginx boot on a shared 2-core machine: a budget for completion, not a speed check.
jest.setTimeout(90_000);

/** Under `npm run test:services` only: real PostgreSQL and Redis. */
function redisUrl(): string {
  const value = process.env.REDIS_URL;
  if (!value) {
    throw new Error('REDIS_URL is not set: run this suite with "npm run test:services"');
  }
  return value;
}

const hostPort = (url: string) => `127.0.0.1:${new URL(url).port}`;
const ORIGIN = 'https://localhost';
const GRAPHQL_HEADERS = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };

describe('behind real nginx (docker/nginx template): one API and two chat nodes on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let certificate: DevCertificate;
  let proxy: RunningProxy;
  const processes: Running[] = [];
  const clients: ChatClient[] = [];
  let apiUrl: string;
  let nodes: Running[];
  const nodeUrls: string[] = [];
  // The chat nodes serve /metrics to this bearer token only.
  const metricsToken = randomBytes(24).toString('hex');

  beforeAll(async () => {
    database = await createTestDatabase();
    certificate = makeDevCertificate();
    const shared = {
      ...database.env,
      NODE_ENV: 'development',
      PORT: '0',
      REDIS_URL: redisUrl(),
      TRUST_PROXY: '1',
      CHAT_ALLOWED_ORIGINS: ORIGIN,
      METRICS_TOKEN: metricsToken,
    };
    const api = startNode(API_MAIN, { ...shared, CHAT_EMBEDDED: 'false', DB_SEED_ON_BOOT: 'false' });
    processes.push(api);
    [, apiUrl] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
    nodes = [0, 1].map(() => startNode(CHAT_MAIN, { ...shared, DB_MIGRATE_ON_BOOT: 'false' }));
    processes.push(...nodes);
    for (const node of nodes) {
      const [, url] = await node.waitFor(/chat node listening at (http:\/\/localhost:\d+)/);
      nodeUrls.push(url);
    }
    proxy = await startProxy({
      certificate,
      api: hostPort(apiUrl),
      chat: [hostPort(nodeUrls[0]), hostPort(nodeUrls[1])],
    });
  });

  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await proxy?.stop();
    processes.forEach((running) => running.child.kill('SIGKILL'));
    if (certificate) {
      rmSync(certificate.dir, { recursive: true, force: true });
    }
    await database?.drop();
  });

  /** Sockets a chat node holds, from its own /metrics (straight to the node: the proxy hides /metrics). */
  async function socketsOn(node: number): Promise<number> {
    const response = await fetch(`${nodeUrls[node]}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    const sockets = sampleValue(parseSamples(await response.text()), 'chat_connected_sockets');
    if (sockets === undefined) {
      throw new Error(`chat node ${node} reports no chat_connected_sockets (HTTP ${response.status})`);
    }
    return sockets;
  }

  /** The requests nginx logged from one source address, with their status and the upstream that answered. */
  function upstreamsOf(from: string): { request: string; status: string; upstream: string }[] {
    return proxy
      .accessLog()
      .split('\n')
      .map((line) => /^(\S+) "([^"]*)" (\d+) upstream=(.*)$/.exec(line))
      .filter((match) => match?.[1] === from)
      .map((match) => ({ request: match![2], status: match![3], upstream: match![4] }));
  }

  // Which node nginx's hash sends a loopback source address to, read from nginx's access log after one engine.io
  // handshake from it. Fresh addresses from 127.0.0.20 up (the lower ones are for plain HTTP requests).
  let nextHost = 20;
  async function addressOn(node: number): Promise<string> {
    for (let tries = 0; tries < 40; tries += 1) {
      const from = `127.0.0.${nextHost++}`;
      const probe = await proxyClient(proxy, certificate, from).request(
        '/socket.io/?EIO=4&transport=polling',
      );
      expect(probe.status).toBe(200);
      if (upstreamsOf(from)[0]?.upstream === hostPort(nodeUrls[node])) {
        return from;
      }
    }
    throw new Error(`no source address landed on chat node ${node}`);
  }

  async function user(role = MemberRole.MEMBER): Promise<RemoteChatUser> {
    const [created] = await remoteChatUsers(database.config, 1, { role });
    return created;
  }

  /** A chat client connecting through the proxy (WSS, or polling only) from one source address. */
  function chatClient(who: RemoteChatUser, from: string, transports = ['websocket']): ChatClient {
    const created = new ChatClient({
      url: proxy.httpsUrl,
      token: who.token,
      deviceId: who.deviceId,
      secrets: new TweetnaclDeviceSecrets(who.keys),
      ackTimeoutMs: 2000,
      retryDelayMs: 100,
      socket: {
        ...proxyClient(proxy, certificate, from).socket,
        transports,
        reconnectionDelay: 100,
        reconnectionDelayMax: 500,
      },
    });
    clients.push(created);
    return created;
  }

  async function graphql<T>(from: string, token: string, query: string, variables: object = {}) {
    const response = await proxyClient(proxy, certificate, from).request('/graphql', {
      method: 'POST',
      headers: { ...GRAPHQL_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as { data?: T; errors?: { extensions: { code: string } }[] };
  }

  async function conversationOf(owner: RemoteChatUser, others: RemoteChatUser[]): Promise<string> {
    const created = await graphql<{ createGroupConversation: { id: string } }>(
      '127.0.0.2',
      owner.token,
      'mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }',
      { input: { title: 'Through the proxy', memberIds: others.map((other) => other.id) } },
    );
    return created.data?.createGroupConversation.id as string;
  }

  /** The message with this text, when the client gets it (a sender hears its own messages too). */
  const received = (client: ChatClient, text: string) =>
    new Promise<ReceivedMessage>((resolve) =>
      client.on('message', (message) => message.body?.text === text && resolve(message)),
    );

  it('should terminate TLS, redirect plain HTTP, add HSTS beside the app’s one CSP, and hide /metrics', async () => {
    const client = proxyClient(proxy, certificate, '127.0.0.2');
    const health = await client.open('/health');
    expect((health.socket as TLSSocket).getProtocol()).toMatch(/^TLSv1\.[23]$/);
    health.resume();
    expect(health.statusCode).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=63072000');

    // Exactly the CSP the API sends itself (Node joins repeated headers with ", ": a second policy would show).
    const direct = await fetch(`${apiUrl}/health`);
    expect(direct.headers.get('strict-transport-security')).toBeNull();
    expect(health.headers['content-security-policy']).toBe(direct.headers.get('content-security-policy'));
    expect((await client.request('/ready')).status).toBe(200);

    for (const path of ['/metrics', '/METRICS', '/metrics/', '//metrics']) {
      expect((await client.request(path)).status).toBe(404);
    }
    const redirect = await new Promise<{ status?: number; location?: string }>((resolve, reject) =>
      httpGet(`${proxy.httpUrl}/graphql?x=1`, (res) => {
        res.resume();
        resolve({ status: res.statusCode, location: res.headers.location });
      }).once('error', reject),
    );
    expect(redirect).toEqual({ status: 301, location: 'https://localhost/graphql?x=1' });
  });

  it('should sign a member in over HTTPS, set the session cookie and stream session events through the proxy', async () => {
    const dataSource = await connectDataSource(database.config);
    const member = await createMember(dataSource);
    await dataSource.destroy();
    const client = proxyClient(proxy, certificate, '127.0.0.3');
    const signedIn = await client.request('/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: member.email, password: FACTORY_PASSWORD }),
    });
    expect(signedIn.status).toBe(200);
    const { accessToken } = JSON.parse(signedIn.body) as { accessToken: string };
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^counterpart_refresh=./);
    const me = await graphql<{ me: { id: string } }>('127.0.0.3', accessToken, '{ me { id } }');
    expect(me.data?.me.id).toBe(member.id);

    // The SSE stream's first bytes arrive at once (nothing buffered), and its end when the member signs out.
    const stream = await client.open('/auth/session-events', { headers: { cookie, origin: ORIGIN } });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    stream.setEncoding('utf8');
    let events = '';
    stream.on('data', (chunk: string) => (events += chunk));
    const ended = new Promise((resolve) => stream.once('end', resolve));
    await graphql('127.0.0.3', accessToken, 'mutation { signOut }');
    await ended;
    expect(events).toMatch(/^retry: \d+\n\n/);
    expect(events).toMatch(/event: session-ended\n/);
  });

  it('should spread clients over both chat nodes and carry acknowledged messages between them', async () => {
    const [alice, bob] = [await user(), await user()];
    const conversationId = await conversationOf(alice, [bob]);
    const onA = chatClient(alice, await addressOn(0));
    const onB = chatClient(bob, await addressOn(1));
    await Promise.all([onA.connect(), onB.connect()]);
    expect(await socketsOn(0)).toBeGreaterThanOrEqual(1);
    expect(await socketsOn(1)).toBeGreaterThanOrEqual(1);

    const atBob = received(onB, 'from node A');
    const ack = await onA.send(conversationId, { text: 'from node A' });
    expect(await atBob).toMatchObject({ seq: ack.seq, body: { text: 'from node A' }, problem: null });
    const atAlice = received(onA, 'from node B');
    const reply = await onB.send(conversationId, { text: 'from node B' });
    expect(await atAlice).toMatchObject({ seq: reply.seq, body: { text: 'from node B' }, problem: null });
  });

  it('should keep a polling-only client on one node (sticky) and chat with a WebSocket client on the other', async () => {
    const [carol, dave] = [await user(), await user()];
    const conversationId = await conversationOf(carol, [dave]);
    const pollFrom = await addressOn(0);
    const polling = chatClient(carol, pollFrom, ['polling']);
    const socket = chatClient(dave, await addressOn(1));
    await Promise.all([polling.connect(), socket.connect()]);

    // Several rounds: each long-poll and each POST must reach the node holding the engine.io session.
    for (let round = 0; round < 3; round += 1) {
      const atDave = received(socket, `poll ${round}`);
      const ack = await polling.send(conversationId, { text: `poll ${round}` });
      expect(await atDave).toMatchObject({ seq: ack.seq, body: { text: `poll ${round}` } });
      const atCarol = received(polling, `ws ${round}`);
      const back = await socket.send(conversationId, { text: `ws ${round}` });
      expect(await atCarol).toMatchObject({ seq: back.seq, body: { text: `ws ${round}` } });
    }
    // nginx's own record: every long-poll and POST of that client went to node 0 and was answered there.
    const polls = upstreamsOf(pollFrom).filter((entry) => entry.request.includes('transport=polling'));
    expect(polls.filter((entry) => entry.request.startsWith('POST ')).length).toBeGreaterThanOrEqual(6);
    expect(new Set(polls.map((entry) => `${entry.status} ${entry.upstream}`))).toEqual(
      new Set([`200 ${hostPort(nodeUrls[0])}`]),
    );
  });

  it('should disconnect a member suspended through the proxy on both nodes', async () => {
    const [member, admin] = [await user(), await user(MemberRole.ADMIN)];
    const onA = chatClient(member, await addressOn(0));
    const onB = chatClient(member, await addressOn(1));
    await Promise.all([onA.connect(), onB.connect()]);
    const revoked = [onA, onB].map((each) => new Promise((resolve) => each.on('revoked', resolve)));
    const result = await graphql<{ suspendMember: { id: string } }>(
      '127.0.0.2',
      admin.token,
      'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { id } }',
      { input: { memberId: member.id, reason: 'Suspended through the proxy' } },
    );
    expect(result.errors).toBeUndefined();
    await Promise.all(revoked);
  });

  it('should key the sign-in throttle to the client nginx saw, whatever X-Forwarded-For the client forged', async () => {
    const limit = authConfig.parse({}).throttle.maxFailuresPerIp;
    const attempt = async (from: string, forged: string) => {
      const email = `nobody.${randomBytes(6).toString('hex')}@nowhere.test`;
      const response = await proxyClient(proxy, certificate, from).request('/graphql', {
        method: 'POST',
        headers: { ...GRAPHQL_HEADERS, 'x-forwarded-for': forged },
        body: JSON.stringify({
          query: 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
          variables: { input: { email, password: 'not the password' } },
        }),
      });
      return (JSON.parse(response.body) as { errors: { extensions: { code: string } }[] }).errors[0]
        .extensions.code;
    };
    for (let failure = 0; failure < limit; failure += 1) {
      expect(await attempt('127.0.0.5', `6.6.6.${failure}, 10.0.0.${failure}`)).toBe('UNAUTHENTICATED');
    }
    expect(await attempt('127.0.0.5', '6.6.6.200, 10.0.0.200')).toBe('RATE_LIMITED');
    expect(await attempt('127.0.0.6', '6.6.6.1, 10.0.0.1')).toBe('UNAUTHENTICATED');
  });

  it('should lose nothing acknowledged when a chat node is killed: its clients reconnect to the survivor', async () => {
    const people = [await user(), await user(), await user(), await user()];
    const conversationId = await conversationOf(people[0], people.slice(1));
    // A sender and a receiver on the node that dies (0), the same on the survivor (1).
    const [doomedSender, doomedReceiver, sender, receiver] = [
      chatClient(people[0], await addressOn(0)),
      chatClient(people[1], await addressOn(0)),
      chatClient(people[2], await addressOn(1)),
      chatClient(people[3], await addressOn(1)),
    ];
    const inboxes = [doomedReceiver, receiver].map((client) => {
      const inbox: ReceivedMessage[] = [];
      client.on('message', (message) => inbox.push(message));
      return inbox;
    });
    await Promise.all([doomedSender, doomedReceiver, sender, receiver].map((client) => client.connect()));

    const acked: SendAck[] = [];
    const sendRound = (round: number) =>
      Promise.all(
        [doomedSender, sender].map((client, index) =>
          client.send(conversationId, { text: `r${round}-s${index}` }).then((ack) => acked.push(ack)),
        ),
      );
    await sendRound(0);
    await sendRound(1);
    // A connect of node 0's clients after the kill can only reach node 1. (Not a count taken before the kill: sockets
    // of earlier tests that node 1 drops meanwhile would make it move.)
    const reconnected = [doomedSender, doomedReceiver].map((client) => {
      const seen = { back: false };
      client.on('connection', ({ connected }) => (seen.back ||= connected));
      return seen;
    });
    nodes[0].child.kill('SIGKILL');
    await nodes[0].finished;
    // Sent while node 0's clients are cut off: the outbox resends once they are back, through the proxy, on node 1.
    await Promise.all([sendRound(2), sendRound(3)]);
    await until(
      async () => reconnected.every((seen) => seen.back) && (await socketsOn(1)) >= 4,
      'node 0’s two clients are connected again, to node 1 (which then holds all four)',
    );

    const dataSource = await connectDataSource(database.config);
    const stored = await dataSource
      .getRepository(MessageEntity)
      .find({ where: { conversationId }, order: { seq: 'ASC' } });
    await dataSource.destroy();
    expect(acked).toHaveLength(8);
    expect(new Set(stored.map((message) => message.id))).toEqual(new Set(acked.map((ack) => ack.messageId)));

    // Each receiver has every message once (live, or by sync after the reconnect).
    const deadline = Date.now() + 15_000;
    const complete = () =>
      inboxes.every((inbox) => new Set(inbox.map((m) => m.messageId)).size === stored.length);
    while (!complete() && Date.now() < deadline) {
      await Promise.all([doomedReceiver, receiver].map((client) => client.sync().catch(() => undefined)));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const inbox of inboxes) {
      expect(inbox.map((message) => message.seq)).toEqual(stored.map((message) => message.seq));
      expect(inbox.filter((message) => message.problem !== null)).toEqual([]);
    }
  });
});
