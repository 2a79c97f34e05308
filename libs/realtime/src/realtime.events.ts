import type { Ack, ChatMessage, DeviceKeys, KeysChanged, SendAck } from '@app/common/chat-protocol';

export type { Ack } from '@app/common/chat-protocol';

/** A stored message as every client receives it (`message:new`, `sync`). */
export type MessageNew = ChatMessage;

export interface MessageSendPayload {
  conversationId: string;
  clientMessageId: string;
  envelope: Record<string, unknown>;
}

export interface SyncPayload {
  /** Last seq the client has, per conversation; conversations absent here start at 0. */
  since: Record<string, number>;
  limit?: number;
}

/** Events a client may emit, with the acknowledgement each one gets. */
export interface ClientToServerEvents {
  'session:ping': (
    payload: unknown,
    ack: (response: Ack<{ memberId: string; serverTime: string }>) => void,
  ) => void;
  'message:send': (payload: MessageSendPayload, ack: (response: Ack<SendAck>) => void) => void;
  sync: (
    payload: SyncPayload,
    ack: (response: Ack<{ messages: MessageNew[]; hasMore: boolean }>) => void,
  ) => void;
  'message:read': (
    payload: { conversationId: string; seq: number },
    ack: (response: Ack<{ readSeq: number }>) => void,
  ) => void;
  typing: (payload: { conversationId: string; typing: boolean }, ack: (response: Ack) => void) => void;
  keys: (
    payload: { conversationId?: string; memberIds?: string[] },
    ack: (response: Ack<{ devices: DeviceKeys[] }>) => void,
  ) => void;
}

/** Events the server emits to a client. */
export interface ServerToClientEvents {
  'session:revoked': (payload: { reason: string }) => void;
  'message:new': (payload: MessageNew) => void;
  receipt: (payload: { conversationId: string; memberId: string; readSeq: number }) => void;
  typing: (payload: { conversationId: string; memberId: string; typing: boolean }) => void;
  'conversation:updated': (payload: { conversationId: string; change: string }) => void;
  presence: (payload: { memberId: string; online: boolean; lastSeenAt: string | null }) => void;
  'keys:changed': (payload: KeysChanged) => void;
}

/** Who a socket belongs to, set by the handshake. */
export interface SocketPrincipal {
  memberId: string;
  sessionId: string;
  role: string;
  deviceId: string;
}

export interface SocketData {
  principal: SocketPrincipal;
}

/** The room every socket of a member joins; member-addressed traffic goes there. */
export const memberRoom = (memberId: string): string => `member:${memberId}`;
