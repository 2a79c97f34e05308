import type * as folding from '@app/folding';

/**
 * What the index needs of libs/folding. Passed in, never imported here: the module (any-ascii's tables, ≈ 180 kB
 * compressed) is fetched with `import()` when the search opens (message-search.ts), not with the chat.
 */
export type Folding = Pick<typeof folding, 'foldWords' | 'prefixForms' | 'matchesPrefix'>;

/** A decrypted message as the search holds it (the shape of `CachedMessage` in libs/client/src/browser). */
export interface IndexedMessage {
  conversationId: string;
  seq: number;
  senderId: string;
  sentAt: string;
  text: string;
  caveat?: 'INFORMAL_NOT_FOR_JUDICIAL_USE' | 'DO_NOT_DISSEMINATE' | 'FORMAL_REQUEST_TO_FOLLOW';
}

export interface MessageMatches {
  /** The query's folded words (empty: nothing to search for). */
  words: string[];
  /** Every message that matches. */
  total: number;
  /** The newest `limit` of them, newest first. */
  messages: IndexedMessage[];
}

/** Queries are cut to this many words (as the directory's). */
export const MAX_QUERY_WORDS = 6;

/** A run of letters, marks, digits and the apostrophes and joiners inside words: what a highlight can mark. */
const WORD_RUN = /([\p{L}\p{M}\p{N}'’`ʼ\u200c\u200d]+)/u;

interface Entry {
  message: IndexedMessage;
  time: number;
}

/**
 * The local message search's index, in memory only: every message's text folded once (the directory's folding: any
 * script to Latin, romanization differences folded) into words, each word pointing at the messages that hold it, and
 * the words sorted so a prefix finds its range by binary search. The rule is the directory's: every query word must
 * be the start of a word of the message, through `prefixForms` — so "avtobus" finds "автобуса" and "Юлдашев" finds
 * "Yuldashev". Newest first.
 */
export class MessageIndex {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Set<string>();
  private readonly postings = new Map<string, number[]>();
  /** The words, sorted; rebuilt on the first search after messages were added. */
  private vocabulary: string[] | null = null;
  /**
   * Each word as written → its folded words: messages repeat their words, and folding (transliteration, a dozen
   * rewrites) is most of the cost of indexing. Splitting at white space first gives the same words as folding the
   * whole text (transliteration goes letter by letter, and white space separates words in both).
   */
  private readonly folded = new Map<string, string[]>();

  constructor(private readonly folding: Folding) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds what it does not hold yet (by conversation and seq); answers how many were new. */
  add(messages: readonly IndexedMessage[]): number {
    let added = 0;
    for (const message of messages) {
      const key = `${message.conversationId}\u0000${message.seq}`;
      if (this.byKey.has(key)) {
        continue;
      }
      this.byKey.add(key);
      const position = this.entries.push({ message, time: Date.parse(message.sentAt) || 0 }) - 1;
      for (const word of this.wordsOf(message.text)) {
        const list = this.postings.get(word);
        if (list) {
          list.push(position);
        } else {
          this.postings.set(word, [position]);
        }
      }
      added += 1;
    }
    if (added > 0) {
      this.vocabulary = null;
    }
    return added;
  }

  /** A text's folded words, once each (what `foldWords` gives for the whole text). */
  private wordsOf(text: string): Set<string> {
    const words = new Set<string>();
    for (const run of text.split(/\s+/u)) {
      if (run) {
        foldedRun(this.folding, run, this.folded).forEach((word) => words.add(word));
      }
    }
    return words;
  }

  /** The messages every word of the query starts a word of, newest first. */
  search(query: string, limit = Number.POSITIVE_INFINITY): MessageMatches {
    const words = this.folding.foldWords(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) {
      return { words, total: 0, messages: [] };
    }
    const vocabulary = (this.vocabulary ??= [...this.postings.keys()].sort());
    let matched: Set<number> | null = null;
    for (const word of words) {
      const hits = new Set<number>();
      for (const form of this.folding.prefixForms(word)) {
        for (let index = lowerBound(vocabulary, form); index < vocabulary.length; index += 1) {
          const candidate = vocabulary[index];
          if (!candidate.startsWith(form)) {
            break;
          }
          for (const position of this.postings.get(candidate) ?? []) {
            if (!matched || matched.has(position)) {
              hits.add(position);
            }
          }
        }
      }
      matched = hits;
      if (matched.size === 0) {
        break;
      }
    }
    const found = [...(matched ?? [])].map((position) => this.entries[position]);
    found.sort(
      (a, b) =>
        b.time - a.time ||
        (a.message.conversationId < b.message.conversationId
          ? -1
          : a.message.conversationId > b.message.conversationId
            ? 1
            : b.message.seq - a.message.seq),
    );
    return {
      words,
      total: found.length,
      messages: found.slice(0, limit).map((entry) => entry.message),
    };
  }
}

/**
 * A text cut into runs, those whose words start with one of the query's (folded) words marked. `memo` keeps each run's
 * folding between calls (the same words come back query after query).
 */
export function highlight(
  folding: Folding,
  text: string,
  words: readonly string[],
  memo?: Map<string, string[]>,
): Array<{ text: string; mark: boolean }> {
  const forms = words.map((word) => folding.prefixForms(word));
  const parts: Array<{ text: string; mark: boolean }> = [];
  text.split(WORD_RUN).forEach((part, index) => {
    if (part === '') {
      return;
    }
    // The split keeps the runs of word characters at odd places.
    const mark =
      index % 2 === 1 &&
      foldedRun(folding, part, memo).some((candidate) =>
        forms.some((options) => folding.matchesPrefix(candidate, options)),
      );
    const last = parts.at(-1);
    if (last && last.mark === mark) {
      last.text += part;
    } else {
      parts.push({ text: part, mark });
    }
  });
  return parts;
}

/** Runs remembered at most: plenty for the words of the results on screen, little memory. */
const MEMO_LIMIT = 20_000;

function foldedRun(folding: Folding, run: string, memo: Map<string, string[]> | undefined): string[] {
  let folded = memo?.get(run);
  if (!folded) {
    folded = folding.foldWords(run);
    if (memo) {
      if (memo.size >= MEMO_LIMIT) {
        memo.clear();
      }
      memo.set(run, folded);
    }
  }
  return folded;
}

/** The first place in a sorted list whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
