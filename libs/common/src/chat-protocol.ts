import type { ErrorPayload } from './errors/error-codes';

/**
 * The chat wire contract shared by the server (messaging, the gateway) and the browser-safe client: every socket
 * event, its payload and its acknowledgement. Framework-free on purpose, like error-codes.ts: the client imports this
 * file directly (`@app/common/chat-protocol`). The gateway's `Server<ClientToServerEvents, ServerToClientEvents>` and
 * the client's `Socket<ServerToClientEvents, ClientToServerEvents>` are typed against the same maps, so a wrong event
 * name, payload or ack is a compile error on both ends.
 */

/** Every acknowledgement: `{ ok: true, … }` or `{ ok: false, error: { code, message } }`. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };

/** What the handshake sends in `handshake.auth` (never the query string). A refusal arrives as `connect_error`. */
export interface HandshakeAuth {
  token: string;
  deviceId: string;
}

/** A stored message as every client receives it (`message:new`, `sync`, history). The envelope is opaque. */
export interface ChatMessage {
  conversationId: string;
  messageId: string;
  seq: number;
  senderId: string;
  senderDeviceId: string;
  clientMessageId: string;
  envelope: unknown;
  sentAt: string;
}

/** `session:ping` takes nothing (an empty object); a request that answers nothing but `ok` acks `NoResult`. */
export type EmptyPayload = Record<string, never>;
export type NoResult = Record<never, never>;

/** `session:ping`: a round trip that proves the session is live (clients use it to measure latency). */
export interface PingResult {
  memberId: string;
  serverTime: string;
}

/** `message:send`. The envelope (v1) is sealed for this conversation, clientMessageId and the sending device. */
export interface MessageSendPayload {
  conversationId: string;
  /** 8 to 64 letters, digits, `-` or `_`; unique per sender: a resend with it stores nothing new. */
  clientMessageId: string;
  envelope: object;
}

/** The acknowledgement of `message:send`, sent only after the message is durably stored. */
export interface SendAck {
  messageId: string;
  seq: number;
  sentAt: string;
}

/** `sync`: everything after the given seqs. */
export interface SyncPayload {
  /** Last seq the client has, per conversation; conversations absent here start at 0. */
  since: Record<string, number>;
  limit?: number;
}

export interface SyncResult {
  messages: ChatMessage[];
  hasMore: boolean;
}

/** `message:read`: moves the caller's read cursor forward. */
export interface MessageReadPayload {
  conversationId: string;
  seq: number;
}

export interface ReadResult {
  readSeq: number;
}

/** `typing`: ephemeral, never stored. */
export interface TypingPayload {
  conversationId: string;
  typing: boolean;
}

/** `keys`: the devices of a conversation's participants, or of named members — exactly one of the two. */
export type KeysPayload =
  { conversationId: string; memberIds?: never } | { memberIds: string[]; conversationId?: never };

/**
 * A device's registered public keys as `keys` returns them. `current`: the device may read new messages of the
 * conversation (not revoked, its member a current, vetted participant) — senders wrap the message key for exactly
 * these. Others (revoked, former participants) are listed so earlier messages can still be verified.
 */
export interface DeviceKeys {
  deviceId: string;
  memberId: string;
  identityKey: string;
  encryptionKey: string;
  /** The identity key's signature over both keys; clients use only devices whose signature verifies. */
  keySignature: string | null;
  revoked: boolean;
  current: boolean;
}

export interface KeysResult {
  devices: DeviceKeys[];
}

/** Every request a client may emit: its payload and what its `{ ok: true }` ack carries. */
export interface ChatRequests {
  'session:ping': { payload: EmptyPayload; result: PingResult };
  'message:send': { payload: MessageSendPayload; result: SendAck };
  sync: { payload: SyncPayload; result: SyncResult };
  'message:read': { payload: MessageReadPayload; result: ReadResult };
  typing: { payload: TypingPayload; result: NoResult };
  keys: { payload: KeysPayload; result: KeysResult };
}

export type ChatRequest = keyof ChatRequests;
export type RequestPayload<E extends ChatRequest> = ChatRequests[E]['payload'];
export type RequestResult<E extends ChatRequest> = ChatRequests[E]['result'];
export type RequestAck<E extends ChatRequest> = Ack<RequestResult<E>>;

/** Socket.IO's client→server map: each request with its acknowledgement callback. */
export type ClientToServerEvents = {
  [E in ChatRequest]: (payload: RequestPayload<E>, ack: (response: RequestAck<E>) => void) => void;
};

/**
 * One function per request, `(payload, timeoutMs) → ack`: what a client fills in (one line per event) to get a typed
 * `request<E>` without casts — Socket.IO's own `emitWithAck` types cannot be called with a generic event name.
 */
export type ChatRequester = {
  [E in ChatRequest]: (payload: RequestPayload<E>, timeoutMs: number) => Promise<RequestAck<E>>;
};

/** `receipt`: a participant's read cursor moved. */
export interface Receipt {
  conversationId: string;
  memberId: string;
  readSeq: number;
}

/** `typing` (server → client): another participant started or stopped typing. */
export interface TypingSignal {
  conversationId: string;
  memberId: string;
  typing: boolean;
}

export type ConversationChange =
  'CREATED' | 'PARTICIPANTS_ADDED' | 'PARTICIPANT_REMOVED' | 'PARTICIPANT_LEFT';

/** `conversation:updated`: created, or its participants changed (re-read it over GraphQL). */
export interface ConversationUpdated {
  conversationId: string;
  change: ConversationChange;
}

/** `presence`: a conversation partner came online or went offline (on any node). */
export interface Presence {
  memberId: string;
  online: boolean;
  /** When the member's last socket closed (null: online now, or never seen since the store started). */
  lastSeenAt: string | null;
}

/** `keys:changed`: a member's device list changed; refresh keys and re-check the safety number. */
export interface KeysChanged {
  memberId: string;
  change: 'REGISTERED' | 'REVOKED';
}

/** `session:revoked`: the session or device ended; the socket is closed right after. */
export interface SessionRevoked {
  reason: string;
}

/** Socket.IO's server→client map: the events the server emits to a client. */
export interface ServerToClientEvents {
  'session:revoked': (payload: SessionRevoked) => void;
  'message:new': (payload: ChatMessage) => void;
  receipt: (payload: Receipt) => void;
  typing: (payload: TypingSignal) => void;
  'conversation:updated': (payload: ConversationUpdated) => void;
  presence: (payload: Presence) => void;
  'keys:changed': (payload: KeysChanged) => void;
}

export type ChatNotice = keyof ServerToClientEvents;
