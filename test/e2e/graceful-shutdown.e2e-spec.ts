import { request as httpRequest, Agent } from 'node:http';
import argon2 from 'argon2';
import { GracefulShutdown } from '@app/common';
import { HealthController } from '../../libs/common/src/health/health.controller';
import { MessageEntity } from '@app/messaging';
import { createMember } from '../factories/member.factory';
import { chatUser } from '../utils/chat';
import { createTestApp, type TestApp } from '../utils/create-test-app';

const PASSWORD = 'a-password-hashed-at-a-real-cost';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }';
const BURST = 10;

/** POST /graphql on a keep-alive connection, read to the end. */
function postKeepAlive(url: string, agent: Agent, body: object) {
  return new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
    const req = httpRequest(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the drain of a graceful shutdown (in process)', () => {
  let api: TestApp;
  const opened: { close(): void }[] = [];

  beforeAll(async () => (api = await createTestApp()));
  afterAll(async () => {
    opened.forEach((client) => client.close());
    await api.close();
  });

  it('should fail readiness, answer the requests and socket events in progress, then close the sockets', async () => {
    // A request in progress: a sign-in whose password takes a while to verify.
    const slow = await createMember(api.dataSource, {
      passwordHash: await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3 }),
    });
    // A socket with message:send events in progress.
    const [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const started = await api.graphql(
      'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
      { id: bob.member.id },
      alice.token,
    );
    const conversationId = started.body.data.startDirectConversation.id as string;
    const socket = await alice.raw();
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const server = api.app.getHttpServer();
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const agent = new Agent({ keepAlive: true });
    const answer = postKeepAlive(api.url, agent, {
      query: SIGN_IN,
      variables: { input: { email: slow.email, password: PASSWORD } },
    });
    await arrived;
    const envelopes = await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        alice.seal(conversationId, `drain-msg-${index}`, `m${index}`, [alice, bob]),
      ),
    );
    const acks: Promise<{ ok: boolean; messageId?: string }>[] = envelopes.map((envelope, index) =>
      socket
        .timeout(10_000)
        .emitWithAck('message:send', { conversationId, clientMessageId: `drain-msg-${index}`, envelope })
        .catch(() => ({ ok: false })),
    );
    await acks[0];

    const shutdown = api.app.get(GracefulShutdown);
    const drained = shutdown.drain(10_000);
    expect(shutdown.draining).toBe(true);
    await expect(api.app.get(HealthController).ready()).rejects.toMatchObject({
      status: 503,
      response: { error: { shutdown: { status: 'down' } } },
    });

    // The request in progress is answered, and its connection closes after it.
    const answered = await answer;
    expect(answered.status).toBe(200);
    expect(answered.connection).toBe('close');
    expect(JSON.parse(answered.body).data.signIn.accessToken).toEqual(expect.any(String));
    expect(await drained).toEqual({ requests: 0 });
    agent.destroy();

    // The socket closed as a dropped link (clients reconnect, to another node), after its events in progress were
    // answered: every message stored was acknowledged, and the ones that came too late were neither.
    expect(await disconnected).toBe('transport close');
    const answers = await Promise.all(acks);
    const ackedIds = answers.flatMap((ack) => (ack.ok && ack.messageId ? [ack.messageId] : []));
    expect(ackedIds.length).toBeGreaterThan(0);
    const stored = await api.dataSource.getRepository(MessageEntity).find({ where: { conversationId } });
    expect(new Set(stored.map((message) => message.id))).toEqual(new Set(ackedIds));

    // No new connection is accepted.
    await expect(fetch(`${api.url}/health`)).rejects.toThrow();
  });
});
