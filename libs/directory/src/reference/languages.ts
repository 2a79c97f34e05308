import languages from '@cospired/i18n-iso-languages';
import en from '@cospired/i18n-iso-languages/langs/en.json';
import ru from '@cospired/i18n-iso-languages/langs/ru.json';
import { byName, type Labels, type Locale, type ReferenceItem } from './locale';

languages.registerLocale(en);
languages.registerLocale(ru);

const CODES = Object.keys(languages.getNames('en'));
const CODE_SET = new Set(CODES);

/** ISO 639-1 languages with names in the requested locale (capitalised), sorted by name. */
export function listLanguages(locale: Locale): ReferenceItem[] {
  return CODES.map((code) => ({ code, name: languageName(code, locale) })).sort(byName(locale));
}

export function isLanguageCode(code: string): boolean {
  return CODE_SET.has(code);
}

export function languageName(code: string, locale: Locale): string {
  const name = languages.getName(code, locale) ?? code;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export enum LanguageLevel {
  NATIVE = 'NATIVE',
  FLUENT = 'FLUENT',
  WORKING = 'WORKING',
  BASIC = 'BASIC',
}

/** Higher is better; `sharesLanguageWithMe` and `minLanguageLevel` compare ranks. */
export const LANGUAGE_LEVEL_RANK: Record<LanguageLevel, number> = {
  [LanguageLevel.NATIVE]: 4,
  [LanguageLevel.FLUENT]: 3,
  [LanguageLevel.WORKING]: 2,
  [LanguageLevel.BASIC]: 1,
};

export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, Labels> = {
  [LanguageLevel.NATIVE]: { en: 'Native', ru: 'Родной' },
  [LanguageLevel.FLUENT]: { en: 'Fluent', ru: 'Свободное владение' },
  [LanguageLevel.WORKING]: { en: 'Working knowledge', ru: 'Рабочий уровень' },
  [LanguageLevel.BASIC]: { en: 'Basic', ru: 'Базовый' },
};
