import nacl from 'tweetnacl';
import { fromBase64, toHex, utf8 } from './bytes';
import { generateDeviceKeys } from './device-keys';
import { TweetnaclDeviceSecrets } from './device-secrets';
import { webCryptoSubtle } from './verify';
import {
  createWrappedDeviceKeys,
  rewrapDeviceKeys,
  unwrapDeviceKeys,
  WrongPassphraseError,
  type WrappedDeviceKeys,
} from './wrapped-keys';

const subtle = webCryptoSubtle();
if (!subtle) {
  throw new Error('Node 20 has WebCrypto Ed25519 and X25519 (globalThis.crypto.subtle): these tests need it');
}

/** The cheapest cost a record may carry: the tests check behaviour, not strength. */
const CHEAP = { logN: 10, r: 8, p: 1 };
const key = (text: string) => fromBase64(text) ?? new Uint8Array();

describe('wrapped device keys', () => {
  let created: Awaited<ReturnType<typeof createWrappedDeviceKeys>>;

  beforeAll(async () => {
    created = await createWrappedDeviceKeys('correct horse battery staple', { cost: CHEAP });
  });

  it('should unwrap keys that sign and derive like the ones created', async () => {
    const secrets = await unwrapDeviceKeys(created.record, 'correct horse battery staple');
    expect(secrets.publicKeys).toEqual(created.secrets.publicKeys);
    const message = utf8('bound to this device');
    const signature = await secrets.sign(message);
    expect(nacl.sign.detached.verify(message, signature, key(secrets.publicKeys.identityKey))).toBe(true);
    const peer = generateDeviceKeys();
    const fromPeer = await new TweetnaclDeviceSecrets(peer).sharedKey(key(secrets.publicKeys.encryptionKey));
    expect(toHex(await secrets.sharedKey(peer.encryption.publicKey))).toBe(toHex(fromPeer));
  });

  it('should keep the private keys non-extractable (exportKey rejects)', async () => {
    const secrets = await unwrapDeviceKeys(created.record, 'correct horse battery staple');
    for (const privateKey of [secrets.keys.identity.privateKey, created.secrets.keys.encryption.privateKey]) {
      expect(privateKey.extractable).toBe(false);
      await expect(subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
    }
  });

  it('should hold no private key in the record, only wrapped ones', () => {
    const text = JSON.stringify(created.record);
    expect(Object.keys(created.record).sort()).toEqual(
      ['v', 'kdf', 'logN', 'r', 'p', 'salt', 'identityKey', 'encryptionKey', 'identity', 'encryption'].sort(),
    );
    expect(text).not.toContain('privateKey');
  });

  it('should refuse a wrong passphrase with WrongPassphraseError', async () => {
    await expect(unwrapDeviceKeys(created.record, 'correct horse battery stapler')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('should refuse a wrapped key moved into another record (the public keys are authenticated)', async () => {
    const other = await createWrappedDeviceKeys('correct horse battery staple', { cost: CHEAP });
    const spliced: WrappedDeviceKeys = { ...created.record, identityKey: other.record.identityKey };
    await expect(unwrapDeviceKeys(spliced, 'correct horse battery staple')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const swapped: WrappedDeviceKeys = { ...created.record, identity: created.record.encryption };
    await expect(unwrapDeviceKeys(swapped, 'correct horse battery staple')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it.each([
    ['an unknown version', { v: 2 }],
    ['a short salt', { salt: 'AAAA' }],
    ['a cost asking for gigabytes', { logN: 30 }],
    ['a fractional cost', { r: 1.5 }],
  ])('should refuse a record with %s before deriving anything', async (_, change) => {
    const record = { ...created.record, ...change } as WrappedDeviceKeys;
    await expect(unwrapDeviceKeys(record, 'correct horse battery staple')).rejects.toThrow(
      /^the wrapped key record is malformed/,
    );
  });

  it('should move the same keys under a new passphrase, the old one then refused', async () => {
    const rewrapped = await rewrapDeviceKeys(
      created.record,
      'correct horse battery staple',
      'a new passphrase',
    );
    expect(rewrapped.salt).not.toBe(created.record.salt);
    const secrets = await unwrapDeviceKeys(rewrapped, 'a new passphrase');
    expect(secrets.publicKeys).toEqual(created.secrets.publicKeys);
    await expect(unwrapDeviceKeys(rewrapped, 'correct horse battery staple')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(rewrapDeviceKeys(created.record, 'not it', 'x')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('should normalize the passphrase (NFKC), as the file key store does', async () => {
    const composed = await createWrappedDeviceKeys('pass\u00e9phrase', { cost: CHEAP });
    const secrets = await unwrapDeviceKeys(composed.record, 'passe\u0301phrase');
    expect(secrets.publicKeys).toEqual(composed.secrets.publicKeys);
  });
});
