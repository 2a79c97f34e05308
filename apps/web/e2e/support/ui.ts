import { expect, type Locator, type Page } from '@playwright/test';
import { catalogs, type Catalog, type Lang } from './catalog';

export const en = catalogs.en;
export const ru = catalogs.ru;

/** The screen's one h1, by its exact name. */
export function title(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

export async function expectSignInScreen(page: Page, cat: Catalog = en): Promise<void> {
  await expect(title(page, cat.auth.signIn.title)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
}

export async function expectHome(page: Page, cat: Catalog = en): Promise<void> {
  await expect(title(page, cat.home.welcome)).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
}

/** The sign-in form's fields and button, in the page's current language. */
export function signInForm(page: Page, cat: Catalog = en) {
  return {
    email: page.getByRole('textbox', { name: cat.auth.signIn.email, exact: true }),
    password: page.getByLabel(cat.auth.signIn.password, { exact: true }),
    totp: page.getByRole('textbox', { name: cat.auth.signIn.totp, exact: true }),
    recoveryCode: page.getByRole('textbox', { name: cat.auth.signIn.recoveryCode, exact: true }),
    submit: page.getByRole('button', { name: cat.auth.signIn.submit, exact: true }),
  };
}

/** Opens `/sign-in` and sends e-mail and password (a second factor, if asked for, is the caller's). */
export async function submitSignIn(
  page: Page,
  account: { email: string; password: string },
  cat: Catalog = en,
): Promise<void> {
  await page.goto('/sign-in');
  await fillSignIn(page, account, cat);
}

/** Sends e-mail and password on the sign-in form already shown. */
export async function fillSignIn(
  page: Page,
  account: { email: string; password: string },
  cat: Catalog = en,
): Promise<void> {
  const form = signInForm(page, cat);
  await form.email.fill(account.email);
  await form.password.fill(account.password);
  await form.submit.click();
}

export async function signInWithForm(
  page: Page,
  account: { email: string; password: string },
  cat: Catalog = en,
): Promise<void> {
  await submitSignIn(page, account, cat);
  await expectHome(page, cat);
}

/** The header's navigation (signed in only). */
export function mainNavigation(page: Page, cat: Catalog = en): Locator {
  return page.getByRole('navigation', { name: cat.app.mainNavigation, exact: true });
}

/**
 * Picks a language with the header's switcher (each button is named in its own language) and waits for the page to
 * say so. `withoutPointer`: a modal dialog covers the switcher; the button is clicked from the DOM instead.
 */
export async function switchLanguage(page: Page, lang: Lang, { withoutPointer = false } = {}): Promise<void> {
  const button = page.getByRole('button', {
    name: catalogs[lang].language[lang],
    exact: true,
    includeHidden: withoutPointer,
  });
  if (withoutPointer) {
    await button.dispatchEvent('click');
  } else {
    await button.click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** What the client sends as the device label (the browser's user agent), for sessions made without the form. */
export function userAgentOf(page: Page): Promise<string> {
  return page.evaluate(() => navigator.userAgent);
}
