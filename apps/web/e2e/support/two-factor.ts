import { expect, type Page } from '@playwright/test';
import { currentTotp } from './api';
import { containing, type Catalog } from './catalog';

/** The set-up steps of the two-factor screen, by role and name. */
export function enrollment(page: Page, cat: Catalog) {
  const texts = cat.account.security.enroll;
  const scan = page.getByRole('region', { name: containing(texts.scanTitle) });
  return {
    setUp: page.getByRole('button', { name: cat.account.security.setUp, exact: true }),
    scan,
    qr: scan.getByRole('img', { name: texts.qrAlt, exact: true }),
    key: scan.getByRole('definition'),
    openInApp: scan.getByRole('link', { name: texts.openInApp, exact: true }),
    code: page.getByRole('textbox', { name: texts.codeLabel, exact: true }),
    confirm: page.getByRole('button', { name: texts.confirm, exact: true }),
  };
}

export function recoveryCodeList(page: Page, cat: Catalog) {
  return page.getByRole('list', { name: cat.account.security.codes.listLabel, exact: true });
}

/** The set-up key as the screen shows it (groups of four), without the spaces. */
export async function readSetupKey(page: Page, cat: Catalog): Promise<string> {
  return (await enrollment(page, cat).key.innerText()).replace(/\s+/g, '');
}

/** From the two-factor screen (off): set up, prove a code from the key on screen; the recovery codes it shows. */
export async function enrollOnScreen(page: Page, cat: Catalog): Promise<{ secret: string; codes: string[] }> {
  const steps = enrollment(page, cat);
  await steps.setUp.click();
  await expect(steps.qr).toBeVisible();
  const secret = await readSetupKey(page, cat);
  await steps.code.fill(currentTotp(secret));
  await steps.confirm.click();
  const list = recoveryCodeList(page, cat);
  await expect(list).toBeVisible();
  const codes = (await list.getByRole('listitem').allInnerTexts()).map((code) => code.trim());
  return { secret, codes };
}
