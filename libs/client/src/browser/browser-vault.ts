import {
  createWrappedDeviceKeys,
  registrationFor,
  rewrapDeviceKeys,
  unwrapDeviceKeys,
  WebCryptoDeviceSecrets,
  type DeviceRegistration,
  type PublicDeviceKeys,
  type ScryptCost,
} from '@app/crypto';
import { ContactTrust, type ContactRecord } from '../contact-trust';
import type { CursorStore } from '../inbox';
import type { OutboxLock, OutboxPeers, OutboxStore } from '../outbox';
import {
  deleteDeviceDatabase,
  deviceDatabaseName,
  openDeviceDatabase,
  readAll,
  type DeviceDatabase,
  type DeviceRecord,
} from './device-database';
import { IndexedDbOutboxStore } from './indexeddb-outbox';
import { SealedMessageCache } from './message-cache';
import { broadcastOutboxPeers, webLocksOutboxLock } from './tabs';

/** This browser holds a device for the member whose keys are under a passphrase: `open` needs it. */
export class PassphraseRequiredError extends Error {
  constructor() {
    super('this device is protected by a passphrase');
    this.name = 'PassphraseRequiredError';
  }
}

/** What this browser holds for a member: nothing yet, keys ready to use, or keys under a passphrase. */
export type BrowserDeviceState = 'none' | 'ready' | 'protected';

export interface BrowserVaultOptions {
  /** A new device: wrap its keys under this passphrase. A protected one: the passphrase that unlocks it. */
  passphrase?: string;
  /** scrypt cost for a new protected device (default N = 2^15, r = 8; tests use a cheap one). */
  scrypt?: ScryptCost;
}

/**
 * A member's device in this browser (IndexedDB, one database per member): non-extractable WebCrypto keys — a script
 * running in the page can *use* them (sign, derive) while it runs, but no script can read them out, not even this
 * one — its registered id, the trust decisions per contact, and the outbox shared by the member's tabs. `open`
 * creates the keys on first use; only the public keys (`registration()`) ever leave.
 */
export class BrowserDeviceVault {
  /** What `ChatClient` takes as `secrets`. */
  readonly secrets: WebCryptoDeviceSecrets;
  readonly trust: ContactTrust;
  /**
   * What `ChatClient` takes as `outbox`, `outboxLock` and `outboxPeers`: sealed records, one sending tab at a time,
   * the others told what left.
   */
  readonly outbox: OutboxStore;
  readonly outboxLock: OutboxLock;
  readonly outboxPeers: OutboxPeers | undefined;
  /** What `ChatClient` takes as `cursorStore`: the last seq seen per conversation, kept between reloads. */
  readonly cursors: CursorStore;
  /**
   * The messages this device decrypted, sealed under the cache's own AES-GCM key (non-extractable; wrapped under the
   * device's keys when they are under a passphrase), for the local search. Never plaintext on the disk.
   */
  readonly messages: SealedMessageCache;
  readonly #channels: Array<{ close(): void }> = [];
  readonly #database: DeviceDatabase;
  #record: DeviceRecord;
  #closed = false;

  private constructor(
    readonly memberId: string,
    database: DeviceDatabase,
    record: DeviceRecord,
    secrets: WebCryptoDeviceSecrets,
    contacts: Record<string, ContactRecord>,
  ) {
    this.#database = database;
    this.#record = record;
    this.secrets = secrets;
    this.outbox = new IndexedDbOutboxStore(database);
    this.messages = new SealedMessageCache(database, () => ({
      keys: secrets.keys,
      encryptionKey: secrets.publicKeys.encryptionKey,
      protected: this.protected,
    }));
    this.cursors = {
      load: () => readAll(database, 'cursors'),
      // Tabs move the same cursors: a write never moves one back.
      save: async (conversationId, seq) => {
        const transaction = database.transaction('cursors', 'readwrite');
        const known = (await transaction.store.get(conversationId)) ?? 0;
        if (seq > known) {
          await transaction.store.put(seq, conversationId);
        }
        await transaction.done;
      },
    };
    this.outboxLock = webLocksOutboxLock(`${deviceDatabaseName(memberId)}/outbox`);
    const peers = broadcastOutboxPeers(`${deviceDatabaseName(memberId)}/outbox`);
    this.outboxPeers = peers;
    // Trust decisions reach the member's other tabs at once: a tab loaded earlier never writes back a stale one.
    const trustChannel =
      typeof BroadcastChannel === 'undefined'
        ? undefined
        : new BroadcastChannel(`${deviceDatabaseName(memberId)}/trust`);
    this.#channels.push(...[peers, trustChannel].filter((channel) => channel !== undefined));
    this.trust = new ContactTrust(contacts, (contactId) => {
      const contact = this.trust.toJSON()[contactId];
      if (contact && !this.#closed) {
        // A failed write is retried by the contact's next change; it never becomes an unhandled rejection.
        void this.#database.put('contacts', contact, contactId).catch(() => undefined);
        trustChannel?.postMessage({ memberId: contactId, record: contact });
      }
    });
    if (trustChannel) {
      trustChannel.onmessage = (event: MessageEvent<{ memberId: string; record: ContactRecord }>) =>
        this.trust.adopt(event.data.memberId, event.data.record);
    }
  }

  /** Whether this browser holds a device for the member, and whether it needs a passphrase (opens nothing else). */
  static async state(memberId: string): Promise<BrowserDeviceState> {
    const record = await BrowserDeviceVault.peek(memberId);
    return !record ? 'none' : record.wrapped ? 'protected' : 'ready';
  }

  /** The id this browser's device for the member was registered as, if it holds one (opens nothing else, creates nothing). */
  static async registeredDeviceId(memberId: string): Promise<string | null> {
    return (await BrowserDeviceVault.peek(memberId))?.deviceId ?? null;
  }

  /** The member's device record, read and let go of (no keys unlocked, none created). */
  private static async peek(memberId: string): Promise<DeviceRecord | undefined> {
    const database = await openDeviceDatabase(memberId);
    try {
      return await database.get('device', 'device');
    } finally {
      database.close();
    }
  }

  /**
   * The member's device, created on first use (two tabs creating it at once end up with the same one). A protected
   * device needs its passphrase: `PassphraseRequiredError` without it, `WrongPassphraseError` for a wrong one.
   */
  static async open(memberId: string, options: BrowserVaultOptions = {}): Promise<BrowserDeviceVault> {
    let vault: BrowserDeviceVault | undefined;
    const database = await openDeviceDatabase(memberId, () => vault?.close());
    try {
      let record = await database.get('device', 'device');
      let secrets: WebCryptoDeviceSecrets | undefined;
      if (!record) {
        const created = await BrowserDeviceVault.create(options);
        try {
          await database.add('device', created.record, 'device');
          record = created.record;
          secrets = created.secrets;
        } catch (error) {
          // Another tab created it first: use that one.
          record = await database.get('device', 'device');
          if (!record) {
            throw error;
          }
        }
      }
      secrets ??= await BrowserDeviceVault.unlock(record, options.passphrase);
      vault = new BrowserDeviceVault(
        memberId,
        database,
        record,
        secrets,
        await readAll(database, 'contacts'),
      );
      return vault;
    } catch (error) {
      database.close();
      throw error;
    }
  }

  /**
   * Deletes everything this browser holds for the member (keys, trust, outbox, the message cache and its key); other
   * tabs' vaults close.
   */
  static wipe(memberId: string): Promise<void> {
    return deleteDeviceDatabase(memberId);
  }

  private static async create(
    options: BrowserVaultOptions,
  ): Promise<{ record: DeviceRecord; secrets: WebCryptoDeviceSecrets }> {
    const base = { v: 1 as const, deviceId: null, createdAt: Date.now() };
    if (options.passphrase === '') {
      throw new Error('an empty passphrase protects nothing: give one, or none');
    }
    if (options.passphrase !== undefined) {
      const { record, secrets } = await createWrappedDeviceKeys(options.passphrase, { cost: options.scrypt });
      return { record: { ...base, wrapped: record }, secrets };
    }
    const secrets = await WebCryptoDeviceSecrets.generate();
    return { record: { ...base, keys: secrets.keys }, secrets };
  }

  private static unlock(
    record: DeviceRecord,
    passphrase: string | undefined,
  ): Promise<WebCryptoDeviceSecrets> {
    if (record.keys) {
      if (passphrase !== undefined) {
        // Never a silent downgrade: whoever asked for a passphrase must learn that this device has none.
        throw new Error('this device is not protected by a passphrase');
      }
      return WebCryptoDeviceSecrets.fromKeys(record.keys);
    }
    if (passphrase === undefined) {
      throw new PassphraseRequiredError();
    }
    return unwrapDeviceKeys(record.wrapped, passphrase);
  }

  get publicKeys(): PublicDeviceKeys {
    return this.secrets.publicKeys;
  }

  /** The id `registerDevice` gave these keys (null until registered). */
  get deviceId(): string | null {
    return this.#record.deviceId;
  }

  /** Whether the keys are under a passphrase. */
  get protected(): boolean {
    return this.#record.wrapped !== undefined;
  }

  /** What `registerDevice` takes: the public keys and the identity key's signature binding them. */
  registration(): Promise<DeviceRegistration> {
    return registrationFor(this.secrets);
  }

  async setDeviceId(deviceId: string): Promise<void> {
    await this.write({ ...this.#record, deviceId });
  }

  /** The same keys under a new passphrase (protected devices only; the current one must be right). */
  async changePassphrase(passphrase: string, newPassphrase: string, scrypt?: ScryptCost): Promise<void> {
    if (!this.#record.wrapped) {
      throw new Error('this device has no passphrase: its keys cannot be wrapped after the fact');
    }
    const wrapped = await rewrapDeviceKeys(this.#record.wrapped, passphrase, newPassphrase, { cost: scrypt });
    await this.write({ ...this.#record, wrapped });
  }

  /** Lets go of the database (the keys stay; `open` again to use them). */
  close(): void {
    this.#closed = true;
    this.#channels.forEach((channel) => channel.close());
    this.#database.close();
  }

  /** Closes this vault and deletes the member's device database. */
  async wipe(): Promise<void> {
    this.close();
    await BrowserDeviceVault.wipe(this.memberId);
  }

  private async write(record: DeviceRecord): Promise<void> {
    if (this.#closed) {
      throw new Error('this device vault is closed');
    }
    await this.#database.put('device', record, 'device');
    this.#record = record;
  }
}
