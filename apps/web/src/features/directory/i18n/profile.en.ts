/** A counterpart's profile screen's English strings (`directory.profile.*`). */
export const profileEn = {
  title: 'Profile',
};
