import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token (refresh tokens): 32 bytes = 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

// Crockford's base32: no I, L, O, U, so codes read aloud or typed from paper survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A human-transferable one-time code: `groups` × 4 characters of base32, 20 bits each group. */
export function randomCode(groups = 4): string {
  const bytes = randomBytes(groups * 4);
  const chars = Array.from(bytes, (byte) => ALPHABET[byte & 31]);
  return Array.from({ length: groups }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}

/** The canonical form of a typed code: uppercase, no separators, and the letters base32 confuses mapped back. */
export function normalizeCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function hashCode(code: string): string {
  return sha256Hex(normalizeCode(code));
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
