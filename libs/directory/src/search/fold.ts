import anyAscii from 'any-ascii';

/**
 * Folding for cross-script name search, applied once at write time to every name and once to each query:
 * transliterate any script to Latin (any-ascii), lowercase, drop marks and punctuation, then fold the romanization
 * differences that separate the same name in passports, court records and transliteration tables
 * (Юлдашев = Yuldashev = Iuldashev, Kholmatov = Xolmatov, Mohammadi = Mohamadi, Annaýew = Annayev).
 */
const RULES: [RegExp, string][] = [
  [/dzh/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/x/g, 'h'],
  [/sch|sh/g, 's'],
  [/tch|ch/g, 'c'],
  [/ts/g, 'c'],
  [/ph/g, 'f'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/ck/g, 'k'],
  [/w/g, 'v'],
  [/ou/g, 'u'],
  [/[yj]/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/**
 * The letter groups the rules above rewrite, with what they finally become (zh → j → i). A query typed up to the middle of one ("Бело" of
 * "Белоусова", folded "belusova") needs its end read both ways; see `prefixForms` in the scorer. A test keeps this
 * list in step with RULES.
 */
export const DIGRAPH_FOLDS: readonly [string, string][] = [
  ['dzh', 'i'],
  ['zh', 'i'],
  ['kh', 'h'],
  ['sch', 's'],
  ['sh', 's'],
  ['tch', 'c'],
  ['ch', 'c'],
  ['ts', 'c'],
  ['ph', 'f'],
  ['gh', 'g'],
  ['ck', 'k'],
  ['ou', 'u'],
];

/** One name part (or query word) folded; '' when nothing searchable remains. */
export function foldToken(token: string): string {
  let folded = anyAscii(token.normalize('NFKC'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  for (const [pattern, replacement] of RULES) {
    folded = folded.replace(pattern, replacement);
  }
  return folded;
}

/** Any text → its folded words, in order, without empties or duplicates. */
export function foldWords(text: string | null | undefined): string[] {
  if (!text) {
    return [];
  }
  const words = anyAscii(text.normalize('NFKC').replace(/['’`ʼ]/gu, ''))
    .split(/[\s\-_/,.;:()"]+/u)
    .map(foldToken)
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

/** Separates name words from other searchable words (agency, position) inside a search key. */
export const KEY_SEPARATOR = '|';

export interface SearchableProfile {
  displayName: string;
  nativeName: string | null;
  nameVariants: string[];
  position: string | null;
  agencyName: string | null;
}

/** The stored search key: ` name words | other words ` (leading/trailing spaces make word-start LIKEs simple). */
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
