import '../i18n/register';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import type { ChatConversationFragment } from '@web/lib/graphql/graphql';
import { fakeClient, renderAt, type Answer } from '@web/test/fake-client';
import type { IndexedMessage } from '../lib/message-index';
import { ChatContext } from '../lib/use-chat';
import { chatPerson } from '../testing/factories';
import { FakeChatSession } from '../testing/fake-session';
import { MessageSearchPage } from './message-search-page';

const participant = (memberId: string) => ({
  memberId,
  role: 'MEMBER' as const,
  readSeq: 0,
  joinedAt: '2026-11-01T00:00:00.000Z',
});

const conversation = (
  id: string,
  kind: 'DIRECT' | 'GROUP',
  memberIds: string[],
): ChatConversationFragment => ({
  id,
  kind,
  title: kind === 'GROUP' ? 'Bus route case' : null,
  myRole: 'MEMBER',
  lastSeq: 10,
  lastActivityAt: '2026-12-01T10:00:00.000Z',
  unreadCount: 0,
  participants: ['me', ...memberIds].map(participant),
});

const CONVERSATIONS = [
  conversation('direct-1', 'DIRECT', ['yuldashev']),
  conversation('group-1', 'GROUP', ['yuldashev', 'karimova']),
];
const PEOPLE = [
  chatPerson('yuldashev', 'Erkin Yuldashev', 'UZ', 'Prosecutor'),
  chatPerson('karimova', 'Malika Karimova', 'KZ', 'Investigator'),
];

let seq = 0;
const cached = (text: string, overrides: Partial<IndexedMessage> = {}): IndexedMessage => {
  seq += 1;
  return {
    conversationId: 'direct-1',
    seq,
    senderId: 'yuldashev',
    sentAt: '2026-12-01T10:00:00.000Z',
    text,
    ...overrides,
  };
};

function show(fake: FakeChatSession, conversations: Answer = { data: { conversations: CONVERSATIONS } }) {
  const { client } = fakeClient((operation, variables) => {
    if (operation === 'ChatConversations') {
      return conversations;
    }
    if (operation === 'ChatPeople') {
      const ids = variables.ids as string[];
      return { data: { practitionersByIds: PEOPLE.filter((person) => ids.includes(person.id)) } };
    }
    throw new Error(`unexpected ${operation}`);
  });
  return renderAt(client, '/chat/search', [
    {
      path: '/chat/search',
      element: (
        <ChatContext value={fake.asSession()}>
          <MessageSearchPage />
        </ChatContext>
      ),
    },
  ]);
}

const box = () => screen.getByRole('searchbox', { name: 'Words to find' });
const results = () => screen.getByRole('list', { name: 'Messages found' });
const status = () => screen.getAllByRole('status')[0];

describe(MessageSearchPage.name, () => {
  beforeEach(async () => {
    await i18next.changeLanguage('en');
  });

  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should say the search runs on this device only, and how many messages it indexed', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса меняется в понедельник'), cached('Встреча в среду'));
    show(fake);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search my messages' })).toBeInTheDocument();
    expect(box()).toHaveAccessibleDescription(
      /runs on this device only: the server cannot read your messages/,
    );
    expect(await screen.findByText('2 messages on this device can be searched.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← All conversations' })).toHaveAttribute('href', '/chat');
  });

  it('should find a Cyrillic message from a Latin query: its conversation, sender, time, caveat, the word marked', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(
      cached('Маршрут автобуса меняется в понедельник', {
        caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE',
        sentAt: '2026-12-01T09:30:00.000Z',
      }),
      cached('Встреча в среду'),
    );
    show(fake);
    await screen.findByText('2 messages on this device can be searched.');
    await userEvent.type(box(), 'avtobus');

    expect(status()).toHaveTextContent('1 message found.');
    const [hit] = within(results()).getAllByRole('listitem');
    const link = within(hit).getByRole('link');
    expect(link).toHaveAttribute('href', '/chat/direct-1');
    expect(await within(hit).findAllByText('Erkin Yuldashev')).toHaveLength(2); // the conversation, the sender
    expect(within(hit).getByText('Informal — not for judicial use')).toBeInTheDocument();
    expect(within(hit).getByText('1 Dec 2026, 09:30')).toHaveAttribute(
      'datetime',
      '2026-12-01T09:30:00.000Z',
    );
    expect(hit.querySelector('mark')).toHaveTextContent(/^автобуса$/);
    expect(hit).toHaveTextContent('Маршрут автобуса меняется в понедельник');
  });

  it('should not call a hit’s conversation one the member left while the conversations are loading', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса меняется в понедельник'));
    show(fake, 'loading');
    await screen.findByText('1 message on this device can be searched.');
    await userEvent.type(box(), 'avtobus');

    const [hit] = within(results()).getAllByRole('listitem');
    expect(within(hit).getByText('Loading the conversation…')).toBeInTheDocument();
    expect(hit).not.toHaveTextContent('A conversation you are no longer in');
  });

  it('should show a hit from a conversation the member left as text, with no link to a page that is gone', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса меняется в понедельник', { conversationId: 'left-1' }));
    show(fake);
    await screen.findByText('1 message on this device can be searched.');
    await userEvent.type(box(), 'avtobus');

    const [hit] = within(results()).getAllByRole('listitem');
    expect(await within(hit).findByText('A conversation you are no longer in')).toBeInTheDocument();
    expect(within(hit).queryByRole('link')).not.toBeInTheDocument();
    expect(hit).toHaveTextContent('Маршрут автобуса меняется в понедельник');
  });

  it('should find Latin text from a Cyrillic query, newest first, with the group and "You" as sender', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(
      cached('Yuldashev will call at nine', { sentAt: '2026-11-01T08:00:00.000Z' }),
      cached('Ask Iuldashev about the bus', {
        conversationId: 'group-1',
        senderId: 'me',
        sentAt: '2026-12-02T08:00:00.000Z',
      }),
      cached('Nothing to do with it'),
    );
    show(fake);
    await screen.findByText('3 messages on this device can be searched.');
    await userEvent.type(box(), 'Юлдашев');

    expect(status()).toHaveTextContent('2 messages found.');
    const hits = within(results()).getAllByRole('listitem');
    expect(hits.map((hit) => hit.querySelector('mark')?.textContent)).toEqual(['Iuldashev', 'Yuldashev']);
    expect(hits[0]).toHaveTextContent('Bus route case');
    expect(hits[0]).toHaveTextContent('You');
    expect(within(hits[0]).getByRole('link')).toHaveAttribute('href', '/chat/group-1');
  });

  it('should need every word, and say when nothing matched', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса меняется в понедельник'));
    show(fake);
    await screen.findByText('1 message on this device can be searched.');
    await userEvent.type(box(), 'avtobus ponedelnik');
    expect(status()).toHaveTextContent('1 message found.');
    await userEvent.type(box(), ' vtornik');
    expect(status()).toHaveTextContent('Nothing found for “avtobus ponedelnik vtornik”.');
    expect(screen.queryByRole('list', { name: 'Messages found' })).not.toBeInTheDocument();
  });

  it('should show a message that arrives while it is open, for the query already typed', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса меняется'));
    show(fake);
    await screen.findByText('1 message on this device can be searched.');
    await userEvent.type(box(), 'avtobus');
    expect(status()).toHaveTextContent('1 message found.');
    fake.messageSearch().add([cached('Новый автобус в пятницу', { sentAt: '2026-12-05T10:00:00.000Z' })]);
    expect(await screen.findByText('2 messages found.')).toBeInTheDocument();
    expect(within(results()).getAllByRole('listitem')[0]).toHaveTextContent('Новый автобус в пятницу');
  });

  it('should show the newest 20 of many, and more on request', async () => {
    const fake = new FakeChatSession('me');
    for (let index = 0; index < 30; index += 1) {
      fake.cache.push(
        cached(`Отчёт номер ${index}`, { sentAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString() }),
      );
    }
    show(fake);
    await screen.findByText('30 messages on this device can be searched.');
    await userEvent.type(box(), 'otchet');
    expect(status()).toHaveTextContent('30 messages found. Showing the newest 20.');
    expect(within(results()).getAllByRole('listitem')).toHaveLength(20);
    expect(within(results()).getAllByRole('listitem')[0]).toHaveTextContent('Отчёт номер 29');
    await userEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    expect(within(results()).getAllByRole('listitem')).toHaveLength(30);
    expect(screen.queryByRole('button', { name: 'Show more results' })).not.toBeInTheDocument();
  });

  it('should say so when this device holds no message yet', async () => {
    show(new FakeChatSession('me'));
    expect(await screen.findByText('No messages on this device yet.')).toBeInTheDocument();
  });

  it('should say so when the cache does not open, and try again on request', async () => {
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса'));
    fake.cacheFails = true;
    show(fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The messages kept on this device could not be opened for the search.',
    );
    fake.cacheFails = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 message on this device can be searched.')).toBeInTheDocument();
  });

  it('should speak Russian', async () => {
    await i18next.changeLanguage('ru');
    const fake = new FakeChatSession('me');
    fake.cache.push(cached('Маршрут автобуса'), cached('Ещё автобус'), cached('И ещё автобус'));
    show(fake);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Поиск по моим сообщениям' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Для поиска доступны 3 сообщения на этом устройстве.'),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Что найти' }), 'avtobus');
    expect(status()).toHaveTextContent('Найдено 3 сообщения.');
  });
});
