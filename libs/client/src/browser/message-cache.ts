import {
  bufferSource,
  fromUtf8,
  isHandlingCaveat,
  utf8,
  type HandlingCaveat,
  type WebCryptoDeviceKeys,
} from '@app/crypto';
import type { DeviceDatabase } from './device-database';

/** A message this device decrypted, as the local search needs it (the body's text and caveat, who, when, where). */
export interface CachedMessage {
  conversationId: string;
  seq: number;
  senderId: string;
  /** When the server stored it (ISO 8601). */
  sentAt: string;
  text: string;
  /** Absent: no caveat. */
  caveat?: Exclude<HandlingCaveat, 'NONE'>;
}

/**
 * One cached message as IndexedDB holds it. In clear: its key only — the conversation id and seq, which the server
 * knows too and which make a second write of the same message replace the first. Sealed (AES-GCM under the cache key,
 * the key path as additional data, so a record moved to another key does not open): the text, the caveat, the sender
 * and the time. Nothing is sorted or looked up by sender or time before decrypting (search decrypts the whole cache
 * into memory once), so neither needs to be readable on the disk.
 */
export interface SealedMessageRecord {
  v: 1;
  conversationId: string;
  seq: number;
  /** 12 random bytes. */
  iv: Uint8Array;
  /** AES-GCM-256 of the JSON of `{ senderId, sentAt, text, caveat }`, tag included. */
  sealed: Uint8Array;
}

/**
 * The cache's key. A device without a passphrase keeps it as it keeps its own keys: the non-extractable CryptoKey
 * itself, by structured clone (no script can read its bytes, this one included). A device under a passphrase keeps it
 * wrapped (AES-GCM) under a key derived from the device's own X25519 private key — which is itself under the
 * passphrase — so the cache opens only once the device is unlocked, and a new passphrase needs nothing re-wrapped.
 */
export type MessageKeyRecord =
  { v: 1; key: CryptoKey; wrapped?: undefined } | { v: 1; wrapped: WrappedMessageKey; key?: undefined };

export interface WrappedMessageKey {
  /** HKDF salt, 16 random bytes. */
  salt: Uint8Array;
  /** 12 random bytes. */
  iv: Uint8Array;
  /** AES-GCM of the raw 32-byte cache key under the device-derived key. */
  key: Uint8Array;
}

/** What the cache key is made from or unwrapped with: the unlocked device (its keys are never extractable). */
export interface MessageKeyOwner {
  keys: WebCryptoDeviceKeys;
  /** The device's X25519 public key (base64, as registered): binds a wrapped cache key to this device. */
  encryptionKey: string;
  /** The device's keys are under a passphrase: the cache key must be too. */
  protected: boolean;
}

const SEALED_DOMAIN = 'counterpart/message-cache/v1';
const KEY_DOMAIN = 'counterpart/message-cache-key/v1';
const AES = { name: 'AES-GCM', length: 256 } as const;

const subtle = (): SubtleCrypto => {
  const api = globalThis.crypto?.subtle;
  if (!api) {
    throw new Error('this runtime has no WebCrypto');
  }
  return api;
};
const randomBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));
const cacheKeyOf = (message: Pick<CachedMessage, 'conversationId' | 'seq'>) =>
  `${message.conversationId}\u0000${message.seq}`;
const sealedData = (conversationId: string, seq: number) =>
  bufferSource(utf8(`${SEALED_DOMAIN}\u0000${conversationId}\u0000${seq}`));

/**
 * The sealed cache of decrypted messages in the member's device database (`BrowserDeviceVault.messages`): written in
 * batches (one transaction each), idempotent per (conversation, seq), read back whole for the local search.
 */
export class SealedMessageCache {
  #key: Promise<CryptoKey> | undefined;
  /** What this vault wrote already: a message delivered twice (the ack, then the echo) is sealed once. */
  readonly #written = new Set<string>();

  constructor(
    private readonly database: DeviceDatabase,
    private readonly owner: () => MessageKeyOwner,
  ) {}

  /** Seals and stores these messages in one transaction; answers how many were new to this vault. */
  async put(messages: readonly CachedMessage[]): Promise<number> {
    const fresh = new Map<string, CachedMessage>();
    for (const message of messages) {
      const id = cacheKeyOf(message);
      if (!this.#written.has(id)) {
        fresh.set(id, message);
      }
    }
    if (fresh.size === 0) {
      return 0;
    }
    const key = await this.key();
    // Sealed first: a transaction left waiting on WebCrypto would commit before its writes.
    const records = await Promise.all([...fresh.values()].map((message) => seal(key, message)));
    const transaction = this.database.transaction('messages', 'readwrite');
    await Promise.all([...records.map((record) => transaction.store.put(record)), transaction.done]);
    fresh.forEach((_message, id) => this.#written.add(id));
    return records.length;
  }

  /** How many messages the cache holds (nothing decrypted). */
  count(): Promise<number> {
    return this.database.count('messages');
  }

  /** Every cached message, opened; `unreadable`: records that did not open (altered, or from another key). */
  async readAll(): Promise<{ messages: CachedMessage[]; unreadable: number }> {
    const records = await this.database.getAll('messages');
    const key = await this.key();
    const opened = await Promise.all(records.map((record) => open(key, record).catch(() => null)));
    const messages = opened.filter((message) => message !== null);
    messages.forEach((message) => this.#written.add(cacheKeyOf(message)));
    return { messages, unreadable: records.length - messages.length };
  }

  private key(): Promise<CryptoKey> {
    this.#key ??= messageCacheKey(this.database, this.owner()).catch((error: unknown) => {
      this.#key = undefined; // a later call tries again
      throw error;
    });
    return this.#key;
  }
}

async function seal(key: CryptoKey, message: CachedMessage): Promise<SealedMessageRecord> {
  const iv = randomBytes(12);
  const { senderId, sentAt, text, caveat } = message;
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: sealedData(message.conversationId, message.seq) },
    key,
    bufferSource(utf8(JSON.stringify({ senderId, sentAt, text, caveat }))),
  );
  return {
    v: 1,
    conversationId: message.conversationId,
    seq: message.seq,
    iv,
    sealed: new Uint8Array(sealed),
  };
}

async function open(key: CryptoKey, record: SealedMessageRecord): Promise<CachedMessage> {
  if (
    record.v !== 1 ||
    typeof record.conversationId !== 'string' ||
    !Number.isSafeInteger(record.seq) ||
    !(record.iv instanceof Uint8Array) ||
    record.iv.length !== 12 ||
    !(record.sealed instanceof Uint8Array)
  ) {
    throw new Error('a cached message record is malformed');
  }
  const plain = await subtle().decrypt(
    {
      name: 'AES-GCM',
      iv: bufferSource(record.iv),
      additionalData: sealedData(record.conversationId, record.seq),
    },
    key,
    bufferSource(record.sealed),
  );
  const body = JSON.parse(fromUtf8(new Uint8Array(plain))) as Partial<Record<keyof CachedMessage, unknown>>;
  if (
    typeof body.senderId !== 'string' ||
    typeof body.sentAt !== 'string' ||
    typeof body.text !== 'string' ||
    (body.caveat !== undefined && (!isHandlingCaveat(body.caveat) || body.caveat === 'NONE'))
  ) {
    throw new Error('a cached message is not a message');
  }
  const message: CachedMessage = {
    conversationId: record.conversationId,
    seq: record.seq,
    senderId: body.senderId,
    sentAt: body.sentAt,
    text: body.text,
  };
  return body.caveat ? { ...message, caveat: body.caveat as CachedMessage['caveat'] } : message;
}

/**
 * The cache key of this device database: read (unwrapped when the device is protected), or made on first use — two
 * tabs making it at once end up with the one stored first.
 */
async function messageCacheKey(database: DeviceDatabase, owner: MessageKeyOwner): Promise<CryptoKey> {
  const held = await database.get('messageKey', 'key');
  if (held) {
    return openKeyRecord(held, owner);
  }
  const made = await makeKeyRecord(owner);
  try {
    await database.add('messageKey', made.record, 'key');
    return made.key;
  } catch (error) {
    const stored = await database.get('messageKey', 'key');
    if (!stored) {
      throw error;
    }
    return openKeyRecord(stored, owner);
  }
}

async function makeKeyRecord(owner: MessageKeyOwner): Promise<{ record: MessageKeyRecord; key: CryptoKey }> {
  const api = subtle();
  if (!owner.protected) {
    const key = await api.generateKey(AES, false, ['encrypt', 'decrypt']);
    return { record: { v: 1, key }, key };
  }
  // Extractable only long enough to be wrapped; what the page uses is the unwrapped, non-extractable copy.
  const extractable = await api.generateKey(AES, true, ['encrypt', 'decrypt']);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrapping = await deviceWrappingKey(owner, salt);
  const wrapped = new Uint8Array(
    await api.wrapKey('raw', extractable, wrapping, {
      name: 'AES-GCM',
      iv,
      additionalData: keyData(owner),
    }),
  );
  const record: MessageKeyRecord = { v: 1, wrapped: { salt, iv, key: wrapped } };
  return { record, key: await unwrapWith(wrapping, record.wrapped, owner) };
}

async function openKeyRecord(record: MessageKeyRecord, owner: MessageKeyOwner): Promise<CryptoKey> {
  if (record.v !== 1) {
    throw new Error('the message cache key record is malformed');
  }
  if (owner.protected !== (record.wrapped !== undefined)) {
    // A plain key beside passphrase-protected device keys (or the reverse) was not written by this code.
    throw new Error('the message cache key is not protected as the device keys are');
  }
  if (record.key) {
    return record.key;
  }
  const { salt, iv, key } = record.wrapped;
  if (
    !(salt instanceof Uint8Array) ||
    salt.length !== 16 ||
    !(iv instanceof Uint8Array) ||
    iv.length !== 12 ||
    !(key instanceof Uint8Array)
  ) {
    throw new Error('the message cache key record is malformed');
  }
  return unwrapWith(await deviceWrappingKey(owner, salt), record.wrapped, owner);
}

function unwrapWith(
  wrapping: CryptoKey,
  wrapped: WrappedMessageKey,
  owner: MessageKeyOwner,
): Promise<CryptoKey> {
  return subtle().unwrapKey(
    'raw',
    bufferSource(wrapped.key),
    wrapping,
    { name: 'AES-GCM', iv: bufferSource(wrapped.iv), additionalData: keyData(owner) },
    AES,
    false,
    ['encrypt', 'decrypt'],
  );
}

const keyData = (owner: MessageKeyOwner) => bufferSource(utf8(`${KEY_DOMAIN}\u0000${owner.encryptionKey}`));

/**
 * The key a protected device wraps its cache key under: HKDF-SHA-256 of X25519(device private key, device public key)
 * — a value only the holder of the private key can compute — with the record's salt and this use's label. The private
 * key exists in the page only once the passphrase unwrapped it, and it stays non-extractable.
 */
async function deviceWrappingKey(owner: MessageKeyOwner, salt: Uint8Array): Promise<CryptoKey> {
  const api = subtle();
  const { privateKey, publicKey } = owner.keys.encryption;
  const shared = new Uint8Array(await api.deriveBits({ name: 'X25519', public: publicKey }, privateKey, 256));
  try {
    const base = await api.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
    return await api.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: bufferSource(salt), info: bufferSource(utf8(KEY_DOMAIN)) },
      base,
      AES,
      false,
      ['wrapKey', 'unwrapKey'],
    );
  } finally {
    shared.fill(0);
  }
}
