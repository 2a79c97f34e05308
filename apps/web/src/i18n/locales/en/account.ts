import type { accountEn } from '@web/features/account/i18n/en';

/**
 * The member's own account: sessions and two-factor authentication. The strings (features/account/i18n) load with
 * those screens, keeping them out of the sign-in bundle; this entry gives the catalog type their keys, and is filled
 * in when the screens load.
 */
export const account = {} as typeof accountEn;
