import type { Catalog } from '@web/i18n/catalog';
import type { safetyEn } from './safety.en';

/** The chat's safety screens (Russian). */
export const safetyRu: Catalog<typeof safetyEn> = {
  title: 'Safety',
};
