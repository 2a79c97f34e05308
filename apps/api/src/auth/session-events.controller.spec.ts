import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { DomainException, ErrorCode } from '@app/common';
import type { ChatConfig } from '@app/config';
import { IdentityEvents, type AuthService } from '@app/identity';
import {
  SESSION_EVENTS_HEARTBEAT_MS,
  SESSION_EVENTS_RETRY_MS,
  SessionEventsController,
} from './session-events.controller';

const owner = {
  memberId: '11111111-2222-4333-8444-555555555555',
  sessionId: '66666666-7777-4888-8999-aaaaaaaaaaaa',
};

/** The parts of an Express response the stream uses, recording what is written. */
class FakeResponse extends EventEmitter {
  statusCode = 0;
  readonly headers: Record<string, string> = {};
  readonly chunks: string[] = [];
  writableEnded = false;
  writableFinished = false;
  destroyed = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  flushHeaders(): void {}

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  end(): void {
    this.writableEnded = true;
    this.writableFinished = true;
    this.emit('finish');
    this.emit('close');
  }

  /** The browser goes away. */
  leave(): void {
    this.destroyed = true;
    this.emit('close');
  }

  get text(): string {
    return this.chunks.join('');
  }
}

/** Every controller made, shut down after each test so no heartbeat timer outlives it. */
const controllers: SessionEventsController[] = [];

function setup() {
  const lookup = jest.fn<
    ReturnType<AuthService['sessionOfRefreshToken']>,
    Parameters<AuthService['sessionOfRefreshToken']>
  >();
  lookup.mockResolvedValue(owner);
  const events = new IdentityEvents();
  const controller = new SessionEventsController(
    { sessionOfRefreshToken: lookup } as unknown as AuthService,
    events,
    { allowedOrigins: ['http://localhost:3000'] } as ChatConfig,
  );
  controller.onModuleInit();
  controllers.push(controller);
  const request = (headers: Record<string, string> = { cookie: 'counterpart_refresh=token-1' }) =>
    ({ headers }) as unknown as Request;
  const open = async (res = new FakeResponse(), req = request()) => {
    await controller.open(req, res as unknown as Response);
    return res;
  };
  return { controller, events, lookup, open, request };
}

describe(SessionEventsController.name, () => {
  afterEach(async () => {
    jest.useRealTimers();
    await Promise.all(controllers.splice(0).map((controller) => controller.onModuleDestroy()));
  });

  it('should send a comment every 25 s while open, and stop when the browser leaves', async () => {
    jest.useFakeTimers();
    const { controller, open } = setup();
    const res = await open();
    expect(res.statusCode).toBe(200);
    expect(res.text).toBe(`retry: ${SESSION_EVENTS_RETRY_MS}\n\n`);

    jest.advanceTimersByTime(SESSION_EVENTS_HEARTBEAT_MS - 1);
    expect(res.chunks).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(res.chunks.at(-1)).toBe(': keep-alive\n\n');
    jest.advanceTimersByTime(SESSION_EVENTS_HEARTBEAT_MS);
    expect(res.chunks).toHaveLength(3);

    res.leave();
    expect(controller.openStreams).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('should refuse a session revoked while it was being looked up, instead of missing the event', async () => {
    const { controller, events, lookup, open } = setup();
    lookup.mockImplementationOnce(async () => {
      // The lookup read the session as open; the revocation commits and is announced before the stream is registered.
      await Promise.resolve();
      events.sessionsRevoked({ memberId: owner.memberId, reason: 'SUSPENDED' });
      return owner;
    });
    await expect(open()).rejects.toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
    expect(controller.openStreams).toBe(0);
  });

  it('should not be fooled by another member’s or another session’s revocation during the lookup', async () => {
    const { controller, events, lookup, open } = setup();
    lookup.mockImplementationOnce(async () => {
      await Promise.resolve();
      events.sessionsRevoked({ memberId: 'someone-else', reason: 'SUSPENDED' });
      events.sessionsRevoked({
        memberId: owner.memberId,
        sessionId: 'another-session',
        reason: 'SIGNED_OUT',
      });
      return owner;
    });
    const res = await open();
    expect(res.statusCode).toBe(200);
    expect(controller.openStreams).toBe(1);
  });

  it('should register nothing when the browser left while its session was being looked up', async () => {
    const { controller, lookup, open } = setup();
    const res = new FakeResponse();
    lookup.mockImplementationOnce(async () => {
      await Promise.resolve();
      res.leave();
      return owner;
    });
    await open(res);
    expect(res.statusCode).toBe(0);
    expect(controller.openStreams).toBe(0);
  });

  it('should end every stream without an event at shutdown, and open none after', async () => {
    const { controller, events, open } = setup();
    const streams = [await open(), await open()];
    await controller.onModuleDestroy();
    for (const res of streams) {
      expect(res.writableEnded).toBe(true);
      expect(res.text).not.toContain('session-ended');
    }
    expect(controller.openStreams).toBe(0);
    expect(events.sessionsRevokedListenerCount()).toBe(0);

    const late = await open();
    expect(late.writableEnded).toBe(true);
    expect(controller.openStreams).toBe(0);
  });

  it('should refuse a foreign origin before looking anything up', async () => {
    const { lookup, open, request } = setup();
    const refused = open(
      new FakeResponse(),
      request({ cookie: 'counterpart_refresh=token-1', origin: 'https://evil.example' }),
    );
    await expect(refused).rejects.toBeInstanceOf(DomainException);
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect(lookup).not.toHaveBeenCalled();
  });
});
