import type { Catalog } from '@web/i18n/catalog';
import type { profileEn } from './en';

/** Русские строки редактирования своего профиля: те же ключи, что в английских (проверяется типом и тестом). */
export const profileRu: Catalog<typeof profileEn> = {
  title: 'Мой профиль',
};
