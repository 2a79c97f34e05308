import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Account, Api } from './api';
import { setProfile } from './api-profile';
import { chatCatalogs, fill } from './catalog';
import { signInContext } from './api';
import { title, userAgentOf } from './ui';

export const chat = chatCatalogs.en;

/** A vetted member with a display name of its own (unique per test run, so lists and messages name them plainly). */
export async function chatMember(
  api: Api,
  label: string,
  displayName: string,
): Promise<Account & { name: string }> {
  const account = await api.member(label);
  const name = `${displayName} ${account.id.slice(0, 4)}`;
  await setProfile(api, account, { displayName: name });
  return { ...account, name };
}

/** Signs the context in, opens the chat and sets this browser up as a device named `deviceName` through its form. */
export async function openChat(
  page: Page,
  context: BrowserContext,
  account: Account,
  deviceName: string,
  { passphrase }: { passphrase?: string } = {},
): Promise<void> {
  await signInContext(context, account, await userAgentOf(page));
  await page.goto('/chat');
  await expect(title(page, chat.setup.title)).toBeVisible();
  await page.getByLabel(chat.setup.name).fill(deviceName);
  if (passphrase) {
    await page.getByLabel(chat.setup.protect).check();
    await page.getByLabel(chat.setup.passphrase, { exact: true }).fill(passphrase);
    await page.getByLabel(chat.setup.passphraseRepeat).fill(passphrase);
  }
  await page.getByRole('button', { name: chat.setup.submit }).click();
  await expect(title(page, chat.list.title)).toBeVisible();
}

/** The direct conversation between two members (started over the API by `a`). */
export async function directConversation(api: Api, a: Account, b: Account): Promise<string> {
  const { accessToken } = await api.signIn(a.email, a.password);
  const answer = await api.graphql<{ startDirectConversation: { id: string } }>(
    accessToken,
    'mutation Start($memberId: ID!) { startDirectConversation(memberId: $memberId) { id } }',
    { memberId: b.id },
  );
  return answer.startDirectConversation.id;
}

/**
 * Aigul (this page) and Malika (a page of her own browser), each with the chat set up, in their direct conversation,
 * each looking at it.
 */
export async function pairInConversation(
  {
    page,
    context,
    newPage,
    api,
  }: { page: Page; context: BrowserContext; newPage: () => Promise<Page>; api: Api },
  label: string,
  surname: string,
): Promise<{ aigul: Account & { name: string }; malika: Account & { name: string }; other: Page }> {
  const aigul = await chatMember(api, `${label}-a`, `Aigul ${surname}`);
  const malika = await chatMember(api, `${label}-b`, `Malika ${surname}`);
  await directConversation(api, aigul, malika);
  const other = await newPage();
  await openChat(page, context, aigul, 'Office PC');
  await openChat(other, other.context(), malika, 'Phone');
  await openConversation(page, malika.name);
  await openConversation(other, aigul.name);
  return { aigul, malika, other };
}

/** Opens a conversation from the list, by the partner's (or group's) name. */
export async function openConversation(page: Page, name: string): Promise<void> {
  await page.goto('/chat');
  await page
    .getByRole('list', { name: chat.list.label })
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await expect(title(page, name)).toBeVisible();
}

export const messages = (page: Page): Locator => page.getByRole('log', { name: chat.conversation.messages });

/** One message in the open conversation, by its text. */
export const message = (page: Page, text: string): Locator =>
  messages(page).getByRole('article').filter({ hasText: text });

/** Writes and sends a message with a caveat (the picker keeps it for the next one). */
export async function sendMessage(
  page: Page,
  text: string,
  caveat: keyof typeof chat.caveat.hint = 'NONE',
): Promise<void> {
  await page.getByLabel(chat.caveat.picker).selectOption(caveat);
  await page.getByLabel(chat.composer.label, { exact: true }).fill(text);
  await page.getByRole('button', { name: chat.composer.send, exact: true }).click();
  await expect(message(page, text)).toBeVisible();
}

/** These messages are all shown, each below the one before. */
export async function expectInOrder(page: Page, texts: string[]): Promise<void> {
  const tops: number[] = [];
  for (const text of texts) {
    await expect(message(page, text)).toBeVisible();
    tops.push((await message(page, text).boundingBox())?.y ?? Number.NaN);
  }
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
}

export const offlineBanner = (page: Page): Locator =>
  page.getByRole('status').filter({ hasText: chat.offline.title });

export const keyChangeWarning = (page: Page): Locator =>
  page.getByRole('alert').filter({ hasText: fill(chat.keyChange.title_one, { count: 1 }) });
