import type { Catalog } from '../../catalog';
import type { apply as en } from '../en/apply';

/** Filled in when the screens load: the strings are in features/apply/i18n/ru.ts (see ../en/apply.ts). */
export const apply = {} as Catalog<typeof en>;
