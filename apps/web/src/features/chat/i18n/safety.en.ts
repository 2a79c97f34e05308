/** The chat's safety screens (English). */
export const safetyEn = {
  title: 'Safety',
};
