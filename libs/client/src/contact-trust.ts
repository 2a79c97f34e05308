/**
 * What this device believes about each contact's identity keys. The first keys seen for a contact are trusted on
 * first use (`unverified`); comparing safety numbers out of band makes them `verified`. When the server later returns
 * a key this device has not seen for that contact (a new device — or a key the server swapped in), the contact is
 * `changed` until the user confirms the new keys: until then, sending to them needs an explicit confirmation.
 * Keys that disappear (a revoked device) change nothing.
 */
export type TrustState = 'unverified' | 'verified' | 'changed';

export interface ContactRecord {
  /** Identity keys (base64) accepted for this contact. */
  keys: string[];
  verified: boolean;
  /** Keys seen since that were not accepted yet (state `changed` while non-empty). */
  unconfirmed: string[];
}

export class ContactTrust {
  private readonly records = new Map<string, ContactRecord>();

  constructor(
    records: Record<string, ContactRecord> = {},
    /** Called after every change with the contact it changed, e.g. to persist (the vaults do). */
    private readonly onChange: (memberId: string) => void = () => undefined,
  ) {
    Object.entries(records).forEach(([memberId, record]) => this.records.set(memberId, record));
  }

  /** Records the identity keys the server gave for a contact and returns their state. */
  observe(memberId: string, identityKeys: string[]): TrustState {
    const record = this.records.get(memberId);
    if (!record) {
      this.records.set(memberId, { keys: [...identityKeys].sort(), verified: false, unconfirmed: [] });
      this.onChange(memberId);
      return 'unverified';
    }
    const fresh = identityKeys.filter(
      (key) => !record.keys.includes(key) && !record.unconfirmed.includes(key),
    );
    if (fresh.length > 0) {
      record.unconfirmed = [...record.unconfirmed, ...fresh].sort();
      this.onChange(memberId);
    }
    return this.state(memberId) ?? 'unverified';
  }

  state(memberId: string): TrustState | undefined {
    const record = this.records.get(memberId);
    if (!record) {
      return undefined;
    }
    return record.unconfirmed.length > 0 ? 'changed' : record.verified ? 'verified' : 'unverified';
  }

  /** The user compared safety numbers for these keys: they are the contact's, verified. */
  verify(memberId: string, identityKeys: string[]): void {
    this.records.set(memberId, { keys: [...identityKeys].sort(), verified: true, unconfirmed: [] });
    this.onChange(memberId);
  }

  /** The user accepts the changed keys without comparing safety numbers: back to `unverified`. */
  acceptChange(memberId: string): void {
    const record = this.records.get(memberId);
    if (record && record.unconfirmed.length > 0) {
      this.records.set(memberId, {
        keys: [...record.keys, ...record.unconfirmed].sort(),
        verified: false,
        unconfirmed: [],
      });
      this.onChange(memberId);
    }
  }

  /** A decision made elsewhere (another tab of this device): taken as is, without calling `onChange`. */
  adopt(memberId: string, record: ContactRecord): void {
    this.records.set(memberId, record);
  }

  toJSON(): Record<string, ContactRecord> {
    return Object.fromEntries(this.records);
  }
}
