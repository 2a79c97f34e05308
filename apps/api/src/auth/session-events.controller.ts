import {
  Controller,
  Get,
  Inject,
  Logger,
  Req,
  Res,
  UseFilters,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainException, ErrorCode } from '@app/common';
import { chatConfig, type ChatConfig } from '@app/config';
import { AuthService, IdentityEvents, type SessionsRevokedEvent } from '@app/identity';
import { HttpErrorFilter } from './http-error.filter';
import { readRefreshCookie } from './refresh-cookie';

/** A comment line this often keeps idle proxies (nginx: 60 s `proxy_read_timeout`) and load balancers from cutting the stream. */
export const SESSION_EVENTS_HEARTBEAT_MS = 25_000;
/** How long the browser waits before it reconnects a dropped stream (the `retry:` field). */
export const SESSION_EVENTS_RETRY_MS = 3_000;
/**
 * Streams one session may hold. The web client keeps one per browser (one tab holds it for all), so this only bounds
 * what a misbehaving client can tie up: connections, timers and memory on this node.
 */
export const MAX_STREAMS_PER_SESSION = 10;

/** The one event the stream carries: the end of the caller's own session. Same words as the socket's notice. */
export const SESSION_ENDED = {
  code: ErrorCode.UNAUTHENTICATED,
  message: 'Your session has ended.',
} as const;

/** At most this long at shutdown for the streams' last bytes to leave. */
const SHUTDOWN_FLUSH_MS = 1_000;

const ENDED_ALREADY = 'This session has ended. Sign in again.';

interface SessionStream {
  memberId: string;
  sessionId: string;
  heartbeat: ReturnType<typeof setInterval>;
  /** Ends the response, with the session-ended event first when `ended`; idempotent. Resolves once it is sent. */
  close(ended: boolean): Promise<void>;
}

function endsStream(event: SessionsRevokedEvent, owner: { memberId: string; sessionId: string }): boolean {
  return event.memberId === owner.memberId && (!event.sessionId || event.sessionId === owner.sessionId);
}

/**
 * `GET /auth/session-events`: a Server-Sent Events stream that tells a signed-in browser, at once, that its session
 * ended — suspended, revoked, reset, signed out elsewhere or signed out everywhere — so a tab that never opened the
 * chat signs out too, instead of finding out at its next request.
 *
 * EventSource sends no Authorization header, so the stream is the session of the HttpOnly refresh cookie
 * (SameSite=Strict, Path=/auth: a same-origin EventSource sends it, no other site can). The token is only looked up,
 * never rotated, so the stream does not race the tabs' refreshes; an invalid, expired or revoked cookie is 401 in the
 * house error shape (the cookie is left alone: the client's next refresh clears it, and a late 401 clearing it could
 * otherwise undo a rotation that crossed it).
 *
 * CSRF: BrowserRequestGuard's Content-Type rule cannot apply (an EventSource GET sets no headers) and is not needed: the
 * route changes nothing and tells only the end of one's own session. Its Origin rule does apply — a browser's Origin,
 * when sent (cross-origin with credentials), must be one of the server's own or CHAT_ALLOWED_ORIGINS, else 403 — and no
 * CORS header is ever sent, so no other origin can read the stream.
 *
 * One IdentityEvents subscription serves every stream of this process; with REDIS_URL the ClusterBridge (imported by
 * the API) replays revocations decided on other nodes onto it, so a stream on any node hears them.
 */
@Controller('auth')
@UseFilters(HttpErrorFilter)
export class SessionEventsController implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionEventsController.name);
  private readonly allowedOrigins: ReadonlySet<string>;
  /** Open streams by member. */
  private readonly streams = new Map<string, Set<SessionStream>>();
  /** Revocations heard while a stream's session is being looked up (so one decided meanwhile is not missed). */
  private readonly opening = new Set<SessionsRevokedEvent[]>();
  private unsubscribe?: () => void;
  private closing = false;

  constructor(
    private readonly auth: AuthService,
    private readonly events: IdentityEvents,
    @Inject(chatConfig.KEY) chat: ChatConfig,
  ) {
    this.allowedOrigins = new Set(chat.allowedOrigins);
  }

  onModuleInit(): void {
    this.unsubscribe = this.events.onSessionsRevoked((event) => this.revoked(event));
  }

  /**
   * First thing at shutdown: every stream ends (without the session-ended event: the session lives on), so the
   * browsers reconnect, after the retry delay, to a node that is up. It must come before GraphQLModule's own
   * onModuleDestroy (Nest runs this module's hooks first: it imports that one), whose Apollo drain closes the HTTP server
   * and waits up to 10 s for open responses — an open stream would hold every shutdown for that long.
   */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.unsubscribe?.();
    const ends = [...this.streams.values()].flatMap((streams) =>
      [...streams].map((stream) => stream.close(false)),
    );
    // Sent before the adapter destroys the open connections, but a stuck client never delays the shutdown for long.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(ends),
      new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_FLUSH_MS))),
    ]);
    clearTimeout(timer);
  }

  /** Streams open on this node (for tests and diagnostics). */
  get openStreams(): number {
    let count = 0;
    this.streams.forEach((streams) => (count += streams.size));
    return count;
  }

  @Get('session-events')
  async open(@Req() req: Request, @Res() res: Response): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      throw DomainException.forbidden('Requests from this origin are not allowed.');
    }
    const token = readRefreshCookie(req);
    if (!token) {
      throw DomainException.unauthenticated('No session in this browser. Sign in again.');
    }
    let gone = false;
    res.once('close', () => (gone = true));
    const missed: SessionsRevokedEvent[] = [];
    this.opening.add(missed);
    let owner: { memberId: string; sessionId: string } | null;
    try {
      owner = await this.auth.sessionOfRefreshToken(token);
    } finally {
      this.opening.delete(missed);
    }
    const live = owner;
    if (!live || missed.some((event) => endsStream(event, live))) {
      throw DomainException.unauthenticated(ENDED_ALREADY);
    }
    if (gone) {
      return;
    }
    const ofSession = [...(this.streams.get(live.memberId) ?? [])].filter(
      (stream) => stream.sessionId === live.sessionId,
    );
    if (ofSession.length >= MAX_STREAMS_PER_SESSION) {
      throw new DomainException(
        ErrorCode.RATE_LIMITED,
        `At most ${MAX_STREAMS_PER_SESSION} session streams may be open at once.`,
      );
    }
    this.stream(res, live);
  }

  private stream(res: Response, owner: { memberId: string; sessionId: string }): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    // nginx buffers proxied answers unless told not to: the event would wait for the buffer to fill.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: ${SESSION_EVENTS_RETRY_MS}\n\n`);

    const stream: SessionStream = {
      ...owner,
      heartbeat: setInterval(() => res.write(': keep-alive\n\n'), SESSION_EVENTS_HEARTBEAT_MS),
      close: (ended) => {
        this.forget(stream);
        if (res.writableFinished || res.destroyed) {
          return Promise.resolve();
        }
        const sent = new Promise<void>((resolve) => {
          res.once('finish', resolve);
          res.once('close', resolve);
        });
        if (!res.writableEnded) {
          if (ended) {
            res.write(`event: session-ended\ndata: ${JSON.stringify(SESSION_ENDED)}\n\n`);
          }
          res.end();
        }
        return sent;
      },
    };
    // However it ends (revocation, shutdown, the browser leaving), the stream leaves the registry with its timer.
    res.once('close', () => this.forget(stream));
    const ofMember = this.streams.get(owner.memberId) ?? new Set<SessionStream>();
    ofMember.add(stream);
    this.streams.set(owner.memberId, ofMember);
    if (this.closing) {
      void stream.close(false);
    }
  }

  private forget(stream: SessionStream): void {
    clearInterval(stream.heartbeat);
    const ofMember = this.streams.get(stream.memberId);
    if (ofMember?.delete(stream) && ofMember.size === 0) {
      this.streams.delete(stream.memberId);
    }
  }

  private revoked(event: SessionsRevokedEvent): void {
    this.opening.forEach((missed) => missed.push(event));
    const ended = [...(this.streams.get(event.memberId) ?? [])].filter((stream) => endsStream(event, stream));
    if (ended.length > 0) {
      this.logger.log(`Session ended (${event.reason}): closing ${ended.length} session stream(s)`);
    }
    ended.forEach((stream) => void stream.close(true));
  }
}
