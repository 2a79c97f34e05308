import { expect, it } from 'vitest';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

/** Every leaf as "a.b.c" → value. */
function leaves(catalog: object, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      leaves(value as object, path).forEach((leaf, leafPath) => entries.set(leafPath, leaf));
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

/**
 * The checks every pair of catalogs must pass (the main ones and each feature's lazily loaded strings): the same keys
 * in both languages (plural forms aside), no empty or non-string value, every plural form the language's rules use,
 * the same `{{variables}}` in a translation as in the English.
 */
export function itChecksCatalogs(english: object, russian: object): void {
  const en = leaves(english);
  const ru = leaves(russian);

  it('should have the same keys in both languages, plural forms aside', () => {
    expect(en.size).toBeGreaterThan(0);
    expect([...new Set([...ru.keys()].map(base))].sort()).toEqual(
      [...new Set([...en.keys()].map(base))].sort(),
    );
  });

  it('should have no empty or non-string values', () => {
    for (const [key, value] of [...en, ...ru]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('should give every plural the forms its language uses', () => {
    for (const [language, catalog] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const plural of new Set([...catalog.keys()].filter((key) => PLURAL.test(key)).map(base))) {
        for (const form of forms) {
          expect(catalog.has(`${plural}_${form}`), `${language}: ${plural}_${form}`).toBe(true);
        }
      }
    }
  });

  it('should use the same interpolation variables in both languages', () => {
    const variables = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, value] of en) {
      const translated = ru.get(key) ?? ru.get(`${base(key)}_other`);
      expect(variables(translated), key).toEqual(variables(value));
    }
  });
}
