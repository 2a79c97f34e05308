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

/** scrypt's cost: N = 2^logN, block size r, parallelism p. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

/**
 * Throws unless the cost is one a record may ask for: a stored record chooses its own cost, so a forged one could ask
 * for gigabytes (or for a cost too cheap to protect anything).
 */
export function checkScryptCost(cost: ScryptCost, record = 'the key record'): void {
  const within = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  // scrypt needs 128 · r · N bytes, p times over: at most 512 MiB, p ≤ 4 (the default: 32 MiB, once).
  if (
    !within(cost.logN, 10, 22) ||
    !within(cost.r, 1, 32) ||
    !within(cost.p, 1, 4) ||
    128 * cost.r * 2 ** cost.logN > 2 ** 29
  ) {
    throw new Error(`${record} is malformed: its scrypt cost is out of bounds`);
  }
}

/** 32 bytes from a passphrase (NFKC-normalized) and a salt: the key a passphrase seals keys under. */
export const passphraseKey = (passphrase: string, salt: Uint8Array, cost: ScryptCost): Promise<Uint8Array> =>
  scryptAsync(utf8(passphrase.normalize('NFKC')), salt, {
    N: 2 ** cost.logN,
    r: cost.r,
    p: cost.p,
    dkLen: nacl.secretbox.keyLength,
  });

export async function protectSecret(
  secret: string,
  passphrase: string,
  cost: ScryptCost = DEFAULT_SCRYPT,
): Promise<ProtectedSecret> {
  const salt = nacl.randomBytes(16);
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  const key = await passphraseKey(passphrase, salt, cost);
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
  if (stored.v !== 1 || stored.kdf !== 'scrypt' || !salt || !nonce || !box) {
    throw new Error('the protected key record is malformed');
  }
  checkScryptCost(stored, 'the protected key record');
  const opened = nacl.secretbox.open(box, nonce, await passphraseKey(passphrase, salt, stored));
  if (!opened) {
    throw new Error('wrong passphrase (or the protected key record was altered)');
  }
  return fromUtf8(opened);
}
