import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { ExtendedError, Server, Socket } from 'socket.io';
import { DomainException, ErrorCode } from '@app/common';
import { AuthService, IdentityEvents } from '@app/identity';
import {
  memberRoom,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
  type SocketPrincipal,
} from './realtime.events';

export type ChatServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type ChatSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * The Socket.IO gateway shared by the API (embedded) and the standalone chat node. The handshake middleware
 * authenticates every socket before it connects; a connected socket joins its member room.
 */
@WebSocketGateway()
export class ChatGateway
  implements OnGatewayInit<ChatServer>, OnGatewayConnection<ChatSocket>, OnModuleDestroy
{
  private readonly logger = new Logger(ChatGateway.name);
  private unsubscribe?: () => void;

  @WebSocketServer()
  server: ChatServer;

  constructor(
    private readonly auth: AuthService,
    private readonly events: IdentityEvents,
  ) {}

  afterInit(server: ChatServer): void {
    server.use((socket, next) => {
      this.authenticate(socket.handshake.auth)
        .then((principal) => {
          socket.data.principal = principal;
          next();
        })
        .catch((error: unknown) => next(handshakeError(error)));
    });
    // Suspension, revocation, reset or sign-out: the member's sockets (of that session) drop at once.
    this.unsubscribe = this.events.onSessionsRevoked(({ memberId, sessionId }) => {
      for (const socket of server.of('/').sockets.values()) {
        const principal = socket.data.principal;
        if (principal?.memberId === memberId && (!sessionId || principal.sessionId === sessionId)) {
          socket.emit('session:revoked', { reason: 'Your session has ended.' });
          socket.disconnect(true);
        }
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    await socket.join(memberRoom(socket.data.principal.memberId));
    this.logger.debug(`socket connected for member ${socket.data.principal.memberId}`);
  }

  /** The access token from `handshake.auth.token` only; a token anywhere else is never read. */
  private async authenticate(auth: Record<string, unknown> | undefined): Promise<SocketPrincipal> {
    const token = auth?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw DomainException.unauthenticated('Send an access token in handshake.auth.token.');
    }
    const actor = await this.auth.authenticate(token);
    return { memberId: actor.memberId, sessionId: actor.sessionId, role: actor.role };
  }

  /** A round trip that proves the session is live (clients use it to measure latency). */
  @SubscribeMessage('session:ping')
  ping(@ConnectedSocket() socket: ChatSocket): Ack<{ memberId: string; serverTime: string }> {
    return { ok: true, memberId: socket.data.principal.memberId, serverTime: new Date().toISOString() };
  }
}

/** The handshake error a client sees in `connect_error`: `err.message` is the code, `err.data` the payload. */
function handshakeError(error: unknown): ExtendedError {
  const payload =
    error instanceof DomainException
      ? error.toPayload()
      : { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The handshake failed.' };
  return Object.assign(new Error(payload.code), { data: payload });
}
