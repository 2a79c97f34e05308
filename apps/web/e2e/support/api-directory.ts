import { randomInt, randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { DEMO, uniqueEmail, type Account, type Api } from './api';

export type AgencyType =
  'PROSECUTION' | 'POLICE' | 'BORDER' | 'JUDICIARY' | 'MINISTRY' | 'FIU' | 'LABOUR_INSPECTION' | 'OTHER';
export type LanguageLevel = 'NATIVE' | 'FLUENT' | 'WORKING' | 'BASIC';

/** Monday to Friday, 09:00–18:00 local time: in office hours at the test server's clock in Central Asia, not in Italy. */
export const OFFICE_HOURS = { workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } as const;

/** Who a counterpart is: the application's fields, then (set by the administrator) the working schedule. */
export interface CounterpartSeed {
  /** Part of the e-mail address, for reading logs. */
  label: string;
  displayName: string;
  nativeName?: string;
  nameVariants?: string[];
  country: string;
  agency: { name: string; type: AgencyType; city?: string };
  position?: string;
  timeZone: string;
  languages: { code: string; level: LanguageLevel }[];
  expertise?: string[];
  competences?: string[];
  /** Working days (ISO, 1 = Monday) and hours in their own time zone; the profile's default when left out. */
  schedule?: { workingDays: readonly number[]; start: string; end: string };
  available24x7?: boolean;
}

export interface Counterpart extends Account {
  displayName: string;
}

/** A word no other test uses, in Latin and in Cyrillic letters that fold to it (search finds either by the other). */
export interface UniqueName {
  latin: string;
  cyrillic: string;
}

const CONSONANTS: [string, string][] = [
  ['b', 'б'],
  ['d', 'д'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['v', 'в'],
];
const VOWELS: [string, string][] = [
  ['a', 'а'],
  ['o', 'о'],
  ['u', 'у'],
  ['i', 'и'],
];

/**
 * A surname made of four random syllables (44⁴ of them), written in both scripts letter for letter: what the tests
 * search for, so that the shared server's other accounts (the demo network, parallel tests) never match.
 */
export function uniqueSurname(): UniqueName {
  let latin = '';
  let cyrillic = '';
  for (let syllable = 0; syllable < 4; syllable += 1) {
    const [cl, cc] = CONSONANTS[randomInt(CONSONANTS.length)];
    const [vl, vc] = VOWELS[randomInt(VOWELS.length)];
    latin += cl + vl;
    cyrillic += cc + vc;
  }
  const capital = (word: string) => word[0].toUpperCase() + word.slice(1);
  return { latin: capital(latin), cyrillic: capital(cyrillic) };
}

/**
 * A vetted member with a full profile, made through the public API as the network would: an invitation from the
 * administrator for the seed's country, the application, the vetting, then (when the seed has one) the working
 * schedule set by the administrator (updateMemberProfile, audited with a reason).
 */
export async function counterpart(api: Api, seed: CounterpartSeed): Promise<Counterpart> {
  const admin = await api.tokenOf(DEMO.admin);
  const invited = await api.graphql<{ createInvitation: { code: string } }>(
    admin,
    'mutation Invite($input: CreateInvitationInput!) { createInvitation(input: $input) { code } }',
    { input: { country: seed.country } },
  );
  const email = uniqueEmail(seed.label);
  const password = `e2e-password-${randomUUID()}`;
  const applied = await api.graphql<{ applyForMembership: { id: string; status: string } }>(
    null,
    'mutation Apply($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id status } }',
    {
      input: {
        email,
        password,
        displayName: seed.displayName,
        nativeName: seed.nativeName,
        nameVariants: seed.nameVariants,
        country: seed.country,
        agencyName: seed.agency.name,
        agencyType: seed.agency.type,
        agencyCity: seed.agency.city,
        position: seed.position,
        timeZone: seed.timeZone,
        languages: seed.languages,
        expertise: seed.expertise ?? [],
        competences: seed.competences ?? [],
        invitationCode: invited.createInvitation.code,
      },
    },
  );
  expect(applied.applyForMembership.status).toBe('PENDING');
  const id = applied.applyForMembership.id;
  await api.graphql(admin, 'mutation Vet($input: VetMemberInput!) { vetMember(input: $input) { id } }', {
    input: { memberId: id, decision: 'APPROVE', reason: 'Browser test of the directory' },
  });
  if (seed.schedule || seed.available24x7 !== undefined) {
    await api.graphql(
      admin,
      'mutation Schedule($input: UpdateMemberProfileInput!) { updateMemberProfile(input: $input) { id } }',
      {
        input: {
          memberId: id,
          reason: 'Browser test: working hours',
          ...(seed.schedule
            ? {
                workingDays: seed.schedule.workingDays,
                workingHoursStart: seed.schedule.start,
                workingHoursEnd: seed.schedule.end,
              }
            : {}),
          ...(seed.available24x7 === undefined ? {} : { available24x7: seed.available24x7 }),
        },
      },
    );
  }
  return { id, email, password, displayName: seed.displayName };
}

/** Several counterparts at once (a few at a time: the server hashes each password). */
export async function counterparts(api: Api, seeds: CounterpartSeed[]): Promise<Counterpart[]> {
  const made: Counterpart[] = [];
  for (let start = 0; start < seeds.length; start += 4) {
    made.push(...(await Promise.all(seeds.slice(start, start + 4).map((seed) => counterpart(api, seed)))));
  }
  return made;
}

/**
 * The cast of the directory tests and screens, all with the surname `name`, at the test server's clock (Monday 06:00
 * UTC, api-server.ts): who can answer now, who shares a language with `viewer()` (Russian fluent, English working).
 */
export function cast(name: UniqueName) {
  const prosecutor = { name: 'General Prosecutor’s Office', type: 'PROSECUTION' as const };
  return {
    /** The one searching: Tashkent, Russian (fluent) and English (working). */
    viewer: (): CounterpartSeed => ({
      label: 'directory-viewer',
      displayName: `Viewer ${randomUUID().slice(0, 6)}`,
      country: 'UZ',
      agency: { ...prosecutor, city: 'Tashkent' },
      timeZone: 'Asia/Tashkent',
      languages: [
        { code: 'ru', level: 'FLUENT' },
        { code: 'en', level: 'WORKING' },
      ],
    }),
    /** Tashkent, office hours (11:00 there): can answer now; shares Russian. */
    dilnoza: (): CounterpartSeed => ({
      label: 'directory-dilnoza',
      displayName: `Dilnoza ${name.latin}`,
      nativeName: `Дилноза ${name.cyrillic}`,
      country: 'UZ',
      agency: { ...prosecutor, city: 'Tashkent' },
      position: 'Senior prosecutor, international cooperation',
      timeZone: 'Asia/Tashkent',
      languages: [
        { code: 'uz', level: 'NATIVE' },
        { code: 'ru', level: 'FLUENT' },
      ],
      expertise: ['ASSET_RECOVERY'],
      competences: ['UNTOC_MLA'],
      schedule: OFFICE_HOURS,
    }),
    /** Tashkent police, works weekends only: cannot answer on a Monday; Uzbek only (needs an interpreter). */
    aziz: (): CounterpartSeed => ({
      label: 'directory-aziz',
      displayName: `Aziz ${name.latin}`,
      nativeName: `Азиз ${name.cyrillic}`,
      country: 'UZ',
      agency: { name: 'Ministry of Internal Affairs', type: 'POLICE', city: 'Tashkent' },
      position: 'Investigator',
      timeZone: 'Asia/Tashkent',
      languages: [{ code: 'uz', level: 'NATIVE' }],
      schedule: { workingDays: [6, 7], start: '09:00', end: '18:00' },
    }),
    /** Almaty, office hours (11:00 there): can answer now; shares Russian. */
    aigul: (): CounterpartSeed => ({
      label: 'directory-aigul',
      displayName: `Aigul ${name.latin}`,
      nativeName: `Айгуль ${name.cyrillic}`,
      country: 'KZ',
      agency: { name: 'Prosecutor General’s Office of Kazakhstan', type: 'PROSECUTION', city: 'Astana' },
      position: 'Prosecutor',
      timeZone: 'Asia/Almaty',
      languages: [
        { code: 'kk', level: 'NATIVE' },
        { code: 'ru', level: 'NATIVE' },
      ],
      expertise: ['ASSET_RECOVERY'],
      schedule: OFFICE_HOURS,
    }),
    /** Rome, office hours (07:00 there): cannot answer yet; shares English. */
    marco: (): CounterpartSeed => ({
      label: 'directory-marco',
      displayName: `Marco ${name.latin}`,
      country: 'IT',
      agency: { name: 'Carabinieri', type: 'POLICE', city: 'Rome' },
      position: 'Liaison officer',
      timeZone: 'Europe/Rome',
      languages: [
        { code: 'it', level: 'NATIVE' },
        { code: 'en', level: 'FLUENT' },
      ],
      schedule: OFFICE_HOURS,
    }),
    /** Rome, on duty 24/7: can answer now; Italian only. */
    giulia: (): CounterpartSeed => ({
      label: 'directory-giulia',
      displayName: `Giulia ${name.latin}`,
      country: 'IT',
      agency: { name: 'Polizia di Stato', type: 'POLICE', city: 'Rome' },
      position: 'Duty officer',
      timeZone: 'Europe/Rome',
      languages: [{ code: 'it', level: 'NATIVE' }],
      schedule: OFFICE_HOURS,
      available24x7: true,
    }),
  };
}

/** The strings of `seeds` a screen shows in Latin letters whatever the UI language (names, agencies, cities, jobs). */
export function shownData(seeds: CounterpartSeed[]): string[] {
  return seeds.flatMap((seed) =>
    [seed.displayName, seed.agency.name, seed.agency.city, seed.position].filter((text): text is string =>
      Boolean(text),
    ),
  );
}
