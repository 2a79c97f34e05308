import type { Catalog } from '../../catalog';
import type { directory as en } from '../en/directory';

/** Filled in when the screens load: the strings are in features/directory/i18n/ru.ts (see ../en/directory.ts). */
export const directory = {} as Catalog<typeof en>;
