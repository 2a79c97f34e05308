/** The directory search screen's English strings (`directory.search.*`). */
export const searchEn = {
  title: 'Directory',
};
