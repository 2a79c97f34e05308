/**
 * Known-answer vectors from published standards (RFC 8032, RFC 7748, the NaCl test suite, FIPS 180-2, RFC 7914),
 * never produced by the libraries they test. Hex strings.
 */
// ---------------------------------------------------------------------------
// 1. Ed25519 — RFC 8032, Section 7.1 "Test Vectors for Ed25519", TEST 1 and TEST 2
//    Verified: nacl.sign.keyPair.fromSeed(seed).publicKey === publicKey
//              nacl.sign.detached(message, keyPair.secretKey) === signature
//              nacl.sign.detached.verify(message, signature, publicKey) === true
//    Note: tweetnacl's 64-byte secretKey is seed || publicKey.
// ---------------------------------------------------------------------------
export const ED25519_RFC8032_TEST1 = {
  source: 'RFC 8032 §7.1 TEST 1 (empty message)',
  seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  message: '',
  signature:
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
    '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
} as const;

export const ED25519_RFC8032_TEST2 = {
  source: 'RFC 8032 §7.1 TEST 2 (1-byte message 0x72)',
  seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
  publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
  message: '72',
  signature:
    '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da' +
    '085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
} as const;

// ---------------------------------------------------------------------------
// 2. X25519 — RFC 7748, Section 6.1 "Curve25519" (Diffie-Hellman test vector)
//    Verified: nacl.scalarMult.base(aliceSk) === alicePk, nacl.scalarMult.base(bobSk) === bobPk,
//              nacl.scalarMult(aliceSk, bobPk) === nacl.scalarMult(bobSk, alicePk) === shared
//    These are the same Alice/Bob keys that NaCl uses in tests/box.c and tests/scalarmult*.c.
// ---------------------------------------------------------------------------
export const X25519_RFC7748_6_1 = {
  source: 'RFC 7748 §6.1',
  aliceSk: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
  alicePk: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
  bobSk: '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb',
  bobPk: 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
  shared: '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
} as const;

// ---------------------------------------------------------------------------
// 3. XSalsa20-Poly1305 box / secretbox — NaCl test suite (D. J. Bernstein,
//    "Cryptography in NaCl"; NaCl tests/box.c + box.out, tests/secretbox.c + secretbox.out,
//    tests/core1.c + core1.out; the same files are in libsodium test/default/box.c, box.exp,
//    secretbox.c, core1.c).
//    - alicesk/bobpk: the X25519 keys above (box.c).
//    - firstkey = crypto_box_beforenm(bobpk, alicesk) = HSalsa20(shared, 0^16). This is the
//      output of core1.c and the key used in secretbox.c.
//    - message = m[32..163) from box.c/secretbox.c. The C API's 32 leading zero bytes
//      (ZEROBYTES) are removed, which leaves 131 bytes.
//    - boxed = c[16..163) as printed in box.out/box.exp (and secretbox.out): a 16-byte Poly1305
//      authenticator followed by 131 bytes of ciphertext, 147 bytes in all. This is
//      exactly tweetnacl's nacl.box / nacl.secretbox output format.
//    Verified: nacl.box.before(bobPk, aliceSk) === nacl.box.before(alicePk, bobSk) === firstkey
//              nacl.box(message, nonce, bobPk, aliceSk) === boxed
//              nacl.box.after(message, nonce, firstkey) === boxed
//              nacl.secretbox(message, nonce, firstkey) === boxed
//              nacl.box.open(boxed, nonce, alicePk, bobSk) === message
//              nacl.secretbox.open(boxed, nonce, firstkey) === message
//              secretbox.open of boxed with one MAC bit flipped === null
// ---------------------------------------------------------------------------
export const NACL_BOX_VECTOR = {
  source: 'NaCl tests/box.c + box.out, tests/secretbox.c + secretbox.out, tests/core1.c + core1.out',
  aliceSk: X25519_RFC7748_6_1.aliceSk,
  alicePk: X25519_RFC7748_6_1.alicePk,
  bobSk: X25519_RFC7748_6_1.bobSk,
  bobPk: X25519_RFC7748_6_1.bobPk,
  firstkey: '1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389',
  nonce: '69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37',
  // 131 bytes
  message:
    'be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc' +
    'e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31' +
    '0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde' +
    '048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864' +
    '5e0705',
  // 147 bytes = 16-byte authenticator (f3ffc7703f9400e52a7dfb4b3d3305d9) || 131-byte ciphertext
  boxed:
    'f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce' +
    '48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972' +
    '71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae' +
    '90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3' +
    '7973f622a43d14a6599b1f654cb45a74e355a5',
} as const;

// ---------------------------------------------------------------------------
// 4. SHA-512("abc") — FIPS 180-2 Appendix C.1 (SHA-512 one-block message example);
//    also RFC 6234 §8.5 test driver, TEST1 = "abc"
//    Verified: sha512(utf8('abc')) from @noble/hashes/sha2, and nacl.hash(utf8('abc'))
// ---------------------------------------------------------------------------
export const SHA512_ABC = {
  source: 'FIPS 180-2 Appendix C.1 / RFC 6234 §8.5 TEST1',
  input: '616263', // "abc"
  digest:
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
    '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
} as const;

// ---------------------------------------------------------------------------
// 5. scrypt — RFC 7914, Section 12 "Test Vectors for scrypt" (first two vectors)
//    Verified: scrypt(P, S, { N, r, p, dkLen }) from @noble/hashes/scrypt
//    (about 3 ms and 140 ms here)
// ---------------------------------------------------------------------------
export const SCRYPT_RFC7914_1 = {
  source: 'RFC 7914 §12 vector 1',
  password: '',
  salt: '',
  N: 16,
  r: 1,
  p: 1,
  dkLen: 64,
  derivedKey:
    '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
    'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
} as const;

export const SCRYPT_RFC7914_2 = {
  source: 'RFC 7914 §12 vector 2',
  password: 'password',
  salt: 'NaCl',
  N: 1024,
  r: 8,
  p: 16,
  dkLen: 64,
  derivedKey:
    'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
    '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
} as const;
