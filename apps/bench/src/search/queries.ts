import { AgencyType, COMPETENCES, EXPERTISE_AREAS, LanguageLevel, type SearchFilter } from '@app/directory';
import { rng } from '../common/stats';
import type { GeneratedPractitioner } from './generate';

export interface BenchQuery {
  kind: 'text' | 'filters' | 'text+filters';
  filter: SearchFilter;
  /** For name queries: the practitioner the query was made from (an active one must be found). */
  expectId?: string;
}

const LANGUAGES = ['ru', 'en', 'uz', 'kk', 'ky', 'tg', 'fa', 'ur', 'it', 'tr', 'de', 'ar'];

/** Realistic queries: name fragments in mixed scripts (prefixes, full names, typos), filters, and both. */
export function makeQueries(people: GeneratedPractitioner[], count: number): BenchQuery[] {
  const random = rng(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
  };
  const text = (person: GeneratedPractitioner): { text: string; exact: boolean } => {
    const surname = person.nativeSurname && random() < 0.4 ? person.nativeSurname : person.latinSurname;
    const roll = random();
    if (roll < 0.3) {
      return { text: surname, exact: true };
    }
    if (roll < 0.55) {
      return { text: surname.slice(0, 3 + Math.floor(random() * 3)), exact: true };
    }
    if (roll < 0.7 && person.latinSurname.length >= 8) {
      // One typo before folding can become two after it (kh → hk), so a typo query may legitimately miss.
      return { text: typo(person.latinSurname), exact: false };
    }
    if (roll < 0.85) {
      return { text: `${person.firstName} ${surname}`, exact: true };
    }
    return {
      text: pick(['prosecutor', 'investigator', 'border', 'financial', 'ministry', 'liaison']),
      exact: false,
    };
  };
  const filters = (): SearchFilter => {
    const filter: SearchFilter = {};
    if (random() < 0.6) {
      filter.countries = [pick(people).country];
    }
    if (random() < 0.4) {
      filter.languages = [pick(LANGUAGES)];
      filter.minLanguageLevel = pick([LanguageLevel.WORKING, LanguageLevel.FLUENT, null]);
    }
    if (random() < 0.4) {
      filter.expertise = [pick(EXPERTISE_AREAS).code];
    }
    if (random() < 0.25) {
      filter.agencyTypes = [pick(Object.values(AgencyType))];
    }
    if (random() < 0.1) {
      filter.competences = [pick(COMPETENCES).code];
    }
    if (random() < 0.05) {
      filter.available24x7 = true;
    }
    if (random() < 0.1) {
      filter.availableNow = true;
    }
    if (random() < 0.1) {
      filter.sharesLanguageWithMe = true;
    }
    return filter;
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    const person = pick(people);
    if (roll < 0.4) {
      const made = text(person);
      queries.push({
        kind: 'text',
        filter: { text: made.text },
        expectId: made.exact && person.active ? person.id : undefined,
      });
    } else if (roll < 0.75) {
      queries.push({ kind: 'filters', filter: filters() });
    } else {
      queries.push({ kind: 'text+filters', filter: { ...filters(), text: text(person).text } });
    }
  }
  return queries;
}
