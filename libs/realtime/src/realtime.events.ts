import type { ErrorPayload } from '@app/common';

/** Every acknowledgement: `{ ok: true, … }` or `{ ok: false, error: { code, message } }`. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };

/** Events a client may emit, with the acknowledgement each one gets. Later issues add the chat events here. */
export interface ClientToServerEvents {
  'session:ping': (
    payload: unknown,
    ack: (response: Ack<{ memberId: string; serverTime: string }>) => void,
  ) => void;
}

/** Events the server emits to a client. */
export interface ServerToClientEvents {
  'session:revoked': (payload: { reason: string }) => void;
}

/** Who a socket belongs to, set by the handshake. */
export interface SocketPrincipal {
  memberId: string;
  sessionId: string;
  role: string;
}

export interface SocketData {
  principal: SocketPrincipal;
}

/** The room every socket of a member joins; member-addressed traffic goes there. */
export const memberRoom = (memberId: string): string => `member:${memberId}`;
