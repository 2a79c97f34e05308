import { sha512 } from '@noble/hashes/sha2';
import { scrypt } from '@noble/hashes/scrypt';
import { hex } from '@scure/base';
import nacl from 'tweetnacl';
import { toHex, utf8 } from './bytes';
import { canonicalEnvelopeBytes } from './envelope';
import { safetyNumber } from './safety-number';
import {
  ED25519_RFC8032_TEST1,
  ED25519_RFC8032_TEST2,
  NACL_BOX_VECTOR,
  SCRYPT_RFC7914_1,
  SCRYPT_RFC7914_2,
  SHA512_ABC,
  X25519_RFC7748_6_1,
} from './testing/published-vectors';

/** Every primitive the envelope, the safety number and key protection use, against published vectors. */
describe('known answers', () => {
  it.each([ED25519_RFC8032_TEST1, ED25519_RFC8032_TEST2])('Ed25519: $source', (vector) => {
    const keyPair = nacl.sign.keyPair.fromSeed(hex.decode(vector.seed));
    expect(toHex(keyPair.publicKey)).toBe(vector.publicKey);
    const signature = nacl.sign.detached(hex.decode(vector.message), keyPair.secretKey);
    expect(toHex(signature)).toBe(vector.signature);
    expect(nacl.sign.detached.verify(hex.decode(vector.message), signature, keyPair.publicKey)).toBe(true);
  });

  it('X25519: RFC 7748 §6.1', () => {
    const v = X25519_RFC7748_6_1;
    expect(toHex(nacl.scalarMult.base(hex.decode(v.aliceSk)))).toBe(v.alicePk);
    expect(toHex(nacl.scalarMult.base(hex.decode(v.bobSk)))).toBe(v.bobPk);
    expect(toHex(nacl.scalarMult(hex.decode(v.aliceSk), hex.decode(v.bobPk)))).toBe(v.shared);
    expect(toHex(nacl.scalarMult(hex.decode(v.bobSk), hex.decode(v.alicePk)))).toBe(v.shared);
  });

  it('box and secretbox: the NaCl test suite', () => {
    const v = NACL_BOX_VECTOR;
    const nonce = hex.decode(v.nonce);
    const message = hex.decode(v.message);
    expect(toHex(nacl.box.before(hex.decode(v.bobPk), hex.decode(v.aliceSk)))).toBe(v.firstkey);
    expect(toHex(nacl.box.before(hex.decode(v.alicePk), hex.decode(v.bobSk)))).toBe(v.firstkey);
    expect(toHex(nacl.box(message, nonce, hex.decode(v.bobPk), hex.decode(v.aliceSk)))).toBe(v.boxed);
    expect(toHex(nacl.box.after(message, nonce, hex.decode(v.firstkey)))).toBe(v.boxed);
    expect(toHex(nacl.secretbox(message, nonce, hex.decode(v.firstkey)))).toBe(v.boxed);
    const opened = nacl.box.open(hex.decode(v.boxed), nonce, hex.decode(v.alicePk), hex.decode(v.bobSk));
    expect(opened && toHex(opened)).toBe(v.message);
    const tampered = hex.decode(v.boxed);
    tampered[0] ^= 1;
    expect(nacl.secretbox.open(tampered, nonce, hex.decode(v.firstkey))).toBeNull();
  });

  it('SHA-512: FIPS 180-2 "abc"', () => {
    expect(toHex(sha512(hex.decode(SHA512_ABC.input)))).toBe(SHA512_ABC.digest);
  });

  it.each([SCRYPT_RFC7914_1, SCRYPT_RFC7914_2])('scrypt: $source', (v) => {
    const key = scrypt(utf8(v.password), utf8(v.salt), { N: v.N, r: v.r, p: v.p, dkLen: v.dkLen });
    expect(toHex(key)).toBe(v.derivedKey);
  });

  // Our own formats: fixed inputs, fixed outputs, so a change of encoding cannot go unnoticed.
  it('canonical envelope bytes: fixed vector', () => {
    const canonical = canonicalEnvelopeBytes({
      conversationId: '8d7f1d7e-0000-4000-8000-000000000001',
      clientMessageId: 'm-1',
      senderDeviceId: 'd',
      nonce: new Uint8Array(24).fill(7),
      ciphertext: new Uint8Array([1, 2, 3]),
      wraps: [{ deviceId: 'r', nonce: new Uint8Array(24).fill(9), key: new Uint8Array(48).fill(10) }],
    });
    expect(toHex(sha512(canonical)).slice(0, 64)).toBe(CANONICAL_SHA512_PREFIX);
  });

  it('safety number: fixed vector from the RFC 8032 public keys', () => {
    const number = safetyNumber(
      hex.decode(ED25519_RFC8032_TEST1.publicKey),
      hex.decode(ED25519_RFC8032_TEST2.publicKey),
    );
    expect(number).toBe(SAFETY_NUMBER_VECTOR);
  });
});

const CANONICAL_SHA512_PREFIX = 'c978cf191f84d6e951cfb68d00c77a383ce0a79e2ace50776e5e77f5d0353735';
const SAFETY_NUMBER_VECTOR = '625471294541639562426102509154816678995111213896214969550499';
