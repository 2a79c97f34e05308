import nacl from 'tweetnacl';
import { bufferSource, toBase64 } from './bytes';

/**
 * Ed25519 signature verification, the cost of opening every message. Three implementations, one contract: tweetnacl
 * (pure JS, ≈ 9 ms a verify, works everywhere), WebCrypto (`crypto.subtle.verify('Ed25519')`: browsers and Node,
 * ≈ 0.2 ms) and, in Node only, `node:crypto` (`NodeEd25519Verifier` in `@app/client/node`, synchronous, ≈ 0.1 ms).
 * `defaultEd25519Verifier()` picks WebCrypto when it works here, tweetnacl otherwise.
 */
export interface Ed25519Verifier {
  readonly name: string;
  /** True when `signature` is `publicKey`'s signature over `message`; false for anything else (malformed included). */
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean>;
}

const PUBLIC_KEY_BYTES = nacl.sign.publicKeyLength;
const SIGNATURE_BYTES = nacl.sign.signatureLength;
const wellFormed = (signature: Uint8Array, publicKey: Uint8Array) =>
  signature.length === SIGNATURE_BYTES && publicKey.length === PUBLIC_KEY_BYTES;

export const tweetnaclVerifier: Ed25519Verifier = {
  name: 'tweetnacl',
  verify: (message, signature, publicKey) =>
    Promise.resolve(
      wellFormed(signature, publicKey) && nacl.sign.detached.verify(message, signature, publicKey),
    ),
};

type Subtle = typeof globalThis.crypto.subtle;
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

/** The WebCrypto subtle API of this runtime, if any (browsers, Node ≥ 19 as a global). */
export function webCryptoSubtle(): Subtle | undefined {
  return (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
}

/** At most this many imported public keys are kept (the devices a client reads from: a few hundred at most). */
const MAX_CACHED_KEYS = 1000;

/** `crypto.subtle.verify('Ed25519')`, each public key imported once. */
export class WebCryptoEd25519Verifier implements Ed25519Verifier {
  readonly name = 'webcrypto';
  private readonly keys = new Map<string, Promise<WebCryptoKey>>();

  constructor(private readonly subtle: Subtle) {}

  async verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
    if (!wellFormed(signature, publicKey)) {
      return false;
    }
    try {
      return await this.subtle.verify(
        'Ed25519',
        await this.key(publicKey),
        bufferSource(signature),
        bufferSource(message),
      );
    } catch {
      return false; // a key WebCrypto refuses to import (not a curve point) verifies nothing
    }
  }

  private key(publicKey: Uint8Array): Promise<WebCryptoKey> {
    const id = toBase64(publicKey);
    let key = this.keys.get(id);
    if (!key) {
      if (this.keys.size >= MAX_CACHED_KEYS) {
        this.keys.clear();
      }
      key = this.subtle.importKey('raw', bufferSource(publicKey), 'Ed25519', false, ['verify']);
      key.catch(() => this.keys.delete(id));
      this.keys.set(id, key);
    }
    return key;
  }
}

// RFC 8032 §7.1 test 1: the empty message. A runtime whose WebCrypto gets it wrong (or lacks Ed25519) is not used.
const PROBE = {
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  signature:
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
};
const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16));

/** True when this runtime's WebCrypto verifies Ed25519 correctly (a good signature passes, a flipped one fails). */
export async function webCryptoEd25519Works(
  subtle: Subtle | undefined = webCryptoSubtle(),
): Promise<boolean> {
  if (!subtle) {
    return false;
  }
  const verifier = new WebCryptoEd25519Verifier(subtle);
  const publicKey = fromHex(PROBE.publicKey);
  const signature = fromHex(PROBE.signature);
  const flipped = signature.slice();
  flipped[0] ^= 1;
  const empty = new Uint8Array(0);
  return (
    (await verifier.verify(empty, signature, publicKey)) &&
    !(await verifier.verify(empty, flipped, publicKey))
  );
}

let selected: Promise<Ed25519Verifier> | undefined;

/** WebCrypto when this runtime has a working Ed25519, tweetnacl otherwise; chosen once, on first use. */
export function defaultEd25519Verifier(): Promise<Ed25519Verifier> {
  selected ??= webCryptoEd25519Works()
    .catch(() => false)
    .then((works) => (works ? new WebCryptoEd25519Verifier(webCryptoSubtle() as Subtle) : tweetnaclVerifier));
  return selected;
}
