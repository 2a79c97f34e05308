import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { AccessTokenService, AuthService, MemberRole, MembershipService, SessionEntity } from '@app/identity';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import { openSession } from '../utils/sessions';

interface ConnectError extends Error {
  data?: { code: string; message: string };
}

function connect(api: TestApp, options: Parameters<typeof io>[1] = {}): Socket {
  return io(api.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, ...options });
}

/** How the handshake of `socket` ended; a socket that connected before anyone asked counts as connected. */
function outcome(socket: Socket): Promise<{ connected: true } | { connected: false; error: ConnectError }> {
  return new Promise((resolve) => {
    if (socket.connected) {
      resolve({ connected: true });
      return;
    }
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

  /** A signed-in member's access token. */
  async function token(): Promise<{
    accessToken: string;
    sessionId: string;
    memberId: string;
    deviceId: string;
  }> {
    const member = await createMember(api.dataSource);
    const device = await createDevice(api.dataSource, member.id);
    return {
      ...(await openSession(api.dataSource, member, api.config.auth)),
      memberId: member.id,
      deviceId: device.id,
    };
  }

  it('should accept a valid access token from handshake.auth and answer session:ping', async () => {
    const { accessToken, memberId, deviceId } = await token();
    const socket = open({ auth: { token: accessToken, deviceId } });
    expect(await outcome(socket)).toEqual({ connected: true });
    const ack = await socket.timeout(2000).emitWithAck('session:ping', {});
    expect(ack).toMatchObject({ ok: true, memberId });
    expect(new Date(ack.serverTime).getTime()).not.toBeNaN();
  });

  it('should know its device by an id in capitals too, on every database (SQLite compared it as given)', async () => {
    const { accessToken, memberId, deviceId } = await token();
    const socket = open({ auth: { token: accessToken, deviceId: deviceId.toUpperCase() } });
    expect(await outcome(socket)).toEqual({ connected: true });
    const ack = await socket.timeout(2000).emitWithAck('session:ping', {});
    expect(ack).toMatchObject({ ok: true, memberId });
  });

  it.each(['no token', 'a token signed with another key', 'an expired token', 'a revoked session'])(
    'should refuse a handshake with %s as UNAUTHENTICATED',
    async (variant) => {
      const { accessToken, sessionId, memberId } = await token();
      const claims = { sub: memberId, sid: sessionId, role: MemberRole.MEMBER };
      const auth: Record<string, string> = {};
      if (variant === 'a token signed with another key') {
        const foreign = {
          ...api.config.auth,
          jwtKeys: [{ id: 'k1', secret: 'another-secret-of-sufficient-length' }],
        };
        auth.token = new AccessTokenService(foreign).sign(claims).token;
      } else if (variant === 'an expired token') {
        auth.token = new AccessTokenService({ ...api.config.auth, accessTokenTtlSeconds: -10 }).sign(
          claims,
        ).token;
      } else if (variant === 'a revoked session') {
        await api.dataSource
          .getRepository(SessionEntity)
          .update({ id: sessionId }, { revokedAt: new Date() });
        auth.token = accessToken;
      }
      const result = await outcome(open({ auth }));
      expect(result.connected).toBe(false);
      if (!result.connected) {
        expect(result.error.message).toBe('UNAUTHENTICATED');
        expect(result.error.data).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    },
  );

  it('should drop a member’s sockets the moment their session is revoked', async () => {
    const { accessToken, sessionId, memberId, deviceId } = await token();
    const socket = open({ auth: { token: accessToken, deviceId } });
    expect(await outcome(socket)).toEqual({ connected: true });
    const notice = new Promise((resolve) => socket.once('session:revoked', resolve));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const actor = await api.app.get(AuthService).authenticate(accessToken);
    expect(actor.memberId).toBe(memberId);
    await api.app.get(AuthService).revokeSession(actor, sessionId);
    expect(await notice).toMatchObject({ reason: expect.any(String) });
    expect(await closed).toBe('io server disconnect');
  });

  it('should drop every socket of a member the moment they are suspended', async () => {
    const { accessToken, memberId, deviceId } = await token();
    const sockets = [
      open({ auth: { token: accessToken, deviceId } }),
      open({ auth: { token: accessToken, deviceId } }),
    ];
    for (const socket of sockets) {
      expect(await outcome(socket)).toEqual({ connected: true });
    }
    const closed = sockets.map(
      (socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve)),
    );
    const admin = await createMember(api.dataSource, { role: MemberRole.ADMIN });
    const adminActor = await api.app
      .get(AuthService)
      .authenticate((await openSession(api.dataSource, admin, api.config.auth)).accessToken);
    await api.app.get(MembershipService).suspend(adminActor, { memberId, reason: 'Under investigation' });
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    const again = await outcome(open({ auth: { token: accessToken, deviceId } }));
    expect(again.connected).toBe(false);
  });

  it('should refuse a token in the query string', async () => {
    const { accessToken, deviceId } = await token();
    const response = await request(api.app.getHttpServer())
      .get('/socket.io/')
      .query({ EIO: '4', transport: 'polling', token: accessToken });
    expect(response.status).toBe(403);
    expect(response.text).toContain('TOKEN_IN_QUERY');

    const result = await outcome(
      open({ auth: { token: accessToken, deviceId }, query: { token: accessToken } }),
    );
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

    const { accessToken, deviceId } = await token();
    const result = await outcome(
      open({ auth: { token: accessToken, deviceId }, extraHeaders: { origin: 'https://evil.example' } }),
    );
    expect(result.connected).toBe(false);
  });

  it('should drop a socket that sends more than the buffer limit', async () => {
    const { accessToken, deviceId } = await token();
    const socket = open({ auth: { token: accessToken, deviceId } });
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
