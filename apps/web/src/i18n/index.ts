import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ru } from './locales/ru';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'counterpart.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language to start in: the one chosen on this browser, else the browser's own if we have it, else English. */
export function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) {
    return stored;
  }
  const preferred = globalThis.navigator?.languages ?? [];
  return preferred.some((language) => language.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

/** The language chosen on this browser, if the user ever chose one (not merely the browser's default). */
export function chosenLocale(): Locale | undefined {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : undefined;
}

/** Switches the UI language (and `<html lang>`), remembered on this browser; the server copy is set by the caller. */
export async function changeLocale(locale: Locale): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  await i18next.changeLanguage(locale);
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLocale(),
  fallbackLng: false,
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export { i18next };
