import { resolve } from 'node:path';
import { startApiServer } from './api-server';
import { SERVER_FOLDER_VARIABLE, SERVER_URL_VARIABLE } from './context';

/**
 * Starts the built API (it serves the built client at `/`) on a free port of 127.0.0.1 with a fresh SQLite file, as in
 * development: migrations, the demo network seeded, demo logins allowed. Nothing is built here (`npm run
 * test:browser` builds first). Returns the teardown: stop the server, remove its folder (kept when KEEP_E2E_DATA=1).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const keepData = process.env.KEEP_E2E_DATA === '1';
  const server = await startApiServer({
    root: resolve(__dirname, '../../../..'),
    label: 'browser',
    keepData,
  });
  process.env[SERVER_URL_VARIABLE] = server.url;
  process.env[SERVER_FOLDER_VARIABLE] = server.folder;
  console.log(`Browser tests: API at ${server.url} (log ${server.log})`);
  return async () => {
    await server.stop();
    if (keepData) {
      console.log(`Browser tests: API log and database kept in ${server.folder}`);
    }
  };
}
