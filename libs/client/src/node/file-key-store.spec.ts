import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBase64, tweetnaclVerifier, verifyRegistration } from '@app/crypto';
import { DeviceVault } from '../key-store';
import { FileKeyStore } from './index';

describe(FileKeyStore.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-keys-'));
  const cheap = { logN: 10, r: 8, p: 1 };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should create keys once, keep them (and trust decisions) across restarts, in a file only its owner reads', async () => {
    const path = join(dir, 'plain', 'device.json');
    const first = await DeviceVault.open(new FileKeyStore(path));
    await first.setDeviceId('3f0c7c2e-1111-4222-8333-444455556666');
    first.trust.verify('member-1', ['key-a']);
    await first.save();
    const again = await DeviceVault.open(new FileKeyStore(path));
    expect(again.publicKeys).toEqual(first.publicKeys);
    expect(again.deviceId).toBe('3f0c7c2e-1111-4222-8333-444455556666');
    expect(again.trust.state('member-1')).toBe('verified');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('should hand out key operations, never the raw secret keys', async () => {
    const vault = await DeviceVault.open(new FileKeyStore(join(dir, 'secrets.json')));
    const stored = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as {
      keys: { identitySecretKey: string; encryptionSecretKey: string };
    };
    expect(Object.keys(vault)).not.toContain('keys');
    for (const secret of Object.values(stored.keys)) {
      expect(JSON.stringify(vault)).not.toContain(secret);
      expect(JSON.stringify(vault.secrets)).not.toContain(secret);
    }
    expect(vault.secrets.publicKeys).toEqual(vault.publicKeys);
    const message = new TextEncoder().encode('signed through the vault');
    const signature = await vault.secrets.sign(message);
    const identityKey = fromBase64(vault.publicKeys.identityKey) ?? new Uint8Array();
    await expect(tweetnaclVerifier.verify(message, signature, identityKey)).resolves.toBe(true);
    expect(verifyRegistration(vault.registration)).toBe(true);
  });

  it('should seal the private keys under a passphrase and refuse a wrong one', async () => {
    const path = join(dir, 'protected.json');
    const vault = await DeviceVault.open(new FileKeyStore(path), {
      passphrase: 'tashkent 2026',
      scrypt: cheap,
    });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('identitySecretKey');
    expect(text).toContain('"kdf":"scrypt"');
    const reopened = await DeviceVault.open(new FileKeyStore(path), { passphrase: 'tashkent 2026' });
    expect(reopened.publicKeys).toEqual(vault.publicKeys);
    await expect(DeviceVault.open(new FileKeyStore(path), { passphrase: 'almaty' })).rejects.toThrow(
      /wrong passphrase/,
    );
    await expect(DeviceVault.open(new FileKeyStore(path))).rejects.toThrow(/protected by a passphrase/);
  });
});
