import type { ChatMessage } from '@app/common/chat-protocol';

/** The socket contract lives in the framework-free `@app/common/chat-protocol`, shared with the client. */
export type {
  Ack,
  ClientToServerEvents,
  MessageSendPayload,
  RequestAck,
  ServerToClientEvents,
  SyncPayload,
} from '@app/common/chat-protocol';

/** A stored message as every client receives it (`message:new`, `sync`). */
export type MessageNew = ChatMessage;

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
