import { protectSecret, unprotectSecret } from './passphrase';

describe('passphrase protection', () => {
  const cheap = { logN: 10, r: 8, p: 1 }; // production: DEFAULT_SCRYPT

  it('should give the secret back with the right passphrase only', async () => {
    const stored = await protectSecret('{"identitySecretKey":"…"}', 'correct horse battery staple', cheap);
    expect(JSON.stringify(stored)).not.toContain('identitySecretKey');
    await expect(unprotectSecret(stored, 'correct horse battery staple')).resolves.toBe(
      '{"identitySecretKey":"…"}',
    );
    await expect(unprotectSecret(stored, 'wrong horse')).rejects.toThrow(/wrong passphrase/);
  });

  it('should refuse an altered record and absurd costs', async () => {
    const stored = await protectSecret('secret', 'pass phrase', cheap);
    const box = stored.box.startsWith('A') ? `B${stored.box.slice(1)}` : `A${stored.box.slice(1)}`;
    await expect(unprotectSecret({ ...stored, box }, 'pass phrase')).rejects.toThrow(/wrong passphrase/);
    await expect(unprotectSecret({ ...stored, logN: 40 }, 'pass phrase')).rejects.toThrow(/malformed/);
  });

  it('should use a fresh salt and nonce every time', async () => {
    const [a, b] = await Promise.all([protectSecret('s', 'p', cheap), protectSecret('s', 'p', cheap)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.box).not.toBe(b.box);
  });
});
