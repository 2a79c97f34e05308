import type { Catalog } from '@web/i18n/catalog';
import type { searchEn } from './search.en';

export const searchRu: Catalog<typeof searchEn> = {
  title: 'Справочник',
};
