import { describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { applyEn } from './en';
import { applyRu } from './ru';
import './register';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

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

/** The checks of i18n/catalogs.test.ts, for the strings that load with the apply and reset screens. */
describe('the apply catalogs', () => {
  const english = leaves(applyEn);
  const russian = leaves(applyRu);

  it('should have the same keys in both languages, plural forms aside, none empty', () => {
    expect([...new Set([...russian.keys()].map(base))].sort()).toEqual(
      [...new Set([...english.keys()].map(base))].sort(),
    );
    for (const [key, value] of [...english, ...russian]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('should give every plural the forms its language uses, with the same variables', () => {
    for (const [language, catalog] of [
      ['en', english],
      ['ru', russian],
    ] as const) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const plural of new Set([...catalog.keys()].filter((key) => PLURAL.test(key)).map(base))) {
        for (const form of forms) {
          expect(catalog.has(`${plural}_${form}`), `${language}: ${plural}_${form}`).toBe(true);
        }
      }
    }
    const variables = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, value] of english) {
      const translated = russian.get(key) ?? russian.get(`${base(key)}_other`);
      expect(variables(translated), key).toEqual(variables(value));
    }
  });

  it('should be in the catalogs once the screens load, with Russian plurals', () => {
    expect(i18next.t('apply.title', { lng: 'en' })).toBe('Apply for membership');
    expect(i18next.t('apply.expertise.chosen', { lng: 'ru', count: 1 })).toBe('Выбрано 1 направление');
    expect(i18next.t('apply.expertise.chosen', { lng: 'ru', count: 3 })).toBe('Выбрано 3 направления');
    expect(i18next.t('apply.expertise.chosen', { lng: 'ru', count: 11 })).toBe('Выбрано 11 направлений');
    expect(i18next.t('apply.summary.title', { lng: 'ru', count: 21 })).toBe('Исправьте 21 ошибку');
  });
});
