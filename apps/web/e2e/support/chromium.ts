/**
 * How every browser run here launches Chromium: Debian's /usr/bin/chromium (or CHROMIUM_PATH), headless, without the
 * background traffic a first run makes. Playwright never downloads a browser. Used by playwright.config.ts and by
 * `npm run bench:web`.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
