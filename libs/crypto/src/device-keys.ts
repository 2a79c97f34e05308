import nacl from 'tweetnacl';
import { concatBytes, fromBase64, lengthPrefixed, toBase64, utf8 } from './bytes';
import type { Ed25519Verifier } from './verify';

/** A device's two key pairs: Ed25519 to sign what it sends, X25519 to receive wrapped message keys. */
export interface DeviceKeyPairs {
  identity: nacl.SignKeyPair;
  encryption: nacl.BoxKeyPair;
}

/** The public keys, base64. */
export interface PublicDeviceKeys {
  identityKey: string;
  encryptionKey: string;
}

/**
 * What leaves the device (`registerDevice`): the public keys and the identity key's signature over both, which binds
 * the encryption key to the identity key. Safety numbers cover identity keys only; the binding makes them cover the
 * encryption key too (a server cannot pair a member's identity key with an encryption key of its own).
 */
export interface DeviceRegistration extends PublicDeviceKeys {
  keySignature: string;
}

/** The private half, for a key store (base64 JSON). Never sent anywhere. */
export interface SerializedDeviceKeys {
  identitySecretKey: string;
  encryptionSecretKey: string;
}

export function generateDeviceKeys(): DeviceKeyPairs {
  return { identity: nacl.sign.keyPair(), encryption: nacl.box.keyPair() };
}

export function publicKeysOf(keys: DeviceKeyPairs): PublicDeviceKeys {
  return {
    identityKey: toBase64(keys.identity.publicKey),
    encryptionKey: toBase64(keys.encryption.publicKey),
  };
}

const BINDING_DOMAIN = utf8('counterpart/device-keys/v1');

/** The bytes the identity key signs to bind the encryption key to it. */
export const bindingBytes = (identityKey: Uint8Array, encryptionKey: Uint8Array): Uint8Array =>
  concatBytes(lengthPrefixed(BINDING_DOMAIN), lengthPrefixed(identityKey), lengthPrefixed(encryptionKey));

/** The public keys and their binding signature, for `registerDevice`. */
export function registrationOf(keys: DeviceKeyPairs): DeviceRegistration {
  return {
    ...publicKeysOf(keys),
    keySignature: toBase64(
      nacl.sign.detached(
        bindingBytes(keys.identity.publicKey, keys.encryption.publicKey),
        keys.identity.secretKey,
      ),
    ),
  };
}

/**
 * True when the encryption key is bound to the identity key (the identity key signed both) and is usable: not a
 * low-order point, whose shared key with anyone would be all zeros (a wrap for it would be readable by all).
 */
export function verifyRegistration(registration: {
  identityKey: string;
  encryptionKey: string;
  keySignature?: string | null;
}): boolean {
  const decoded = decodeRegistration(registration);
  return (
    decoded !== undefined && nacl.sign.detached.verify(decoded.signed, decoded.signature, decoded.identityKey)
  );
}

/** `verifyRegistration` with a faster verifier (WebCrypto, node:crypto): what clients use. */
export async function verifyRegistrationWith(
  registration: { identityKey: string; encryptionKey: string; keySignature?: string | null },
  verifier: Ed25519Verifier,
): Promise<boolean> {
  const decoded = decodeRegistration(registration);
  return decoded !== undefined && verifier.verify(decoded.signed, decoded.signature, decoded.identityKey);
}

/** The decoded keys, signature and signed bytes of a well-formed registration with a usable encryption key. */
function decodeRegistration(registration: {
  identityKey: string;
  encryptionKey: string;
  keySignature?: string | null;
}): { identityKey: Uint8Array; signature: Uint8Array; signed: Uint8Array } | undefined {
  const identityKey = decodePublicKey(registration.identityKey, nacl.sign.publicKeyLength);
  const encryptionKey = decodePublicKey(registration.encryptionKey, nacl.box.publicKeyLength);
  const signature = registration.keySignature ? fromBase64(registration.keySignature) : undefined;
  if (!identityKey || !encryptionKey || signature?.length !== nacl.sign.signatureLength) {
    return undefined;
  }
  if (nacl.scalarMult(nacl.randomBytes(32), encryptionKey).every((byte) => byte === 0)) {
    return undefined;
  }
  return { identityKey, signature, signed: bindingBytes(identityKey, encryptionKey) };
}

export function serializeDeviceKeys(keys: DeviceKeyPairs): SerializedDeviceKeys {
  return {
    identitySecretKey: toBase64(keys.identity.secretKey),
    encryptionSecretKey: toBase64(keys.encryption.secretKey),
  };
}

export function deserializeDeviceKeys(stored: SerializedDeviceKeys): DeviceKeyPairs {
  const identity = fromBase64(stored.identitySecretKey);
  const encryption = fromBase64(stored.encryptionSecretKey);
  if (identity?.length !== nacl.sign.secretKeyLength || encryption?.length !== nacl.box.secretKeyLength) {
    throw new Error('stored device keys are malformed');
  }
  return {
    identity: nacl.sign.keyPair.fromSecretKey(identity),
    encryption: nacl.box.keyPair.fromSecretKey(encryption),
  };
}

/** Decodes a registered public key of the given length, or undefined. */
export function decodePublicKey(text: string, length: number): Uint8Array | undefined {
  const bytes = fromBase64(text);
  return bytes?.length === length ? bytes : undefined;
}
