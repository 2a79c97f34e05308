import { expect } from '@playwright/test';
import { ChatClient } from '@app/client';
import { generateDeviceKeys, registrationOf, TweetnaclDeviceSecrets } from '@app/crypto';
import { signInContext, TEST_AGENCY, type Account, type Api } from './api';
import { catalogs, chatCatalogs, fill, plural, type Catalog } from './catalog';
import {
  chat,
  chatMember,
  directConversation,
  keyChangeWarning,
  message,
  offlineBanner,
  openChat,
  openConversation,
  sendMessage,
} from './chat';
import { serverUrl } from './context';
import { devicesOf, registerDevice, revokeDevice } from './devices';
import { type Screen } from './screen';
import { en, switchLanguage, title } from './ui';

/** The chat's words in the language of a translation catalog (the chat has its own namespace). */
export const chatOf = (cat: Catalog) => (cat === catalogs.ru ? chatCatalogs.ru : chatCatalogs.en);

const REGISTER = 'mutation Register($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }';
const CREATE_GROUP =
  'mutation CreateGroup($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }';

/** A partner's device in the test process: sends these messages into the conversation, then disconnects. */
async function partnerSays(
  api: Api,
  partner: Account,
  conversationId: string,
  bodies: Array<{ text: string; caveat?: 'INFORMAL_NOT_FOR_JUDICIAL_USE' | 'DO_NOT_DISSEMINATE' }>,
): Promise<void> {
  const { accessToken } = await api.signIn(partner.email, partner.password);
  const keys = generateDeviceKeys();
  const { registerDevice: device } = await api.graphql<{ registerDevice: { id: string } }>(
    accessToken,
    REGISTER,
    {
      input: { ...registrationOf(keys), name: 'Partner’s laptop' },
    },
  );
  const client = new ChatClient({
    url: serverUrl(),
    token: () => accessToken,
    deviceId: device.id,
    secrets: new TweetnaclDeviceSecrets(keys),
    ackTimeoutMs: 20_000,
  });
  await client.connect();
  try {
    for (const body of bodies) {
      await client.send(conversationId, body);
    }
  } finally {
    client.close();
  }
}

/** A viewer with the chat set up and a direct conversation with a partner who wrote first (a caveat among it). */
async function conversationWithCaveat(screen: Parameters<Screen['open']>[0], label: string) {
  const viewer = await chatMember(screen.api, `${label}-viewer`, 'Aigul Bekova');
  const partner = await chatMember(screen.api, `${label}-partner`, 'Malika Karimova');
  const conversationId = await directConversation(screen.api, viewer, partner);
  await openChat(screen.page, screen.context, viewer, 'Office PC');
  const texts = {
    ask: 'Two passports from the bus on Friday: can you check them?',
    answer: 'Both were issued in 2024. Informally: one is on a watch list.',
  };
  await partnerSays(screen.api, partner, conversationId, [
    { text: texts.ask },
    { text: texts.answer, caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' },
  ]);
  return { viewer, partner, conversationId, texts };
}

type Opened = Awaited<ReturnType<typeof conversationWithCaveat>>;

/**
 * A screen of one conversation: its heading is the partner's name (the same in both languages), known once open — or
 * `heading` in a language, for a screen reached from the conversation.
 */
function conversationScreen(
  name: string,
  then: (screen: Parameters<Screen['open']>[0], opened: Opened) => Promise<string[]>,
  heading?: (cat: Catalog) => string,
): Screen {
  let partnerName = '';
  return {
    name,
    title: (cat) => heading?.(cat) ?? partnerName,
    async open(screen) {
      const opened = await conversationWithCaveat(screen, `screen-${name}`);
      partnerName = opened.partner.name;
      return then(screen, opened);
    },
  };
}

const GROUP_TITLE = 'Operation Northern Route';

/**
 * The people of a group its viewer owns (with two others, over the API), reached from the conversation's header;
 * `then`, if given, goes on from there (a dialog opened, say). Answers the names shown, which stay in Latin letters.
 */
function groupDetailsScreen(
  name: string,
  then?: (screen: Parameters<Screen['open']>[0], others: Array<Account & { name: string }>) => Promise<void>,
  modal = false,
): Screen {
  return {
    name,
    modal,
    title: (cat) => fill(chatOf(cat).group.details.groupTitle, { title: GROUP_TITLE }),
    async open(screen) {
      const viewer = await chatMember(screen.api, `screen-${name}-owner`, 'Aigul Owner');
      const others = [
        await chatMember(screen.api, `screen-${name}-b`, 'Malika Member'),
        await chatMember(screen.api, `screen-${name}-c`, 'Erkin Member'),
      ];
      const { accessToken } = await screen.api.signIn(viewer.email, viewer.password);
      await screen.api.graphql(accessToken, CREATE_GROUP, {
        input: { title: GROUP_TITLE, memberIds: others.map((other) => other.id) },
      });
      await openChat(screen.page, screen.context, viewer, 'Office PC');
      await openConversation(screen.page, GROUP_TITLE);
      await screen.page.getByRole('link', { name: chat.header.members }).click();
      await expect(
        title(screen.page, fill(chat.group.details.groupTitle, { title: GROUP_TITLE })),
      ).toBeVisible();
      await then?.(screen, others);
      return [GROUP_TITLE, viewer.name, ...others.map((other) => other.name)];
    },
  };
}

/** The safety number with the partner (its heading names them in each language). */
function safetyNumberScreen(): Screen {
  let partnerName = '';
  return {
    name: 'chat-safety-number',
    title: (cat) => fill(chatOf(cat).safety.title, { name: partnerName }),
    async open(screen) {
      const { viewer, partner, texts } = await conversationWithCaveat(screen, 'screen-chat-safety');
      partnerName = partner.name;
      await openConversation(screen.page, partner.name);
      await expect(message(screen.page, texts.answer)).toBeVisible();
      await screen.page.getByRole('link', { name: chat.header.safetyNumber, exact: true }).click();
      await expect(
        screen.page.getByRole('list', { name: chat.safety.number }).getByRole('listitem'),
      ).toHaveCount(12);
      return [viewer.name, partner.name];
    },
  };
}

/** The chat's screens (issue 17), audited like every other (screens.spec.ts). */
export const CHAT_SCREENS: Screen[] = [
  {
    name: 'chat-setup',
    title: (cat) => chatOf(cat).setup.title,
    async open(screen) {
      const account = await chatMember(screen.api, 'screen-chat-setup', 'Aigul Setup');
      await signInContext(screen.context, account);
      await screen.page.goto('/chat');
      await expect(title(screen.page, chat.setup.title)).toBeVisible();
      await screen.page.getByLabel(chat.setup.protect).check();
      return [account.name];
    },
  },
  {
    name: 'chat-list',
    title: (cat) => chatOf(cat).list.title,
    async open(screen) {
      const { viewer, partner, texts } = await conversationWithCaveat(screen, 'screen-chat-list');
      await screen.page.goto('/chat');
      const list = screen.page.getByRole('list', { name: chat.list.label });
      await expect(list.getByText(texts.answer)).toBeVisible();
      return [viewer.name, partner.name, texts.answer];
    },
  },
  conversationScreen('chat-conversation', async (screen, { viewer, partner, texts }) => {
    await openConversation(screen.page, partner.name);
    await expect(message(screen.page, texts.answer)).toContainText(chat.caveat.INFORMAL_NOT_FOR_JUDICIAL_USE);
    await sendMessage(
      screen.page,
      'Thank you: I will send the formal request today.',
      'FORMAL_REQUEST_TO_FOLLOW',
    );
    return [
      viewer.name,
      partner.name,
      texts.ask,
      texts.answer,
      'Thank you: I will send the formal request today.',
    ];
  }),
  conversationScreen('chat-key-change', async (screen, { viewer, partner, texts }) => {
    await openConversation(screen.page, partner.name);
    await expect(message(screen.page, texts.answer)).toBeVisible();
    const { accessToken } = await screen.api.signIn(partner.email, partner.password);
    await registerDevice(screen.api, accessToken, 'New phone');
    await expect(keyChangeWarning(screen.page)).toBeVisible();
    return [viewer.name, partner.name, texts.ask, texts.answer];
  }),
  conversationScreen('chat-device-removed', async (screen, { viewer, partner, texts }) => {
    await openConversation(screen.page, partner.name);
    await expect(message(screen.page, texts.answer)).toBeVisible();
    const { accessToken } = await screen.api.signIn(partner.email, partner.password);
    const [laptop] = await devicesOf(screen.api, accessToken, partner.id);
    await revokeDevice(screen.api, accessToken, laptop.id);
    await expect(
      screen.page.getByRole('region', { name: plural('en', chat.deviceRemoved, 'title', 1) }),
    ).toBeVisible();
    return [viewer.name, partner.name, texts.ask, texts.answer];
  }),
  conversationScreen('chat-offline', async (screen, { viewer, partner, texts }) => {
    await openConversation(screen.page, partner.name);
    // The audit switches languages offline: the Russian catalog (its own chunk) is fetched first, while online.
    await switchLanguage(screen.page, 'ru');
    await switchLanguage(screen.page, 'en');
    await screen.context.setOffline(true);
    await expect(offlineBanner(screen.page)).toBeVisible();
    await sendMessage(screen.page, 'Written without a connection: it waits here, encrypted.');
    await expect(
      message(screen.page, 'Written without a connection: it waits here, encrypted.'),
    ).toContainText(chat.message.waiting);
    return [
      viewer.name,
      partner.name,
      texts.ask,
      texts.answer,
      'Written without a connection: it waits here, encrypted.',
    ];
  }),
  safetyNumberScreen(),
  {
    // "Search my messages" (issue 18): a Latin query finding a Cyrillic message and a Latin one with a caveat.
    name: 'chat-search',
    title: (cat) => chatOf(cat).search.title,
    async open(screen) {
      const viewer = await chatMember(screen.api, 'screen-chat-search-viewer', 'Aigul Search');
      const partner = await chatMember(screen.api, 'screen-chat-search-partner', 'Malika Search');
      const conversationId = await directConversation(screen.api, viewer, partner);
      await openChat(screen.page, screen.context, viewer, 'Office PC');
      const texts = [
        'Маршрут автобуса меняется в понедельник.',
        'Informally: the avtobus company in Osh is under investigation.',
      ];
      await partnerSays(screen.api, partner, conversationId, [
        { text: texts[0] },
        { text: texts[1], caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' },
      ]);
      await screen.page.getByRole('link', { name: chat.search.open }).click();
      await expect(title(screen.page, chat.search.title)).toBeVisible();
      await screen.page.getByRole('searchbox', { name: chat.search.label }).fill('avtobus');
      const hits = screen.page.getByRole('list', { name: chat.search.results }).getByRole('listitem');
      await expect(hits).toHaveCount(2);
      // The highlight cuts each text into pieces (the marked word, the rest): each piece is test data too.
      const pieces = texts.flatMap((text) => text.split(/(avtobus|автобуса)/).map((piece) => piece.trim()));
      return [viewer.name, partner.name, 'avtobus', ...texts, ...pieces.filter(Boolean)];
    },
  },
  {
    name: 'chat-new-group',
    title: (cat) => chatOf(cat).group.create.title,
    async open(screen) {
      const viewer = await chatMember(screen.api, 'screen-chat-new-group', 'Aigul Group');
      const person = await chatMember(screen.api, 'screen-chat-new-group-b', 'Malika Group');
      await openChat(screen.page, screen.context, viewer, 'Office PC');
      await screen.page.getByRole('link', { name: chat.list.newGroup }).click();
      await expect(title(screen.page, chat.group.create.title)).toBeVisible();
      await screen.page.getByLabel(chat.group.create.name).fill(GROUP_TITLE);
      await screen.page.getByLabel(chat.group.search.label).fill(person.name);
      await screen.page.getByRole('button', { name: new RegExp(`^Add ${person.name}`) }).click();
      await expect(
        screen.page.getByRole('list', { name: chat.group.create.chosen }).getByText(person.name),
      ).toBeVisible();
      return [viewer.name, person.name, GROUP_TITLE, TEST_AGENCY];
    },
  },
  groupDetailsScreen('chat-group-details'),
  groupDetailsScreen(
    'chat-group-remove',
    async (screen, [, erkin]) => {
      await screen.page
        .getByRole('button', { name: fill(chat.group.details.removeNamed, { name: erkin.name }) })
        .click();
      await expect(screen.page.getByRole('alertdialog')).toBeVisible();
    },
    true,
  ),
  conversationScreen(
    'chat-export',
    async (screen, { viewer, partner, texts }) => {
      const { accessToken } = await screen.api.signIn(viewer.email, viewer.password);
      const [device] = await devicesOf(screen.api, accessToken, viewer.id);
      await openConversation(screen.page, partner.name);
      await expect(message(screen.page, texts.answer)).toBeVisible();
      await screen.page.getByRole('link', { name: chat.header.export }).click();
      await expect(title(screen.page, chat.exporting.title)).toBeVisible();
      await expect(screen.page.getByRole('main').getByText(texts.answer)).toBeVisible();
      // The record names the exporting device by its id, and each person's agency.
      return [viewer.name, partner.name, texts.ask, texts.answer, device.id, TEST_AGENCY];
    },
    (cat) => chatOf(cat).exporting.title,
  ),
  {
    // Sign-out in a browser that holds chat keys: keep them, or wipe them (the device revoked on the server).
    name: 'sign-out-keys',
    title: (cat) => cat.auth.signOut.title,
    async open(screen) {
      const viewer = await chatMember(screen.api, 'screen-sign-out-keys', 'Aigul Keys');
      await openChat(screen.page, screen.context, viewer, 'Shared office PC');
      await screen.page.goto('/sign-out');
      await expect(screen.page.getByRole('group', { name: en.auth.signOut.keysLegend })).toBeVisible();
      return [viewer.name];
    },
  },
  {
    // Keys under a passphrase: after a reload the chat asks for it before anything is decrypted.
    name: 'chat-unlock',
    title: (cat) => chatOf(cat).unlock.title,
    async open(screen) {
      const viewer = await chatMember(screen.api, 'screen-chat-unlock', 'Aigul Unlock');
      await openChat(screen.page, screen.context, viewer, 'Shared office PC', {
        passphrase: 'a long shared-office passphrase',
      });
      await screen.page.reload();
      await expect(title(screen.page, chat.unlock.title)).toBeVisible();
      return [viewer.name];
    },
  },
  {
    name: 'chat-locked',
    title: (cat) => chatOf(cat).lock.title,
    async open(screen) {
      await screen.context.addInitScript(() =>
        localStorage.setItem('counterpart:chat-auto-lock-minutes', '0.05'),
      );
      const viewer = await chatMember(screen.api, 'screen-chat-lock', 'Aigul Lock');
      await openChat(screen.page, screen.context, viewer, 'Shared office PC');
      await expect(title(screen.page, chat.lock.title)).toBeVisible({ timeout: 10_000 });
      return [viewer.name];
    },
  },
];
