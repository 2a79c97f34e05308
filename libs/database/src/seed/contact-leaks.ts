import { ContactKind, ContactVisibility } from '@app/directory';

/** What the checks read of a profile: the same shape for a seed plan and for rows loaded from the database. */
export interface ContactLeakProfile {
  /** Whose profile it is, for the messages. */
  email: string;
  displayName: string;
  nativeName: string | null;
  nameVariants: readonly string[];
  bio: string | null;
  contacts: readonly { kind: ContactKind; value: string; visibility: ContactVisibility }[];
}

const NUMBER_KINDS = new Set([ContactKind.PHONE, ContactKind.MOBILE, ContactKind.FAX]);
const MESSENGER_KINDS = new Set([ContactKind.SIGNAL, ContactKind.WHATSAPP, ContactKind.TELEGRAM]);
const PHONE_SHAPED = /^\+?[\d\s().-]+$/;

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** True when a contact is a number: phones always, messengers when the value is a number rather than a handle. */
function isNumber(kind: ContactKind, value: string): boolean {
  return NUMBER_KINDS.has(kind) || (MESSENGER_KINDS.has(kind) && PHONE_SHAPED.test(value.trim()));
}

/** Digits only for numbers (so "+998 90 123" and "99890123" match), lowercase for e-mails and handles. */
export function normalizeContactValue(kind: ContactKind, value: string): string {
  return isNumber(kind, value) ? digitsOf(value) : value.trim().toLowerCase();
}

/**
 * Every place where a COORDINATORS contact value shows up in text that members may read: a MEMBERS contact, a name
 * (display, native, variants) or a bio, of any profile. A number is looked for in the digits of the text, an e-mail
 * or handle in the lowercased text. Returns one readable line per leak; empty when nothing leaks.
 */
export function findProtectedContactLeaks(profiles: readonly ContactLeakProfile[]): string[] {
  const readable = profiles.flatMap((profile) => [
    ...profile.contacts
      .filter((contact) => contact.visibility === ContactVisibility.MEMBERS)
      .map((contact) => ({
        where: `MEMBERS ${contact.kind} contact of ${profile.email}`,
        text: contact.value,
      })),
    { where: `display name of ${profile.email}`, text: profile.displayName },
    ...(profile.nativeName === null
      ? []
      : [{ where: `native name of ${profile.email}`, text: profile.nativeName }]),
    ...profile.nameVariants.map((variant) => ({ where: `name variant of ${profile.email}`, text: variant })),
    ...(profile.bio === null ? [] : [{ where: `bio of ${profile.email}`, text: profile.bio }]),
  ]);
  const leaks: string[] = [];
  for (const profile of profiles) {
    for (const contact of profile.contacts) {
      if (contact.visibility !== ContactVisibility.COORDINATORS) {
        continue;
      }
      const needle = normalizeContactValue(contact.kind, contact.value);
      if (needle === '') {
        continue;
      }
      const number = isNumber(contact.kind, contact.value);
      for (const { where, text } of readable) {
        if ((number ? digitsOf(text) : text.toLowerCase()).includes(needle)) {
          leaks.push(
            `${profile.email}: COORDINATORS ${contact.kind} ${contact.value} appears in the ${where}`,
          );
        }
      }
    }
  }
  return leaks;
}

/** Contact values (normalized) used more than once across all profiles, one readable line per repeat. */
export function findDuplicateContactValues(profiles: readonly ContactLeakProfile[]): string[] {
  const owners = new Map<string, string>();
  const duplicates: string[] = [];
  for (const profile of profiles) {
    for (const contact of profile.contacts) {
      const key = normalizeContactValue(contact.kind, contact.value);
      const first = owners.get(key);
      if (first === undefined) {
        owners.set(key, `${contact.kind} of ${profile.email}`);
      } else {
        duplicates.push(`${contact.value} (${contact.kind} of ${profile.email}) is also the ${first}`);
      }
    }
  }
  return duplicates;
}
