import nacl from 'tweetnacl';
import { bufferSource, fromBase64, toBase64, utf8 } from './bytes';
import type { PublicDeviceKeys } from './device-keys';
import { checkScryptCost, DEFAULT_SCRYPT, passphraseKey, type ScryptCost } from './passphrase';
import {
  generateWebCryptoKeys,
  subtleOrThrow,
  WebCryptoDeviceSecrets,
  webCryptoPublicKeys,
  type WebCryptoDeviceKeys,
} from './webcrypto-secrets';
import { webCryptoSubtle, type WebCryptoKey } from './verify';

type Subtle = typeof globalThis.crypto.subtle;

/**
 * A device's WebCrypto private keys wrapped under a passphrase (what a browser key store keeps when the member chose
 * one): each private key as PKCS #8 sealed with AES-GCM under a key scrypt derives from the passphrase, the public
 * keys beside them as additional data — a wrapped key moved to another record does not unwrap. Plain strings:
 * structured-cloneable and JSON alike.
 */
export interface WrappedDeviceKeys extends PublicDeviceKeys, ScryptCost {
  v: 1;
  kdf: 'scrypt';
  /** base64, 16 bytes */
  salt: string;
  identity: WrappedKey;
  encryption: WrappedKey;
}

interface WrappedKey {
  /** base64, 12 bytes */
  iv: string;
  /** base64: AES-GCM of the PKCS #8 private key */
  wrapped: string;
}

/** The passphrase is wrong, or the record was altered: AES-GCM refused to unwrap. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase (or the wrapped key record was altered)');
    this.name = 'WrongPassphraseError';
  }
}

const AAD_DOMAIN = 'counterpart/wrapped-device-keys/v1';
const additionalData = (keys: PublicDeviceKeys, which: 'identity' | 'encryption') =>
  utf8(`${AAD_DOMAIN}\u0000${which}\u0000${keys.identityKey}\u0000${keys.encryptionKey}`);

async function wrappingKey(subtle: Subtle, passphrase: string, salt: Uint8Array, cost: ScryptCost) {
  const raw = await passphraseKey(passphrase, salt, cost);
  try {
    return await subtle.importKey('raw', bufferSource(raw), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  } finally {
    raw.fill(0);
  }
}

/**
 * Wraps extractable key pairs (fresh from `generateWebCryptoKeys(…, true)`, or unwrapped for a new passphrase);
 * returns the wrapping key too, so a new device unwraps its keys without deriving it a second time.
 */
async function wrap(
  subtle: Subtle,
  keys: WebCryptoDeviceKeys,
  publicKeys: PublicDeviceKeys,
  passphrase: string,
  cost: ScryptCost,
): Promise<{ record: WrappedDeviceKeys; key: WebCryptoKey }> {
  const salt = nacl.randomBytes(16);
  const key = await wrappingKey(subtle, passphrase, salt, cost);
  const one = async (privateKey: WebCryptoKey, which: 'identity' | 'encryption'): Promise<WrappedKey> => {
    const iv = nacl.randomBytes(12);
    const wrapped = await subtle.wrapKey('pkcs8', privateKey, key, {
      name: 'AES-GCM',
      iv: bufferSource(iv),
      additionalData: bufferSource(additionalData(publicKeys, which)),
    });
    return { iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
  };
  const record: WrappedDeviceKeys = {
    v: 1,
    kdf: 'scrypt',
    ...cost,
    salt: toBase64(salt),
    identityKey: publicKeys.identityKey,
    encryptionKey: publicKeys.encryptionKey,
    identity: await one(keys.identity.privateKey, 'identity'),
    encryption: await one(keys.encryption.privateKey, 'encryption'),
  };
  return { record, key };
}

/**
 * The key pairs of a wrapped record, under the passphrase's key (or the key `wrap` just used); `extractable` for
 * re-wrapping only — what the page uses is never extractable.
 */
async function unwrap(
  subtle: Subtle,
  record: WrappedDeviceKeys,
  secret: { passphrase: string } | { key: WebCryptoKey },
  extractable: boolean,
): Promise<WebCryptoDeviceKeys> {
  const salt = fromBase64(record.salt);
  const identityKey = fromBase64(record.identityKey);
  const encryptionKey = fromBase64(record.encryptionKey);
  const parts = [record.identity, record.encryption].map((part) => ({
    iv: fromBase64(part?.iv ?? ''),
    wrapped: fromBase64(part?.wrapped ?? ''),
  }));
  if (
    record.v !== 1 ||
    record.kdf !== 'scrypt' ||
    salt?.length !== 16 ||
    identityKey?.length !== 32 ||
    encryptionKey?.length !== 32 ||
    parts.some((part) => part.iv?.length !== 12 || !part.wrapped?.length)
  ) {
    throw new Error('the wrapped key record is malformed');
  }
  checkScryptCost(record, 'the wrapped key record');
  const key = 'key' in secret ? secret.key : await wrappingKey(subtle, secret.passphrase, salt, record);
  const one = async (
    index: 0 | 1,
    algorithm: 'Ed25519' | { name: 'X25519' },
    usage: 'sign' | 'deriveBits',
  ): Promise<WebCryptoKey> => {
    try {
      return await subtle.unwrapKey(
        'pkcs8',
        bufferSource(parts[index].wrapped as Uint8Array),
        key,
        {
          name: 'AES-GCM',
          iv: bufferSource(parts[index].iv as Uint8Array),
          additionalData: bufferSource(additionalData(record, index === 0 ? 'identity' : 'encryption')),
        },
        algorithm,
        extractable,
        [usage],
      );
    } catch {
      throw new WrongPassphraseError();
    }
  };
  return {
    identity: {
      privateKey: await one(0, 'Ed25519', 'sign'),
      publicKey: await subtle.importKey('raw', bufferSource(identityKey), 'Ed25519', true, ['verify']),
    },
    encryption: {
      privateKey: await one(1, { name: 'X25519' }, 'deriveBits'),
      publicKey: await subtle.importKey('raw', bufferSource(encryptionKey), { name: 'X25519' }, true, []),
    },
  };
}

/**
 * New device keys under a passphrase: generated extractable only long enough to be wrapped, then unwrapped as
 * non-extractable keys — the record to store and the secrets to use. The extractable pair is dropped here.
 */
export async function createWrappedDeviceKeys(
  passphrase: string,
  options: { cost?: ScryptCost; subtle?: Subtle } = {},
): Promise<{ record: WrappedDeviceKeys; secrets: WebCryptoDeviceSecrets }> {
  const subtle = subtleOrThrow(options.subtle ?? webCryptoSubtle());
  const cost = options.cost ?? DEFAULT_SCRYPT;
  checkScryptCost(cost);
  const extractable = await generateWebCryptoKeys(subtle, true);
  const publicKeys = await webCryptoPublicKeys(extractable, subtle);
  const { record, key } = await wrap(subtle, extractable, publicKeys, passphrase, cost);
  const keys = await unwrap(subtle, record, { key }, false);
  return { record, secrets: await WebCryptoDeviceSecrets.fromKeys(keys, subtle) };
}

/** The non-extractable secrets of a wrapped record; `WrongPassphraseError` for a wrong passphrase. */
export async function unwrapDeviceKeys(
  record: WrappedDeviceKeys,
  passphrase: string,
  options: { subtle?: Subtle } = {},
): Promise<WebCryptoDeviceSecrets> {
  const subtle = subtleOrThrow(options.subtle ?? webCryptoSubtle());
  return WebCryptoDeviceSecrets.fromKeys(await unwrap(subtle, record, { passphrase }, false), subtle);
}

/** The same keys under a new passphrase (and a new salt); the old one must be right. */
export async function rewrapDeviceKeys(
  record: WrappedDeviceKeys,
  passphrase: string,
  newPassphrase: string,
  options: { cost?: ScryptCost; subtle?: Subtle } = {},
): Promise<WrappedDeviceKeys> {
  const subtle = subtleOrThrow(options.subtle ?? webCryptoSubtle());
  const keys = await unwrap(subtle, record, { passphrase }, true);
  const cost = options.cost ?? { logN: record.logN, r: record.r, p: record.p };
  checkScryptCost(cost);
  return (await wrap(subtle, keys, record, newPassphrase, cost)).record;
}
