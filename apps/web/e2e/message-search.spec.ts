import type { Page } from '@playwright/test';
import { chat, message, pairInConversation, sendMessage } from './support/chat';
import { fill } from './support/catalog';
import { expect, test } from './support/fixtures';
import { title } from './support/ui';

/** One value found in IndexedDB: a string, bytes (ArrayBuffer or a view), a CryptoKey, or anything else by kind. */
type Leaf =
  | { store: string; kind: 'string'; text: string }
  | { store: string; kind: 'bytes'; bytes: number[] }
  | { store: string; kind: 'CryptoKey'; keyType: string; extractable: boolean }
  | { store: string; kind: string };

/**
 * Every key and value of every record of every object store of every IndexedDB database of the page's origin, as
 * leaves: everything the app stores, read through the page (a CryptoKey shows only its kind and extractability; the
 * bytes of an unprotected device's keys are in the browser profile on disk — docs/SECURITY.md, "Keys in the browser").
 */
function storedLeaves(page: Page): Promise<Leaf[]> {
  return page.evaluate(async () => {
    const leaves: Leaf[] = [];
    const walk = (store: string, value: unknown) => {
      if (typeof value === 'string') {
        leaves.push({ store, kind: 'string', text: value });
      } else if (value instanceof CryptoKey) {
        leaves.push({ store, kind: 'CryptoKey', keyType: value.type, extractable: value.extractable });
      } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        leaves.push({ store, kind: 'bytes', bytes: [...bytes] });
      } else if (Array.isArray(value)) {
        value.forEach((item) => walk(store, item));
      } else if (value !== null && typeof value === 'object') {
        Object.values(value).forEach((item) => walk(store, item));
      } else {
        leaves.push({ store, kind: typeof value });
      }
    };
    const request = <T>(action: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        action.onsuccess = () => done(action.result);
        action.onerror = () => fail(action.error ?? new Error('IndexedDB refused'));
      });
    for (const { name } of await indexedDB.databases()) {
      if (!name) {
        continue;
      }
      const database = await request(indexedDB.open(name));
      try {
        for (const store of database.objectStoreNames) {
          const objects = database.transaction(store).objectStore(store);
          const [keys, values] = await Promise.all([
            request(objects.getAllKeys()),
            request(objects.getAll()),
          ]);
          keys.forEach((key) => walk(store, key));
          values.forEach((value) => walk(store, value));
        }
      } finally {
        database.close();
      }
    }
    return leaves;
  });
}

/** Whether any leaf holds the UTF-8 bytes of `text` (a string leaf as UTF-8, or a byte leaf). */
function holds(leaves: Leaf[], text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return leaves.some((leaf) => {
    const bytes =
      'text' in leaf ? Buffer.from(leaf.text, 'utf8') : 'bytes' in leaf ? Buffer.from(leaf.bytes) : undefined;
    return bytes !== undefined && bytes.indexOf(needle) !== -1;
  });
}

/** How many messages the device's cache holds: an iv and a ciphertext (bytes) per record. */
const sealedMessages = async (page: Page) =>
  (await storedLeaves(page)).filter((leaf) => leaf.store === 'messages' && leaf.kind === 'bytes').length / 2;

const results = (page: Page) => page.getByRole('list', { name: chat.search.results });

test.describe('search my messages', () => {
  test('a Latin query finds a Cyrillic message in the local search, and the IndexedDB contents hold no plaintext of it', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const { malika, other } = await pairInConversation({ page, context, newPage, api }, 'search', 'Search');
    const bus = 'Маршрут автобуса меняется в понедельник';
    const canary = `Canary Zebrafinch ${Date.now()} stays sealed on this disk`;
    const later = 'Встреча переносится на вторник';

    // Live: Malika writes, this browser decrypts it. Its own message, once the server stored it.
    await sendMessage(other, bus);
    await expect(message(page, bus)).toBeVisible();
    await sendMessage(page, canary);
    // Stored by the server: "Sent", or already "Read" (Malika is looking at the conversation).
    await expect(message(page, canary)).toContainText(
      new RegExp(`${chat.message.sent}|${chat.message.read}`),
    );

    // Both are in the device's cache (sealed a moment after they arrive) before this page goes.
    await expect.poll(() => sealedMessages(page)).toBe(2);

    // Caught up: written while this browser had no page open; the search screen opens straight away.
    await page.close();
    await sendMessage(other, later);
    const reader = await context.newPage();
    await reader.goto('/chat/search');
    await expect(title(reader, chat.search.title)).toBeVisible();
    const box = reader.getByRole('searchbox', { name: chat.search.label });
    await expect(box).toHaveAccessibleDescription(/server cannot read your messages/);

    await box.fill('avtobus');
    const hit = results(reader).getByRole('listitem').filter({ hasText: bus });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark')).toHaveText('автобуса');
    await expect(hit).toContainText(malika.name);
    await expect(
      reader.getByRole('status').filter({ hasText: fill(chat.search.found_one, { count: 1 }) }),
    ).toBeVisible();

    // The other way round: Cyrillic letters find the Latin message; the caught-up one is searchable too.
    await box.fill('Зебрафинч');
    await expect(results(reader).getByRole('listitem').filter({ hasText: canary })).toBeVisible();
    await box.fill('vstrecha vtornik');
    await expect(results(reader).getByRole('listitem').filter({ hasText: later })).toBeVisible();
    await box.fill('avtobus vtornik');
    await expect(reader.getByText(fill(chat.search.nothing, { query: 'avtobus vtornik' }))).toBeVisible();

    await box.fill('avtobus');
    await results(reader)
      .getByRole('link', { name: new RegExp(bus) })
      .click();
    await expect(title(reader, malika.name)).toBeVisible();
    await expect(message(reader, bus)).toBeVisible();

    // The disk: every record of every store, the three messages sealed among them, no byte of their text.
    await expect.poll(() => sealedMessages(reader)).toBe(3);
    const leaves = await storedLeaves(reader);
    expect(leaves.filter((leaf) => leaf.kind === 'CryptoKey' && leaf.store === 'messageKey')).toEqual([
      { store: 'messageKey', kind: 'CryptoKey', keyType: 'secret', extractable: false },
    ]);
    // The scan sees the strings it must: the conversation's id is in clear, as the cache's key.
    const conversationId = new URL(reader.url()).pathname.split('/').at(-1) ?? '';
    expect(holds(leaves, conversationId)).toBe(true);
    for (const secret of [bus, 'автобуса', canary, 'Zebrafinch', later, 'вторник']) {
      expect(holds(leaves, secret), secret).toBe(false);
    }
  });
});
