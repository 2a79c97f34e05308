import type { homeEn } from '@web/features/home/i18n/en';

/** Filled in when the home screen loads (features/home/i18n); this entry gives the catalog type its keys. */
export const home = {} as typeof homeEn;
