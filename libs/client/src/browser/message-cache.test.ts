// IndexedDB from fake-indexeddb (structured clone included), WebCrypto from Node, as in browser-vault.test.ts. The same
// cache runs in Chromium in apps/web/e2e/message-search.spec.ts.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { WebCryptoDeviceSecrets, type EnvelopeV1 } from '@app/crypto';
import type { OutboxRecord } from '../outbox';
import { BrowserDeviceVault, PassphraseRequiredError } from './browser-vault';
import { deviceDatabaseName, openDeviceDatabase, type DeviceRecord } from './device-database';
import type { CachedMessage } from './message-cache';

const CHEAP = { logN: 10, r: 8, p: 1 };

const cached = (overrides: Partial<CachedMessage> = {}): CachedMessage => ({
  conversationId: randomUUID(),
  seq: 1,
  senderId: randomUUID(),
  sentAt: '2026-12-01T10:00:00.000Z',
  text: 'Маршрут автобуса меняется в понедельник',
  ...overrides,
});

/** Every record of every store of the member's device database, read raw (what a copy of the disk would show). */
async function rawRecords(memberId: string): Promise<Array<{ store: string; value: unknown }>> {
  const database = await openDB(deviceDatabaseName(memberId));
  try {
    const records: Array<{ store: string; value: unknown }> = [];
    for (const store of database.objectStoreNames) {
      for (const value of await database.getAll(store)) {
        records.push({ store, value });
      }
    }
    return records;
  } finally {
    database.close();
  }
}

/** Every string (as UTF-8) and byte array inside a value, and the kinds of what else it holds. */
function bytesInside(value: unknown, into: Uint8Array[] = []): Uint8Array[] {
  if (typeof value === 'string') {
    into.push(new TextEncoder().encode(value));
  } else if (value instanceof ArrayBuffer) {
    into.push(new Uint8Array(value));
  } else if (ArrayBuffer.isView(value)) {
    into.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (Array.isArray(value)) {
    value.forEach((item) => bytesInside(item, into));
  } else if (value !== null && typeof value === 'object' && !(value instanceof CryptoKey)) {
    Object.values(value).forEach((item) => bytesInside(item, into));
  }
  return into;
}

function holdsCryptoKey(value: unknown): boolean {
  return (
    value instanceof CryptoKey ||
    (value !== null &&
      typeof value === 'object' &&
      !ArrayBuffer.isView(value) &&
      Object.values(value).some(holdsCryptoKey))
  );
}

const holds = (records: Array<{ value: unknown }>, text: string) => {
  const needle = Buffer.from(text, 'utf8');
  return records.some(({ value }) =>
    bytesInside(value).some((bytes) => Buffer.from(bytes).indexOf(needle) !== -1),
  );
};

describe('BrowserDeviceVault.messages', () => {
  it('should give back what it sealed, once per conversation and seq, across vaults of the member', async () => {
    const memberId = randomUUID();
    const vault = await BrowserDeviceVault.open(memberId);
    const conversationId = randomUUID();
    const first = cached({ conversationId, seq: 1, caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' });
    const second = cached({ conversationId, seq: 2, text: 'Yuldashev calls back at nine' });
    expect(await vault.messages.put([first, second, first])).toBe(2);
    expect(await vault.messages.put([second])).toBe(0);
    vault.close();

    const again = await BrowserDeviceVault.open(memberId);
    await again.messages.put([second]); // another tab, the same message: replaced, not added
    expect(await again.messages.count()).toBe(2);
    const { messages, unreadable } = await again.messages.readAll();
    expect(unreadable).toBe(0);
    expect(messages.sort((a, b) => a.seq - b.seq)).toEqual([first, second]);
    again.close();
  });

  it('should hold no byte of the text, the sender or the time in IndexedDB, and its key non-extractable', async () => {
    const memberId = randomUUID();
    const vault = await BrowserDeviceVault.open(memberId);
    const canary = `canary ${randomUUID()} — Юлдашев`;
    const message = cached({ text: canary, senderId: randomUUID(), sentAt: '2031-07-04T05:06:07.089Z' });
    await vault.messages.put([message]);
    vault.close();

    const records = await rawRecords(memberId);
    const sealed = records.filter((record) => record.store === 'messages');
    expect(sealed).toHaveLength(1);
    // The key path is the one thing in clear (the canary check below must see the record's strings).
    expect(holds(sealed, message.conversationId)).toBe(true);
    for (const secret of [canary, 'Юлдашев', message.senderId, message.sentAt, '2031-07-04']) {
      expect(holds(records, secret), secret).toBe(false);
    }
    const [keyRecord] = records.filter((record) => record.store === 'messageKey');
    const key = (keyRecord?.value as { key?: CryptoKey } | undefined)?.key;
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
  });

  it('should refuse to open an altered record, or one moved to another seq', async () => {
    const memberId = randomUUID();
    const vault = await BrowserDeviceVault.open(memberId);
    const conversationId = randomUUID();
    await vault.messages.put([1, 2, 3].map((seq) => cached({ conversationId, seq, text: `message ${seq}` })));
    const database = await openDeviceDatabase(memberId);
    const altered = await database.get('messages', [conversationId, 1]);
    const moved = await database.get('messages', [conversationId, 2]);
    if (!altered || !moved) {
      throw new Error('the records were not stored');
    }
    altered.sealed[0] ^= 1;
    await database.put('messages', altered);
    await database.put('messages', { ...moved, seq: 9 });
    database.close();

    const { messages, unreadable } = await vault.messages.readAll();
    expect(messages.map((message) => message.text).sort()).toEqual(['message 2', 'message 3']);
    expect(unreadable).toBe(2);
    vault.close();
  });

  it('should keep the key of a protected device wrapped, opening the cache only once the device is unlocked', async () => {
    const memberId = randomUUID();
    const passphrase = 'samarkand 1405';
    const created = await BrowserDeviceVault.open(memberId, { passphrase, scrypt: CHEAP });
    const canary = `canary ${randomUUID()}`;
    await created.messages.put([cached({ text: canary })]);
    created.close();

    const records = await rawRecords(memberId);
    expect(records.filter(({ value }) => holdsCryptoKey(value))).toEqual([]);
    expect(holds(records, canary)).toBe(false);
    await expect(BrowserDeviceVault.open(memberId)).rejects.toBeInstanceOf(PassphraseRequiredError);

    const unlocked = await BrowserDeviceVault.open(memberId, { passphrase });
    await unlocked.changePassphrase(passphrase, 'bukhara 1993');
    unlocked.close();
    const moved = await BrowserDeviceVault.open(memberId, { passphrase: 'bukhara 1993' });
    expect((await moved.messages.readAll()).messages.map((message) => message.text)).toEqual([canary]);
    moved.close();
  });

  it("should not open with another device's keys: the cache and its wrapped key copied to another database", async () => {
    const [owner, thief] = [randomUUID(), randomUUID()];
    const source = await BrowserDeviceVault.open(owner, { passphrase: 'samarkand 1405', scrypt: CHEAP });
    await source.messages.put([cached({ text: 'only for the owner' })]);
    source.close();
    const target = await BrowserDeviceVault.open(thief, { passphrase: 'tashkent 2001', scrypt: CHEAP });
    const from = await openDeviceDatabase(owner);
    const to = await openDeviceDatabase(thief);
    await to.put('messageKey', (await from.get('messageKey', 'key'))!, 'key');
    for (const record of await from.getAll('messages')) {
      await to.put('messages', record);
    }
    from.close();
    to.close();
    await expect(target.messages.readAll()).rejects.toThrow();
    target.close();
  });

  it('should upgrade a version 1 database in place: keys, device id, cursors and outbox kept, the cache added', async () => {
    const memberId = randomUUID();
    const secrets = await WebCryptoDeviceSecrets.generate();
    const deviceId = randomUUID();
    const outbox: OutboxRecord = {
      clientMessageId: randomUUID(),
      conversationId: randomUUID(),
      envelope: { v: 1 } as unknown as EnvelopeV1,
      confirmKeyChanges: false,
      queuedAt: 1000,
    };
    // The version 1 schema as it shipped (device-database.ts before the cache).
    const v1 = await openDB(deviceDatabaseName(memberId), 1, {
      upgrade(database) {
        database.createObjectStore('device');
        database.createObjectStore('contacts');
        database.createObjectStore('cursors');
        database
          .createObjectStore('outbox', { keyPath: 'clientMessageId' })
          .createIndex('queuedAt', 'queuedAt');
      },
    });
    const record: DeviceRecord = { v: 1, deviceId, createdAt: 1, keys: secrets.keys };
    await v1.put('device', record, 'device');
    await v1.put('cursors', 7, outbox.conversationId);
    await v1.put('outbox', outbox);
    v1.close();

    const vault = await BrowserDeviceVault.open(memberId);
    expect(vault.publicKeys).toEqual(secrets.publicKeys);
    expect(vault.deviceId).toBe(deviceId);
    expect(await vault.cursors.load()).toEqual({ [outbox.conversationId]: 7 });
    expect((await vault.outbox.list()).map((item) => item.clientMessageId)).toEqual([outbox.clientMessageId]);
    const message = cached();
    await vault.messages.put([message]);
    expect((await vault.messages.readAll()).messages).toEqual([message]);
    vault.close();
  });

  it('should be deleted with the device: a wiped and recreated device has an empty cache under a new key', async () => {
    const memberId = randomUUID();
    const vault = await BrowserDeviceVault.open(memberId);
    const message = cached();
    await vault.messages.put([message]);
    const database = await openDeviceDatabase(memberId);
    const old = await database.get('messages', [message.conversationId, message.seq]);
    database.close();
    await vault.wipe();
    expect(await indexedDB.databases()).not.toContainEqual(
      expect.objectContaining({ name: deviceDatabaseName(memberId) }),
    );

    const fresh = await BrowserDeviceVault.open(memberId);
    expect(await fresh.messages.count()).toBe(0);
    // The old record put back does not open: the key it was sealed under went with the database.
    const reopened = await openDeviceDatabase(memberId);
    await reopened.put('messages', old!);
    reopened.close();
    expect(await fresh.messages.readAll()).toEqual({ messages: [], unreadable: 1 });
    fresh.close();
  });
});
