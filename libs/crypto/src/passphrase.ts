import { scryptAsync } from '@noble/hashes/scrypt';
import nacl from 'tweetnacl';
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes';

/** A secret sealed under a key derived from a passphrase (scrypt + secretbox); safe to store. */
export interface ProtectedSecret {
  v: 1;
  kdf: 'scrypt';
  /** scrypt cost: N = 2^logN */
  logN: number;
  r: number;
  p: number;
  salt: string;
  nonce: string;
  box: string;
}

/** 2^15 × r 8: ≈ 32 MiB and a fraction of a second, in Node and in the browser. */
export const DEFAULT_SCRYPT = { logN: 15, r: 8, p: 1 } as const;

const deriveKey = (passphrase: string, salt: Uint8Array, cost: { logN: number; r: number; p: number }) =>
  scryptAsync(utf8(passphrase.normalize('NFKC')), salt, {
    N: 2 ** cost.logN,
    r: cost.r,
    p: cost.p,
    dkLen: nacl.secretbox.keyLength,
  });

export async function protectSecret(
  secret: string,
  passphrase: string,
  cost: { logN: number; r: number; p: number } = DEFAULT_SCRYPT,
): Promise<ProtectedSecret> {
  const salt = nacl.randomBytes(16);
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  const key = await deriveKey(passphrase, salt, cost);
  return {
    v: 1,
    kdf: 'scrypt',
    ...cost,
    salt: toBase64(salt),
    nonce: toBase64(nonce),
    box: toBase64(nacl.secretbox(utf8(secret), nonce, key)),
  };
}

/** Returns the secret, or throws when the passphrase is wrong or the record was altered. */
export async function unprotectSecret(stored: ProtectedSecret, passphrase: string): Promise<string> {
  const salt = fromBase64(stored.salt);
  const nonce = fromBase64(stored.nonce);
  const box = fromBase64(stored.box);
  if (
    stored.v !== 1 ||
    stored.kdf !== 'scrypt' ||
    !salt ||
    !nonce ||
    !box ||
    stored.logN < 10 ||
    stored.logN > 22
  ) {
    throw new Error('the protected key record is malformed');
  }
  const opened = nacl.secretbox.open(box, nonce, await deriveKey(passphrase, salt, stored));
  if (!opened) {
    throw new Error('wrong passphrase (or the protected key record was altered)');
  }
  return fromUtf8(opened);
}
