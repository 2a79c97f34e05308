import type { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signInContext } from './support/api';
import { fill } from './support/catalog';
import { focusState, type FocusState } from './support/checks';
import { expect, test } from './support/fixtures';
import { openAccountLink } from './support/nav';
import {
  en,
  expectHome,
  expectSignInScreen,
  mainNavigation,
  signInForm,
  signInWithForm,
  title,
  userAgentOf,
} from './support/ui';

const demoMember = { email: DEMO.member, password: DEMO_PASSWORD };

test.describe('sign-in and sign-out', () => {
  test('a demo member signs in with the form and signs out of this browser only', async ({
    page,
    newContext,
  }) => {
    // Another browser of the same member, which must stay signed in.
    const elsewhere = await newContext();
    const elsewherePage = await elsewhere.newPage();
    await signInContext(elsewhere, demoMember, await userAgentOf(elsewherePage));

    await signInWithForm(page, demoMember);
    await expect(page.getByText(fill(en.home.signedInAs, { email: DEMO.member }))).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: en.memberStatus.VETTED })).toBeVisible();

    await openAccountLink(page, 'signOut');
    await expect(title(page, en.auth.signOut.title)).toBeVisible();
    await page.getByRole('button', { name: en.auth.signOut.thisBrowser, exact: true }).click();
    await expectSignInScreen(page);
    await expect(mainNavigation(page)).toHaveCount(0);
    // Signed out for good here: a reload of a member's page comes back to sign-in.
    await page.goto('/');
    await expectSignInScreen(page);

    await elsewherePage.goto('/');
    await expectHome(elsewherePage);
  });

  test('signing out everywhere ends the session of another browser at once', async ({
    page,
    api,
    newPage,
  }) => {
    const account = await api.member('everywhere');
    const other = await newPage();
    await signInWithForm(other, account);
    await signInWithForm(page, account);

    await openAccountLink(page, 'signOut');
    await page.getByRole('button', { name: en.auth.signOut.everywhere, exact: true }).click();
    await expectSignInScreen(page);

    // The other browser still had its page and an unexpired access token in memory: the session-events stream tells
    // it the session ended, its refresh is refused, and it shows sign-in without a click.
    await expectSignInScreen(other);
    await expect(other.getByRole('status').filter({ hasText: en.auth.signIn.sessionEnded })).toBeVisible();
    await other.reload();
    await expectSignInScreen(other);
    // The browser that signed out was told too, but its own sign-out is no "session ended".
    await expect(page.getByRole('status').filter({ hasText: en.auth.signIn.sessionEnded })).toHaveCount(0);
  });

  test('wrong credentials are refused with a translated message and no field changes', async ({ page }) => {
    await page.goto('/sign-in');
    const form = signInForm(page);
    await form.email.fill('nobody@e2e.example.org');
    await form.password.fill('not the password');
    await form.submit.click();
    await expect(page.getByRole('alert')).toHaveText(en.auth.signIn.invalid);
    await expect(form.email).toHaveValue('nobody@e2e.example.org');
  });
});

/** Presses Tab until `done` holds after a press (at most `limit` presses); where the focus was at each stop. */
async function tabUntil(
  page: Page,
  done: () => Promise<boolean>,
  limit = 15,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<FocusState[]> {
  const stops: FocusState[] = [];
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(key);
    const focus = await focusState(page);
    if (focus) {
      stops.push(focus);
    }
    if (await done()) {
      break;
    }
  }
  return stops;
}

const invisible = (stops: FocusState[]) =>
  stops.filter((stop) => !stop.focusVisible || !stop.inViewport).map((stop) => JSON.stringify(stop));

test.describe('keyboard only', () => {
  test('sign-in with Tab, typing and Enter; the focus is visible at every stop', async ({ page }) => {
    await page.goto('/sign-in');
    const form = signInForm(page);
    // A new screen puts the focus on its heading, so the next Tab is the form's first field.
    await expect(title(page, en.auth.signIn.title)).toBeFocused();

    // The whole tab order of the sign-in screen, round to the e-mail field again.
    await page.keyboard.press('Tab');
    await expect(form.email).toBeFocused();
    const firstStop = await focusState(page);
    const round = await tabUntil(
      page,
      () => form.email.evaluate((field) => field === document.activeElement),
      25,
    );
    expect(invisible([firstStop!, ...round]), 'stops without a visible focus').toEqual([]);
    // Skip link, the name, both languages, both fields, the button, both links: nothing is skipped.
    expect(round.length).toBeGreaterThanOrEqual(8);

    await page.keyboard.type(DEMO.member);
    await page.keyboard.press('Tab');
    await expect(form.password).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expectHome(page);
    await expect(title(page, en.home.welcome)).toBeFocused();

    // Home: back from the heading through the language buttons, the navigation and the skip link (the page's own
    // content, the network map and its table, comes after the heading), focus always shows.
    const home = await tabUntil(page, () => Promise.resolve(false), 10, 'Shift+Tab');
    expect(invisible(home), 'stops without a visible focus').toEqual([]);
    expect(home.map((stop) => stop.name)).toEqual(
      expect.arrayContaining([en.app.skipToContent, en.app.nav.profile, en.app.nav.account]),
    );
  });
});
