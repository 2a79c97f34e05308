import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser client. Built into dist/web, which the API serves at `/` (apps/api WebClientModule); in development
 * `npm run web:dev` proxies the API paths to a running `npm run start:api`.
 */
const API_URL = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@app/common/error-codes': here('../../libs/common/src/errors/error-codes.ts'),
      '@app/common/chat-protocol': here('../../libs/common/src/chat-protocol.ts'),
      '@web': here('./src'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // No eval, no inline script: the CSP allows script-src 'self' only.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  // npm run web:dev: the client with hot reload on :5173, the API (npm start or npm run start:api) behind this proxy. The API refuses
  // browser requests from origins it does not serve; the proxy presents the API's own origin, as if it served the page.
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/auth', '/socket.io', '/health'].map((path) => [
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
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: [here('./src/test/setup.ts')],
    // Screens render through debounces and several fake answers: 20 s per test on a loaded 2-core machine (a budget).
    testTimeout: 20_000,
    css: false,
  },
});
