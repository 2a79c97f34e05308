import nacl from 'tweetnacl';
import { bufferSource, concatBytes, toBase64 } from './bytes';
import type { DeviceKeyPairs, PublicDeviceKeys } from './device-keys';
import { boxKeyFromSharedSecret, type DeviceSecrets } from './device-secrets';
import { webCryptoSubtle, type WebCryptoKey } from './verify';

type Subtle = typeof globalThis.crypto.subtle;

/** A device's WebCrypto keys: what a browser key store keeps (CryptoKeys survive structured cloning into IndexedDB). */
export interface WebCryptoDeviceKeys {
  identity: { publicKey: WebCryptoKey; privateKey: WebCryptoKey };
  encryption: { publicKey: WebCryptoKey; privateKey: WebCryptoKey };
}

// PKCS #8 headers of a raw 32-byte private key (RFC 8410): Ed25519 (OID 1.3.101.112) and X25519 (1.3.101.110).
const PKCS8_ED25519 = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const PKCS8_X25519 = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

/** This runtime's WebCrypto, or an error saying it has none. */
export function subtleOrThrow(subtle: Subtle | undefined): Subtle {
  if (!subtle) {
    throw new Error('this runtime has no WebCrypto');
  }
  return subtle;
}

/** The public halves of WebCrypto key pairs, base64 (the raw bytes, as registered). */
export async function webCryptoPublicKeys(
  keys: WebCryptoDeviceKeys,
  subtle: Subtle,
): Promise<PublicDeviceKeys> {
  const raw = async (key: WebCryptoKey) => toBase64(new Uint8Array(await subtle.exportKey('raw', key)));
  return {
    identityKey: await raw(keys.identity.publicKey),
    encryptionKey: await raw(keys.encryption.publicKey),
  };
}

function asKeyPair(value: unknown): { publicKey: WebCryptoKey; privateKey: WebCryptoKey } {
  const pair = value as { publicKey?: WebCryptoKey; privateKey?: WebCryptoKey };
  if (!pair.publicKey || !pair.privateKey) {
    throw new Error('WebCrypto did not return a key pair');
  }
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/** New Ed25519 and X25519 key pairs; extractable only to be wrapped under a passphrase at once (`wrapped-keys.ts`). */
export async function generateWebCryptoKeys(
  subtle: Subtle,
  extractable: boolean,
): Promise<WebCryptoDeviceKeys> {
  return {
    identity: asKeyPair(await subtle.generateKey('Ed25519', extractable, ['sign', 'verify'])),
    encryption: asKeyPair(await subtle.generateKey({ name: 'X25519' }, extractable, ['deriveBits'])),
  };
}

/**
 * Ed25519 and X25519 in WebCrypto, the private keys **non-extractable**: they sign and derive, but `exportKey` and
 * `wrapKey` refuse them. Signatures are those tweetnacl makes with the same seed; `sharedKey` is X25519 `deriveBits`
 * passed through HSalsa20, exactly `nacl.box.before` — envelopes stay v1, byte for byte.
 */
export class WebCryptoDeviceSecrets implements DeviceSecrets {
  private constructor(
    readonly keys: WebCryptoDeviceKeys,
    readonly publicKeys: PublicDeviceKeys,
    private readonly subtle: Subtle,
  ) {}

  /** New non-extractable key pairs. */
  static async generate(subtle: Subtle | undefined = webCryptoSubtle()): Promise<WebCryptoDeviceSecrets> {
    const api = subtleOrThrow(subtle);
    return WebCryptoDeviceSecrets.fromKeys(await generateWebCryptoKeys(api, false), api);
  }

  /** Keys kept before (e.g. read back from IndexedDB). */
  static async fromKeys(
    keys: WebCryptoDeviceKeys,
    subtle: Subtle | undefined = webCryptoSubtle(),
  ): Promise<WebCryptoDeviceSecrets> {
    const api = subtleOrThrow(subtle);
    if (keys.identity.privateKey.extractable || keys.encryption.privateKey.extractable) {
      // Keys read back from storage that someone replaced with extractable ones: never used as if they were safe.
      throw new Error('device private keys must be non-extractable');
    }
    return new WebCryptoDeviceSecrets(keys, await webCryptoPublicKeys(keys, api), api);
  }

  /**
   * Raw tweetnacl key pairs imported as non-extractable keys (moving a device from a raw key store; tests comparing
   * the two implementations). The caller should drop the raw keys afterwards.
   */
  static async fromRawKeys(
    keys: DeviceKeyPairs,
    subtle: Subtle | undefined = webCryptoSubtle(),
  ): Promise<WebCryptoDeviceSecrets> {
    const api = subtleOrThrow(subtle);
    const seed = keys.identity.secretKey.subarray(0, nacl.sign.seedLength);
    const identity = {
      privateKey: await api.importKey(
        'pkcs8',
        bufferSource(concatBytes(PKCS8_ED25519, seed)),
        'Ed25519',
        false,
        ['sign'],
      ),
      publicKey: await api.importKey('raw', bufferSource(keys.identity.publicKey), 'Ed25519', true, [
        'verify',
      ]),
    };
    const encryption = {
      privateKey: await api.importKey(
        'pkcs8',
        bufferSource(concatBytes(PKCS8_X25519, keys.encryption.secretKey)),
        { name: 'X25519' },
        false,
        ['deriveBits'],
      ),
      publicKey: await api.importKey(
        'raw',
        bufferSource(keys.encryption.publicKey),
        { name: 'X25519' },
        true,
        [],
      ),
    };
    return WebCryptoDeviceSecrets.fromKeys({ identity, encryption }, api);
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(
      await this.subtle.sign('Ed25519', this.keys.identity.privateKey, bufferSource(message)),
    );
  }

  async sharedKey(peerEncryptionKey: Uint8Array): Promise<Uint8Array> {
    const peer = await this.subtle.importKey(
      'raw',
      bufferSource(peerEncryptionKey),
      { name: 'X25519' },
      false,
      [],
    );
    // WebCrypto refuses a low-order peer key (an all-zero secret) here; tweetnacl would return a key anyone knows.
    const secret = await this.subtle.deriveBits(
      { name: 'X25519', public: peer } as unknown as Parameters<Subtle['deriveBits']>[0],
      this.keys.encryption.privateKey,
      256,
    );
    return boxKeyFromSharedSecret(new Uint8Array(secret));
  }
}
