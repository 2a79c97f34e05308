import nacl from 'tweetnacl';
import { fromBase64, toBase64 } from './bytes';
import {
  bindingBytes,
  type DeviceKeyPairs,
  type DeviceRegistration,
  type PublicDeviceKeys,
} from './device-keys';

/**
 * A device's private keys behind an asynchronous interface: what envelopes need of them (a signature, a shared key
 * with a peer) and nothing more — no caller ever holds a secret key. Two implementations: `TweetnaclDeviceSecrets`
 * (raw keys in memory: Node key files, tests) and `WebCryptoDeviceSecrets` (non-extractable `CryptoKey`s: the browser,
 * where a script injected later can use the keys while it runs but cannot copy them out).
 */
export interface DeviceSecrets {
  /** The public halves (base64), as registered. */
  readonly publicKeys: PublicDeviceKeys;
  /** Ed25519 signature by the identity key (64 bytes; the same bytes for the same key, whichever implementation). */
  sign(message: Uint8Array): Promise<Uint8Array>;
  /**
   * The box key shared with a peer's X25519 public key: exactly tweetnacl's `box.before(peer, own secret key)`
   * (HSalsa20 of the X25519 shared secret). Rejects for an unusable peer key.
   */
  sharedKey(peerEncryptionKey: Uint8Array): Promise<Uint8Array>;
}

/** Raw key pairs kept in this object only (private fields); what `DeviceVault` and tests use. */
export class TweetnaclDeviceSecrets implements DeviceSecrets {
  readonly publicKeys: PublicDeviceKeys;
  readonly #identitySecretKey: Uint8Array;
  readonly #encryptionSecretKey: Uint8Array;

  constructor(keys: DeviceKeyPairs) {
    this.publicKeys = {
      identityKey: toBase64(keys.identity.publicKey),
      encryptionKey: toBase64(keys.encryption.publicKey),
    };
    this.#identitySecretKey = keys.identity.secretKey.slice();
    this.#encryptionSecretKey = keys.encryption.secretKey.slice();
  }

  sign(message: Uint8Array): Promise<Uint8Array> {
    return Promise.resolve(nacl.sign.detached(message, this.#identitySecretKey));
  }

  sharedKey(peerEncryptionKey: Uint8Array): Promise<Uint8Array> {
    return Promise.resolve(nacl.box.before(peerEncryptionKey, this.#encryptionSecretKey));
  }
}

const HSALSA20_ZERO_NONCE = new Uint8Array(16);
const SIGMA = new Uint8Array([...'expand 32-byte k'].map((char) => char.charCodeAt(0)));

/** tweetnacl 1.0.3 exports its primitives as `lowlevel`; its type declarations leave them out. */
const lowlevel = (
  nacl as unknown as {
    lowlevel: {
      crypto_core_hsalsa20(out: Uint8Array, nonce: Uint8Array, key: Uint8Array, sigma: Uint8Array): void;
    };
  }
).lowlevel;

/** tweetnacl's `box.before` from a raw X25519 shared secret (what WebCrypto's `deriveBits` gives). */
export function boxKeyFromSharedSecret(sharedSecret: Uint8Array): Uint8Array {
  const key = new Uint8Array(nacl.box.sharedKeyLength);
  lowlevel.crypto_core_hsalsa20(key, HSALSA20_ZERO_NONCE, sharedSecret, SIGMA);
  return key;
}

/** The public keys and their binding signature, for `registerDevice`, signed through the device's secrets. */
export async function registrationFor(secrets: DeviceSecrets): Promise<DeviceRegistration> {
  const { identityKey, encryptionKey } = secrets.publicKeys;
  const signature = await secrets.sign(
    bindingBytes(fromBase64(identityKey) ?? new Uint8Array(), fromBase64(encryptionKey) ?? new Uint8Array()),
  );
  return { identityKey, encryptionKey, keySignature: toBase64(signature) };
}
