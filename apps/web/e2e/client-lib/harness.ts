/**
 * The browser tests' window onto the client libraries (apps/web/e2e/client-lib.spec.ts): `@app/crypto`,
 * `@app/client` and `@app/client/browser` as Vite bundles them for the browser, what a test keeps in the page between
 * two `evaluate` calls, a read-out of everything this origin keeps in IndexedDB, and bench:web's client-cost
 * measurement (measure.ts).
 */
import * as client from '@app/client';
import * as browser from '@app/client/browser';
import * as crypto from '@app/crypto';
import { openDB } from 'idb';
import { measureClientCrypto } from './measure';

/** What a test keeps in this page: its device vault, its chat client and what the client reported. */
export interface Tab {
  vault?: browser.BrowserDeviceVault;
  client?: client.ChatClient;
  /** Every `message` event, in order. */
  received: client.ReceivedMessage[];
  /** Every outbox event (`queued`, `sent`, `rejected`), in order. */
  outbox: { event: 'queued' | 'sent' | 'rejected'; clientMessageId: string }[];
}

/** One value found in IndexedDB, at its path inside a record: its kind, and what can be read of it. */
export interface StoredLeaf {
  path: string;
  /** `typeof` for primitives, `CryptoKey`, `bytes` (ArrayBuffer or a view), else the constructor's name. */
  kind: string;
  /** Strings as stored; bytes decoded as UTF-8 (whatever they hold), so text inside them shows. */
  text?: string;
  /** CryptoKeys: `private`, `public` or `secret`, and whether their bytes could be exported. */
  keyType?: string;
  extractable?: boolean;
}

export interface StoredRecord {
  database: string;
  store: string;
  key: string;
  leaves: StoredLeaf[];
}

function leavesOf(value: unknown, path: string, into: StoredLeaf[]): StoredLeaf[] {
  if (value instanceof CryptoKey) {
    into.push({ path, kind: 'CryptoKey', keyType: value.type, extractable: value.extractable });
  } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    into.push({ path, kind: 'bytes', text: new TextDecoder().decode(bytes) });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => leavesOf(item, `${path}[${index}]`, into));
  } else if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    Object.entries(value).forEach(([key, item]) => leavesOf(item, path ? `${path}.${key}` : key, into));
  } else if (value !== null && typeof value === 'object') {
    into.push({ path, kind: value.constructor.name });
  } else {
    into.push({
      path,
      kind: value === null ? 'null' : typeof value,
      text: typeof value === 'string' ? value : undefined,
    });
  }
  return into;
}

/** Every record of every object store of every database of this origin, as leaves. */
async function storedRecords(): Promise<StoredRecord[]> {
  const records: StoredRecord[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) {
      continue;
    }
    const database = await openDB(name);
    try {
      for (const store of database.objectStoreNames) {
        // One transaction per store: keys and values read together.
        for (
          let cursor = await database.transaction(store).store.openCursor();
          cursor;
          cursor = await cursor.continue()
        ) {
          const key = typeof cursor.key === 'string' ? cursor.key : JSON.stringify(cursor.key);
          records.push({ database: name, store, key, leaves: leavesOf(cursor.value, '', []) });
        }
      }
    } finally {
      database.close();
    }
  }
  return records;
}

const tab: Tab = { received: [], outbox: [] };
const clientLib = { crypto, client, browser, tab, storedRecords, measureClientCrypto };
export type ClientLib = typeof clientLib;

declare global {
  interface Window {
    clientLib: ClientLib;
  }
}

window.clientLib = clientLib;
