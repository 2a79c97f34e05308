import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { signAccessToken } from '../utils/tokens';

interface ConnectError extends Error {
  data?: { code: string; message: string };
}

function connect(api: TestApp, options: Parameters<typeof io>[1] = {}): Socket {
  return io(api.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, ...options });
}

function outcome(socket: Socket): Promise<{ connected: true } | { connected: false; error: ConnectError }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error: ConnectError) => resolve({ connected: false, error }));
  });
}

describe('chat gateway handshake (embedded in the API)', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const open = (options: Parameters<typeof io>[1] = {}) => {
    const socket = connect(api, options);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(() => api.close());

  it('should accept a valid access token from handshake.auth and answer session:ping', async () => {
    const memberId = '6f1c2a44-1b7e-4c1a-9a55-0d3c1e2f4a11';
    const socket = open({ auth: { token: signAccessToken(api.config.auth, { sub: memberId }) } });
    expect(await outcome(socket)).toEqual({ connected: true });
    const ack = await socket.timeout(2000).emitWithAck('session:ping', {});
    expect(ack).toMatchObject({ ok: true, memberId });
    expect(new Date(ack.serverTime).getTime()).not.toBeNaN();
  });

  it.each([
    ['no token', {}],
    ['a token signed with another key', { token: 'x' }],
    ['an expired token', { expired: true }],
  ])('should refuse a handshake with %s as UNAUTHENTICATED', async (_case, variant) => {
    let auth: Record<string, string> = {};
    if ('token' in variant) {
      auth = {
        token: signAccessToken(api.config.auth, { secret: 'another-secret-of-sufficient-length-000' }),
      };
    } else if ('expired' in variant) {
      auth = { token: signAccessToken(api.config.auth, { expiresInSeconds: -10 }) };
    }
    const result = await outcome(open({ auth }));
    expect(result.connected).toBe(false);
    if (!result.connected) {
      expect(result.error.message).toBe('UNAUTHENTICATED');
      expect(result.error.data).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('should refuse a token in the query string', async () => {
    const token = signAccessToken(api.config.auth);
    const response = await request(api.app.getHttpServer())
      .get('/socket.io/')
      .query({ EIO: '4', transport: 'polling', token });
    expect(response.status).toBe(403);
    expect(response.text).toContain('TOKEN_IN_QUERY');

    const result = await outcome(open({ auth: { token }, query: { token } }));
    expect(result.connected).toBe(false);
  });

  it('should check the Origin before the upgrade (CORS does not stop WebSockets)', async () => {
    const server = api.app.getHttpServer();
    const foreign = await request(server)
      .get('/socket.io/')
      .query({ EIO: '4', transport: 'polling' })
      .set('origin', 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain('ORIGIN_NOT_ALLOWED');

    const own = await request(server)
      .get('/socket.io/')
      .query({ EIO: '4', transport: 'polling' })
      .set('origin', 'http://localhost:3000');
    expect(own.status).toBe(200);

    const token = signAccessToken(api.config.auth);
    const result = await outcome(open({ auth: { token }, extraHeaders: { origin: 'https://evil.example' } }));
    expect(result.connected).toBe(false);
  });

  it('should drop a socket that sends more than the buffer limit', async () => {
    const socket = open({ auth: { token: signAccessToken(api.config.auth) } });
    expect(await outcome(socket)).toEqual({ connected: true });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('session:ping', { padding: 'x'.repeat(api.config.chat.maxHttpBufferSize + 1024) });
    expect(await closed).toMatch(/transport (close|error)/);
  });
});

describe('chat gateway with CHAT_EMBEDDED=false', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ env: { CHAT_EMBEDDED: 'false' } });
  });

  afterAll(() => api.close());

  it('should not mount Socket.IO in the API process', async () => {
    const response = await request(api.app.getHttpServer())
      .get('/socket.io/')
      .query({ EIO: '4', transport: 'polling' });
    expect(response.status).toBe(404);
  });
});
