import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import request from 'supertest';
import { IdentityEvents } from '@app/identity';
import {
  MAX_STREAMS_PER_SESSION,
  SESSION_EVENTS_RETRY_MS,
  SessionEventsController,
} from '../../apps/api/src/auth/session-events.controller';
import { createActor } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { createMember, FACTORY_PASSWORD } from '../factories/member.factory';
import { createPractitioner } from '../factories/practitioner.factory';

const COOKIE = 'counterpart_refresh';
const ALLOWED_ORIGIN = 'https://counterpart.example';
const SUSPEND = 'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { status } }';
const ENDED = { code: 'UNAUTHENTICATED', message: 'Your session has ended.' };

interface ServerSentEvent {
  event: string;
  data: string;
}

/** One GET /auth/session-events read as it arrives, as a browser's EventSource would read it. */
interface Stream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far. */
  text(): string;
  /** The events dispatched so far (comments and the bare `retry:` field dispatch none). */
  events(): ServerSentEvent[];
  /** The first `retry:` value the server sent. */
  retry(): number | undefined;
  /** Resolves with the events when the server ends the response. */
  ended: Promise<ServerSentEvent[]>;
  /** Waits for the server to end the stream, failing after `ms`. */
  endedWithin(ms: number): Promise<ServerSentEvent[]>;
  /** The browser goes away (tab closed). */
  close(): void;
}

function parse(text: string): { events: ServerSentEvent[]; retry?: number } {
  const events: ServerSentEvent[] = [];
  let retry: number | undefined;
  // Only complete blocks: a block is dispatched at its blank line.
  const blocks = text.split('\n\n').slice(0, -1);
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        continue;
      }
      const at = line.indexOf(':');
      const field = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      if (field === 'event') {
        event = value;
      } else if (field === 'data') {
        data.push(value);
      } else if (field === 'retry') {
        retry ??= Number(value);
      }
    }
    if (data.length > 0) {
      events.push({ event, data: data.join('\n') });
    }
  }
  return { events, retry };
}

describe('GET /auth/session-events (the session-ended push)', () => {
  let api: TestApp;
  let controller: SessionEventsController;
  const opened: Stream[] = [];

  beforeAll(async () => {
    api = await createTestApp({ env: { CHAT_ALLOWED_ORIGINS: ALLOWED_ORIGIN } });
    controller = api.app.get(SessionEventsController);
  });

  // Every test leaves the server as it found it: no stream open (each starts from zero).
  afterEach(async () => {
    opened.splice(0).forEach((stream) => stream.close());
    await expectOpenStreams(0);
  });

  afterAll(() => api.close());

  function openStream(options: { cookie?: string; origin?: string; url?: string } = {}): Promise<Stream> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (options.cookie !== undefined) {
      headers.cookie = `theme=dark; ${COOKIE}=${options.cookie}`;
    }
    if (options.origin) {
      headers.origin = options.origin;
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${options.url ?? api.url}/auth/session-events`, { headers });
      req.on('error', reject);
      req.on('response', (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        // 'close' too: at shutdown the server may drop the connection right after its last bytes.
        const ended = new Promise<ServerSentEvent[]>((done) => {
          res.on('end', () => done(parse(text).events));
          res.on('close', () => done(parse(text).events));
        });
        const stream: Stream = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: () => text,
          events: () => parse(text).events,
          retry: () => parse(text).retry,
          ended,
          endedWithin: (ms) =>
            Promise.race([
              ended,
              new Promise<never>((_, fail) =>
                setTimeout(() => fail(new Error(`the stream was still open after ${ms} ms`)), ms).unref(),
              ),
            ]),
          close: () => req.destroy(),
        };
        opened.push(stream);
        resolve(stream);
      });
      req.end();
    });
  }

  /** A browser session made as the web client makes it: POST /auth/sign-in, the refresh token in the cookie. */
  async function browserSession(email: string): Promise<{ cookie: string; accessToken: string }> {
    const res = await request(api.app.getHttpServer())
      .post('/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email, password: FACTORY_PASSWORD }));
    expect(res.status).toBe(200);
    const header = res.headers['set-cookie'] as unknown as string[];
    const line = header.find((candidate) => candidate.startsWith(`${COOKIE}=`));
    const cookie = line!.split(';')[0].slice(COOKIE.length + 1);
    expect(cookie.length).toBeGreaterThan(20);
    return { cookie, accessToken: (res.body as { accessToken: string }).accessToken };
  }

  /** Polls until the controller's count of open streams is `count` (the server hears a client leave a bit later). */
  async function expectOpenStreams(count: number): Promise<void> {
    for (let waited = 0; controller.openStreams !== count && waited < 2_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(controller.openStreams).toBe(count);
  }

  function expectErrorAnswer(stream: Stream, status: number, code: string): void {
    expect(stream.status).toBe(status);
    expect(stream.headers['content-type']).toMatch(/^application\/json/);
    expect(stream.headers['access-control-allow-origin']).toBeUndefined();
    const body = JSON.parse(stream.text()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toEqual(expect.any(String));
  }

  it('should refuse a browser without a session cookie, or with a cookie that names no session, with 401', async () => {
    const before = controller.openStreams;
    for (const cookie of [undefined, '', 'not-a-refresh-token']) {
      const stream = await openStream({ cookie });
      await stream.ended;
      expectErrorAnswer(stream, 401, 'UNAUTHENTICATED');
      expect(stream.headers['set-cookie']).toBeUndefined();
    }
    expect(controller.openStreams).toBe(before);
  });

  it('should stream to a signed-in browser: event-stream, no-store, unbuffered, a retry hint, no CORS, no data', async () => {
    const member = await createMember(api.dataSource);
    const { cookie } = await browserSession(member.email);
    for (const origin of [undefined, ALLOWED_ORIGIN]) {
      const stream = await openStream({ cookie, origin });
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers['cache-control']).toBe('no-store');
      expect(stream.headers['x-accel-buffering']).toBe('no');
      expect(stream.headers['access-control-allow-origin']).toBeUndefined();
      expect(stream.headers['access-control-allow-credentials']).toBeUndefined();
      expect(stream.headers['set-cookie']).toBeUndefined(); // looked up, never rotated
      for (let waited = 0; stream.retry() === undefined && waited < 1_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(stream.retry()).toBe(SESSION_EVENTS_RETRY_MS);
      expect(stream.events()).toEqual([]);
      expect(stream.text()).not.toContain(member.id);
      expect(stream.text()).not.toContain(member.email);
    }
  });

  it('should refuse a foreign Origin with 403 and open nothing', async () => {
    const member = await createMember(api.dataSource);
    const { cookie } = await browserSession(member.email);
    const before = controller.openStreams;
    const stream = await openStream({ cookie, origin: 'https://evil.example' });
    await stream.ended;
    expectErrorAnswer(stream, 403, 'FORBIDDEN');
    expect(controller.openStreams).toBe(before);
  });

  it('should tell every stream of a member suspended by a coordinator within a second, then close them', async () => {
    const coordinator = await createActor(api, 'coordinatorInScope');
    const { member } = await createPractitioner(api.dataSource, { profile: { country: 'UZ' } });
    const office = await browserSession(member.email);
    const laptop = await browserSession(member.email);
    const streams = await Promise.all([
      openStream({ cookie: office.cookie }),
      openStream({ cookie: office.cookie }), // a second tab of the same browser
      openStream({ cookie: laptop.cookie }),
    ]);
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200]);
    const bystander = await createMember(api.dataSource);
    const theirs = await openStream({ cookie: (await browserSession(bystander.email)).cookie });

    const suspended = await api.graphql(
      SUSPEND,
      { input: { memberId: member.id, reason: 'Left the service' } },
      coordinator.token,
    );
    const answeredAt = Date.now();
    expect(suspended.body).toEqual({ data: { suspendMember: { status: 'SUSPENDED' } } });

    for (const stream of streams) {
      const events = await stream.endedWithin(1_000);
      expect(events).toEqual([{ event: 'session-ended', data: JSON.stringify(ENDED) }]);
    }
    expect(Date.now() - answeredAt).toBeLessThan(1_000);
    // Another member's stream hears nothing and stays open.
    expect(theirs.events()).toEqual([]);
    await expectOpenStreams(1);

    // Reconnecting (EventSource does it by itself) is refused: the session is over.
    const again = await openStream({ cookie: office.cookie });
    await again.ended;
    expectErrorAnswer(again, 401, 'UNAUTHENTICATED');
  });

  it('should end only the revoked session’s stream when a member revokes one of their sessions', async () => {
    const member = await createMember(api.dataSource);
    const kept = await browserSession(member.email);
    const revoked = await browserSession(member.email);
    const keptStream = await openStream({ cookie: kept.cookie });
    const revokedStream = await openStream({ cookie: revoked.cookie });

    const sessions = (await api.graphql('{ sessions { id current } }', {}, revoked.accessToken)).body.data
      .sessions as { id: string; current: boolean }[];
    const target = sessions.find((session) => session.current)!.id;
    const done = await api.graphql(
      'mutation($id: ID!) { revokeSession(id: $id) }',
      { id: target },
      kept.accessToken,
    );
    expect(done.body.errors).toBeUndefined();
    const answeredAt = Date.now();

    expect(await revokedStream.endedWithin(1_000)).toEqual([
      { event: 'session-ended', data: JSON.stringify(ENDED) },
    ]);
    expect(Date.now() - answeredAt).toBeLessThan(1_000);
    expect(keptStream.events()).toEqual([]);

    // The kept one is live: signing that browser out ends it too.
    const signOut = await request(api.app.getHttpServer())
      .post('/auth/sign-out')
      .set('Content-Type', 'application/json')
      .set('Cookie', `${COOKIE}=${kept.cookie}`)
      .send('{}');
    expect(signOut.status).toBe(200);
    expect(await keptStream.endedWithin(1_000)).toEqual([
      { event: 'session-ended', data: JSON.stringify(ENDED) },
    ]);
  });

  it(`should hold at most ${MAX_STREAMS_PER_SESSION} streams per session and refuse more with 429`, async () => {
    const member = await createMember(api.dataSource);
    const { cookie } = await browserSession(member.email);
    const before = controller.openStreams;
    const streams = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_SESSION }, () => openStream({ cookie })),
    );
    expect(streams.every((stream) => stream.status === 200)).toBe(true);
    const refused = await openStream({ cookie });
    await refused.ended;
    expectErrorAnswer(refused, 429, 'RATE_LIMITED');
    // Another session of the same member has its own allowance.
    const other = await openStream({ cookie: (await browserSession(member.email)).cookie });
    expect(other.status).toBe(200);
    await expectOpenStreams(before + MAX_STREAMS_PER_SESSION + 1);
    // A tab closed frees its place.
    streams[0].close();
    await expectOpenStreams(before + MAX_STREAMS_PER_SESSION);
    expect((await openStream({ cookie })).status).toBe(200);
  });

  it('should leave no listener, stream or timer behind when browsers open and close many streams', async () => {
    const events = api.app.get(IdentityEvents);
    const listeners = events.sessionsRevokedListenerCount();
    const streamsBefore = 0;
    expect(controller.openStreams).toBe(streamsBefore);
    const members = await Promise.all([0, 1, 2].map(() => createMember(api.dataSource)));
    const cookies = await Promise.all(
      members.map(async (member) => (await browserSession(member.email)).cookie),
    );
    for (let round = 0; round < 5; round += 1) {
      const streams = await Promise.all(
        cookies.flatMap((cookie) => [openStream({ cookie }), openStream({ cookie })]),
      );
      expect(streams.every((stream) => stream.status === 200)).toBe(true);
      await expectOpenStreams(streamsBefore + streams.length);
      expect(events.sessionsRevokedListenerCount()).toBe(listeners);
      streams.forEach((stream) => stream.close());
      await expectOpenStreams(streamsBefore);
    }
    expect(events.sessionsRevokedListenerCount()).toBe(listeners);
  });

  it('should end open streams without a session-ended event when the app shuts down, and not hold it open', async () => {
    const own = await createTestApp();
    let closed = false;
    try {
      const member = await createMember(own.dataSource);
      const res = await request(own.app.getHttpServer())
        .post('/auth/sign-in')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: member.email, password: FACTORY_PASSWORD }));
      const cookie = (res.headers['set-cookie'] as unknown as string[])[0]
        .split(';')[0]
        .slice(COOKIE.length + 1);
      const stream = await openStream({ cookie, url: own.url });
      expect(stream.status).toBe(200);
      const startedAt = Date.now();
      await own.close();
      closed = true;
      expect(await stream.endedWithin(1_000)).toEqual([]);
      // Well within Apollo's 10-second drain, which an open stream would otherwise use up.
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    } finally {
      if (!closed) {
        await own.close();
      }
    }
  });
});
