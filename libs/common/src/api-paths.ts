/**
 * The paths the API answers itself (GraphQL, browser sessions, the chat socket, probes, metrics): never the web
 * client's, never an index.html fallback, never cached by the client's service worker. One list for the API's static
 * serving (apps/api WebClientModule), the worker's navigation deny list (apps/web/vite.config.mts) and the offline
 * browser test. Plain TypeScript: the web build imports it by path.
 */
export const API_PATH_PREFIXES = [
  '/graphql',
  '/auth',
  '/socket.io',
  '/health',
  '/ready',
  '/metrics',
] as const;
