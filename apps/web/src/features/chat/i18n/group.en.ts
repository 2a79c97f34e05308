/** The chat's group screens (English). */
export const groupEn = {
  title: 'Group',
};
