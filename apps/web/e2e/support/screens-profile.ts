import type { Screen } from './screen';

/** The screens of editing and confirming one's own profile (issue 15), audited like every other (screens.spec.ts). */
export const PROFILE_SCREENS: Screen[] = [];
