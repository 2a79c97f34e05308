import type { en } from './locales/en';

/** Russian (and other languages) need more plural forms than English: `x_other` in English allows `x_few`, `x_many`. */
type PluralExtras<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_few` | `${Base}_many` : never]?: string;
};

/**
 * Same shape as the English catalog, every leaf a string: a missing or extra key in another language is a type error
 * (plural forms aside; the catalog test checks each language has the forms its plural rules use).
 */
export type Catalog<T = typeof en> = {
  [K in keyof T]: T[K] extends string ? string : Catalog<T[K]>;
} & PluralExtras<T>;
