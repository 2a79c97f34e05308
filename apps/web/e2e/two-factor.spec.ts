import { currentTotp, nextTotp } from './support/api';
import { containing } from './support/catalog';
import { expect, test } from './support/fixtures';
import { openAccountLink } from './support/nav';
import { enrollment, readSetupKey, recoveryCodeList } from './support/two-factor';
import { en, expectHome, expectSignInScreen, signInForm, submitSignIn, title } from './support/ui';

const security = en.account.security;

test('a coordinator turns on two-factor, then signs in with a TOTP code and, elsewhere, with a recovery code', async ({
  page,
  api,
  newPage,
}) => {
  const account = await api.coordinator('two-factor');

  // Staff without two-factor are nudged from home to the two-factor screen.
  await submitSignIn(page, account);
  await expectHome(page);
  await expect(page.getByRole('status').filter({ hasText: en.home.staffNudge.title })).toBeVisible();
  await page.getByRole('link', { name: en.home.staffNudge.action, exact: true }).click();
  await expect(title(page, security.title)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: security.staff.title })).toBeVisible();

  // Step 1: a QR code (an image that loaded), the key in groups, the same key in the otpauth:// link.
  const steps = enrollment(page, en);
  await steps.setUp.click();
  await expect(steps.scan.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(steps.qr).toBeVisible();
  expect(await steps.qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(
    true,
  );
  const secret = await readSetupKey(page, en);
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const link = new URL((await steps.openInApp.getAttribute('href')) ?? '');
  expect(link.protocol).toBe('otpauth:');
  expect(link.searchParams.get('secret')).toBe(secret);
  expect(link.searchParams.get('issuer')).toBe('Counterpart');

  // Step 2: a wrong code is refused next to the field, the right one turns two-factor on.
  await steps.code.fill('000000' === currentTotp(secret) ? '111111' : '000000');
  await steps.confirm.click();
  await expect(steps.code).toHaveAccessibleDescription(containing(security.enroll.wrongCode));
  await expect(steps.code).toHaveAttribute('aria-invalid', 'true');
  await expect(steps.code).toBeFocused();
  await steps.code.fill(currentTotp(secret));
  await steps.confirm.click();

  // Ten recovery codes, shown once; leaving needs the "saved" box ticked.
  const list = recoveryCodeList(page, en);
  await expect(list).toBeVisible();
  const codes = (await list.getByRole('listitem').allInnerTexts()).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  const done = page.getByRole('button', { name: security.codes.done, exact: true });
  await done.click();
  const saved = page.getByRole('checkbox', { name: security.codes.acknowledge, exact: true });
  await expect(saved).toBeFocused();
  await expect(saved).toHaveAccessibleDescription(security.codes.acknowledgeRequired);
  await saved.check();
  await done.click();
  await expect(page.getByRole('status').filter({ hasText: security.on })).toBeVisible();
  await page.reload();
  await expect(page.getByText(security.on, { exact: true })).toBeVisible();
  await expect(recoveryCodeList(page, en)).toHaveCount(0);
  await expect(page.getByText(codes[0])).toHaveCount(0);

  // Sign out, then in again: password, then a code from the app (the next one: each works once).
  await openAccountLink(page, 'signOut');
  await page.getByRole('button', { name: en.auth.signOut.thisBrowser, exact: true }).click();
  await expectSignInScreen(page);
  await submitSignIn(page, account);
  const form = signInForm(page);
  await expect(page.getByText(en.auth.signIn.secondFactorNeeded)).toBeVisible();
  await expect(form.totp).toBeFocused();
  await form.totp.fill(nextTotp(secret));
  await form.submit.click();
  await expectHome(page);
  await expect(page.getByText(en.home.twoFactor.on, { exact: true })).toBeVisible();
  await expect(page.getByText(en.home.staffNudge.title)).toHaveCount(0);

  // Another browser: a recovery code instead of the app; it works once.
  const other = await newPage();
  await submitSignIn(other, account);
  const otherForm = signInForm(other);
  await other.getByRole('button', { name: en.auth.signIn.useRecovery, exact: true }).click();
  await expect(otherForm.recoveryCode).toBeFocused();
  await otherForm.recoveryCode.fill(codes[3]);
  await otherForm.submit.click();
  await expectHome(other);

  const third = await newPage();
  await submitSignIn(third, account);
  await third.getByRole('button', { name: en.auth.signIn.useRecovery, exact: true }).click();
  await signInForm(third).recoveryCode.fill(codes[3]);
  await signInForm(third).submit.click();
  await expect(third.getByRole('alert')).toHaveText(en.auth.signIn.invalidCode);
});
