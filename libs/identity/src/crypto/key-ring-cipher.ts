import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyRingEntry } from '@app/config';

export interface Sealed {
  keyId: string;
  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts. */
  value: string;
}

/** A sealed value names a key the ring does not hold (a retired key dropped too early). */
export class KeyNotInRingError extends Error {
  constructor(readonly keyId: string) {
    super(`no key "${keyId}" in the key ring`);
    this.name = 'KeyNotInRingError';
  }
}

/**
 * AES-256-GCM under a key ring: the first key encrypts, any key decrypts, and each ciphertext names its key id, so
 * the key can rotate (add the old one to the *_PREVIOUS_KEYS list, re-encrypt lazily or not at all).
 */
export class KeyRingCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: string;

  constructor(ring: KeyRingEntry[], purpose: string) {
    if (ring.length === 0) {
      throw new Error(`the ${purpose} key ring is empty`);
    }
    this.current = ring[0].id;
    this.keys = new Map(
      ring.map(({ id, secret }) => [
        id,
        Buffer.from(hkdfSync('sha256', secret, `counterpart:${purpose}`, id, 32)),
      ]),
    );
  }

  /** The id of the key that seals new values. */
  get currentKeyId(): string {
    return this.current;
  }

  /** The key id a sealed value names (it is not secret), or null when the value is not one. */
  static keyIdOf(value: string): string | null {
    const [version, keyId] = value.split('.');
    return version === 'v1' && keyId ? keyId : null;
  }

  seal(plaintext: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.current), iv);
    cipher.setAAD(Buffer.from(this.current));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return { keyId: this.current, value: ['v1', this.current, ...parts].join('.') };
  }

  open(value: string): string {
    const [version, keyId, iv, tag, ciphertext] = value.split('.');
    if (version !== 'v1' || !keyId || !iv || !tag || ciphertext === undefined) {
      throw new Error('unrecognised sealed value');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) {
      throw new KeyNotInRingError(id);
    }
    return key;
  }
}
