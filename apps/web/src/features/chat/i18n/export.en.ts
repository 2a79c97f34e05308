/** The chat's export screens (English). */
export const exportEn = {
  title: 'Export',
};
