import nacl from 'tweetnacl';
import { compareBytes, fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import { isHandlingCaveat, type HandlingCaveat } from './caveats';
import { decodePublicKey } from './device-keys';
import type { DeviceSecrets } from './device-secrets';
import { defaultEd25519Verifier, type Ed25519Verifier } from './verify';

/**
 * Envelope v1 — what `message:send` carries and the server stores, opaque to it:
 * the body sealed once under a random 32-byte key (XSalsa20-Poly1305 secretbox), that key wrapped for every device
 * that may read it (box: the sender device's X25519 key with the recipient device's), and the sender device's
 * Ed25519 signature over the canonical bytes of (v, conversationId, clientMessageId, senderDeviceId, nonce,
 * ciphertext, wraps).
 */
export interface EnvelopeV1 {
  v: 1;
  conversationId: string;
  clientMessageId: string;
  senderDeviceId: string;
  /** base64, 24 bytes */
  nonce: string;
  /** base64: secretbox of the padded JSON body */
  ciphertext: string;
  wraps: EnvelopeWrap[];
  /** base64, 64 bytes: Ed25519 over `canonicalEnvelopeBytes` */
  signature: string;
}

export interface EnvelopeWrap {
  deviceId: string;
  /** base64, 24 bytes */
  nonce: string;
  /** base64, 48 bytes: box of the 32-byte message key */
  key: string;
}

/** What the sender wrote. `attachments` is reserved for later versions of the body. */
export interface MessageBody {
  text: string;
  caveat?: HandlingCaveat;
  attachments?: unknown[];
}

/** A device that may read a message: its id and registered X25519 public key (base64). */
export interface RecipientDevice {
  deviceId: string;
  encryptionKey: string;
}

/** The registered public keys of the device a message claims to come from. */
export interface SenderDevice {
  deviceId: string;
  identityKey: string;
  encryptionKey: string;
}

export const ENVELOPE_VERSION = 1;
/** Limits the server enforces on shape (it cannot read anything else). */
export const ENVELOPE_LIMITS = { maxWraps: 1000, maxIdLength: 64, maxCiphertextBytes: 48 * 1024 } as const;
const KEY_BYTES = nacl.secretbox.keyLength;
const NONCE_BYTES = nacl.secretbox.nonceLength;
const WRAPPED_KEY_BYTES = KEY_BYTES + nacl.box.overheadLength;
const SIGNATURE_BYTES = nacl.sign.signatureLength;
/** Bodies are padded to a multiple of this, so ciphertext sizes say less about what was written. */
const PADDING_BLOCK = 64;
const DOMAIN = utf8('counterpart/envelope/v1');
const VERSION_BYTE = new Uint8Array([ENVELOPE_VERSION]);

export type EnvelopeProblem =
  | 'MALFORMED'
  | 'WRONG_CONVERSATION'
  | 'WRONG_MESSAGE_ID'
  | 'WRONG_SENDER_DEVICE'
  | 'BAD_SIGNATURE'
  | 'NOT_A_RECIPIENT'
  | 'CORRUPT';

/** Why an envelope cannot be shown; clients show the message as undecryptable. */
export class EnvelopeError extends Error {
  constructor(
    readonly problem: EnvelopeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

const isString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

function bytesField(value: unknown, length?: number, max = Number.MAX_SAFE_INTEGER): Uint8Array | undefined {
  if (typeof value !== 'string' || value.length > Math.ceil(max / 3) * 4 + 4) {
    return undefined;
  }
  const bytes = fromBase64(value);
  if (!bytes || (length !== undefined && bytes.length !== length) || bytes.length > max) {
    return undefined;
  }
  return bytes;
}

/** The decoded binary fields of an envelope whose shape is right. */
export interface ParsedEnvelope {
  envelope: EnvelopeV1;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  wraps: Array<{ deviceId: string; nonce: Uint8Array; key: Uint8Array }>;
  signature: Uint8Array;
}

/**
 * Checks the shape and sizes of an envelope v1 (what the server can check) and decodes its binary fields; throws
 * `EnvelopeError('MALFORMED')` with the reason. Unknown properties are refused, so nothing unsigned rides along.
 */
export function parseEnvelope(value: unknown): ParsedEnvelope {
  const fail = (reason: string): never => {
    throw new EnvelopeError('MALFORMED', `envelope: ${reason}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('must be an object');
  }
  const record = value as Record<string, unknown>;
  const allowed = [
    'v',
    'conversationId',
    'clientMessageId',
    'senderDeviceId',
    'nonce',
    'ciphertext',
    'wraps',
    'signature',
  ];
  const extra = Object.keys(record).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    fail(`unknown field ${extra[0]}`);
  }
  if (record.v !== ENVELOPE_VERSION) {
    fail(`v must be ${ENVELOPE_VERSION}`);
  }
  const { maxIdLength, maxWraps, maxCiphertextBytes } = ENVELOPE_LIMITS;
  for (const field of ['conversationId', 'clientMessageId', 'senderDeviceId'] as const) {
    if (!isString(record[field], maxIdLength)) {
      fail(`${field} must be a string of 1–${maxIdLength} characters`);
    }
  }
  const nonce = bytesField(record.nonce, NONCE_BYTES) ?? fail(`nonce must be ${NONCE_BYTES} bytes of base64`);
  const ciphertext =
    bytesField(record.ciphertext, undefined, maxCiphertextBytes) ??
    fail('ciphertext must be base64 within the size limit');
  if (ciphertext.length < nacl.secretbox.overheadLength + PADDING_BLOCK) {
    fail('ciphertext is too short');
  }
  const signature =
    bytesField(record.signature, SIGNATURE_BYTES) ??
    fail(`signature must be ${SIGNATURE_BYTES} bytes of base64`);
  if (!Array.isArray(record.wraps) || record.wraps.length === 0 || record.wraps.length > maxWraps) {
    fail(`wraps must be a list of 1–${maxWraps}`);
  }
  const seen = new Set<string>();
  const wraps = (record.wraps as unknown[]).map((wrap) => {
    if (typeof wrap !== 'object' || wrap === null || Array.isArray(wrap)) {
      return fail('every wrap must be an object');
    }
    const item = wrap as Record<string, unknown>;
    if (Object.keys(item).some((key) => !['deviceId', 'nonce', 'key'].includes(key))) {
      fail('a wrap has an unknown field');
    }
    if (!isString(item.deviceId, maxIdLength)) {
      fail('every wrap needs a deviceId');
    }
    const deviceId = item.deviceId as string;
    if (seen.has(deviceId)) {
      fail(`two wraps for device ${deviceId}`);
    }
    seen.add(deviceId);
    return {
      deviceId,
      nonce: bytesField(item.nonce, NONCE_BYTES) ?? fail(`wrap nonce must be ${NONCE_BYTES} bytes of base64`),
      key:
        bytesField(item.key, WRAPPED_KEY_BYTES) ??
        fail(`wrap key must be ${WRAPPED_KEY_BYTES} bytes of base64`),
    };
  });
  return { envelope: record as unknown as EnvelopeV1, nonce, ciphertext, wraps, signature };
}

/** True when every character is ASCII: its UTF-8 bytes are its char codes, and string order is byte order. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) > 127) {
      return false;
    }
  }
  return true;
}

/**
 * The signed bytes: a domain tag, then every field as a 4-byte big-endian length and its bytes (strings in UTF-8,
 * binary fields decoded), the wraps counted and ordered by device id — one encoding, whatever the JSON looks like.
 * Written into one buffer sized first, ASCII ids (UUIDs: every id here) char by char: every message opened computes
 * it, and what it allocates is collected while the reader waits.
 */
export function canonicalEnvelopeBytes(parts: {
  conversationId: string;
  clientMessageId: string;
  senderDeviceId: string;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  wraps: Array<{ deviceId: string; nonce: Uint8Array; key: Uint8Array }>;
}): Uint8Array {
  const { wraps } = parts;
  const ascii =
    isAscii(parts.conversationId) &&
    isAscii(parts.clientMessageId) &&
    isAscii(parts.senderDeviceId) &&
    wraps.every((wrap) => isAscii(wrap.deviceId));
  // A field: bytes, or an ASCII string written as its char codes.
  const text = (value: string): string | Uint8Array => (ascii ? value : utf8(value));
  const ids = wraps.map((wrap) => text(wrap.deviceId));
  const order = wraps.map((_, index) => index);
  order.sort((a, b) => {
    const [x, y] = [ids[a], ids[b]];
    if (typeof x === 'string' && typeof y === 'string') {
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return compareBytes(x as Uint8Array, y as Uint8Array);
  });
  const fields = [
    DOMAIN,
    VERSION_BYTE,
    text(parts.conversationId),
    text(parts.clientMessageId),
    text(parts.senderDeviceId),
    parts.nonce,
    parts.ciphertext,
  ];
  let total = 4;
  for (const value of fields) {
    total += 4 + value.length;
  }
  for (const index of order) {
    total += 12 + ids[index].length + wraps[index].nonce.length + wraps[index].key.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  const length = (n: number) => {
    out[offset] = n >>> 24;
    out[offset + 1] = (n >>> 16) & 255;
    out[offset + 2] = (n >>> 8) & 255;
    out[offset + 3] = n & 255;
    offset += 4;
  };
  const field = (value: string | Uint8Array) => {
    length(value.length);
    if (typeof value === 'string') {
      for (let i = 0; i < value.length; i += 1) {
        out[offset + i] = value.charCodeAt(i);
      }
    } else {
      out.set(value, offset);
    }
    offset += value.length;
  };
  fields.forEach(field);
  length(wraps.length);
  for (const index of order) {
    field(ids[index]);
    field(wraps[index].nonce);
    field(wraps[index].key);
  }
  return out;
}

/**
 * Shared keys per peer public key (`box.before`, through the device's secrets): an X25519 scalar multiplication
 * costs about a millisecond in tweetnacl, the rest of a wrap microseconds. Concurrent asks for one peer share one
 * derivation.
 */
export class SharedKeyCache {
  private readonly keys = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly secrets: DeviceSecrets) {}

  get(publicKey: string): Promise<Uint8Array> {
    let shared = this.keys.get(publicKey);
    if (!shared) {
      const decoded = decodePublicKey(publicKey, nacl.box.publicKeyLength);
      shared = decoded
        ? this.secrets.sharedKey(decoded).catch(() => {
            this.keys.delete(publicKey);
            throw new EnvelopeError('MALFORMED', 'a device encryption key is unusable');
          })
        : Promise.reject(new EnvelopeError('MALFORMED', 'a device encryption key is malformed'));
      this.keys.set(publicKey, shared);
      shared.catch(() => this.keys.delete(publicKey));
    }
    return shared;
  }
}

function pad(json: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.ceil((json.length + 1) / PADDING_BLOCK) * PADDING_BLOCK).fill(0x20);
  padded.set(json);
  return padded;
}

function checkBody(value: unknown): MessageBody {
  const body = value as Partial<MessageBody> | null;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.text !== 'string' ||
    (body.caveat !== undefined && !isHandlingCaveat(body.caveat)) ||
    (body.attachments !== undefined && !Array.isArray(body.attachments))
  ) {
    throw new EnvelopeError('CORRUPT', 'the decrypted body is not a message body');
  }
  return body as MessageBody;
}

/** Seals a body for the given devices (the sender's own devices included by the caller) and signs it. */
export async function sealEnvelope(input: {
  conversationId: string;
  clientMessageId: string;
  senderDeviceId: string;
  secrets: DeviceSecrets;
  recipients: RecipientDevice[];
  body: MessageBody;
  /** The sender's cache (built on the same `secrets`); a fresh one by default. */
  sharedKeys?: SharedKeyCache;
}): Promise<EnvelopeV1> {
  const body = checkBody(input.body);
  const sharedKeys = input.sharedKeys ?? new SharedKeyCache(input.secrets);
  const shared = await Promise.all(
    input.recipients.map((recipient) => sharedKeys.get(recipient.encryptionKey)),
  );
  const messageKey = nacl.randomBytes(KEY_BYTES);
  const nonce = nacl.randomBytes(NONCE_BYTES);
  const ciphertext = nacl.secretbox(pad(utf8(JSON.stringify(body))), nonce, messageKey);
  const wraps = input.recipients.map((recipient, index) => {
    const wrapNonce = nacl.randomBytes(NONCE_BYTES);
    return {
      deviceId: recipient.deviceId,
      nonce: wrapNonce,
      key: nacl.box.after(messageKey, wrapNonce, shared[index]),
    };
  });
  const signed = canonicalEnvelopeBytes({ ...input, nonce, ciphertext, wraps });
  const signature = await input.secrets.sign(signed);
  return {
    v: ENVELOPE_VERSION,
    conversationId: input.conversationId,
    clientMessageId: input.clientMessageId,
    senderDeviceId: input.senderDeviceId,
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
    wraps: wraps.map((wrap) => ({
      deviceId: wrap.deviceId,
      nonce: toBase64(wrap.nonce),
      key: toBase64(wrap.key),
    })),
    signature: toBase64(signature),
  };
}

/**
 * Opens an envelope as the given device: it must belong to the conversation and message it was delivered as, come
 * from the device the server says sent it, carry that device's valid signature (checked against its registered
 * identity key) and a wrap for this device. Rejects with `EnvelopeError` for anything else.
 */
export async function openEnvelope(
  value: unknown,
  context: {
    conversationId: string;
    clientMessageId: string;
    sender: SenderDevice;
    deviceId: string;
    secrets: DeviceSecrets;
    /** The reader's cache (built on the same `secrets`); a fresh one by default. */
    sharedKeys?: SharedKeyCache;
    /** `defaultEd25519Verifier()` unless given (e.g. `NodeEd25519Verifier` from `@app/client/node`). */
    verifier?: Ed25519Verifier;
  },
): Promise<MessageBody> {
  const parsed = parseEnvelope(value);
  const { envelope } = parsed;
  if (envelope.conversationId !== context.conversationId) {
    throw new EnvelopeError('WRONG_CONVERSATION', 'the envelope was sealed for another conversation');
  }
  if (envelope.clientMessageId !== context.clientMessageId) {
    throw new EnvelopeError('WRONG_MESSAGE_ID', 'the envelope was sealed for another message');
  }
  if (envelope.senderDeviceId !== context.sender.deviceId) {
    throw new EnvelopeError('WRONG_SENDER_DEVICE', 'the envelope names another sending device');
  }
  const identityKey = decodePublicKey(context.sender.identityKey, nacl.sign.publicKeyLength);
  if (!identityKey) {
    throw new EnvelopeError('BAD_SIGNATURE', "the sender device's identity key is malformed");
  }
  const signed = canonicalEnvelopeBytes({ ...envelope, ...parsed });
  const verifier = context.verifier ?? (await defaultEd25519Verifier());
  if (!(await verifier.verify(signed, parsed.signature, identityKey))) {
    throw new EnvelopeError('BAD_SIGNATURE', 'the signature does not verify');
  }
  const wrap = parsed.wraps.find((item) => item.deviceId === context.deviceId);
  if (!wrap) {
    throw new EnvelopeError('NOT_A_RECIPIENT', 'the envelope has no key for this device');
  }
  const sharedKeys = context.sharedKeys ?? new SharedKeyCache(context.secrets);
  const messageKey = nacl.box.open.after(
    wrap.key,
    wrap.nonce,
    await sharedKeys.get(context.sender.encryptionKey),
  );
  const padded = messageKey && nacl.secretbox.open(parsed.ciphertext, parsed.nonce, messageKey);
  if (!padded) {
    throw new EnvelopeError('CORRUPT', 'the message key or body does not decrypt');
  }
  try {
    return checkBody(JSON.parse(fromUtf8(padded)));
  } catch (error) {
    throw error instanceof EnvelopeError
      ? error
      : new EnvelopeError('CORRUPT', 'the decrypted body is not JSON');
  }
}
