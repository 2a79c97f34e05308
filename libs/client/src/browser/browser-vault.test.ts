// IndexedDB from fake-indexeddb (structured clone included: CryptoKeys survive it, as in a browser); WebCrypto from
// Node. The same vault runs in Chromium in apps/web/e2e/client-lib.spec.ts.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyRegistration, WrongPassphraseError, type EnvelopeV1 } from '@app/crypto';
import type { OutboxRecord } from '../outbox';
import { BrowserDeviceVault, PassphraseRequiredError } from './browser-vault';
import { openDeviceDatabase } from './device-database';

const CHEAP = { logN: 10, r: 8, p: 1 };

const storedRecord = async (memberId: string) => {
  const database = await openDeviceDatabase(memberId);
  try {
    return await database.get('device', 'device');
  } finally {
    database.close();
  }
};

describe(BrowserDeviceVault.name, () => {
  it('should create the keys once, non-extractable, and keep them, the device id and trust across opens', async () => {
    const memberId = randomUUID();
    expect(await BrowserDeviceVault.state(memberId)).toBe('none');
    const first = await BrowserDeviceVault.open(memberId);
    const deviceId = randomUUID();
    await first.setDeviceId(deviceId);
    first.trust.verify('contact-1', ['key-a']);
    first.trust.observe('contact-2', ['key-b']);
    for (const key of [first.secrets.keys.identity.privateKey, first.secrets.keys.encryption.privateKey]) {
      expect(key.extractable).toBe(false);
      await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
    }
    first.close();

    expect(await BrowserDeviceVault.state(memberId)).toBe('ready');
    const again = await BrowserDeviceVault.open(memberId);
    expect(again.publicKeys).toEqual(first.publicKeys);
    expect(again.deviceId).toBe(deviceId);
    expect(again.trust.state('contact-1')).toBe('verified');
    expect(again.trust.state('contact-2')).toBe('unverified');
    expect(verifyRegistration(await again.registration())).toBe(true);
    // What IndexedDB holds: CryptoKeys (by structured clone), never their bytes.
    const record = await storedRecord(memberId);
    expect(record?.keys?.identity.privateKey).toBeInstanceOf(CryptoKey);
    expect(record?.keys?.identity.privateKey.extractable).toBe(false);
    again.close();
  });

  it('should keep one database per member, and wipe one without touching another', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const aliceVault = await BrowserDeviceVault.open(alice);
    const bobVault = await BrowserDeviceVault.open(bob);
    expect(bobVault.publicKeys.identityKey).not.toBe(aliceVault.publicKeys.identityKey);
    await aliceVault.wipe();
    expect(await BrowserDeviceVault.state(alice)).toBe('none');
    expect(await BrowserDeviceVault.state(bob)).toBe('ready');
    const fresh = await BrowserDeviceVault.open(alice);
    expect(fresh.publicKeys.identityKey).not.toBe(aliceVault.publicKeys.identityKey);
    fresh.close();
    bobVault.close();
  });

  it('should agree on one device when two tabs create it at once', async () => {
    const memberId = randomUUID();
    const [one, two] = await Promise.all([
      BrowserDeviceVault.open(memberId),
      BrowserDeviceVault.open(memberId),
    ]);
    expect(two.publicKeys).toEqual(one.publicKeys);
    const message = new TextEncoder().encode('same keys');
    expect(await two.secrets.sign(message)).toEqual(await one.secrets.sign(message));
    one.close();
    two.close();
  });

  it('should wrap the keys under a passphrase and unwrap them non-extractable, refusing a missing or wrong one', async () => {
    const memberId = randomUUID();
    const created = await BrowserDeviceVault.open(memberId, { passphrase: 'samarkand 1405', scrypt: CHEAP });
    expect(created.protected).toBe(true);
    created.close();
    const record = await storedRecord(memberId);
    expect(record?.keys).toBeUndefined();
    expect(record?.wrapped?.identityKey).toBe(created.publicKeys.identityKey);
    expect(JSON.stringify(record)).not.toMatch(/privateKey/);
    expect(await BrowserDeviceVault.state(memberId)).toBe('protected');

    await expect(BrowserDeviceVault.open(memberId)).rejects.toBeInstanceOf(PassphraseRequiredError);
    await expect(BrowserDeviceVault.open(memberId, { passphrase: 'samarkand 1406' })).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const unlocked = await BrowserDeviceVault.open(memberId, { passphrase: 'samarkand 1405' });
    expect(unlocked.publicKeys).toEqual(created.publicKeys);
    expect(unlocked.secrets.keys.identity.privateKey.extractable).toBe(false);

    await unlocked.changePassphrase('samarkand 1405', 'bukhara 1993');
    unlocked.close();
    await expect(BrowserDeviceVault.open(memberId, { passphrase: 'samarkand 1405' })).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const moved = await BrowserDeviceVault.open(memberId, { passphrase: 'bukhara 1993' });
    expect(moved.publicKeys).toEqual(created.publicKeys);
    moved.close();
  });

  it('should refuse to add a passphrase to keys that were created without one', async () => {
    const vault = await BrowserDeviceVault.open(randomUUID());
    await expect(vault.changePassphrase('', 'late')).rejects.toThrow(/no passphrase/);
    vault.close();
  });

  it('should keep the outbox in the same database, oldest first, shared by every vault of the member', async () => {
    const memberId = randomUUID();
    const [tab1, tab2] = [await BrowserDeviceVault.open(memberId), await BrowserDeviceVault.open(memberId)];
    const record = (clientMessageId: string, queuedAt: number): OutboxRecord => ({
      clientMessageId,
      conversationId: randomUUID(),
      envelope: { v: 1, clientMessageId } as unknown as EnvelopeV1,
      confirmKeyChanges: false,
      queuedAt,
    });
    await tab1.outbox.put(record('later', 2000));
    await tab2.outbox.put(record('earlier', 1000));
    expect((await tab1.outbox.list()).map((item) => item.clientMessageId)).toEqual(['earlier', 'later']);
    await tab1.outbox.delete('earlier');
    expect((await tab2.outbox.list()).map((item) => item.clientMessageId)).toEqual(['later']);
    await tab2.wipe();
    tab1.close();
    const fresh = await BrowserDeviceVault.open(memberId);
    expect(await fresh.outbox.list()).toEqual([]);
    fresh.close();
  });

  it('should keep the cursors between opens, a write never moving one back', async () => {
    const memberId = randomUUID();
    const [conversation, other] = [randomUUID(), randomUUID()];
    const tab1 = await BrowserDeviceVault.open(memberId);
    const tab2 = await BrowserDeviceVault.open(memberId);
    await tab1.cursors.save(conversation, 7);
    await tab2.cursors.save(conversation, 5); // a tab that was behind
    await tab2.cursors.save(other, 1);
    tab1.close();
    tab2.close();
    const again = await BrowserDeviceVault.open(memberId);
    expect(await again.cursors.load()).toEqual({ [conversation]: 7, [other]: 1 });
    again.close();
  });

  it('should refuse a passphrase for a device without one, and an empty one for a new device', async () => {
    const memberId = randomUUID();
    (await BrowserDeviceVault.open(memberId)).close();
    await expect(BrowserDeviceVault.open(memberId, { passphrase: 'late' })).rejects.toThrow(/not protected/);
    await expect(BrowserDeviceVault.open(randomUUID(), { passphrase: '' })).rejects.toThrow(
      /empty passphrase/,
    );
  });

  it("should carry one tab's trust decision to the member's other tabs at once", async () => {
    const memberId = randomUUID();
    const [tab1, tab2] = [await BrowserDeviceVault.open(memberId), await BrowserDeviceVault.open(memberId)];
    tab2.trust.observe('contact-1', ['key-a']); // tab 2 saw the contact first
    tab1.trust.verify('contact-1', ['key-a']);
    await expect.poll(() => tab2.trust.state('contact-1')).toBe('verified');
    tab2.trust.observe('contact-1', ['key-a']); // nothing new: tab 2 writes nothing back
    tab1.close();
    tab2.close();
    const again = await BrowserDeviceVault.open(memberId);
    expect(again.trust.state('contact-1')).toBe('verified');
    again.close();
  });
});
