import anyAscii from 'any-ascii';
import type { GeneratedPractitioner } from '../search/generate';

/** How a query is written against how the name is stored (the directory's one box takes names in any script). */
export type QueryKind =
  | 'Latin surname'
  | 'Latin prefix'
  | 'Cyrillic surname'
  | 'Cyrillic prefix'
  | 'Cyrillic, Latin-stored'
  | 'Latin, Cyrillic-stored'
  | 'Latin + Cyrillic'
  | 'Perso-Arabic';

export interface DirectoryQuery {
  kind: QueryKind;
  text: string;
  /** For full names: the practitioner it was made from, who must be on the first page of results. */
  expectId?: string;
}

/** How many of each kind make the 20 measured queries (interleaved, so the scripts alternate as typed). */
const QUOTAS: [QueryKind, number][] = [
  ['Latin surname', 3],
  ['Cyrillic surname', 3],
  ['Cyrillic, Latin-stored', 3],
  ['Latin + Cyrillic', 3],
  ['Latin, Cyrillic-stored', 3],
  ['Latin prefix', 2],
  ['Cyrillic prefix', 2],
  ['Perso-Arabic', 1],
];

const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;
const PLAIN_LATIN = /^[A-Za-z]+$/;

const DIGRAPHS: [RegExp, string][] = [
  [/sh/g, 'ш'],
  [/ch/g, 'ч'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/ts/g, 'ц'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
];
const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'й',
  z: 'з',
};

/** A Latin name as a Russian speaker might type it in Cyrillic (Rossi → Росси); the API decides whether it matches. */
export function toCyrillic(latin: string): string {
  let text = latin.toLowerCase();
  for (const [pattern, letter] of DIGRAPHS) {
    text = text.replace(pattern, letter);
  }
  const cyrillic = [...text].map((letter) => LETTERS[letter] ?? letter).join('');
  return cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1);
}

/**
 * Candidate queries of each kind from the generated practitioners, in a fixed order (the same data gives the same
 * list): more than the quotas need, since the caller keeps only those the API answers as intended.
 */
export function candidateQueries(
  people: GeneratedPractitioner[],
  perKind = 40,
): Map<QueryKind, DirectoryQuery[]> {
  const byKind = new Map<QueryKind, DirectoryQuery[]>(QUOTAS.map(([kind]) => [kind, []]));
  const add = (kind: QueryKind, query: Omit<DirectoryQuery, 'kind'>) => {
    const list = byKind.get(kind);
    if (list && list.length < perKind && !list.some((other) => other.text === query.text)) {
      list.push({ kind, ...query });
    }
  };
  // A stride through the list rather than its head: the head is one country's run of the generator.
  const stride = Math.max(1, Math.floor(people.length / (perKind * 8)));
  for (let start = 0; start < stride; start += 1) {
    for (let i = start; i < people.length; i += stride) {
      const person = people[i];
      const active = person.active ? person.id : undefined;
      const native = person.nativeSurname;
      if (native && CYRILLIC.test(native)) {
        add('Latin surname', { text: person.latinSurname });
        add('Cyrillic surname', { text: native });
        add('Cyrillic prefix', { text: native.slice(0, 4) });
        add('Latin + Cyrillic', { text: `${person.firstName} ${native}`, expectId: active });
      } else if (native && ARABIC.test(native)) {
        add('Perso-Arabic', { text: native });
      } else if (!native && CYRILLIC.test(person.latinSurname) && CYRILLIC.test(person.firstName)) {
        // faker's Russian names are stored in Cyrillic only: typed in Latin.
        add('Latin, Cyrillic-stored', {
          text: `${anyAscii(person.firstName)} ${anyAscii(person.latinSurname)}`,
          expectId: active,
        });
      } else if (!native && PLAIN_LATIN.test(person.latinSurname) && PLAIN_LATIN.test(person.firstName)) {
        add('Latin prefix', { text: person.latinSurname.slice(0, 4) });
        add('Cyrillic, Latin-stored', {
          text: `${toCyrillic(person.firstName)} ${toCyrillic(person.latinSurname)}`,
          expectId: active,
        });
      }
    }
  }
  return byKind;
}

/** An answer of the API for a query's text: how many, and the first page's ids in order. */
export interface Answer {
  totalCount: number;
  ids: string[];
}

/**
 * The measured queries: the quotas filled from the candidates the API answers as intended (something found; a full
 * name finds its person on page one), interleaved by kind, each showing a first page different from the one before
 * (else the screen would already show the awaited results). Resolves with fewer when the data cannot fill a quota.
 */
export async function chooseQueries(
  people: GeneratedPractitioner[],
  answer: (text: string) => Promise<Answer>,
): Promise<{ queries: (DirectoryQuery & Answer)[]; rejected: number }> {
  const candidates = candidateQueries(people);
  const accepted = new Map<QueryKind, (DirectoryQuery & Answer)[]>();
  let rejected = 0;
  for (const [kind, quota] of QUOTAS) {
    const list: (DirectoryQuery & Answer)[] = [];
    for (const query of candidates.get(kind) ?? []) {
      if (list.length >= quota) {
        break;
      }
      const result = await answer(query.text);
      const ok = result.totalCount > 0 && (!query.expectId || result.ids.includes(query.expectId));
      if (ok) {
        list.push({ ...query, ...result });
      } else {
        rejected += 1;
      }
    }
    accepted.set(kind, list);
  }
  const queries: (DirectoryQuery & Answer)[] = [];
  const used = new Set<string>();
  for (let round = 0; [...accepted.values()].some((list) => list.length > round); round += 1) {
    for (const [kind] of QUOTAS) {
      const query = accepted.get(kind)?.[round];
      if (query && !used.has(query.text.toLowerCase())) {
        used.add(query.text.toLowerCase());
        queries.push(query);
      }
    }
  }
  // No two neighbours with the same first page (a prefix and its surname can share one): move such a query later.
  const same = (a: Answer, b: Answer) => a.ids.join() === b.ids.join();
  for (let i = 1; i < queries.length; i += 1) {
    if (same(queries[i - 1], queries[i])) {
      const swap = queries.findIndex(
        (other, j) => j > i && !same(other, queries[i - 1]) && !same(other, queries[i + 1] ?? { ids: [] }),
      );
      if (swap > 0) {
        [queries[i], queries[swap]] = [queries[swap], queries[i]];
      }
    }
  }
  return { queries, rejected };
}
