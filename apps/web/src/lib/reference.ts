import type { AgencyType, ContactKind, LanguageLevel } from '@web/lib/graphql/graphql';

/** The agency types in the order the forms offer them (their names: the `reference.agencyType.*` strings). */
export const AGENCY_TYPES: readonly AgencyType[] = [
  'PROSECUTION',
  'POLICE',
  'BORDER',
  'JUDICIARY',
  'MINISTRY',
  'FIU',
  'LABOUR_INSPECTION',
  'OTHER',
];

/** Language levels, best first (`reference.levels.*`). */
export const LANGUAGE_LEVELS: readonly LanguageLevel[] = ['NATIVE', 'FLUENT', 'WORKING', 'BASIC'];

/** Contact channels in the order the profile form offers them (`reference.contactKinds.*`). */
export const CONTACT_KINDS: readonly ContactKind[] = [
  'EMAIL',
  'PHONE',
  'MOBILE',
  'FAX',
  'TELEGRAM',
  'WHATSAPP',
  'SIGNAL',
  'OTHER',
];

/** The expertise and competence groups the catalogs have titles for; the API may send newer ones ('other'). */
export const EXPERTISE_GROUPS = ['TRAFFICKING', 'SMUGGLING', 'FINANCIAL', 'EVIDENCE', 'VICTIMS'] as const;
export const COMPETENCE_GROUPS = ['UNTOC', 'PROTOCOLS', 'OTHER_INSTRUMENTS', 'CHANNELS'] as const;

/** `group` itself if it is one of `known`, else 'other' (a title key for a group newer than the catalog). */
export function knownGroup<T extends string>(known: readonly T[], group: string): T | 'other' {
  return (known as readonly string[]).includes(group) ? (group as T) : 'other';
}

/** A reference list of the API (expertise areas, competences): code, group, name in the UI language. */
export type Taxonomy = readonly { code: string; group: string; name: string }[];

export interface TaxonomySection {
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

/** The API's items in its order, cut into one titled section per group. */
export function taxonomySections(
  items: Taxonomy | undefined,
  title: (group: string) => string,
): TaxonomySection[] {
  const groups = new Map<string, TaxonomySection>();
  for (const item of items ?? []) {
    const section = groups.get(item.group) ?? { key: item.group, label: title(item.group), options: [] };
    groups.set(item.group, section);
    section.options.push({ value: item.code, label: item.name });
  }
  return [...groups.values()];
}
