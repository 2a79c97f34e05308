/**
 * The English strings of editing and confirming one's own profile (the `profile.*` keys): loaded with that screen
 * (./register.ts), not with sign-in.
 */
export const profileEn = {
  title: 'My profile',
};
