import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import { byName, type Locale, type ReferenceItem } from './locale';

countries.registerLocale(en);
countries.registerLocale(ru);

/** User-assigned codes the library knows but ISO 3166-1 does not assign. */
const NOT_ISO_3166_1 = new Set(['XK']);

const CODES = Object.keys(countries.getAlpha2Codes()).filter((code) => !NOT_ISO_3166_1.has(code));
const CODE_SET = new Set(CODES);

/** ISO 3166-1 alpha-2 countries with names in the requested locale, sorted by name. */
export function listCountries(locale: Locale): ReferenceItem[] {
  return CODES.map((code) => ({ code, name: countryName(code, locale) })).sort(byName(locale));
}

export function isCountryCode(code: string): boolean {
  return CODE_SET.has(code);
}

export function countryName(code: string, locale: Locale): string {
  return countries.getName(code, locale, { select: 'alias' }) ?? code;
}
