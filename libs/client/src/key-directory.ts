import {
  fromBase64,
  safetyNumber,
  verifyRegistrationWith,
  type Ed25519Verifier,
  type PublicDeviceKeys,
} from '@app/crypto';
import type { ChatMessage, DeviceKeys, KeysChanged, KeysPayload } from '@app/common/chat-protocol';
import type { ContactTrust, TrustState } from './contact-trust';
import type { ChatTransport } from './transport';

/** What the directory needs of the transport (tests give a fake). */
export type KeyTransport = Pick<ChatTransport, 'request' | 'ackTimeoutMs'>;

/** Key lookups wait at least this long, whatever the (possibly very short) ack timeout of sends. */
const KEYS_TIMEOUT_MS = 5_000;

export interface OwnDevice {
  deviceId: string;
  publicKeys: PublicDeviceKeys;
}

/**
 * The public keys this device reads from and seals for, and what it believes about them: `keys` answers per
 * conversation (dropped on key or participant changes), every device seen by id, each binding signature verified
 * once — a device whose identity key did not sign its encryption key is neither sealed for nor believed — and the
 * contacts' trust states, updated as keys are seen.
 */
export class KeyDirectory {
  private readonly conversationKeys = new Map<string, Promise<DeviceKeys[]>>();
  private readonly knownDevices = new Map<string, DeviceKeys>();
  private readonly bindings = new Map<string, Promise<boolean>>();
  private memberId: string | null = null;

  constructor(
    private readonly transport: KeyTransport,
    readonly trust: ContactTrust,
    private readonly own: OwnDevice,
    private readonly verifier: () => Promise<Ed25519Verifier>,
  ) {}

  /** Every device of the conversation's participants, as the server lists them (cached until a change). */
  keysOf(conversationId: string): Promise<DeviceKeys[]> {
    let keys = this.conversationKeys.get(conversationId);
    if (!keys) {
      keys = this.lookup({ conversationId }).then(async (devices) => {
        const bound = await this.boundOnly(devices);
        bound.forEach((device) => this.knownDevices.set(device.deviceId, device));
        return bound;
      });
      keys.catch(() => this.conversationKeys.delete(conversationId));
      this.conversationKeys.set(conversationId, keys);
    }
    return keys;
  }

  /** The cached key list of a conversation, if one was read (no request). */
  cachedKeysOf(conversationId: string): Promise<DeviceKeys[]> | undefined {
    return this.conversationKeys.get(conversationId);
  }

  /** Participants changed: the next use reads the conversation's keys again. */
  forget(conversationId: string): void {
    this.conversationKeys.delete(conversationId);
  }

  /** The sending device's registered keys: known, or from the conversation's key list (revoked devices included). */
  async senderDevice(message: ChatMessage): Promise<DeviceKeys | undefined> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const known = this.knownDevices.get(message.senderDeviceId);
      if (known) {
        return known;
      }
      this.conversationKeys.delete(message.conversationId);
      try {
        await this.keysOf(message.conversationId);
        return this.knownDevices.get(message.senderDeviceId);
      } catch {
        // No answer (offline, timeout): try again shortly before calling the sender unknown.
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
    return undefined;
  }

  /**
   * What this device believes about a sender's key: the member's current keys are recorded like before a send, so
   * a device the server slipped in (a key this device never accepted) shows as `changed` on what it sends too.
   */
  observeSender(sender: DeviceKeys): TrustState | undefined {
    if (sender.revoked) {
      return this.trust.state(sender.memberId); // history from a retired device: nothing new to learn
    }
    const keys = new Set([sender.identityKey]);
    for (const device of this.knownDevices.values()) {
      if (device.memberId === sender.memberId && !device.revoked && device.deviceId !== this.own.deviceId) {
        keys.add(device.identityKey);
      }
    }
    return this.trust.observe(sender.memberId, [...keys]);
  }

  /**
   * Participants' current keys checked against what this device accepted before: the members whose keys changed
   * (partners and this member's own other devices alike — a device never accepted before counts as a change).
   */
  changedOwners(devices: DeviceKeys[]): string[] {
    const owners = new Map<string, string[]>();
    for (const device of devices) {
      // This device's own key too: the first look at its own member records all of its devices at once.
      owners.set(device.memberId, [...(owners.get(device.memberId) ?? []), device.identityKey]);
    }
    return [...owners]
      .filter(([memberId, keys]) => this.trust.observe(memberId, keys) === 'changed')
      .map(([memberId]) => memberId);
  }

  /** A member's devices changed (`keys:changed`): forget them, and re-read them when this device knows the member. */
  async keysChanged(change: KeysChanged): Promise<TrustState | undefined> {
    this.conversationKeys.clear();
    for (const [deviceId, device] of this.knownDevices) {
      if (device.memberId === change.memberId) {
        this.knownDevices.delete(deviceId);
      }
    }
    if (this.trust.state(change.memberId) === undefined) {
      return undefined;
    }
    try {
      const devices = await this.boundOnly(await this.lookup({ memberIds: [change.memberId] }));
      return this.trust.observe(
        change.memberId,
        devices
          .filter((device) => !device.revoked && device.deviceId !== this.own.deviceId)
          .map((device) => device.identityKey),
      );
    } catch {
      return undefined; // the next send re-reads the keys anyway
    }
  }

  /**
   * The 60-digit safety number with a contact, from both members' current identity keys (all their devices); the
   * contact's device shows the same digits. Compare them out of band, then `trust.verify(memberId, keys)`.
   */
  async safetyNumber(memberId: string): Promise<{ digits: string; theirKeys: string[] }> {
    this.memberId ??= (await this.transport.request('session:ping', {}, this.lookupTimeoutMs)).memberId;
    // Bound devices only, like every other use of the key list.
    const devices = await this.boundOnly(await this.lookup({ memberIds: [this.memberId, memberId] }));
    const keysOf = (owner: string) =>
      devices.filter((device) => device.memberId === owner && !device.revoked);
    // This device's own key is the one it holds, not what the server says: a swap of it shows as a mismatch too.
    const mine = [
      this.own.publicKeys.identityKey,
      ...keysOf(this.memberId)
        .filter((device) => device.deviceId !== this.own.deviceId)
        .map((device) => device.identityKey),
    ];
    const theirKeys = keysOf(memberId).map((device) => device.identityKey);
    const decode = (keys: string[]) => keys.map((key) => fromBase64(key) ?? new Uint8Array());
    return { digits: safetyNumber(decode(mine), decode(theirKeys)), theirKeys };
  }

  /** Lookups (keys, who am I) wait at least KEYS_TIMEOUT_MS, whatever the sends' ack timeout. */
  private get lookupTimeoutMs(): number {
    return Math.max(this.transport.ackTimeoutMs, KEYS_TIMEOUT_MS);
  }

  private async lookup(payload: KeysPayload): Promise<DeviceKeys[]> {
    return (await this.transport.request('keys', payload, this.lookupTimeoutMs)).devices;
  }

  /** The devices whose binding signature verifies (checked once per key set). */
  private async boundOnly(devices: DeviceKeys[]): Promise<DeviceKeys[]> {
    const verifier = await this.verifier();
    const verdicts = await Promise.all(
      devices.map((device) => {
        const key = `${device.identityKey}|${device.encryptionKey}|${device.keySignature ?? ''}`;
        let verified = this.bindings.get(key);
        if (verified === undefined) {
          verified = verifyRegistrationWith(device, verifier).catch(() => false);
          this.bindings.set(key, verified);
        }
        return verified;
      }),
    );
    return devices.filter((_, index) => verdicts[index]);
  }
}
