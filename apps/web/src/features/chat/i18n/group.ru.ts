import type { Catalog } from '@web/i18n/catalog';
import type { groupEn } from './group.en';

/** The chat's group screens (Russian). */
export const groupRu: Catalog<typeof groupEn> = {
  title: 'Group',
};
