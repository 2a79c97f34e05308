import type { Catalog } from '../../catalog';
import type { account as en } from '../en/account';

/** Filled in when the screens load: the strings are in features/account/i18n/ru.ts (see ../en/account.ts). */
export const account = {} as Catalog<typeof en>;
