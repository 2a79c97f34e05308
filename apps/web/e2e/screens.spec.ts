import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { axeViolations, horizontalOverflow, shownStrings, untranslated, WCAG_TAGS } from './support/checks';
import { CONTEXT_DEFAULTS, serverUrl } from './support/context';
import { expect, prepareContext, test } from './support/fixtures';
import { ALL_VARIANTS, SCREENS, showVariant } from './support/screens';

const SCREENSHOTS = resolve(__dirname, '../../../docs/screenshots');

/**
 * Every screen (support/screens.ts), each reached once in its own browser and then audited in both languages at both
 * sizes: axe finds no WCAG 2.1 A/AA violation; switched to Russian, no string is left in English; at 360 px nothing
 * scrolls sideways; with SCREENSHOTS=1, full-page screenshots. A group's tests run in order on its one page; after a
 * failure Playwright starts a new worker and the screen is opened again for the rest.
 */
for (const screen of SCREENS) {
  test.describe(`screen ${screen.name}`, () => {
    test.describe.configure({ mode: 'default' });
    let context: BrowserContext;
    let page: Page;
    let testData: string[] = [];

    test.beforeAll(async ({ browser, api }) => {
      context = await prepareContext(await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: serverUrl() }));
      page = await context.newPage();
      testData = (await screen.open({ page, context, api })) ?? [];
    });

    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from a pattern, even an empty one.
    test.afterEach(async ({}, testInfo) => {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('screen', {
          body: await page.screenshot({ fullPage: true }),
          contentType: 'image/png',
        });
      }
    });

    test.afterAll(async () => {
      await context?.close();
    });

    test(`axe (${WCAG_TAGS.join(', ')}): no violations in English and Russian at 1280 and 360 px`, async () => {
      for (const variant of ALL_VARIANTS) {
        await showVariant(page, screen, variant);
        expect.soft(await axeViolations(page), `${variant.lang}, ${variant.viewport}`).toEqual([]);
      }
    });

    test('Russian: nothing left in English', async () => {
      await showVariant(page, screen, { lang: 'en', viewport: 'desktop' });
      // The check must see the screen's words at all: in English they are "untranslated".
      expect(untranslated(await shownStrings(page), 'en', testData).length).toBeGreaterThan(0);
      for (const viewport of ['desktop', 'phone'] as const) {
        await showVariant(page, screen, { lang: 'ru', viewport });
        expect.soft(untranslated(await shownStrings(page), 'ru', testData), viewport).toEqual([]);
      }
    });

    test('360 px: no horizontal scroll in English and Russian', async () => {
      for (const lang of ['en', 'ru'] as const) {
        await showVariant(page, screen, { lang, viewport: 'phone' });
        const overflow = await horizontalOverflow(page);
        expect
          .soft(overflow.scrollWidth, `${lang}: sticking out: ${overflow.offenders.join(' | ')}`)
          .toBeLessThanOrEqual(overflow.innerWidth);
      }
    });

    // Selected by the config only when SCREENSHOTS=1 (npm run screenshots); never part of test:browser.
    test('screenshots (SCREENSHOTS=1)', async () => {
      for (const variant of ALL_VARIANTS) {
        await showVariant(page, screen, variant);
        await page.screenshot({
          path: join(SCREENSHOTS, `${screen.name}-${variant.lang}-${variant.viewport}.png`),
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
        });
      }
    });
  });
}
