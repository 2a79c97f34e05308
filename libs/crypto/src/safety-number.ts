import { sha512 } from '@noble/hashes/sha2';
import { compareBytes, concatBytes, utf8 } from './bytes';

const ITERATIONS = 5200;
const VERSION = utf8('counterpart/safety-number/v1');

/** 30 digits for one side: its identity keys (a member's devices, in byte order), hashed 5,200 times. */
function fingerprint(keys: Uint8Array[]): string {
  const joined = concatBytes(...[...keys].sort(compareBytes));
  let hash = sha512(concatBytes(VERSION, joined));
  for (let i = 1; i < ITERATIONS; i += 1) {
    hash = sha512(concatBytes(hash, joined));
  }
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk += 1) {
    let value = 0;
    for (let i = 0; i < 5; i += 1) {
      value = value * 256 + hash[chunk * 5 + i];
    }
    digits += String(value % 100_000).padStart(5, '0');
  }
  return digits;
}

/**
 * The safety number of two parties: 60 digits from both sides' Ed25519 identity keys (one key, or all of a member's
 * devices), the same whichever side computes it. Compared out of band (read aloud, side by side), it proves no one
 * in between — the server included — swapped a key.
 */
export function safetyNumber(mine: Uint8Array | Uint8Array[], theirs: Uint8Array | Uint8Array[]): string {
  const sides = [mine, theirs].map((keys) => fingerprint(Array.isArray(keys) ? keys : [keys]));
  return sides.sort().join('');
}

/** 12 groups of 5 digits, for reading aloud. */
export const formatSafetyNumber = (digits: string): string => digits.replace(/(\d{5})(?=\d)/g, '$1 ');
