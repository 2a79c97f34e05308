import { expect, type BrowserContext, type Page } from '@playwright/test';
import { signInContext, type Api } from './api';
import type { Catalog } from './catalog';
import { title, userAgentOf } from './ui';

export interface ScreenContext {
  page: Page;
  context: BrowserContext;
  api: Api;
}

/** One state of one screen that the audits (axe, language, width, screenshots) look at. */
export interface Screen {
  /** The file-name stem: `docs/screenshots/<name>-<lang>-<desktop|phone>.png`. */
  name: string;
  /**
   * Leads a fresh page, in English, to this state (own accounts, made here); answers the test data it shows that may
   * stay in Latin letters in Russian (a setup key, say).
   */
  open(screen: ScreenContext): Promise<string[] | void>;
  /** The h1 in a language: once it shows, a language switch has rendered. */
  title(cat: Catalog): string;
  /** More to wait for after a switch (lists loaded in the new language, say). */
  settle?(page: Page, cat: Catalog): Promise<void>;
  /** A modal dialog covers the page: the switcher is clicked without a pointer. */
  modal?: boolean;
}

/** A context signed in as `account` (no form), then `path` opened and its h1 awaited. */
export async function openSignedIn(
  { page, context }: ScreenContext,
  account: { email: string; password: string; secret?: string },
  path: string,
  heading: string,
): Promise<void> {
  await signInContext(context, account, await userAgentOf(page));
  await page.goto(path);
  await expect(title(page, heading)).toBeVisible();
}
