import nacl from 'tweetnacl';
import {
  deserializeDeviceKeys,
  generateDeviceKeys,
  registrationOf,
  serializeDeviceKeys,
  verifyRegistration,
} from './device-keys';

describe('device keys', () => {
  const keys = generateDeviceKeys();

  it('should bind the encryption key to the identity key', () => {
    const registration = registrationOf(keys);
    expect(verifyRegistration(registration)).toBe(true);
    const other = registrationOf(generateDeviceKeys());
    // A server pairing this identity key with an encryption key of its own, or dropping the signature.
    expect(verifyRegistration({ ...registration, encryptionKey: other.encryptionKey })).toBe(false);
    expect(verifyRegistration({ ...registration, keySignature: other.keySignature })).toBe(false);
    expect(verifyRegistration({ ...registration, keySignature: null })).toBe(false);
  });

  it('should refuse a low-order encryption key even when it is signed', () => {
    const zero = { publicKey: new Uint8Array(32), secretKey: new Uint8Array(32) };
    expect(verifyRegistration(registrationOf({ identity: keys.identity, encryption: zero }))).toBe(false);
  });

  it('should serialize and restore the private keys', () => {
    const restored = deserializeDeviceKeys(serializeDeviceKeys(keys));
    expect(restored.identity.publicKey).toEqual(keys.identity.publicKey);
    expect(restored.encryption.publicKey).toEqual(keys.encryption.publicKey);
    expect(() => deserializeDeviceKeys({ identitySecretKey: 'AAAA', encryptionSecretKey: 'AAAA' })).toThrow();
    expect(nacl.sign.keyPair.fromSecretKey(restored.identity.secretKey).publicKey).toEqual(
      keys.identity.publicKey,
    );
  });
});
