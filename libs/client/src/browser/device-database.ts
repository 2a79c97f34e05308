import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { WebCryptoDeviceKeys, WrappedDeviceKeys } from '@app/crypto';
import type { ContactRecord } from '../contact-trust';
import type { OutboxRecord } from '../outbox';
import type { MessageKeyRecord, SealedMessageRecord } from './message-cache';

/**
 * This browser's device for one member: its id once registered, and its private keys — non-extractable `CryptoKey`s
 * kept as such (IndexedDB stores them by structured clone; nothing can read their bytes back out), or, when the
 * member chose a passphrase, wrapped under it (AES-GCM under scrypt) and unwrapped non-extractable at each unlock.
 */
export type DeviceRecord = {
  v: 1;
  deviceId: string | null;
  createdAt: number;
} & ({ keys: WebCryptoDeviceKeys; wrapped?: undefined } | { wrapped: WrappedDeviceKeys; keys?: undefined });

export interface DeviceSchema extends DBSchema {
  device: { key: 'device'; value: DeviceRecord };
  /** Trust decisions, one record per contact (member id): tabs changing different contacts do not overwrite each other. */
  contacts: { key: string; value: ContactRecord };
  /** The last seq seen per conversation (conversation id → seq): a reload catches up from there. */
  cursors: { key: string; value: number };
  /** Pending messages, sealed (`OutboxRecord`), by clientMessageId. */
  outbox: { key: string; value: OutboxRecord; indexes: { queuedAt: number } };
  /**
   * Version 2: the messages this device decrypted, each sealed under the message cache's key (`SealedMessageRecord`:
   * only the conversation id and seq in clear, as its key), for the local search.
   */
  messages: { key: [string, number]; value: SealedMessageRecord };
  /** Version 2: the message cache's AES-GCM key, one record (`'key'`): the CryptoKey itself, or wrapped. */
  messageKey: { key: 'key'; value: MessageKeyRecord };
}

export type DeviceDatabase = IDBPDatabase<DeviceSchema>;

/** 1: device, contacts, cursors, outbox. 2: + messages, messageKey (the sealed message cache). */
const VERSION = 2;

/** One database per member, so signing in as someone else in the same browser never reads another's keys. */
export const deviceDatabaseName = (memberId: string): string => `counterpart-device-${memberId}`;

/**
 * Opens (creating on first use) a member's device database. `onBlocking`: another tab wants to delete it (a wipe)
 * or to upgrade it; this connection closes so that can proceed.
 */
export function openDeviceDatabase(
  memberId: string,
  onBlocking: () => void = () => undefined,
): Promise<DeviceDatabase> {
  return openDB<DeviceSchema>(deviceDatabaseName(memberId), VERSION, {
    // Each version adds its stores to what the one before left: a device kept under version 1 keeps its keys, trust
    // decisions, cursors and outbox as they are.
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('device');
        database.createObjectStore('contacts');
        database.createObjectStore('cursors');
        database
          .createObjectStore('outbox', { keyPath: 'clientMessageId' })
          .createIndex('queuedAt', 'queuedAt');
      }
      if (oldVersion < 2) {
        database.createObjectStore('messages', { keyPath: ['conversationId', 'seq'] });
        database.createObjectStore('messageKey');
      }
    },
    // Another tab deletes the database (a wipe) or upgrades it: this connection closes at once, whatever holds it,
    // so that never waits on this tab.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onBlocking();
    },
  });
}

/** Every record of a store keyed by string (contacts, cursors) as one object, read in one transaction. */
export async function readAll<S extends 'contacts' | 'cursors'>(
  database: DeviceDatabase,
  store: S,
): Promise<Record<string, DeviceSchema[S]['value']>> {
  const records: Record<string, DeviceSchema[S]['value']> = {};
  for (
    let cursor = await database.transaction(store).store.openCursor();
    cursor;
    cursor = await cursor.continue()
  ) {
    records[String(cursor.key)] = cursor.value;
  }
  return records;
}

/**
 * Deletes a member's device database: keys, trust decisions, outbox, and the sealed message cache with its key. Waits
 * for other tabs to let go of it.
 */
export function deleteDeviceDatabase(memberId: string): Promise<void> {
  return deleteDB(deviceDatabaseName(memberId));
}
