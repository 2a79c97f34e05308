import type { Catalog } from '@web/i18n/catalog';
import type { directoryEn } from './en';
import { profileRu } from './profile.ru';
import { searchRu } from './search.ru';

/** Русские строки справочника: те же ключи, что в английских (проверяется типом и тестом). */
export const directoryRu: Catalog<typeof directoryEn> = { search: searchRu, profile: profileRu };
