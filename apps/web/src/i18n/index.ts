import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalog } from './catalog';

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

/**
 * Each language's catalog is its own chunk, fetched when that language is first shown: a reader downloads only the
 * strings of their own language (the sign-in bundle's budget is 150 KB), and one more language costs nobody else.
 */
const CATALOGS: Record<Locale, () => Promise<Catalog>> = {
  en: async () => (await import('./locales/en')).en,
  ru: async () => (await import('./locales/ru')).ru,
};
const loading = new Map<Locale, Promise<void>>();

/**
 * Fetches `locale`'s catalog once (a failed fetch is retried on the next call) and deep-merges it under the strings
 * features may have added already (./feature-catalog.ts): neither order loses a key.
 */
export function loadLocale(locale: Locale): Promise<void> {
  let load = loading.get(locale);
  if (!load) {
    load = CATALOGS[locale]().then((catalog) => {
      i18next.addResourceBundle(locale, 'translation', catalog, true, false);
    });
    load.catch(() => loading.delete(locale));
    loading.set(locale, load);
  }
  return load;
}

/** Shows the UI in `locale` (and sets `<html lang>`) once its catalog is here, without remembering the choice. */
export async function showLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await i18next.changeLanguage(locale);
}

/** Switches the UI language, remembered on this browser; the server copy is set by the caller. */
export async function changeLocale(locale: Locale): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  await showLocale(locale);
}

void i18next.use(initReactI18next).init({
  resources: {},
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

/** Settles once the starting language's catalog is in: the client renders after it (main.tsx). */
export const i18nReady: Promise<void> = loadLocale(initialLocale());

export { i18next };
