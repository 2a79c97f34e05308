import type { Catalog } from '@web/i18n/catalog';
import { chatCoreRu } from './core.ru';
import type { chatEn } from './en';
import { exportRu } from './export.ru';
import { groupRu } from './group.ru';
import { safetyRu } from './safety.ru';
import { searchRu } from './search.ru';

/** The Russian strings of the chat (see ./en.ts). */
export const chatRu: Catalog<typeof chatEn> = {
  ...chatCoreRu,
  safety: safetyRu,
  group: groupRu,
  exporting: exportRu,
  search: searchRu,
};
