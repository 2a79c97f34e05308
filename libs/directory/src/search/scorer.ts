import { prefixForms } from '@app/folding';
import { parseSearchKey } from './search-key';

/**
 * The one scorer both databases share: the index only proposes candidates, this decides what matches and in which
 * order. Every query word must match a word of the profile: exactly, as a prefix, or (words of FUZZY_MIN_LENGTH letters
 * or more) within one typo. Name words weigh more than agency and position words. Ties are broken by id.
 */
export const SCORES = {
  name: { exact: 300, prefix: 200, fuzzy: 100 },
  other: { exact: 30, prefix: 20, fuzzy: 10 },
} as const;

/** One typo is tolerated from this length on (the candidate pieces below need it). */
export const FUZZY_MIN_LENGTH = 7;
/** Queries are cut to this many words. */
export const MAX_QUERY_WORDS = 6;

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent transposition. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const lengthGap = a.length - b.length;
  if (Math.abs(lengthGap) > 1) {
    return false;
  }
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i += 1;
  }
  if (lengthGap === 0) {
    if (a.slice(i + 1) === b.slice(i + 1)) {
      return true; // substitution
    }
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return lengthGap > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export type TierWeights = { readonly exact: number; readonly prefix: number; readonly fuzzy: number };

/**
 * How well one profile word matches one query word: exact, prefix (of any of the word's `prefixForms`), one typo
 * (long words only), or 0.
 */
export function wordTier(
  word: string,
  candidate: string,
  weights: TierWeights,
  forms: readonly string[] = [word],
): number {
  if (candidate === word) {
    return weights.exact;
  }
  for (const form of forms) {
    if (candidate.startsWith(form)) {
      return weights.prefix;
    }
  }
  return word.length >= FUZZY_MIN_LENGTH && withinOneEdit(word, candidate) ? weights.fuzzy : 0;
}

function tier(word: string, forms: string[], candidates: string[], weights: TierWeights): number {
  let best = 0;
  for (const candidate of candidates) {
    best = Math.max(best, wordTier(word, candidate, weights, forms));
    if (best === weights.exact) {
      break;
    }
  }
  return best;
}

/** The score of a profile's search key for the folded query words, or null when it does not match. */
export function scoreKey(words: string[], key: string): number | null {
  const { names, other } = parseSearchKey(key);
  let total = 0;
  for (const word of words) {
    const forms = prefixForms(word);
    const best = Math.max(tier(word, forms, names, SCORES.name), tier(word, forms, other, SCORES.other));
    if (best === 0) {
      return null;
    }
    total += best;
  }
  return total;
}

/**
 * Substrings a candidate's key must contain for `word` to have any chance of matching: the word itself (exact and
 * prefix matches contain it); for fuzzy-eligible words, either half survives a single edit (the right half is taken
 * one letter later so an adjacent transposition across the middle is covered; the left half is also in every prefix
 * form). Shorter words need one of their prefix forms. Words under 3 letters can only match
 * as a word prefix, so they come back with a leading space.
 */
export function candidatePieces(word: string): string[] {
  if (word.length < 3) {
    return [` ${word}`];
  }
  if (word.length < FUZZY_MIN_LENGTH) {
    return prefixForms(word);
  }
  const half = Math.floor(word.length / 2);
  return [word.slice(0, half), word.slice(half + 1)];
}
