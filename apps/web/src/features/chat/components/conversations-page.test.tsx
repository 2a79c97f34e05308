import '../i18n/register';
import { screen, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderAt } from '@web/test/fake-client';
import { ChatContext } from '../lib/use-chat';
import { chatConversation, chatParticipant, chatPerson, receivedMessage } from '../testing/factories';
import { FakeChatSession } from '../testing/fake-session';
import { ConversationsPage } from './conversations-page';

const PEOPLE = [
  chatPerson('aigerim', 'Aigerim Nurlanovna', 'KZ', 'Prosecutor'),
  chatPerson('bahrom', 'Bahrom Aliyev', 'UZ', 'Investigator'),
];

/** Two direct conversations: c-1 with Aigerim (3 unread, online), c-2 with Bahrom (all read, offline). */
function open(session: FakeChatSession) {
  const fake = fakeClient((operation) => {
    switch (operation) {
      case 'ChatConversations':
        return {
          data: {
            conversations: [
              chatConversation(
                'c-1',
                'DIRECT',
                'MEMBER',
                [chatParticipant('me', 'MEMBER'), chatParticipant('aigerim', 'MEMBER')],
                { unreadCount: 3 },
              ),
              chatConversation('c-2', 'DIRECT', 'MEMBER', [
                chatParticipant('me', 'MEMBER'),
                chatParticipant('bahrom', 'MEMBER'),
              ]),
            ],
          },
        };
      case 'ChatPeople':
        return { data: { practitionersByIds: PEOPLE } };
      case 'ChatPresence':
        return {
          data: {
            presence: [
              { __typename: 'Presence', memberId: 'aigerim', online: true, lastSeenAt: null },
              { __typename: 'Presence', memberId: 'bahrom', online: false, lastSeenAt: null },
            ],
          },
        };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
  renderAt(
    fake.client,
    '/chat',
    <ChatContext value={session.asSession()}>
      <ConversationsPage />
    </ChatContext>,
  );
}

/** The list's entry of the conversation with this person. */
async function entryOf(name: string) {
  const list = await screen.findByRole('list', { name: 'Your conversations' });
  return within(list).findByRole('link', { name: new RegExp(name) });
}

describe(ConversationsPage.name, () => {
  it('should show each conversation’s unread count and whether the partner is online', async () => {
    open(new FakeChatSession('me'));

    const aigerim = await entryOf('Aigerim Nurlanovna');
    expect(aigerim).toHaveAttribute('href', '/chat/c-1');
    expect(aigerim).toHaveAccessibleName(/3 unread messages/);
    expect(await within(aigerim).findByText('Online now')).toBeInTheDocument();
    const bahrom = await entryOf('Bahrom Aliyev');
    expect(bahrom).not.toHaveAccessibleName(/unread/);
    expect(within(bahrom).getByText('Offline')).toBeInTheDocument();
  });

  it('should show the last message with its caveat, and a line this device cannot open as such', async () => {
    const session = new FakeChatSession('me');
    open(session);
    const aigerim = await entryOf('Aigerim Nurlanovna');
    expect(session.calls).toContainEqual(['loadNewest', 'c-1', 3]);

    act(() =>
      session.threads.received(
        receivedMessage(
          3,
          { body: { text: 'One is on a watch list.', caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' } },
          'aigerim',
        ),
      ),
    );
    expect(within(aigerim).getByText('One is on a watch list.')).toBeVisible();
    expect(within(aigerim).getByText('Informal — not for judicial use')).toBeVisible();

    act(() =>
      session.threads.received(
        receivedMessage(3, { conversationId: 'c-2', body: null, problem: 'BAD_SIGNATURE' }, 'bahrom'),
      ),
    );
    const bahrom = await entryOf('Bahrom Aliyev');
    expect(within(bahrom).getByText('A message this device cannot open')).toBeVisible();
    expect(within(bahrom).queryByText('Handling caveat:', { exact: false })).not.toBeInTheDocument();
  });
});
