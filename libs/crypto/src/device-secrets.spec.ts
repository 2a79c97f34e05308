import { randomUUID } from 'node:crypto';
import { hex } from '@scure/base';
import nacl from 'tweetnacl';
import { fromBase64, toBase64, toHex, utf8 } from './bytes';
import { generateDeviceKeys, publicKeysOf, verifyRegistration } from './device-keys';
import { registrationFor, TweetnaclDeviceSecrets, type DeviceSecrets } from './device-secrets';
import { EnvelopeError, openEnvelope, sealEnvelope, SharedKeyCache } from './envelope';
import { ED25519_RFC8032_TEST1, ED25519_RFC8032_TEST2, NACL_BOX_VECTOR } from './testing/published-vectors';
import {
  defaultEd25519Verifier,
  tweetnaclVerifier,
  WebCryptoEd25519Verifier,
  webCryptoEd25519Works,
  webCryptoSubtle,
  type Ed25519Verifier,
} from './verify';
import { WebCryptoDeviceSecrets } from './webcrypto-secrets';

const subtle = webCryptoSubtle();
if (!subtle) {
  throw new Error('Node 20 has WebCrypto Ed25519 and X25519 (globalThis.crypto.subtle): these tests need it');
}

/** A raw seed and X25519 secret key as a full tweetnacl key pair set. */
const rawKeys = (seed: Uint8Array, encryptionSecret: Uint8Array) => ({
  identity: nacl.sign.keyPair.fromSeed(seed),
  encryption: nacl.box.keyPair.fromSecretKey(encryptionSecret),
});

describe(WebCryptoDeviceSecrets.name, () => {
  it('should sign exactly as tweetnacl does for the same seed (RFC 8032)', async () => {
    for (const vector of [ED25519_RFC8032_TEST1, ED25519_RFC8032_TEST2]) {
      const keys = rawKeys(hex.decode(vector.seed), nacl.randomBytes(32));
      const secrets = await WebCryptoDeviceSecrets.fromRawKeys(keys);
      expect(toHex(await secrets.sign(hex.decode(vector.message)))).toBe(vector.signature);
      expect(secrets.publicKeys).toEqual(publicKeysOf(keys));
    }
  });

  it('should derive exactly box.before (the NaCl test vector)', async () => {
    const v = NACL_BOX_VECTOR;
    const alice = rawKeys(nacl.randomBytes(32), hex.decode(v.aliceSk));
    const secrets = await WebCryptoDeviceSecrets.fromRawKeys(alice);
    expect(toHex(await secrets.sharedKey(hex.decode(v.bobPk)))).toBe(v.firstkey);
    const tweetnacl = new TweetnaclDeviceSecrets(alice);
    expect(toHex(await tweetnacl.sharedKey(hex.decode(v.bobPk)))).toBe(v.firstkey);
  });

  it('should agree with tweetnacl on fresh keys both ways', async () => {
    const generated = await WebCryptoDeviceSecrets.generate();
    const raw = generateDeviceKeys();
    const tweetnacl = new TweetnaclDeviceSecrets(raw);
    const fromWeb = await generated.sharedKey(raw.encryption.publicKey);
    const fromNacl = await tweetnacl.sharedKey(base64Key(generated.publicKeys.encryptionKey));
    expect(toHex(fromWeb)).toBe(toHex(fromNacl));
    const message = utf8('bound');
    const signature = await generated.sign(message);
    expect(nacl.sign.detached.verify(message, signature, base64Key(generated.publicKeys.identityKey))).toBe(
      true,
    );
  });

  it('should keep its private keys non-extractable (exportKey and wrapKey reject)', async () => {
    const secrets = await WebCryptoDeviceSecrets.generate();
    const imported = await WebCryptoDeviceSecrets.fromRawKeys(generateDeviceKeys());
    for (const { keys } of [secrets, imported]) {
      for (const privateKey of [keys.identity.privateKey, keys.encryption.privateKey]) {
        expect(privateKey.extractable).toBe(false);
        await expect(subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
        await expect(subtle.exportKey('jwk', privateKey)).rejects.toThrow();
        const wrapping = await subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey']);
        await expect(subtle.wrapKey('pkcs8', privateKey, wrapping, 'AES-KW')).rejects.toThrow();
      }
    }
    // Nothing secret on the object either: only CryptoKeys and the public halves.
    expect(JSON.stringify(secrets)).not.toMatch(/secret/i);
  });

  it('should survive a structured clone (what IndexedDB stores) and still sign', async () => {
    const secrets = await WebCryptoDeviceSecrets.generate();
    const restored = await WebCryptoDeviceSecrets.fromKeys(structuredClone(secrets.keys));
    expect(restored.publicKeys).toEqual(secrets.publicKeys);
    const message = utf8('after a reload');
    expect(toHex(await restored.sign(message))).toBe(toHex(await secrets.sign(message)));
  });

  it('should refuse a low-order peer key instead of deriving a key everyone knows', async () => {
    const secrets = await WebCryptoDeviceSecrets.generate();
    await expect(secrets.sharedKey(new Uint8Array(32))).rejects.toThrow();
    await expect(new SharedKeyCache(secrets).get(toBase64(new Uint8Array(32)))).rejects.toBeInstanceOf(
      EnvelopeError,
    );
  });
});

describe('DeviceSecrets across implementations', () => {
  const verifiers: Ed25519Verifier[] = [tweetnaclVerifier, new WebCryptoEd25519Verifier(subtle)];
  const implementations: Array<[string, () => Promise<DeviceSecrets>]> = [
    ['tweetnacl', () => Promise.resolve(new TweetnaclDeviceSecrets(generateDeviceKeys()))],
    ['webcrypto', () => WebCryptoDeviceSecrets.generate()],
  ];
  const pairs = implementations.flatMap(([sealer, makeSealer]) =>
    implementations.map(([opener, makeOpener]) => ({ sealer, makeSealer, opener, makeOpener })),
  );

  it.each(pairs)('should open with $opener what $sealer sealed', async ({ makeSealer, makeOpener }) => {
    const [alice, bob] = [await makeSealer(), await makeOpener()];
    const [aliceId, bobId] = [randomUUID(), randomUUID()];
    const conversationId = randomUUID();
    const body = { text: 'Привет — the shipment leaves on Friday', caveat: 'DO_NOT_DISSEMINATE' as const };
    const sealed = await sealEnvelope({
      conversationId,
      clientMessageId: 'm-1',
      senderDeviceId: aliceId,
      secrets: alice,
      recipients: [
        { deviceId: aliceId, encryptionKey: alice.publicKeys.encryptionKey },
        { deviceId: bobId, encryptionKey: bob.publicKeys.encryptionKey },
      ],
      body,
    });
    for (const verifier of verifiers) {
      for (const [reader, deviceId] of [
        [bob, bobId],
        [alice, aliceId],
      ] as const) {
        const opened = await openEnvelope(JSON.parse(JSON.stringify(sealed)) as unknown, {
          conversationId,
          clientMessageId: 'm-1',
          sender: { deviceId: aliceId, ...alice.publicKeys },
          deviceId,
          secrets: reader,
          verifier,
        });
        expect(opened).toEqual(body);
      }
    }
  });

  it.each(implementations)('should register (%s) with a binding the server accepts', async (_, make) => {
    const secrets = await make();
    const registration = await registrationFor(secrets);
    expect(registration).toMatchObject(secrets.publicKeys);
    expect(verifyRegistration(registration)).toBe(true);
  });

  it('should give the same registration signature for the same keys', async () => {
    const keys = generateDeviceKeys();
    const fromNacl = await registrationFor(new TweetnaclDeviceSecrets(keys));
    const fromWeb = await registrationFor(await WebCryptoDeviceSecrets.fromRawKeys(keys));
    expect(fromWeb).toEqual(fromNacl);
  });
});

describe('Ed25519 verifiers', () => {
  const keys = nacl.sign.keyPair();
  const message = utf8('counterpart');
  const signature = nacl.sign.detached(message, keys.secretKey);

  it('should find a working WebCrypto Ed25519 in Node 20, and refuse one that lacks it', async () => {
    await expect(webCryptoEd25519Works()).resolves.toBe(true);
    const without = { importKey: () => Promise.reject(new Error('NotSupportedError: Ed25519')) };
    await expect(webCryptoEd25519Works(without as unknown as typeof subtle)).resolves.toBe(false);
    const lying = { importKey: () => Promise.resolve({}), verify: () => Promise.resolve(true) };
    await expect(webCryptoEd25519Works(lying as unknown as typeof subtle)).resolves.toBe(false);
  });

  it('should use WebCrypto by default here', async () => {
    await expect(defaultEd25519Verifier()).resolves.toBeInstanceOf(WebCryptoEd25519Verifier);
  });

  it.each([tweetnaclVerifier, new WebCryptoEd25519Verifier(subtle)])(
    '$name should accept a good signature and refuse anything else',
    async (verifier) => {
      await expect(verifier.verify(message, signature, keys.publicKey)).resolves.toBe(true);
      const flipped = signature.slice();
      flipped[10] ^= 1;
      await expect(verifier.verify(message, flipped, keys.publicKey)).resolves.toBe(false);
      await expect(verifier.verify(utf8('counterparT'), signature, keys.publicKey)).resolves.toBe(false);
      await expect(verifier.verify(message, signature, nacl.sign.keyPair().publicKey)).resolves.toBe(false);
      await expect(verifier.verify(message, signature.subarray(1), keys.publicKey)).resolves.toBe(false);
      await expect(verifier.verify(message, signature, keys.publicKey.subarray(1))).resolves.toBe(false);
    },
  );
});

const base64Key = (text: string): Uint8Array => fromBase64(text) ?? new Uint8Array();
