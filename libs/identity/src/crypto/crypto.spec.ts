import { KeyRingCipher } from './key-ring-cipher';
import { hashCode, normalizeCode, randomCode } from './secrets';

describe(KeyRingCipher.name, () => {
  const old = { id: 't1', secret: 'o'.repeat(40) };
  const current = { id: 't2', secret: 'n'.repeat(40) };

  it('should round-trip and name the key it used', () => {
    const cipher = new KeyRingCipher([current, old], 'totp');
    const sealed = cipher.seal('JBSWY3DPEHPK3PXP');
    expect(sealed.keyId).toBe('t2');
    expect(sealed.value).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.open(sealed.value)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('should still open values sealed under a retired key after rotation', () => {
    const before = new KeyRingCipher([old], 'totp').seal('secret');
    expect(new KeyRingCipher([current, old], 'totp').open(before.value)).toBe('secret');
    expect(() => new KeyRingCipher([current], 'totp').open(before.value)).toThrow(/no key "t1"/);
  });

  it('should name the key of a sealed value without opening it, and the missing key when the ring lacks it', () => {
    const before = new KeyRingCipher([old], 'totp').seal('secret');
    const rotated = new KeyRingCipher([current], 'totp');
    expect(KeyRingCipher.keyIdOf(before.value)).toBe('t1');
    expect(KeyRingCipher.keyIdOf('not sealed')).toBeNull();
    expect(rotated.currentKeyId).toBe('t2');
    expect(() => rotated.open(before.value)).toThrow(
      expect.objectContaining({ name: 'KeyNotInRingError', keyId: 't1' }),
    );
  });

  it('should refuse tampered ciphertext', () => {
    const cipher = new KeyRingCipher([current], 'totp');
    const parts = cipher.seal('secret').value.split('.');
    parts[4] = Buffer.from('other!').toString('base64url');
    expect(() => cipher.open(parts.join('.'))).toThrow();
  });
});

describe(randomCode.name, () => {
  it('should make grouped base32 codes that normalise forgivingly', () => {
    const code = randomCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(hashCode(code.toLowerCase().replace(/-/g, ' '))).toBe(hashCode(code));
    expect(normalizeCode('ab-cd-IO-L')).toBe('ABCD101');
    expect(randomCode()).not.toBe(code);
  });
});
