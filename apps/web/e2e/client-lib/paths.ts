/** Where the harness is built (from the repository's root) and the path the tests serve it at, on the API's origin. */
export const HARNESS_OUT_DIR = 'dist/client-lib-harness';
export const HARNESS_BASE = '/__client-lib/';
