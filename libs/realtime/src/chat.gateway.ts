import { Logger } from '@nestjs/common';
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
import {
  memberRoom,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from './realtime.events';
import { SocketAuthService } from './socket-auth.service';

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
export class ChatGateway implements OnGatewayInit<ChatServer>, OnGatewayConnection<ChatSocket> {
  private readonly logger = new Logger(ChatGateway.name);

  @WebSocketServer()
  server: ChatServer;

  constructor(private readonly auth: SocketAuthService) {}

  afterInit(server: ChatServer): void {
    server.use((socket, next) => {
      this.auth
        .authenticate(socket.handshake.auth)
        .then((principal) => {
          socket.data.principal = principal;
          next();
        })
        .catch((error: unknown) => next(handshakeError(error)));
    });
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    await socket.join(memberRoom(socket.data.principal.memberId));
    this.logger.debug(`socket connected for member ${socket.data.principal.memberId}`);
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
