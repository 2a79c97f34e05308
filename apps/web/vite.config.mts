import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser client. Built into dist/web, which the API serves at `/` (apps/api WebClientModule); in development
 * `npm run web:dev` proxies the API paths to a running `npm run start:api`.
 */
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
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/auth', '/socket.io', '/health'].map((path) => [
        path,
        { target: process.env.API_URL ?? 'http://localhost:3000', ws: path === '/socket.io' },
      ]),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: [here('./src/test/setup.ts')],
    css: false,
  },
});
