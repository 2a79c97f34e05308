import { profileEn } from './profile.en';
import { searchEn } from './search.en';

/**
 * The English strings of the directory (the `directory.*` keys): the search screen's and a profile's, each in its own
 * file; loaded with those screens (./register.ts), not with sign-in.
 */
export const directoryEn = { search: searchEn, profile: profileEn };
