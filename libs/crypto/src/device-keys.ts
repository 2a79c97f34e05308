import nacl from 'tweetnacl';
import { fromBase64, toBase64 } from './bytes';

/** A device's two key pairs: Ed25519 to sign what it sends, X25519 to receive wrapped message keys. */
export interface DeviceKeyPairs {
  identity: nacl.SignKeyPair;
  encryption: nacl.BoxKeyPair;
}

/** What leaves the device (`registerDevice`), base64. */
export interface PublicDeviceKeys {
  identityKey: string;
  encryptionKey: string;
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
