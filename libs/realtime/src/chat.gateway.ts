import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { ExtendedError, Server, Socket } from 'socket.io';
import { DomainException, ErrorCode } from '@app/common';
import type {
  ChatRequest,
  ClientToServerEvents,
  HandshakeAuth,
  RequestAck,
  RequestResult,
  ServerToClientEvents,
} from '@app/common/chat-protocol';
import { chatConfig, type ChatConfig } from '@app/config';
import { AuthService, IdentityEvents, isActiveMember } from '@app/identity';
import {
  ConversationService,
  DeviceService,
  KeyDirectoryService,
  MessageService,
  MessagingEvents,
} from '@app/messaging';
import { MessageReadDto, MessageSendDto, TypingDto, validKeys, validPayload, validSync } from './chat.dtos';
import { memberRoom, type SocketData, type SocketPrincipal } from './realtime.events';
import { PresenceService } from './cluster/presence.service';
import { ChatMetrics } from './metrics/chat-metrics';
import { SocketLimits } from './socket-limits';

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

const DEFAULT_SYNC_LIMIT = 100;

/**
 * The Socket.IO gateway shared by the API (embedded) and the standalone chat node. The handshake middleware
 * authenticates every socket (token and device) before it connects; a connected socket joins its member room, where
 * all member-addressed traffic goes. Every event is validated (once, by its DTO: ids come out normalized) and
 * authorized, and answers with the ack its entry in `@app/common/chat-protocol` names.
 */
@WebSocketGateway()
export class ChatGateway
  implements
    OnGatewayInit<ChatServer>,
    OnGatewayConnection<ChatSocket>,
    OnGatewayDisconnect<ChatSocket>,
    OnModuleDestroy
{
  private readonly logger = new Logger(ChatGateway.name);
  private readonly subscriptions: (() => void)[] = [];
  private readonly limits: SocketLimits;

  @WebSocketServer()
  server: ChatServer;

  constructor(
    private readonly auth: AuthService,
    private readonly identityEvents: IdentityEvents,
    private readonly devices: DeviceService,
    private readonly messages: MessageService,
    private readonly messagingEvents: MessagingEvents,
    private readonly metrics: ChatMetrics,
    private readonly presence: PresenceService,
    private readonly conversations: ConversationService,
    private readonly keyDirectory: KeyDirectoryService,
    @Inject(chatConfig.KEY) chat: ChatConfig,
  ) {
    this.limits = new SocketLimits(chat);
  }

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
    this.subscriptions.push(
      this.identityEvents.onSessionsRevoked(({ memberId, sessionId }) =>
        this.disconnect(
          (principal) => principal.memberId === memberId && (!sessionId || principal.sessionId === sessionId),
          'Your session has ended.',
        ),
      ),
      this.messagingEvents.onDeviceRevoked(({ deviceId }) =>
        this.disconnect((principal) => principal.deviceId === deviceId, 'This device has been revoked.'),
      ),
      // Every process hears every event (in process, or over Redis from the others): each serves its own sockets.
      this.messagingEvents.onConversationUpdated(({ conversationId, memberIds, change }) => {
        this.server.local
          .to(memberIds.map(memberRoom))
          .emit('conversation:updated', { conversationId, change });
      }),
      // A key change reaches the member's partners and their own other devices (safety numbers, wraps).
      this.messagingEvents.onDevicesChanged(({ memberId, change }) => {
        void this.conversations
          .partnersOf(memberId)
          .then((partners) =>
            this.server.local
              .to([memberId, ...partners].map(memberRoom))
              .emit('keys:changed', { memberId, change }),
          )
          .catch((error: unknown) =>
            this.logger.warn(
              `Key-change notice failed: ${error instanceof Error ? error.message : 'unknown error'}`,
            ),
          );
      }),
    );
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((unsubscribe) => unsubscribe());
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    this.metrics.sockets.inc();
    const { memberId } = socket.data.principal;
    await socket.join(memberRoom(memberId));
    await this.announce(memberId, () => this.presence.connected(memberId));
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    this.metrics.sockets.dec();
    this.limits.forget(socket.id);
    const memberId = socket.data.principal?.memberId;
    if (memberId) {
      await this.announce(memberId, () => this.presence.disconnected(memberId));
    }
  }

  /** Tells the member's conversation partners (on every node) when the member comes online or goes offline. */
  private async announce(memberId: string, transition: () => Promise<boolean>): Promise<void> {
    try {
      if (!(await transition())) {
        return;
      }
      const [[state], partners] = await Promise.all([
        this.presence.presenceOf([memberId]),
        this.conversations.partnersOf(memberId),
      ]);
      if (partners.length > 0) {
        this.toMembers(partners).emit('presence', state);
      }
    } catch (error) {
      this.logger.warn(`Presence update failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  /** A round trip that proves the session is live (clients use it to measure latency). */
  @SubscribeMessage('session:ping')
  ping(@ConnectedSocket() socket: ChatSocket): RequestAck<'session:ping'> {
    return { ok: true, memberId: socket.data.principal.memberId, serverTime: new Date().toISOString() };
  }

  /** Store (gap-free seq, durable commit), then ack, then deliver to every current participant's sockets. */
  @SubscribeMessage('message:send')
  send(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() payload: unknown,
  ): Promise<RequestAck<'message:send'>> {
    const acked = this.metrics.ackLatency.startTimer();
    const answered = this.answer(socket, 'message:send', async (principal) => {
      this.limits.send(socket.id);
      const input = validPayload(MessageSendDto, payload);
      const result = await this.messages.send(principal, input);
      this.metrics.messages.inc({ outcome: result.created ? 'stored' : 'duplicate' });
      if (result.created) {
        this.toMembers(result.recipients).emit('message:new', result.message);
      }
      return { messageId: result.message.messageId, seq: result.message.seq, sentAt: result.message.sentAt };
    });
    return answered.finally(() => acked());
  }

  @SubscribeMessage('sync')
  sync(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<RequestAck<'sync'>> {
    return this.answer(socket, 'sync', async (principal) => {
      const { since, limit = DEFAULT_SYNC_LIMIT } = validSync(payload);
      const result = await this.messages.sync(principal.memberId, since, limit);
      return { messages: result.messages, hasMore: result.hasMore };
    });
  }

  @SubscribeMessage('message:read')
  read(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() payload: unknown,
  ): Promise<RequestAck<'message:read'>> {
    return this.answer(socket, 'message:read', async (principal) => {
      const input = validPayload(MessageReadDto, payload);
      const result = await this.messages.markRead(principal.memberId, input);
      if (result.changed) {
        this.toMembers(result.recipients).emit('receipt', {
          conversationId: input.conversationId,
          memberId: principal.memberId,
          readSeq: result.readSeq,
        });
      }
      return { readSeq: result.readSeq };
    });
  }

  /** Ephemeral: never stored; passed on at most once per CHAT_TYPING_INTERVAL_MS per conversation and socket. */
  @SubscribeMessage('typing')
  typing(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() payload: unknown,
  ): Promise<RequestAck<'typing'>> {
    return this.answer(socket, 'typing', async (principal) => {
      const input = validPayload(TypingDto, payload);
      const others = await this.messages.othersIn(principal.memberId, input.conversationId);
      if (this.limits.typing(socket.id, input.conversationId, input.typing)) {
        this.toMembers(others).emit('typing', {
          conversationId: input.conversationId,
          memberId: principal.memberId,
          typing: input.typing,
        });
      }
      return {};
    });
  }

  /** Public device keys to seal for (`current`) and to verify senders with; partners' and own only. */
  @SubscribeMessage('keys')
  keys(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<RequestAck<'keys'>> {
    return this.answer(socket, 'keys', async (principal) => {
      const input = validKeys(payload);
      const devices =
        input.conversationId !== undefined
          ? await this.keyDirectory.forConversation(principal.memberId, input.conversationId)
          : await this.keyDirectory.forMembers(principal.memberId, input.memberIds);
      return { devices };
    });
  }

  /** Runs a handler and turns every outcome into an ack; unexpected errors are logged, never sent. */
  private async answer<E extends ChatRequest>(
    socket: ChatSocket,
    event: E,
    work: (principal: SocketPrincipal) => Promise<RequestResult<E>>,
  ): Promise<RequestAck<E>> {
    try {
      this.limits.event(socket.id);
      return { ok: true, ...(await work(socket.data.principal)) };
    } catch (error) {
      if (event === 'message:send') {
        this.metrics.messages.inc({ outcome: 'refused' });
      }
      if (error instanceof DomainException) {
        this.metrics.errors.inc({ event, code: error.code });
        return { ok: false, error: error.toPayload() };
      }
      this.metrics.errors.inc({ event, code: ErrorCode.INTERNAL_SERVER_ERROR });
      this.logger.error(`${event} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      return {
        ok: false,
        error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong.' },
      };
    }
  }

  private toMembers(memberIds: string[]) {
    return this.server.to(memberIds.map(memberRoom));
  }

  private disconnect(matches: (principal: SocketPrincipal) => boolean, reason: string): void {
    for (const socket of this.server.of('/').sockets.values()) {
      const principal = socket.data.principal;
      if (principal && matches(principal)) {
        socket.emit('session:revoked', { reason });
        socket.disconnect(true);
      }
    }
  }

  /** The access token from `handshake.auth.token` only (never the query string), and the caller's own device. */
  private async authenticate(
    auth: Partial<Record<keyof HandshakeAuth, unknown>> | undefined,
  ): Promise<SocketPrincipal> {
    const token = auth?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw DomainException.unauthenticated('Send an access token in handshake.auth.token.');
    }
    const actor = await this.auth.authenticate(token);
    if (!isActiveMember(actor)) {
      throw DomainException.forbidden('Only vetted members can use the chat.');
    }
    const device = await this.devices.requireUsable(actor.memberId, auth?.deviceId);
    return { memberId: actor.memberId, sessionId: actor.sessionId, role: actor.role, deviceId: device.id };
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
