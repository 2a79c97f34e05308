import type { applyEn } from '@web/features/apply/i18n/en';

/**
 * Applying for membership and resetting an account with a one-time code. The strings (features/apply/i18n) load with
 * those screens, keeping them out of the sign-in bundle; this entry gives the catalog type their keys, and is filled in
 * when the screens load.
 */
export const apply = {} as typeof applyEn;
