import {
  deserializeDeviceKeys,
  generateDeviceKeys,
  protectSecret,
  publicKeysOf,
  registrationOf,
  serializeDeviceKeys,
  TweetnaclDeviceSecrets,
  unprotectSecret,
  type DeviceSecrets,
  type DeviceKeyPairs,
  type DeviceRegistration,
  type ProtectedSecret,
  type PublicDeviceKeys,
  type SerializedDeviceKeys,
} from '@app/crypto';
import { ContactTrust, type ContactRecord } from './contact-trust';

/**
 * Where a device keeps its state (one JSON document): in memory, a file (`@app/client/node`), IndexedDB later in the
 * browser. Pluggable: anything that can load and save a string.
 */
export interface KeyStore {
  load(): Promise<string | null>;
  save(data: string): Promise<void>;
}

export class MemoryKeyStore implements KeyStore {
  constructor(private data: string | null = null) {}

  load(): Promise<string | null> {
    return Promise.resolve(this.data);
  }

  save(data: string): Promise<void> {
    this.data = data;
    return Promise.resolve();
  }
}

interface VaultDocument {
  v: 1;
  deviceId: string | null;
  /** Private keys in the clear (no passphrase) … */
  keys?: SerializedDeviceKeys;
  /** … or sealed under the passphrase (scrypt + secretbox). */
  protectedKeys?: ProtectedSecret;
  contacts: Record<string, ContactRecord>;
}

export interface VaultOptions {
  /** Seal the private keys under this passphrase (scrypt + secretbox) in the store. */
  passphrase?: string;
  /** scrypt cost for a new vault (tests use a cheap one). */
  scrypt?: { logN: number; r: number; p: number };
}

/**
 * A device's keys and trust decisions, kept in a KeyStore. `open` creates the key pairs on first use; only the
 * public keys (`registration`) ever leave the device, through `registerDevice`. The private keys stay inside: callers
 * get `secrets` (sign, shared keys), never the raw keys.
 */
export class DeviceVault {
  readonly trust: ContactTrust;
  /** What `ChatClient` takes: the device's key operations, no raw secret key. */
  readonly secrets: DeviceSecrets;
  // Truly private (not just to TypeScript): the raw keys and the document holding them are not reachable from outside.
  readonly #keys: DeviceKeyPairs;
  readonly #store: KeyStore;
  readonly #document: VaultDocument;
  readonly #options: VaultOptions;
  #saving: Promise<void> = Promise.resolve();

  private constructor(store: KeyStore, keys: DeviceKeyPairs, document: VaultDocument, options: VaultOptions) {
    this.#keys = keys;
    this.#store = store;
    this.#document = document;
    this.#options = options;
    this.secrets = new TweetnaclDeviceSecrets(keys);
    // A failed save is retried by the next one; it never becomes an unhandled rejection.
    this.trust = new ContactTrust(document.contacts, () => void this.save().catch(() => undefined));
  }

  static async open(store: KeyStore, options: VaultOptions = {}): Promise<DeviceVault> {
    const text = await store.load();
    if (text === null) {
      const vault = new DeviceVault(
        store,
        generateDeviceKeys(),
        { v: 1, deviceId: null, contacts: {} },
        options,
      );
      await vault.save();
      return vault;
    }
    const document = JSON.parse(text) as VaultDocument;
    let serialized = document.keys;
    if (document.protectedKeys) {
      if (options.passphrase === undefined) {
        throw new Error('this key store is protected by a passphrase');
      }
      serialized = JSON.parse(
        await unprotectSecret(document.protectedKeys, options.passphrase),
      ) as SerializedDeviceKeys;
    }
    if (!serialized) {
      throw new Error('the key store holds no keys');
    }
    return new DeviceVault(store, deserializeDeviceKeys(serialized), document, options);
  }

  get publicKeys(): PublicDeviceKeys {
    return publicKeysOf(this.#keys);
  }

  /** What `registerDevice` takes: the public keys and the identity key's signature binding them. */
  get registration(): DeviceRegistration {
    return registrationOf(this.#keys);
  }

  /** The id `registerDevice` gave these keys. */
  get deviceId(): string | null {
    return this.#document.deviceId;
  }

  async setDeviceId(deviceId: string): Promise<void> {
    this.#document.deviceId = deviceId;
    await this.save();
  }

  /** Writes the document (serialized: concurrent saves land in order). */
  save(): Promise<void> {
    this.#saving = this.#saving
      .catch(() => undefined)
      .then(async () => {
        const secret = serializeDeviceKeys(this.#keys);
        const { passphrase, scrypt } = this.#options;
        if (passphrase !== undefined) {
          this.#document.protectedKeys ??= await protectSecret(JSON.stringify(secret), passphrase, scrypt);
          delete this.#document.keys;
        } else {
          this.#document.keys = secret;
        }
        this.#document.contacts = this.trust?.toJSON() ?? this.#document.contacts;
        await this.#store.save(JSON.stringify(this.#document));
      });
    return this.#saving;
  }
}
