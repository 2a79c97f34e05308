import type { Catalog } from '../../catalog';
import type { profile as en } from '../en/profile';

/** Filled in when the screens load: the strings are in features/profile/i18n/ru.ts (see ../en/profile.ts). */
export const profile = {} as Catalog<typeof en>;
