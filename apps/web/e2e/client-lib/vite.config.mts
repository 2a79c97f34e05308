import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { HARNESS_BASE, HARNESS_OUT_DIR } from './paths';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = (path: string) => here(`../../../../${path}`);

/**
 * The client libraries as a browser loads them, for apps/web/e2e/client-lib.spec.ts: one page, built into
 * dist/client-lib-harness (never into dist/web: test code does not ship), served by the tests at HARNESS_BASE on the
 * API's own origin. The same entry points as the web client's (apps/web/vite.config.mts).
 */
export default defineConfig({
  root: here('.'),
  base: HARNESS_BASE,
  publicDir: false,
  resolve: {
    alias: [
      {
        find: /^@app\/common\/error-codes$/,
        replacement: root('libs/common/src/errors/error-codes.ts'),
      },
      { find: /^@app\/common\/chat-protocol$/, replacement: root('libs/common/src/chat-protocol.ts') },
      { find: /^@app\/crypto$/, replacement: root('libs/crypto/src/index.ts') },
      { find: /^@app\/client$/, replacement: root('libs/client/src/index.ts') },
      { find: /^@app\/client\/browser$/, replacement: root('libs/client/src/browser/index.ts') },
    ],
  },
  build: {
    outDir: root(HARNESS_OUT_DIR),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
