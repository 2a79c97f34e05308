import type { Catalog } from '../../catalog';
import type { home as en } from '../en/home';

/** Filled in when the home screen loads: the strings are in features/home/i18n/ru.ts (see ../en/home.ts). */
export const home = {} as Catalog<typeof en>;
