/**
 * The paths the API answers itself (GraphQL, browser sessions, CSV exports, the chat socket, probes, metrics): never
 * the web client's, never an index.html fallback, never cached by the client's service worker. One list for the API's
 * static serving (apps/api WebClientModule), the worker's navigation deny list (apps/web/vite.config.mts) and the
 * offline browser test. Plain TypeScript: the web build imports it by path.
 */
export const API_PATH_PREFIXES = [
  '/graphql',
  '/auth',
  '/exports',
  '/socket.io',
  '/health',
  '/ready',
  '/metrics',
] as const;

/** A path (or URL path with its query) that is one of them or below one: `/graphql`, `/auth/refresh`, `/health?x`. */
export const API_PATH_PATTERN = new RegExp(
  `^(?:${API_PATH_PREFIXES.map((prefix) => prefix.replace(/[.]/g, '\\.')).join('|')})(?:[/?]|$)`,
);
