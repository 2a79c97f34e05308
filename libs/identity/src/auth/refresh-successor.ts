import { createHmac } from 'node:crypto';
import { sha256Hex } from '../crypto/secrets';

/** Domain separation: the successor key is used for nothing else, and a new scheme gets a new label. */
export const SUCCESSOR_KEY_LABEL = 'counterpart refresh successor v1';

/** k = HMAC-SHA256(JWT secret, label): the key successors are derived with. */
export function successorKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update(SUCCESSOR_KEY_LABEL, 'utf8').digest();
}

/** next = base64url(HMAC-SHA256(k, token)): 256 bits, the same form as a random refresh token. */
export function successorOf(key: Buffer, token: string): string {
  return createHmac('sha256', key).update(token, 'utf8').digest('base64url');
}

export interface SuccessorCandidate {
  token: string;
  tokenHash: string;
}

/**
 * The successor of a refresh token, derived rather than random, so a replay within the grace window can be answered
 * with the very token the first caller got without storing any token in plaintext. One key per JWT key of the ring:
 * the current key derives new successors, and every key is tried when looking one up (a rotation of JWT_SECRET
 * between the first call and its replay).
 */
export class RefreshSuccessors {
  private readonly keys: Buffer[];

  constructor(jwtSecrets: readonly string[]) {
    if (jwtSecrets.length === 0) {
      throw new Error('RefreshSuccessors needs at least one key');
    }
    this.keys = jwtSecrets.map(successorKey);
  }

  /** The successor a rotation stores now (current key). */
  next(token: string): string {
    return successorOf(this.keys[0], token);
  }

  /** Every successor `token` may have had: one per key of the ring, with the hash its row is stored under. */
  candidates(token: string): SuccessorCandidate[] {
    return this.keys.map((key) => {
      const next = successorOf(key, token);
      return { token: next, tokenHash: sha256Hex(next) };
    });
  }
}
