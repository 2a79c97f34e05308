import { createHash } from 'node:crypto';
import { seededRandom } from '@app/common';
import {
  AgencyType,
  COMPETENCES,
  ContactKind,
  ContactVisibility,
  EXPERTISE_AREAS,
  LanguageLevel,
} from '@app/directory';
import { MemberRole, MemberStatus } from '@app/identity';
import { BIOS, DEMO_COUNTRIES, POSITIONS, type DemoCountry, type Name } from './demo-network.data';

export const DEMO_EMAIL_DOMAIN = 'demo.counterpart.example';
/** Every demo account shares this password; it is printed at start outside production only. */
export const DEMO_PASSWORD = 'counterpart-demo-2026';
export const PRACTITIONERS_PER_COUNTRY = 6;

/**
 * Demo members get ids derived from their e-mail, so the demo network is the same on every machine and the README
 * can show queries with real ids. (Real members get random ids.)
 */
export function demoMemberId(email: string): string {
  const hex = createHash('sha256').update(`counterpart-demo:${email}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface DemoPractitionerPlan {
  email: string;
  role: MemberRole;
  status: MemberStatus;
  coordinatorCountries: string[];
  /** Months from now until vetting expires (negative: already expired); null for unvetted members. */
  vettedForMonths: number | null;
  displayName: string;
  nativeName: string | null;
  nameVariants: string[];
  position: string;
  country: string;
  agency: { name: string; type: AgencyType; city: string };
  timeZone: string;
  workingDays: number[];
  workingHours: readonly [string, string];
  available24x7: boolean;
  languages: { code: string; level: LanguageLevel }[];
  expertise: string[];
  competences: string[];
  contacts: { kind: ContactKind; value: string; label: string | null; visibility: ContactVisibility }[];
  bio: string;
  confirmedMonthsAgo: number;
}

/** Special accounts, by country and position in that country's list. */
const STAFF: Record<string, { role: MemberRole; email: string; scope: string[] }> = {
  'IT:0': { role: MemberRole.ADMIN, email: `admin@${DEMO_EMAIL_DOMAIN}`, scope: [] },
  'IT:1': { role: MemberRole.COORDINATOR, email: `coordinator.it@${DEMO_EMAIL_DOMAIN}`, scope: ['IT', 'TR'] },
  'UZ:1': { role: MemberRole.COORDINATOR, email: `coordinator.uz@${DEMO_EMAIL_DOMAIN}`, scope: ['UZ', 'TM'] },
  'KZ:0': { role: MemberRole.COORDINATOR, email: `coordinator.kz@${DEMO_EMAIL_DOMAIN}`, scope: ['KZ', 'RU'] },
  'KG:0': { role: MemberRole.COORDINATOR, email: `coordinator.kg@${DEMO_EMAIL_DOMAIN}`, scope: ['KG', 'TJ'] },
  'PK:0': {
    role: MemberRole.COORDINATOR,
    email: `coordinator.pk@${DEMO_EMAIL_DOMAIN}`,
    scope: ['PK', 'AF', 'IR'],
  },
};
/** Profiles the README's examples rely on: guaranteed traits on top of the random ones. */
const SHOWCASE: Record<string, { expertise: string[]; competences: string[] }> = {
  // "A Russian-speaking prosecutor in Kazakhstan who knows asset recovery."
  'KZ:4': { expertise: ['ASSET_RECOVERY'], competences: ['UNTOC_CONFISCATION'] },
};
const PENDING_IN = new Set(['UZ', 'KZ', 'KG', 'TJ', 'IR', 'PK']);
const LAST = PRACTITIONERS_PER_COUNTRY - 1;

const PRIMARY_EXPERTISE: Record<AgencyType, string[]> = {
  [AgencyType.PROSECUTION]: ['TIP_FORCED_LABOUR', 'TIP_SEXUAL_EXPLOITATION'],
  [AgencyType.JUDICIARY]: ['TIP_SEXUAL_EXPLOITATION', 'CHILD_TRAFFICKING'],
  [AgencyType.POLICE]: ['TIP_SEXUAL_EXPLOITATION', 'SOM_LAND', 'VICTIM_IDENTIFICATION'],
  [AgencyType.BORDER]: ['SOM_LAND', 'SOM_AIR', 'DOCUMENT_FRAUD', 'BORDER_CONTROL'],
  [AgencyType.FIU]: ['FINANCIAL_INVESTIGATION', 'MONEY_LAUNDERING', 'ASSET_RECOVERY'],
  [AgencyType.MINISTRY]: ['VICTIM_PROTECTION', 'FRAUDULENT_RECRUITMENT'],
  [AgencyType.LABOUR_INSPECTION]: ['TIP_FORCED_LABOUR', 'FRAUDULENT_RECRUITMENT'],
  [AgencyType.OTHER]: ['VICTIM_PROTECTION'],
};

const PRIMARY_COMPETENCES: Record<AgencyType, string[]> = {
  [AgencyType.PROSECUTION]: ['UNTOC_MLA', 'UNTOC_EXTRADITION', 'UNTOC_JIT', 'TIP_PROTOCOL'],
  [AgencyType.JUDICIARY]: ['UNTOC_MLA', 'UNTOC_TRANSFER_OF_PROCEEDINGS', 'CENTRAL_AUTHORITY'],
  [AgencyType.POLICE]: ['UNTOC_LAW_ENFORCEMENT_COOPERATION', 'INTERPOL_CHANNELS', 'UNTOC_SPECIAL_TECHNIQUES'],
  [AgencyType.BORDER]: ['SOM_PROTOCOL', 'UNTOC_LAW_ENFORCEMENT_COOPERATION'],
  [AgencyType.FIU]: ['FIU_EXCHANGE', 'ASSET_FREEZING_ORDERS', 'UNCAC_ASSET_RECOVERY'],
  [AgencyType.MINISTRY]: ['TIP_PROTOCOL_REPATRIATION', 'TIP_PROTOCOL'],
  [AgencyType.LABOUR_INSPECTION]: ['TIP_PROTOCOL'],
  [AgencyType.OTHER]: ['TIP_PROTOCOL'],
};

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const pickSome = <T>(rng: Rng, items: readonly T[], count: number): T[] =>
  items
    .map((item) => ({ item, key: rng() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, count)
    .map(({ item }) => item);
const digits = (rng: Rng, count: number): string =>
  Array.from({ length: count }, () => Math.floor(rng() * 10)).join('');

const ASCII: Record<string, string> = { ə: 'e', ı: 'i', ł: 'l', ø: 'o', ß: 'ss' };
/** Latin name → e-mail local part: lowercase ASCII letters only. */
export function emailSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[əıłøß]/g, (c) => ASCII[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '');
}

/** -ов/-ев/-ин (and Latin -ov/-ev/-ow/-ew/-in) surnames take a feminine -а/-a. */
function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин)$/u.test(surname)) {
    return `${surname}а`;
  }
  return /(ov|ev|ow|ew|in)$/u.test(surname) ? `${surname}a` : surname;
}

function namesFor(country: DemoCountry, index: number, rng: Rng, used: Set<string>) {
  if (country.code === 'UZ' && index === 0) {
    // The practitioner every cross-script search example looks for.
    return { first: country.male[0], last: country.surnames[0], female: false };
  }
  for (;;) {
    const female = index % 2 === 1;
    const first: Name = pick(rng, female ? country.female : country.male);
    const surname = pick(rng, country.surnames);
    const key = `${first[1]} ${surname[1]}`;
    if (!used.has(key)) {
      used.add(key);
      return { first, last: surname, female };
    }
  }
}

/** A messenger's value until {@link numberSpareContacts} gives it a number of its own. */
const UNNUMBERED = '';

interface PlannedNumber {
  email: string;
  mobile: DemoCountry['mobile'];
  contact: { value: string };
}

/**
 * Gives each messenger a number of its own, never the coordinators-only mobile (members can read the messenger), and
 * redraws any number already taken, so that no two contacts of the network share a value. The new numbers come from a
 * generator seeded by the practitioner's e-mail, not from the country's `rng`: drawing from that would shift the
 * names, languages and expertise of every practitioner planned after this one.
 */
function numberSpareContacts(numbers: PlannedNumber[]): void {
  const taken = new Set<string>();
  const pending = numbers.filter(({ contact }) => {
    if (contact.value === UNNUMBERED || taken.has(contact.value)) {
      return true;
    }
    taken.add(contact.value);
    return false;
  });
  const spares = new Map<string, Rng>();
  for (const { email, mobile, contact } of pending) {
    let spare = spares.get(email);
    if (!spare) {
      const seed = createHash('sha256').update(`counterpart-demo-contact:${email}`).digest().readUInt32BE(0);
      spare = seededRandom(seed);
      spares.set(email, spare);
    }
    do {
      contact.value = `${mobile[0]}${digits(spare, mobile[1])}`;
    } while (taken.has(contact.value));
    taken.add(contact.value);
  }
}

/** The whole demo network as data: at least 60 practitioners over 12 countries. Pure and deterministic. */
export function planDemoNetwork(): DemoPractitionerPlan[] {
  const plans: DemoPractitionerPlan[] = [];
  const emails = new Set<string>();
  const numbers: PlannedNumber[] = [];
  DEMO_COUNTRIES.forEach((country, countryIndex) => {
    const rng = seededRandom(0xc0ffee + countryIndex);
    const usedNames = new Set<string>(['Erkin Yuldashev']);
    for (let index = 0; index < PRACTITIONERS_PER_COUNTRY; index += 1) {
      const { first, last, female } = namesFor(country, index, rng, usedNames);
      const gendered = country.gendered && female;
      const lastNative = gendered ? feminine(last[0]) : last[0];
      const lastLatin = gendered ? feminine(last[1]) : last[1];
      const displayName = `${first[1]} ${lastLatin}`;
      const nativeName = country.nonLatin ? `${first[0]} ${lastNative}` : null;
      const variants = (last[2] ?? []).map(
        (variant) => `${first[1]} ${gendered ? feminine(variant) : variant}`,
      );

      const staff = STAFF[`${country.code}:${index}`];
      let email =
        staff?.email ??
        `${emailSlug(first[1])}.${emailSlug(lastLatin)}@${country.code.toLowerCase()}.${DEMO_EMAIL_DOMAIN}`;
      for (let n = 2; emails.has(email); n += 1) {
        email = email.replace(/(\d*)@/, `${n}@`);
      }
      emails.add(email);

      let status = MemberStatus.VETTED;
      let vettedForMonths: number | null = 24 - Math.floor(rng() * 12);
      if (index === LAST && PENDING_IN.has(country.code)) {
        status = MemberStatus.PENDING;
        vettedForMonths = null;
      } else if (index === LAST && country.code === 'TR') {
        status = MemberStatus.SUSPENDED;
      } else if (index === LAST && country.code === 'AZ') {
        vettedForMonths = -1; // vetting lapsed: treated as pending until a coordinator renews it
      }

      const agency = country.agencies[index % country.agencies.length];
      const languages = [
        { code: country.nativeLanguage, level: LanguageLevel.NATIVE },
        {
          code: country.otherLanguages[0],
          level: pick(rng, [LanguageLevel.FLUENT, LanguageLevel.WORKING, LanguageLevel.FLUENT]),
        },
        {
          code: country.otherLanguages[1],
          level: pick(rng, [LanguageLevel.WORKING, LanguageLevel.BASIC, LanguageLevel.FLUENT]),
        },
      ];
      if (rng() < 0.4) {
        languages.push({
          code: country.otherLanguages[2],
          level: pick(rng, [LanguageLevel.BASIC, LanguageLevel.WORKING]),
        });
      }
      const otherExpertise = EXPERTISE_AREAS.map((entry) => entry.code);
      const expertise = [
        ...new Set([
          ...pickSome(rng, PRIMARY_EXPERTISE[agency.type], 2),
          ...pickSome(rng, otherExpertise, 1 + Math.floor(rng() * 2)),
        ]),
      ];
      const competences = [
        ...new Set([
          ...pickSome(rng, PRIMARY_COMPETENCES[agency.type], 2),
          ...pickSome(
            rng,
            COMPETENCES.map((entry) => entry.code),
            Math.floor(rng() * 2),
          ),
        ]),
      ];
      const contacts: DemoPractitionerPlan['contacts'] = [
        { kind: ContactKind.EMAIL, value: email, label: 'Office', visibility: ContactVisibility.MEMBERS },
        {
          kind: ContactKind.PHONE,
          value: `${country.mobile[0]}${digits(rng, country.mobile[1])}`,
          label: 'Desk',
          visibility: ContactVisibility.MEMBERS,
        },
        {
          kind: ContactKind.MOBILE,
          value: `${country.mobile[0]}${digits(rng, country.mobile[1])}`,
          label: 'Urgent, after hours',
          visibility: ContactVisibility.COORDINATORS,
        },
      ];
      if (rng() < 0.5) {
        contacts.push({
          kind: pick(rng, [ContactKind.SIGNAL, ContactKind.WHATSAPP, ContactKind.TELEGRAM]),
          value: UNNUMBERED, // numbered below, once every number drawn from `rng` is known
          label: null,
          visibility: ContactVisibility.MEMBERS,
        });
      }
      for (const contact of contacts) {
        if (contact.kind !== ContactKind.EMAIL) {
          numbers.push({ email, mobile: country.mobile, contact });
        }
      }

      const showcase = SHOWCASE[`${country.code}:${index}`];
      if (showcase) {
        expertise.push(...showcase.expertise.filter((code) => !expertise.includes(code)));
        competences.push(...showcase.competences.filter((code) => !competences.includes(code)));
      }

      plans.push({
        email,
        role: staff?.role ?? MemberRole.MEMBER,
        status,
        coordinatorCountries: staff?.scope ?? [],
        vettedForMonths,
        displayName,
        nativeName,
        nameVariants: variants,
        position: pick(rng, POSITIONS[agency.type]),
        country: country.code,
        agency,
        timeZone: country.timeZone,
        workingDays: country.workingDays,
        workingHours: country.hours,
        available24x7:
          (agency.type === AgencyType.BORDER || agency.type === AgencyType.POLICE) && rng() < 0.35,
        languages,
        expertise,
        competences,
        contacts,
        bio: pick(rng, BIOS),
        confirmedMonthsAgo: Math.floor(rng() * 16),
      });
    }
  });
  numberSpareContacts(numbers);
  return plans;
}
