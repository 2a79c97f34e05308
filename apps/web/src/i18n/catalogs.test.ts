import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { ru } from './locales/ru';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as "a.b.c" → value. */
function leaves(catalog: object, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      leaves(value, path).forEach((leaf, leafPath) => entries.set(leafPath, leaf));
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

const base = (key: string) => key.replace(PLURAL, '');

describe('the catalogs', () => {
  const english = leaves(en);
  const russian = leaves(ru);

  it('should have the same keys in both languages, plural forms aside', () => {
    expect([...new Set([...russian.keys()].map(base))].sort()).toEqual(
      [...new Set([...english.keys()].map(base))].sort(),
    );
  });

  it('should have no empty or non-string values', () => {
    for (const [key, value] of [...english, ...russian]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('should give every plural the forms its language uses', () => {
    for (const [language, catalog] of [
      ['en', english],
      ['ru', russian],
    ] as const) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set([...catalog.keys()].filter((key) => PLURAL.test(key)).map(base));
      for (const plural of plurals) {
        for (const form of forms) {
          expect(catalog.has(`${plural}_${form}`), `${language}: ${plural}_${form}`).toBe(true);
        }
      }
    }
  });

  it('should use the same interpolation variables in both languages', () => {
    const variables = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, value] of english) {
      const translated = russian.get(key) ?? russian.get(`${base(key)}_other`);
      if (translated !== undefined) {
        expect(variables(translated), key).toEqual(variables(value));
      }
    }
  });
});
