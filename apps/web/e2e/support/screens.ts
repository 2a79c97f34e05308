import { expect, type Page } from '@playwright/test';
import { uniqueEmail } from './api';
import { catalogs, LANGS, type Lang } from './catalog';
import { DESKTOP, PHONE } from './context';
import { registerDevice } from './devices';
import { fillApplication, waitForApplicationLists } from './forms';
import { enrollment, enrollOnScreen, readSetupKey } from './two-factor';
import { openSignedIn, type Screen } from './screen';
import { CHAT_SCREENS } from './screens-chat';
import { DESK_SCREENS } from './screens-desk';
import { DESK_REPORT_SCREENS } from './screens-desk-reports';
import { DIRECTORY_SCREENS } from './screens-directory';
import { NETWORK_SCREENS } from './screens-network';
import { PROFILE_SCREENS } from './screens-profile';
import { signInForm, switchLanguage, title, userAgentOf } from './ui';

const en = catalogs.en;

const IDENTITY_SCREENS: Screen[] = [
  {
    name: 'sign-in',
    title: (cat) => cat.auth.signIn.title,
    async open({ page }) {
      await page.goto('/sign-in');
      await expect(signInForm(page).email).toBeVisible();
    },
  },
  {
    name: 'sign-in-code',
    title: (cat) => cat.auth.signIn.title,
    async open({ page, api }) {
      const account = await api.withTwoFactor(await api.member('screen-code'));
      await page.goto('/sign-in');
      const form = signInForm(page);
      await form.email.fill(account.email);
      await form.password.fill(account.password);
      await form.submit.click();
      await expect(form.totp).toBeFocused();
    },
  },
  {
    name: 'apply',
    title: (cat) => cat.apply.title,
    settle: waitForApplicationLists,
    async open({ page }) {
      await page.goto('/apply');
      await waitForApplicationLists(page, en);
    },
  },
  {
    name: 'apply-errors',
    title: (cat) => cat.apply.title,
    settle: waitForApplicationLists,
    async open({ page }) {
      await page.goto('/apply');
      await waitForApplicationLists(page, en);
      await page.getByRole('button', { name: en.apply.submit, exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'apply-received',
    title: (cat) => cat.apply.done.title,
    async open({ page, api }) {
      await page.goto(`/apply?code=${await api.invitation()}`);
      await fillApplication(page, en, {
        email: uniqueEmail('screen-apply'),
        password: 'a long enough password',
      });
      await page.getByRole('button', { name: en.apply.submit, exact: true }).click();
      await expect(title(page, en.apply.done.title)).toBeVisible();
    },
  },
  {
    name: 'reset',
    title: (cat) => cat.apply.reset.title,
    async open({ page }) {
      await page.goto('/reset');
      await expect(title(page, en.apply.reset.title)).toBeVisible();
    },
  },
  {
    name: 'reset-errors',
    title: (cat) => cat.apply.reset.title,
    async open({ page }) {
      await page.goto('/reset');
      await page.getByRole('button', { name: en.apply.reset.submit, exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'home',
    title: (cat) => cat.home.welcome,
    async open(screen) {
      await openSignedIn(screen, await screen.api.member('screen-home'), '/', en.home.welcome);
      await expect(screen.page.getByRole('term').first()).toBeVisible();
    },
  },
  {
    name: 'home-pending',
    title: (cat) => cat.home.welcome,
    async open(screen) {
      await openSignedIn(screen, await screen.api.applicant('screen-pending'), '/', en.home.welcome);
      await expect(screen.page.getByText(en.home.statusText.PENDING)).toBeVisible();
    },
  },
  {
    name: 'home-staff',
    title: (cat) => cat.home.welcome,
    async open(screen) {
      await openSignedIn(screen, await screen.api.coordinator('screen-staff'), '/', en.home.welcome);
      await expect(screen.page.getByText(en.home.staffNudge.title)).toBeVisible();
    },
  },
  {
    name: 'sign-out',
    title: (cat) => cat.auth.signOut.title,
    async open(screen) {
      await openSignedIn(
        screen,
        await screen.api.member('screen-sign-out'),
        '/sign-out',
        en.auth.signOut.title,
      );
    },
  },
  {
    name: 'sessions',
    title: (cat) => cat.account.sessions.title,
    async open(screen) {
      const account = await screen.api.member('screen-sessions');
      await screen.api.signIn(account.email, account.password, {
        deviceLabel: await userAgentOf(screen.page),
      });
      await openSignedIn(screen, account, '/sessions', en.account.sessions.title);
      await expect(screen.page.getByRole('list', { name: en.account.sessions.listLabel })).toBeVisible();
    },
  },
  {
    name: 'sessions-confirm',
    title: (cat) => cat.account.sessions.title,
    modal: true,
    async open(screen) {
      const account = await screen.api.member('screen-sessions-dialog');
      await screen.api.signIn(account.email, account.password, {
        deviceLabel: await userAgentOf(screen.page),
      });
      await openSignedIn(screen, account, '/sessions', en.account.sessions.title);
      await screen.page.getByRole('button', { name: en.account.sessions.revokeOthers, exact: true }).click();
      await expect(screen.page.getByRole('alertdialog')).toBeVisible();
    },
  },
  {
    name: 'devices',
    title: (cat) => cat.account.devices.title,
    async open(screen) {
      const account = await screen.api.member('screen-devices');
      const { accessToken: token } = await screen.api.signIn(account.email, account.password);
      await registerDevice(screen.api, token, 'Office PC');
      await registerDevice(screen.api, token, 'Phone');
      await openSignedIn(screen, account, '/devices', en.account.devices.title);
      await expect(screen.page.getByRole('list', { name: en.account.devices.listLabel })).toBeVisible();
      return ['Office PC', 'Phone']; // the names the member gave them
    },
  },
  {
    name: 'devices-confirm',
    title: (cat) => cat.account.devices.title,
    modal: true,
    async open(screen) {
      const account = await screen.api.member('screen-devices-dialog');
      const { accessToken: token } = await screen.api.signIn(account.email, account.password);
      await registerDevice(screen.api, token, 'Phone');
      await openSignedIn(screen, account, '/devices', en.account.devices.title);
      await screen.page.getByRole('button', { name: /^Revoke: Phone/ }).click();
      await expect(screen.page.getByRole('alertdialog')).toBeVisible();
      return ['Phone'];
    },
  },
  {
    name: 'security',
    title: (cat) => cat.account.security.title,
    async open(screen) {
      await openSignedIn(
        screen,
        await screen.api.member('screen-security'),
        '/security',
        en.account.security.title,
      );
      await expect(enrollment(screen.page, en).setUp).toBeVisible();
    },
  },
  {
    name: 'security-staff',
    title: (cat) => cat.account.security.title,
    async open(screen) {
      const account = await screen.api.coordinator('screen-security-staff');
      await openSignedIn(screen, account, '/security', en.account.security.title);
      await expect(screen.page.getByRole('heading', { name: en.account.security.staff.title })).toBeVisible();
    },
  },
  {
    name: 'security-enroll',
    title: (cat) => cat.account.security.title,
    async open(screen) {
      const account = await screen.api.coordinator('screen-enroll');
      await openSignedIn(screen, account, '/security', en.account.security.title);
      const steps = enrollment(screen.page, en);
      await steps.setUp.click();
      await expect(steps.qr).toBeVisible();
      const key = await readSetupKey(screen.page, en);
      return key.match(/.{1,4}/g) ?? [];
    },
  },
  {
    name: 'security-codes',
    title: (cat) => cat.account.security.title,
    async open(screen) {
      const account = await screen.api.coordinator('screen-codes');
      await openSignedIn(screen, account, '/security', en.account.security.title);
      const { codes } = await enrollOnScreen(screen.page, en);
      return codes;
    },
  },
  {
    name: 'security-on',
    title: (cat) => cat.account.security.title,
    async open(screen) {
      const account = await screen.api.withTwoFactor(await screen.api.member('screen-security-on'));
      await openSignedIn(screen, account, '/security', en.account.security.title);
      await expect(screen.page.getByText(en.account.security.on, { exact: true })).toBeVisible();
    },
  },
  {
    name: 'not-found',
    title: (cat) => cat.notFound.title,
    async open({ page }) {
      await page.goto('/no-such-page');
      await expect(title(page, en.notFound.title)).toBeVisible();
    },
  },
];

/** Every screen the audits look at: the identity screens here, each later feature's in its own screens-<feature>.ts. */
export const SCREENS: Screen[] = [
  ...IDENTITY_SCREENS,
  ...NETWORK_SCREENS,
  ...DIRECTORY_SCREENS,
  ...PROFILE_SCREENS,
  ...CHAT_SCREENS,
  ...DESK_SCREENS,
  ...DESK_REPORT_SCREENS,
];

export const VIEWPORTS = { desktop: DESKTOP, phone: PHONE } as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface Variant {
  lang: Lang;
  viewport: ViewportName;
}

/** Every language at every size: English first, as the screen was opened. */
export const ALL_VARIANTS: Variant[] = LANGS.flatMap((lang) =>
  (Object.keys(VIEWPORTS) as ViewportName[]).map((viewport) => ({ lang, viewport })),
);

/** Shows the opened screen in `variant`: the size, then the language through the switcher, then what it loads. */
export async function showVariant(page: Page, screen: Screen, variant: Variant): Promise<void> {
  await page.setViewportSize(VIEWPORTS[variant.viewport]);
  const cat = catalogs[variant.lang];
  if ((await page.locator('html').getAttribute('lang')) !== variant.lang) {
    await switchLanguage(page, variant.lang, { withoutPointer: screen.modal });
  }
  // Behind a modal dialog the page is hidden from the accessibility tree, its h1 too.
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: screen.title(cat),
      exact: true,
      includeHidden: screen.modal,
    }),
  ).toBeVisible();
  await screen.settle?.(page, cat);
  // Layout after a resize, fonts after a switch to Cyrillic.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
