import { foldWords } from '@app/folding';

/** Separates name words from other searchable words (agency, position) inside a search key. */
export const KEY_SEPARATOR = '|';

export interface SearchableProfile {
  displayName: string;
  nativeName: string | null;
  nameVariants: string[];
  position: string | null;
  agencyName: string | null;
}

/**
 * The stored search key: ` name words | other words ` (leading/trailing spaces make word-start LIKEs simple), every
 * name variant folded once, at write time, by the folding the queries get too (libs/folding).
 */
export function searchKeyFor(profile: SearchableProfile): string {
  const names = [
    ...new Set(
      [profile.displayName, profile.nativeName, ...profile.nameVariants].flatMap((name) => foldWords(name)),
    ),
  ];
  const other = [
    ...new Set([profile.position, profile.agencyName].flatMap((text) => foldWords(text))),
  ].filter((word) => !names.includes(word));
  return ` ${names.join(' ')} ${KEY_SEPARATOR} ${other.join(' ')} `;
}

export function parseSearchKey(key: string): { names: string[]; other: string[] } {
  const [names = '', other = ''] = key.split(KEY_SEPARATOR);
  return { names: names.split(' ').filter(Boolean), other: other.split(' ').filter(Boolean) };
}
