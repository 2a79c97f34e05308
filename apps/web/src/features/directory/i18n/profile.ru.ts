import type { Catalog } from '@web/i18n/catalog';
import type { profileEn } from './profile.en';

export const profileRu: Catalog<typeof profileEn> = {
  title: 'Профиль',
};
