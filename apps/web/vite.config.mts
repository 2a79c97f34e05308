import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { API_PATH_PATTERN } from '../../libs/common/src/api-paths';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser client. Built into dist/web, which the API serves at `/` (apps/api WebClientModule); in development
 * `npm run web:dev` proxies the API paths to a running `npm run start:api`.
 */
const API_URL = process.env.API_URL ?? 'http://localhost:3000';

/** Brand blue (styles.css `--color-brand-700`) behind the icons and the installed app's title bar. */
const BRAND = '#1d4ed8';

/**
 * Installable, and opens without a network: a web manifest, and a service worker (workbox, generated at build time)
 * that precaches the app shell only: index.html, the hashed scripts and style sheets (the language catalogs are among
 * them), the icons and the manifest — but the message search's folding chunk, cached when the search first fetches it.
 * Navigations outside the API's paths get the cached index.html. Nothing the API answers (profiles, contacts,
 * sessions) is ever written to Cache Storage. The worker is
 * registered from src/pwa/register.ts once the page has loaded (no inline script: the CSP is script-src 'self').
 */
const pwa = VitePWA({
  strategies: 'generateSW',
  injectRegister: false,
  // The icons are in the precache already (globPatterns below): not listed a second time.
  includeManifestIcons: false,
  manifest: {
    id: '/',
    name: 'Counterpart',
    short_name: 'Counterpart',
    description:
      'Directory and end-to-end encrypted chat for a vetted network of cross-border prosecutors and police',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: BRAND,
    background_color: '#f8fafc', // slate-50, the page's own background
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png}'],
    // Loaded when the message search first opens, not in the background after install; then kept for offline use.
    globIgnores: ['**/assets/folding-*.js'],
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [API_PATH_PATTERN],
    // A static, hashed script only (never an API answer); the newest one kept.
    runtimeCaching: [
      {
        urlPattern: ({ url }) => /^\/assets\/folding-[\w-]+\.js$/.test(url.pathname),
        handler: 'CacheFirst',
        options: { cacheName: 'counterpart-folding', expiration: { maxEntries: 1 } },
      },
    ],
    cleanupOutdatedCaches: true,
    // The first worker controls the page that installed it (so the app opens offline next time without a second visit
    // first). A new deployment's worker waits until the tabs of the old one are closed: taking over at once would
    // delete the old precache under a tab that still loads the old build's screens from it.
    clientsClaim: true,
    // The worker's own runtime inlined into sw.js: one file, nothing else in the page's reach.
    inlineWorkboxRuntime: true,
    sourcemap: false,
  },
});

export default defineConfig({
  root: here('.'),
  plugins: [react(), tailwindcss(), pwa],
  resolve: {
    // Exact names (a prefix would send '@app/client/browser' to '@app/client'); the libs' own entry points.
    alias: [
      {
        find: /^@app\/common\/error-codes$/,
        replacement: here('../../libs/common/src/errors/error-codes.ts'),
      },
      { find: /^@app\/common\/chat-protocol$/, replacement: here('../../libs/common/src/chat-protocol.ts') },
      { find: /^@app\/crypto$/, replacement: here('../../libs/crypto/src/index.ts') },
      { find: /^@app\/client$/, replacement: here('../../libs/client/src/index.ts') },
      { find: /^@app\/client\/browser$/, replacement: here('../../libs/client/src/browser/index.ts') },
      // Imported by `import()` only (the chat's message search): its own chunk, any-ascii's tables with it.
      { find: /^@app\/folding$/, replacement: here('../../libs/folding/src/index.ts') },
      { find: /^@web\//, replacement: `${here('./src')}/` },
    ],
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // No eval, no inline script: the CSP allows script-src 'self' only.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What the first screen needs, in one script: left alone, the bundler splits the entry's code shared with the
        // lazy screens into preloaded chunks — four more responses to sign-in, each with its headers and its own
        // compression dictionary (docs/BENCHMARKS.md, "Why sign-in grew").
        // The message search's folding and its transliteration tables (≈ 155 kB gzip) in one chunk of their own, named
        // so the service worker can leave it out of the precache: it loads when the search is first opened.
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            { name: 'folding', test: /[\\/](?:libs[\\/]folding|node_modules[\\/]any-ascii)[\\/]/ },
          ],
        },
      },
    },
  },
  // npm run web:dev: the client with hot reload on :5173, the API (npm start or npm run start:api) behind this proxy. The API refuses
  // browser requests from origins it does not serve; the proxy presents the API's own origin, as if it served the page.
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/auth', '/exports', '/socket.io', '/health'].map((path) => [
        path,
        {
          target: API_URL,
          ws: path === '/socket.io',
          configure: (proxy) => {
            proxy.on('proxyReq', (request) => request.setHeader('origin', new URL(API_URL).origin));
            proxy.on('proxyReqWs', (request) => request.setHeader('origin', new URL(API_URL).origin));
          },
        },
      ]),
    ),
  },
  test: {
    // Screens render through debounces and several fake answers: 20 s per test on a loaded 2-core machine (a budget).
    testTimeout: 20_000,
    css: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: [here('./src/test/setup.ts')],
        },
      },
      {
        // libs/client's browser entry: IndexedDB from fake-indexeddb, WebCrypto from Node (no DOM, no i18n setup).
        extends: true,
        test: {
          name: 'client-browser',
          environment: 'node',
          include: ['../../libs/client/src/browser/**/*.test.ts'],
        },
      },
    ],
  },
});
