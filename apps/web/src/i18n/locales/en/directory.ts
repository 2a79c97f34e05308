import type { directoryEn } from '@web/features/directory/i18n/en';

/** Filled in when the feature's screens load (features/directory/i18n); this entry gives the catalog type its keys. */
export const directory = {} as typeof directoryEn;
