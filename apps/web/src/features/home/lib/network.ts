/** One country of the network as the home page shows it: the countries facet's count and the name in the UI language. */
export interface NetworkRow {
  code: string;
  count: number;
  name: string;
}

/** The directory searching one country: the search screen reads its search from the URL (`countries`, comma-separated). */
export const directoryOf = (code: string) => `/directory?countries=${encodeURIComponent(code)}`;
