import { expect } from '@playwright/test';
import { ChatClient } from '@app/client';
import { generateDeviceKeys, registrationOf, TweetnaclDeviceSecrets } from '@app/crypto';
import { signInContext, type Account, type Api } from './api';
import { catalogs, chatCatalogs, fill, type Catalog } from './catalog';
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
import { registerDevice } from './devices';
import { type Screen } from './screen';
import { switchLanguage, title } from './ui';

/** The chat's words in the language of a translation catalog (the chat has its own namespace). */
export const chatOf = (cat: Catalog) => (cat === catalogs.ru ? chatCatalogs.ru : chatCatalogs.en);

const REGISTER = 'mutation Register($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }';

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

/** A screen of one conversation: its heading is the partner's name (the same in both languages), known once open. */
function conversationScreen(
  name: string,
  then: (screen: Parameters<Screen['open']>[0], opened: Opened) => Promise<string[]>,
): Screen {
  let heading = '';
  return {
    name,
    title: () => heading,
    async open(screen) {
      const opened = await conversationWithCaveat(screen, `screen-${name}`);
      heading = opened.partner.name;
      return then(screen, opened);
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
