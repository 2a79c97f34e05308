import anyAscii from 'any-ascii';

/**
 * Folding for cross-script search, applied once at write time to every name (the directory's search keys) or message
 * (the chat's local search) and once to each query: transliterate any script to Latin (any-ascii), lowercase, drop
 * marks and punctuation, then fold the romanization differences that separate the same name in passports, court
 * records and transliteration tables (Юлдашев = Yuldashev = Iuldashev, Kholmatov = Xolmatov, Mohammadi = Mohamadi,
 * Annaýew = Annayev). Browser-safe: any-ascii and the language, nothing of Node — the web client loads this module (and
 * any-ascii's tables, the bulk of it) only when its search opens.
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
 * The letter groups the rules above rewrite, with what they finally become (zh → j → i). A query typed up to the middle
 * of one ("Бело" of "Белоусова", folded "belusova") needs its end read both ways; see `prefixForms`. A test keeps this
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

/** Where text splits into words, once transliterated (apostrophes are dropped first: O’Brien is one word). */
export const WORD_SEPARATORS = /[\s\-_/,.;:()"]+/u;
const APOSTROPHES = /['’`ʼ]/gu;

/** Any text → its folded words, in order, without empties or duplicates. */
export function foldWords(text: string | null | undefined): string[] {
  if (!text) {
    return [];
  }
  const words = anyAscii(text.normalize('NFKC').replace(APOSTROPHES, ''))
    .split(WORD_SEPARATORS)
    .map(foldToken)
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}
