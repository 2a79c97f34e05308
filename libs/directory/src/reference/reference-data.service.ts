import { Injectable } from '@nestjs/common';
import { COMPETENCE_CODES, COMPETENCES } from './competences';
import { isCountryCode, listCountries } from './countries';
import { EXPERTISE_AREAS, EXPERTISE_CODES, type TaxonomyEntry } from './expertise';
import { isLanguageCode, listLanguages } from './languages';
import type { Locale, ReferenceItem } from './locale';

export interface TaxonomyItem extends ReferenceItem {
  group: string;
}

/** Reference lists in the caller's locale, and the code checks that profile validation relies on. */
@Injectable()
export class ReferenceDataService {
  private readonly cache = new Map<string, readonly ReferenceItem[]>();

  countries(locale: Locale): readonly ReferenceItem[] {
    return this.cached(`countries:${locale}`, () => listCountries(locale));
  }

  languages(locale: Locale): readonly ReferenceItem[] {
    return this.cached(`languages:${locale}`, () => listLanguages(locale));
  }

  /** In taxonomy order (grouped), not alphabetical: the order a form shows. */
  expertiseAreas(locale: Locale): readonly TaxonomyItem[] {
    return localise(EXPERTISE_AREAS, locale);
  }

  competences(locale: Locale): readonly TaxonomyItem[] {
    return localise(COMPETENCES, locale);
  }

  isCountry(code: string): boolean {
    return isCountryCode(code);
  }

  isLanguage(code: string): boolean {
    return isLanguageCode(code);
  }

  isExpertise(code: string): boolean {
    return EXPERTISE_CODES.has(code);
  }

  isCompetence(code: string): boolean {
    return COMPETENCE_CODES.has(code);
  }

  private cached(key: string, build: () => ReferenceItem[]): readonly ReferenceItem[] {
    let items = this.cache.get(key);
    if (!items) {
      items = build();
      this.cache.set(key, items);
    }
    return items;
  }
}

function localise(entries: readonly TaxonomyEntry[], locale: Locale): TaxonomyItem[] {
  return entries.map(({ code, group, labels }) => ({ code, group, name: labels[locale] }));
}
