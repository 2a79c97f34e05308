/** Byte helpers that run the same in Node and the browser (plain Uint8Array, no Node built-ins). */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = new Int8Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) {
  DIGITS[ALPHABET.charCodeAt(index)] = index;
}
const PAD = 61; // '='

/** Standard base64 with padding (every envelope field, every key). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + ALPHABET[n & 63];
  }
  if (bytes.length - whole === 1) {
    const n = bytes[whole] << 16;
    out += `${ALPHABET[n >>> 18]}${ALPHABET[(n >>> 12) & 63]}==`;
  } else if (bytes.length - whole === 2) {
    const n = (bytes[whole] << 16) | (bytes[whole + 1] << 8);
    out += `${ALPHABET[n >>> 18]}${ALPHABET[(n >>> 12) & 63]}${ALPHABET[(n >>> 6) & 63]}=`;
  }
  return out;
}

const digit = (text: string, index: number): number => {
  const code = text.charCodeAt(index);
  return code < 128 ? DIGITS[code] : -1;
};

/**
 * Strict, padded standard base64; undefined for anything else: a length not a multiple of 4, a character outside the
 * alphabet (whitespace, URL-safe `-_`), padding anywhere but the end, or non-zero bits in the last character's unused
 * part (so every byte string has exactly one accepted encoding, which a signed format needs). One pass, one
 * allocation: every message opened decodes a dozen fields.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  if (typeof text !== 'string') {
    return undefined; // a caller passing parsed JSON through unchecked
  }
  const length = text.length;
  if (length % 4 !== 0) {
    return undefined;
  }
  const padding =
    length === 0 || text.charCodeAt(length - 1) !== PAD ? 0 : text.charCodeAt(length - 2) === PAD ? 2 : 1;
  const out = new Uint8Array((length / 4) * 3 - padding);
  const whole = padding === 0 ? length : length - 4;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = digit(text, i);
    const b = digit(text, i + 1);
    const c = digit(text, i + 2);
    const d = digit(text, i + 3);
    if ((a | b | c | d) < 0) {
      return undefined;
    }
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = n >>> 16;
    out[o + 1] = (n >>> 8) & 255;
    out[o + 2] = n & 255;
    o += 3;
  }
  if (padding > 0) {
    const a = digit(text, whole);
    const b = digit(text, whole + 1);
    const c = padding === 1 ? digit(text, whole + 2) : 0;
    // The bits the padding leaves unused must be zero: `QR==` is not another spelling of `QQ==`.
    if ((a | b | c) < 0 || (padding === 2 ? b & 15 : c & 3) !== 0) {
      return undefined;
    }
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o] = n >>> 16;
    if (padding === 1) {
      out[o + 1] = (n >>> 8) & 255;
    }
  }
  return out;
}

/**
 * The bytes as WebCrypto's `BufferSource` wants them (backed by an ArrayBuffer, never a SharedArrayBuffer: the DOM
 * types insist). Every array here is, so this copies nothing in practice.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Byte-wise order (shorter first on a common prefix). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A 4-byte big-endian length, then the bytes: unambiguous concatenation for signed encodings. */
export function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  return concatBytes(new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]), bytes);
}
