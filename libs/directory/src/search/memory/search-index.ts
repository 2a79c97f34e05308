import { prefixForms } from '@app/folding';
import { isAvailable, type Schedule } from '../../profile/availability';
import { LANGUAGE_LEVEL_RANK, LanguageLevel } from '../../reference/languages';
import { FUZZY_MIN_LENGTH, SCORES, withinOneEdit, wordTier } from '../scorer';
import { parseSearchKey } from '../search-key';
import {
  byCountThenCode,
  compareText,
  FACETS,
  FLAG_FACETS,
  LIST_FACETS,
  SHARED_LEVEL_MIN,
  type Facet,
  type FacetCount,
  type FlagFacet,
  type ListFacet,
  type SearchFacets,
  type SearchFilter,
} from '../search.types';
import {
  andInto,
  clearBit,
  count,
  countAnd,
  forEachSet,
  grown,
  hasBit,
  orInto,
  setBit,
  wordsFor,
  type Bits,
} from './bitset';

/** One vetted member's searchable profile, as loaded from the database (with the working schedule). */
export interface IndexedPractitioner extends Schedule {
  id: string;
  displayName: string;
  searchKey: string;
  country: string;
  agencyType: string | null;
  /** When the vetting lapses (epoch ms); null: it does not. */
  vettedUntil: number | null;
  /** Language code → LANGUAGE_LEVEL_RANK of the level. */
  languages: Map<string, number>;
  expertise: string[];
  competences: string[];
}

/**
 * What a slot keeps besides its bits: order keys, the key (for posting removal) and the vetting end. Filter values
 * live only in the bit sets, which keeps the index at a few hundred bytes per member.
 */
type Entry = Pick<IndexedPractitioner, 'id' | 'displayName' | 'searchKey' | 'vettedUntil'>;

/** Slots holding a vocabulary word, as a name word and as an agency/position word. */
interface Posting {
  names: number[];
  other: number[];
}

/** A query made ready for `page` and `facets`; valid until the next `prepare` (it shares the index's scratch). */
export interface PreparedQuery {
  readonly words: string[];
  readonly sharesLanguage: boolean;
  readonly minLanguageRank: number;
  /** Every filter and the text: the result set. */
  readonly matches: Bits;
  /** Active, text and language pairing: everything facets never drop. */
  readonly rest: Bits;
  /** Each facet's own selection (absent: no selection). */
  readonly selections: Partial<Record<Facet, Bits>>;
  /** Who each yes/no facet counts: 24/7 members, and those who can answer at the query's instant. */
  readonly flags: Record<FlagFacet, Bits>;
  /** Slots sharing a language with the caller where both have at least FLUENT / NATIVE. */
  readonly sharedAt: { fluent: Bits; native: Bits } | null;
}

const MAX_RANK = LANGUAGE_LEVEL_RANK[LanguageLevel.NATIVE];
const SHARED_RANK = LANGUAGE_LEVEL_RANK[SHARED_LEVEL_MIN];
/** Sort keys pack (primary, rank) into one double: rank below 2^21, primary below 2^15. */
const RANK_BITS = 2 ** 21;
const PRIMARY_LIMIT = 2 ** 15;
const MAX_SLOTS = RANK_BITS;
/** A result counts as dense (name-order walk) above 1 / DENSE_RATIO of the members. */
const DENSE_RATIO = 16;
const MINUTE_MS = 60_000;

/** The members sharing one working schedule (time zone, days, hours). */
interface ScheduleGroup {
  schedule: Schedule;
  bits: Bits;
}

/**
 * The directory search in memory: one slot per vetted member, a bit set per filter value (country, agency type,
 * language at each level, expertise, competence, 24x7, unexpired, working schedule), and a posting list per folded
 * vocabulary word. "Available now" is the 24x7 set ORed with the sets of the schedules `isAvailable` accepts at the
 * query's instant (decided once per schedule and minute: every offset in use is a whole number of minutes).
 * Filters and facet counts are word-wide AND/OR/popcount over the bit sets; text goes through the vocabulary
 * (a sorted array for prefixes, a one-deletion map for typos) and the shared scorer's `wordTier`, so the matches and
 * their order are exactly those of the database engine. Writes are rare and cost O(n) at worst (sorted inserts).
 */
export class SearchIndex {
  private slotCount = 0;
  private capacity = 0;
  private entries: (Entry | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];

  private unexpired: Bits = new Uint32Array(0);
  private always: Bits = new Uint32Array(0);
  private readonly countries = new Map<string, Bits>();
  private readonly agencyTypes = new Map<string, Bits>();
  private readonly expertise = new Map<string, Bits>();
  private readonly competences = new Map<string, Bits>();
  /** Per language, index r: members with that language at rank r or better (index 0 unused). */
  private readonly languages = new Map<string, Bits[]>();
  /** Members who are not 24/7, by schedule key; availability is decided per group. */
  private readonly schedules = new Map<string, ScheduleGroup>();
  /** Who can answer in one minute: recomputed when the minute changes or after any write. */
  private availability: { minute: number; writes: number; bits: Bits } | null = null;
  private writes = 0;
  private nextExpiry = Infinity;

  private byName: number[] = [];
  private byId: number[] = [];
  private nameRank = new Int32Array(0);
  private idRank = new Int32Array(0);
  private ranksFresh = true;

  private readonly postings = new Map<string, Posting>();
  private vocabulary: string[] = [];
  private readonly deletions = new Map<string, string[]>();
  private bulk = false;

  private readonly scratch = new Map<string, Bits>();
  private stamp = new Uint32Array(0);
  private best = new Int32Array(0);
  private score = new Int32Array(0);
  private matched = new Int32Array(0);
  private generation = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** Replaces the whole content (one sort at the end instead of sorted inserts). */
  load(rows: Iterable<IndexedPractitioner>, now = Date.now()): void {
    this.bulk = true;
    try {
      for (const row of rows) {
        this.remove(row.id);
        this.add(row, now);
      }
    } finally {
      this.bulk = false;
    }
    const live = this.entries.flatMap((entry, slot) => (entry ? [slot] : []));
    this.byName = live.sort(this.compareByName);
    this.byId = [...live].sort(this.compareById);
    this.vocabulary = [...this.postings.keys()].sort(compareText);
    this.ranksFresh = false;
  }

  /** Adds or replaces one member. */
  upsert(row: IndexedPractitioner, now = Date.now()): void {
    this.remove(row.id);
    this.add(row, now);
  }

  /** Drops a member (not vetted any more, or gone). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) {
      return;
    }
    this.writes += 1;
    const entry = this.entries[slot] as Entry;
    if (!this.bulk) {
      this.byName.splice(this.positionOf(this.byName, slot, this.compareByName), 1);
      this.byId.splice(this.positionOf(this.byId, slot, this.compareById), 1);
      this.ranksFresh = false;
    }
    for (const bits of this.allBits()) {
      clearBit(bits, slot);
    }
    const { names, other } = parseSearchKey(entry.searchKey);
    for (const word of names) {
      removeValue(this.postings.get(word)?.names, slot);
    }
    for (const word of other) {
      removeValue(this.postings.get(word)?.other, slot);
    }
    this.entries[slot] = undefined;
    this.slotOf.delete(id);
    this.free.push(slot);
  }

  /** Languages of a member at WORKING or better (code → rank), for language pairing. */
  languagesOf(id: string): Map<string, number> {
    const slot = this.slotOf.get(id);
    const languages = new Map<string, number>();
    if (slot === undefined) {
      return languages;
    }
    for (const [code, levels] of this.languages) {
      for (let rank = MAX_RANK; rank >= SHARED_RANK; rank -= 1) {
        if (hasBit(levels[rank], slot)) {
          languages.set(code, rank);
          break;
        }
      }
    }
    return languages;
  }

  /**
   * `now` (epoch ms) decides vetting expiry — the system time; `availableAt` the instant "available now" is about —
   * the directory clock's.
   */
  prepare(
    filter: SearchFilter,
    words: string[],
    myLanguages: Map<string, number> | null,
    now = Date.now(),
    availableAt = now,
  ): PreparedQuery {
    this.expire(now);
    const minLanguageRank = LANGUAGE_LEVEL_RANK[filter.minLanguageLevel ?? LanguageLevel.BASIC];
    const rest = this.bits('rest');
    rest.set(this.unexpired);
    if (words.length > 0) {
      andInto(rest, this.matchText(words));
    }
    let sharedAt: PreparedQuery['sharedAt'] = null;
    if (myLanguages) {
      const mine = [...myLanguages];
      const at = (rank: number, name: string) =>
        this.union(name, mine, ([code, level]) =>
          level >= rank ? this.languages.get(code)?.[rank] : undefined,
        );
      andInto(rest, at(SHARED_RANK, 'shared'));
      sharedAt = {
        fluent: at(LANGUAGE_LEVEL_RANK[LanguageLevel.FLUENT], 'sharedFluent'),
        native: at(MAX_RANK, 'sharedNative'),
      };
    }
    const selections: PreparedQuery['selections'] = {};
    if (filter.countries?.length) {
      selections.countries = this.union('countries', filter.countries, (code) => this.countries.get(code));
    }
    if (filter.agencyTypes?.length) {
      selections.agencyTypes = this.union('agencyTypes', filter.agencyTypes, (type) =>
        this.agencyTypes.get(type),
      );
    }
    if (filter.languages?.length) {
      selections.languages = this.union(
        'languages',
        filter.languages,
        (code) => this.languages.get(code)?.[minLanguageRank],
      );
    }
    if (filter.expertise?.length) {
      selections.expertise = this.union('expertise', filter.expertise, (code) => this.expertise.get(code));
    }
    if (filter.competences?.length) {
      selections.competences = this.union('competences', filter.competences, (code) =>
        this.competences.get(code),
      );
    }
    const flags = { available24x7: this.always, availableNow: this.availableAt(availableAt) };
    for (const flag of FLAG_FACETS) {
      if (filter[flag]) {
        selections[flag] = flags[flag];
      }
    }
    const matches = this.bits('matches');
    matches.set(rest);
    for (const selection of Object.values(selections)) {
      andInto(matches, selection);
    }
    return {
      words,
      sharesLanguage: myLanguages !== null,
      minLanguageRank,
      matches,
      rest,
      selections,
      flags,
      sharedAt,
    };
  }

  /**
   * The page of ids: by name when nothing ranks (no text, no pairing); otherwise text score, then best shared
   * language, then name (no text) or id — the database engine's order.
   */
  page(query: PreparedQuery, first: number, offset: number): { ids: string[]; totalCount: number } {
    const totalCount = count(query.matches);
    const wanted = Math.min(offset + first, totalCount);
    if (wanted <= offset) {
      return { ids: [], totalCount };
    }
    // Plain filters matching many members: walk the name order and stop at the page. Sparse ones: rank the matches.
    if (query.words.length === 0 && !query.sharesLanguage && totalCount * DENSE_RATIO >= this.size) {
      const ids: string[] = [];
      let seen = 0;
      for (const slot of this.byName) {
        if (hasBit(query.matches, slot)) {
          if (seen >= offset) {
            ids.push((this.entries[slot] as Entry).id);
            if (ids.length === first) {
              break;
            }
          }
          seen += 1;
        }
      }
      return { ids, totalCount };
    }
    this.refreshRanks();
    const order = query.words.length > 0 ? this.byId : this.byName;
    const ranks = query.words.length > 0 ? this.idRank : this.nameRank;
    const { sharedAt } = query;
    const heap = new TopK(wanted);
    forEachSet(query.matches, (slot) => {
      const shared = sharedAt
        ? hasBit(sharedAt.native, slot)
          ? MAX_RANK
          : hasBit(sharedAt.fluent, slot)
            ? MAX_RANK - 1
            : SHARED_RANK
        : 0;
      const primary = (query.words.length > 0 ? this.score[slot] : 0) * 8 + shared;
      heap.offer((PRIMARY_LIMIT - primary) * RANK_BITS + ranks[slot]);
    });
    const ids = heap
      .sorted()
      .slice(offset)
      .map((key) => (this.entries[order[key % RANK_BITS]] as Entry).id);
    return { ids, totalCount };
  }

  /**
   * Counts over the matches of every filter except the facet's own selection: per value (list facets), or of those
   * with the flag (24x7, available now).
   */
  facets(query: PreparedQuery): SearchFacets {
    const among = this.bits('facet');
    const without = (facet: Facet): Bits => {
      among.set(query.rest);
      for (const other of FACETS) {
        const selection = query.selections[other];
        if (other !== facet && selection) {
          andInto(among, selection);
        }
      }
      return among;
    };
    const lists = {} as Record<ListFacet, FacetCount[]>;
    for (const facet of LIST_FACETS) {
      without(facet);
      const counts: FacetCount[] = [];
      for (const [code, bits] of this.valuesOf(facet, query.minLanguageRank)) {
        const total = countAnd(among, bits);
        if (total > 0) {
          counts.push({ code, count: total });
        }
      }
      lists[facet] = counts.sort(byCountThenCode);
    }
    const flags = {} as Record<FlagFacet, number>;
    for (const flag of FLAG_FACETS) {
      flags[flag] = countAnd(without(flag), query.flags[flag]);
    }
    return { ...lists, ...flags };
  }

  /**
   * Members who can answer at `at` (epoch ms): 24x7, or a schedule `isAvailable` accepts then. Kept for the minute
   * (until a write): the answer is the same for every instant of it.
   */
  private availableAt(at: number): Bits {
    const minute = Math.floor(at / MINUTE_MS);
    const cached = this.availability;
    if (cached?.minute === minute && cached.writes === this.writes) {
      return cached.bits;
    }
    const instant = new Date(minute * MINUTE_MS);
    const bits =
      cached?.bits.length === this.always.length ? cached.bits : new Uint32Array(this.always.length);
    bits.set(this.always);
    for (const group of this.schedules.values()) {
      if (isAvailable(group.schedule, instant)) {
        orInto(bits, group.bits);
      }
    }
    this.availability = { minute, writes: this.writes, bits };
    return bits;
  }

  private *valuesOf(facet: ListFacet, minLanguageRank: number): Iterable<[string, Bits]> {
    switch (facet) {
      case 'countries':
        yield* this.countries;
        break;
      case 'agencyTypes':
        yield* this.agencyTypes;
        break;
      case 'expertise':
        yield* this.expertise;
        break;
      case 'competences':
        yield* this.competences;
        break;
      case 'languages':
        for (const [code, levels] of this.languages) {
          yield [code, levels[minLanguageRank]];
        }
        break;
    }
  }

  /**
   * Slots whose key matches every word (their total left in `this.score`), as a bit set. Allocation-free: the first
   * word's matches go to a preallocated list, later words only stamp their matches and the list is compacted in place.
   */
  private matchText(words: string[]): Bits {
    const { stamp, best, score, matched } = this;
    let count = 0;
    for (const [index, word] of words.entries()) {
      const generation = this.nextGeneration();
      const forms = prefixForms(word);
      for (const candidate of this.vocabularyFor(word, forms)) {
        const posting = this.postings.get(candidate) as Posting;
        const asName = wordTier(word, candidate, SCORES.name, forms);
        if (asName === 0) {
          continue;
        }
        for (const [slots, tier] of [
          [posting.names, asName],
          [posting.other, wordTier(word, candidate, SCORES.other, forms)],
        ] as const) {
          for (let i = 0; i < slots.length; i += 1) {
            const slot = slots[i];
            if (stamp[slot] !== generation) {
              stamp[slot] = generation;
              best[slot] = tier;
              if (index === 0) {
                matched[count++] = slot;
              }
            } else if (tier > best[slot]) {
              best[slot] = tier;
            }
          }
        }
      }
      let kept = 0;
      for (let i = 0; i < count; i += 1) {
        const slot = matched[i];
        if (stamp[slot] === generation) {
          score[slot] = index === 0 ? best[slot] : score[slot] + best[slot];
          matched[kept++] = slot;
        }
      }
      count = kept;
      if (count === 0) {
        break;
      }
    }
    const text = this.bits('text');
    text.fill(0);
    for (let i = 0; i < count; i += 1) {
      setBit(text, matched[i]);
    }
    return text;
  }

  /**
   * Vocabulary words that can match `word`: every word one of its prefix forms begins, and (long words) those one
   * edit away. Duplicates are harmless (scores are maxima).
   */
  private vocabularyFor(word: string, forms: string[]): string[] {
    const found: string[] = [];
    for (const form of forms) {
      for (let i = lowerBound(this.vocabulary, form); i < this.vocabulary.length; i += 1) {
        if (!this.vocabulary[i].startsWith(form)) {
          break;
        }
        found.push(this.vocabulary[i]);
      }
    }
    if (word.length >= FUZZY_MIN_LENGTH) {
      for (const key of [word, ...deletionsOf(word)]) {
        for (const candidate of this.deletions.get(key) ?? []) {
          if (!candidate.startsWith(word) && withinOneEdit(word, candidate)) {
            found.push(candidate);
          }
        }
      }
    }
    return found;
  }

  private add(row: IndexedPractitioner, now: number): void {
    this.writes += 1;
    const slot = this.free.pop() ?? this.allocate();
    const { names, other } = parseSearchKey(row.searchKey);
    this.entries[slot] = {
      id: row.id,
      displayName: row.displayName,
      searchKey: row.searchKey,
      vettedUntil: row.vettedUntil,
    };
    this.slotOf.set(row.id, slot);
    for (const bits of this.bitsFor(row)) {
      setBit(bits, slot);
    }
    if (row.vettedUntil === null || row.vettedUntil > now) {
      setBit(this.unexpired, slot);
      if (row.vettedUntil !== null) {
        this.nextExpiry = Math.min(this.nextExpiry, row.vettedUntil);
      }
    }
    for (const word of names) {
      this.posting(word).names.push(slot);
    }
    for (const word of other) {
      this.posting(word).other.push(slot);
    }
    if (!this.bulk) {
      this.byName.splice(lowerBoundBy(this.byName, slot, this.compareByName), 0, slot);
      this.byId.splice(lowerBoundBy(this.byId, slot, this.compareById), 0, slot);
      this.ranksFresh = false;
    }
  }

  /** Every bit set a slot can be in (to clear a removed slot). */
  private *allBits(): Iterable<Bits> {
    yield this.unexpired;
    yield this.always;
    for (const map of [this.countries, this.agencyTypes, this.expertise, this.competences]) {
      yield* map.values();
    }
    for (const levels of this.languages.values()) {
      yield* levels;
    }
    for (const group of this.schedules.values()) {
      yield group.bits;
    }
  }

  /** The bit sets a member belongs to (created on first use), except `unexpired`. */
  private bitsFor(entry: IndexedPractitioner): Bits[] {
    const of = (map: Map<string, Bits>, key: string): Bits[] => {
      let bits = map.get(key);
      if (!bits) {
        bits = new Uint32Array(wordsFor(this.capacity));
        map.set(key, bits);
      }
      return [bits];
    };
    const result: Bits[] = [
      ...of(this.countries, entry.country),
      ...(entry.agencyType ? of(this.agencyTypes, entry.agencyType) : []),
      ...entry.expertise.flatMap((code) => of(this.expertise, code)),
      ...entry.competences.flatMap((code) => of(this.competences, code)),
    ];
    if (entry.available24x7) {
      result.push(this.always);
    } else {
      result.push(this.scheduleBits(entry));
    }
    for (const [code, rank] of entry.languages) {
      let levels = this.languages.get(code);
      if (!levels) {
        levels = Array.from({ length: MAX_RANK + 1 }, () => new Uint32Array(wordsFor(this.capacity)));
        this.languages.set(code, levels);
      }
      result.push(...levels.slice(1, rank + 1));
    }
    return result;
  }

  /** The bit set of the member's working schedule (created on first use). */
  private scheduleBits(entry: Schedule): Bits {
    const key = [
      entry.timeZone,
      entry.workingDays.join(','),
      entry.workingHoursStart,
      entry.workingHoursEnd,
    ].join('|');
    let group = this.schedules.get(key);
    if (!group) {
      group = {
        schedule: {
          timeZone: entry.timeZone,
          workingDays: [...entry.workingDays],
          workingHoursStart: entry.workingHoursStart,
          workingHoursEnd: entry.workingHoursEnd,
          available24x7: false,
        },
        bits: new Uint32Array(wordsFor(this.capacity)),
      };
      this.schedules.set(key, group);
    }
    return group.bits;
  }

  private posting(word: string): Posting {
    let posting = this.postings.get(word);
    if (!posting) {
      posting = { names: [], other: [] };
      this.postings.set(word, posting);
      if (!this.bulk) {
        this.vocabulary.splice(lowerBound(this.vocabulary, word), 0, word);
      }
      if (word.length >= FUZZY_MIN_LENGTH - 1) {
        for (const key of [word, ...deletionsOf(word)]) {
          const words = this.deletions.get(key);
          if (words) {
            words.push(word);
          } else {
            this.deletions.set(key, [word]);
          }
        }
      }
    }
    return posting;
  }

  private allocate(): number {
    const slot = this.slotCount;
    if (slot >= MAX_SLOTS) {
      throw new Error(`The search index holds at most ${MAX_SLOTS} practitioners`);
    }
    this.slotCount += 1;
    if (slot >= this.capacity) {
      this.grow(Math.max(1024, this.capacity * 2));
    }
    return slot;
  }

  private grow(capacity: number): void {
    const words = wordsFor(capacity);
    this.capacity = capacity;
    this.unexpired = grown(this.unexpired, words);
    this.always = grown(this.always, words);
    for (const map of [this.countries, this.agencyTypes, this.expertise, this.competences]) {
      for (const [key, bits] of map) {
        map.set(key, grown(bits, words));
      }
    }
    for (const [code, levels] of this.languages) {
      this.languages.set(
        code,
        levels.map((bits) => grown(bits, words)),
      );
    }
    for (const group of this.schedules.values()) {
      group.bits = grown(group.bits, words);
    }
    this.scratch.clear();
    const stamp = new Uint32Array(capacity);
    stamp.set(this.stamp);
    this.stamp = stamp;
    this.best = new Int32Array(capacity);
    this.score = new Int32Array(capacity);
    this.matched = new Int32Array(capacity);
    this.nameRank = new Int32Array(capacity);
    this.idRank = new Int32Array(capacity);
    this.ranksFresh = false;
  }

  /** Re-evaluates vetting expiry once the earliest known expiry has passed. */
  private expire(now: number): void {
    if (now < this.nextExpiry) {
      return;
    }
    this.nextExpiry = Infinity;
    this.entries.forEach((entry, slot) => {
      if (!entry) {
        return;
      }
      if (entry.vettedUntil === null || entry.vettedUntil > now) {
        setBit(this.unexpired, slot);
        if (entry.vettedUntil !== null) {
          this.nextExpiry = Math.min(this.nextExpiry, entry.vettedUntil);
        }
      } else {
        clearBit(this.unexpired, slot);
      }
    });
  }

  private refreshRanks(): void {
    if (this.ranksFresh) {
      return;
    }
    this.byName.forEach((slot, rank) => (this.nameRank[slot] = rank));
    this.byId.forEach((slot, rank) => (this.idRank[slot] = rank));
    this.ranksFresh = true;
  }

  /** A scratch bit set (reused across queries) set to the union of the values' bit sets. */
  private union<T>(name: string, values: T[], bitsFor: (value: T) => Bits | undefined): Bits {
    const target = this.bits(name);
    target.fill(0);
    for (const value of values) {
      const bits = bitsFor(value);
      if (bits) {
        orInto(target, bits);
      }
    }
    return target;
  }

  private bits(name: string): Bits {
    let bits = this.scratch.get(name);
    if (!bits) {
      bits = new Uint32Array(wordsFor(this.capacity));
      this.scratch.set(name, bits);
    }
    return bits;
  }

  private nextGeneration(): number {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  private positionOf(order: number[], slot: number, compare: (a: number, b: number) => number): number {
    const position = lowerBoundBy(order, slot, compare);
    if (order[position] !== slot) {
      throw new Error('Search index order is inconsistent');
    }
    return position;
  }

  private readonly compareByName = (a: number, b: number): number => {
    const x = this.entries[a] as Entry;
    const y = this.entries[b] as Entry;
    return compareText(x.displayName, y.displayName) || compareText(x.id, y.id);
  };

  private readonly compareById = (a: number, b: number): number =>
    compareText((this.entries[a] as Entry).id, (this.entries[b] as Entry).id);
}

/** Keeps the k smallest keys offered (a bounded max-heap). */
class TopK {
  private readonly heap: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.heap = new Float64Array(k);
  }

  offer(key: number): void {
    const heap = this.heap;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent] >= key) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = key;
      return;
    }
    if (key >= heap[0]) {
      return;
    }
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.k) {
        break;
      }
      const right = left + 1;
      const larger = right < this.k && heap[right] > heap[left] ? right : left;
      if (heap[larger] <= key) {
        break;
      }
      heap[i] = heap[larger];
      i = larger;
    }
    heap[i] = key;
  }

  sorted(): number[] {
    return Array.from(this.heap.subarray(0, this.size)).sort((a, b) => a - b);
  }
}

function deletionsOf(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i += 1) {
    result.push(word.slice(0, i) + word.slice(i + 1));
  }
  return result;
}

function removeValue(values: number[] | undefined, value: number): void {
  const at = values?.indexOf(value) ?? -1;
  if (at >= 0) {
    (values as number[]).splice(at, 1);
  }
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

function lowerBoundBy(sorted: number[], slot: number, compare: (a: number, b: number) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid], slot) < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
