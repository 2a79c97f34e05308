export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** A bilingual label; every reference item carries one. */
export type Labels = Record<Locale, string>;

export interface ReferenceItem {
  code: string;
  name: string;
}

export function byName(locale: Locale): (a: ReferenceItem, b: ReferenceItem) => number {
  const collator = new Intl.Collator(locale);
  return (a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}
