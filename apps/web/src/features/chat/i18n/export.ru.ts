import type { Catalog } from '@web/i18n/catalog';
import type { exportEn } from './export.en';

/** The chat's export screens (Russian). */
export const exportRu: Catalog<typeof exportEn> = {
  title: 'Export',
};
