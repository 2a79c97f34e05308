import type { ErrorPayload } from './errors/error-codes';

/**
 * The chat wire types shared by the server (messaging, the gateway) and the browser-safe client. Framework-free on
 * purpose, like error-codes.ts: the client imports this file directly (`@app/common/chat-protocol`).
 */

/** Every acknowledgement: `{ ok: true, … }` or `{ ok: false, error: { code, message } }`. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };

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

/** The acknowledgement of `message:send`, sent only after the message is durably stored. */
export interface SendAck {
  messageId: string;
  seq: number;
  sentAt: string;
}

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

/** `keys:changed`: a member's device list changed; refresh keys and re-check the safety number. */
export interface KeysChanged {
  memberId: string;
  change: 'REGISTERED' | 'REVOKED';
}
