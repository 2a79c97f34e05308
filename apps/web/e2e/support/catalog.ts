import { accountEn } from '../../src/features/account/i18n/en';
import { accountRu } from '../../src/features/account/i18n/ru';
import { applyEn } from '../../src/features/apply/i18n/en';
import { chatEn } from '../../src/features/chat/i18n/en';
import { chatRu } from '../../src/features/chat/i18n/ru';
import { deskEn } from '../../src/features/desk/i18n/en';
import { deskRu } from '../../src/features/desk/i18n/ru';
import { directoryEn } from '../../src/features/directory/i18n/en';
import { directoryRu } from '../../src/features/directory/i18n/ru';
import { homeEn } from '../../src/features/home/i18n/en';
import { homeRu } from '../../src/features/home/i18n/ru';
import { applyRu } from '../../src/features/apply/i18n/ru';
import { profileEn } from '../../src/features/profile/i18n/en';
import { profileRu } from '../../src/features/profile/i18n/ru';
import type { Catalog } from '../../src/i18n/catalog';
import { practitionerFormEn } from '../../src/i18n/practitioner-form/en';
import { practitionerFormRu } from '../../src/i18n/practitioner-form/ru';
import { referenceEn } from '../../src/i18n/reference/en';
import { referenceRu } from '../../src/i18n/reference/ru';
import { en } from '../../src/i18n/locales/en';
import { ru } from '../../src/i18n/locales/ru';

/**
 * The client's own catalogs: tests find controls by the names a reader of each language sees, and a wording change
 * in a catalog does not break them.
 */
export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
export type { Catalog };

/** As the client has them once every screen has loaded (screens bring their feature's strings along). */
export const catalogs: Record<Lang, Catalog> = {
  en: {
    ...en,
    apply: applyEn,
    account: accountEn,
    directory: directoryEn,
    profile: profileEn,
    home: homeEn,
    reference: referenceEn,
    practitionerForm: practitionerFormEn,
  },
  ru: {
    ...ru,
    apply: applyRu,
    account: accountRu,
    directory: directoryRu,
    profile: profileRu,
    home: homeRu,
    reference: referenceRu,
    practitionerForm: practitionerFormRu,
  },
};

/** The chat's own namespace (`useTranslation('chat')`), in both languages. */
export const chatCatalogs: Record<Lang, typeof chatEn> = { en: chatEn, ru: chatRu };

/** The coordinators' desk's own namespace (`useTranslation('desk')`), in both languages. */
export const deskCatalogs: Record<Lang, typeof deskEn> = { en: deskEn, ru: deskRu };

/** `{{name}}` placeholders filled in, as i18next does. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(values[key] ?? whole));
}

/** The plural form of `base` (`others` → `others_one`, `others_few`, …) for `count` in `lang`, filled in. */
export function plural(lang: Lang, forms: object, base: string, count: number): string {
  const table = forms as Record<string, string | undefined>;
  const text = table[`${base}_${new Intl.PluralRules(lang).select(count)}`] ?? table[`${base}_other`];
  if (text === undefined) {
    throw new Error(`No plural forms for ${base}`);
  }
  return fill(text, { count });
}

/** A literal string as a RegExp (for names and descriptions that contain it). */
export function containing(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
