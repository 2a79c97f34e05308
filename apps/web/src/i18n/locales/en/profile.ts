import type { profileEn } from '@web/features/profile/i18n/en';

/** Filled in when the feature's screens load (features/profile/i18n); this entry gives the catalog type its keys. */
export const profile = {} as typeof profileEn;
