import argon2 from 'argon2';
import { ChatClient, type SendAck } from '@app/client';
import { TweetnaclDeviceSecrets } from '@app/crypto';
import { MessageEntity } from '@app/messaging';
import { createMember } from '../factories/member.factory';
import { API_MAIN, startNode, type Running } from '../utils/processes';
import { parseSamples, sampleValue } from '../utils/prometheus';
import { postGraphql, remoteChatUsers } from '../utils/remote';
import { connectDataSource, createTestDatabase, type TestDatabase } from '../utils/test-database';
import { until } from '../utils/wait';

// A built API, sealed messages and argon2 at a real cost on a shared 2-core machine: a budget, not a speed check.
jest.setTimeout(120_000);

const METRICS_TOKEN = 'shutdown-metrics-token-0123456789abcdef';
const GRACE_MS = 30_000;
const SLOW_PASSWORD = 'a-password-hashed-at-a-real-cost';
const SLOW_REQUESTS = 3;

const SIGN_IN = `mutation SlowSignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

describe('SIGTERM during traffic (API with the chat embedded)', () => {
  let database: TestDatabase;
  let api: Running | undefined;
  let client: ChatClient | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    client?.close();
    api?.child.kill('SIGKILL');
    await database.drop();
  });

  it('should answer the requests in flight, keep every acknowledged message and exit 0', async () => {
    api = startNode(API_MAIN, {
      ...database.env,
      NODE_ENV: 'development',
      PORT: '0',
      DB_SEED_ON_BOOT: 'false',
      METRICS_TOKEN,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      AUTH_MAX_FAILURES_PER_IP: '1000',
    });
    const [, url] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);

    // A member whose password takes a while to verify (argon2id at a real cost): naturally slow requests.
    const dataSource = await connectDataSource(database.config);
    const slow = await createMember(dataSource, {
      passwordHash: await argon2.hash(SLOW_PASSWORD, {
        type: argon2.argon2id,
        memoryCost: 65_536,
        timeCost: 6,
      }),
    });
    await dataSource.destroy();
    const [sender, receiver] = await remoteChatUsers(database.config, 2);
    const started = await postGraphql(
      url,
      sender.token,
      'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
      { id: receiver.id },
    );
    const conversationId = started.data?.startDirectConversation.id as string;

    // A client sending in a loop, whatever the acks; it keeps going through the shutdown.
    client = new ChatClient({
      url,
      token: sender.token,
      deviceId: sender.deviceId,
      secrets: new TweetnaclDeviceSecrets(sender.keys),
      // Long enough that no ack times out under load before the shutdown: a timed-out send would be retried, and the
      // retry could be the one the shutdown leaves unanswered.
      ackTimeoutMs: 15_000,
      retryDelayMs: 100,
      socket: { reconnectionDelay: 100, reconnectionDelayMax: 200 },
    });
    await client.connect();
    const acked: SendAck[] = [];
    let sending = true;
    const loop = (async () => {
      for (let round = 0; sending; round += 1) {
        void client
          ?.send(conversationId, { text: `m${round}` })
          .then((ack) => acked.push(ack))
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await until(() => acked.length >= 5, 'five messages are acknowledged', 30_000, 20);

    // Slow requests in flight (the server counts them) when SIGTERM arrives.
    const answers = Array.from({ length: SLOW_REQUESTS }, () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({
          query: SIGN_IN,
          variables: { input: { email: slow.email, password: SLOW_PASSWORD } },
        }),
      }),
    );
    // At least one sign-in besides the scrape itself: waiting for all three could miss them if they finish between
    // two polls, and one is enough for the drain to have work to finish.
    await until(async () => (await inFlight(url)) >= 2, 'a slow sign-in is in flight', 30_000, 20);
    const ackedAtSignal = acked.length;
    // A burst just before the signal: handlers are in progress when it arrives, and their acks must still go out.
    for (let burst = 0; burst < 30; burst += 1) {
      void client
        .send(conversationId, { text: `burst${burst}` })
        .then((ack) => acked.push(ack))
        .catch(() => undefined);
    }
    api.child.kill('SIGTERM');

    for (const answer of await Promise.all(answers)) {
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as {
        data?: { signIn?: { accessToken?: string } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(typeof body.data?.signIn?.accessToken).toBe('string');
    }
    // Exit 0: drained and closed within the grace (past it the process exits 1).
    const finished = await api.finished;
    expect(finished.code).toBe(0);
    expect(finished.stderr).not.toContain('still running at the end of the drain');
    sending = false;
    await loop;
    client.close();

    // Every message acknowledged with ok: true is in the database…
    expect(acked.length).toBeGreaterThanOrEqual(ackedAtSignal);
    const check = await connectDataSource(database.config);
    const stored = await check.getRepository(MessageEntity).find({ where: { conversationId } });
    await check.destroy();
    // …and every message stored was acknowledged: the events in progress at the signal were answered before the sockets
    // closed (an event that arrived after it went unanswered and was not stored).
    expect(new Set(stored.map((message) => message.id))).toEqual(new Set(acked.map((ack) => ack.messageId)));
  });
});

/** The requests the server is handling, from its /metrics (the scrape itself is one of them). */
async function inFlight(url: string): Promise<number> {
  const scrape = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  return sampleValue(parseSamples(await scrape.text()), 'http_requests_in_flight') ?? 0;
}
