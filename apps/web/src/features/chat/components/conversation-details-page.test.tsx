import '../i18n/register';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { print } from 'graphql';
import type { OperationContext } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, graphqlError, renderAt, type Answer } from '@web/test/fake-client';
import { ChatContext } from '../lib/use-chat';
import {
  chatConversation as conversation,
  chatParticipant as participant,
  chatPerson as person,
} from '../testing/factories';
import { FakeChatSession } from '../testing/fake-session';
import { ConversationDetailsPage } from './conversation-details-page';

const PEOPLE = [
  person('me', 'Giulia Rossi', 'IT', 'Public prosecutor', 'Procura di Roma'),
  person('aigerim', 'Aigerim Nurlanovna', 'KZ', 'Prosecutor', 'Prosecutor General’s Office'),
  person('bahrom', 'Bahrom Aliyev', 'UZ', 'Investigator', 'Ministry of Internal Affairs'),
  person('dilnoza', 'Dilnoza Karimova', 'UZ', 'Inspector', 'Border Service'),
];

/**
 * A server holding these conversations: removing, adding and leaving change them as the API does (unless `refuse`
 * names an answer for that mutation); the contexts queries were sent with are kept.
 */
function server(initial: ReturnType<typeof conversation>[], refuse: Record<string, Answer> = {}) {
  let conversations = initial;
  const update = (
    id: string,
    change: (c: ReturnType<typeof conversation>) => ReturnType<typeof conversation>,
  ) => {
    conversations = conversations.map((candidate) => (candidate.id === id ? change(candidate) : candidate));
    return conversations.find((candidate) => candidate.id === id);
  };
  const fake = fakeClient((operation, variables) => {
    if (refuse[operation]) {
      return refuse[operation];
    }
    const input = variables.input as { conversationId: string; memberId: string; memberIds: string[] };
    switch (operation) {
      case 'ChatConversations':
        return { data: { conversations } };
      case 'ChatPeople':
        return {
          data: { practitionersByIds: PEOPLE.filter(({ id }) => (variables.ids as string[]).includes(id)) },
        };
      case 'ChatFindPeople':
        return {
          data: {
            practitioners: {
              totalCount: PEOPLE.length,
              edges: PEOPLE.map((node) => ({ __typename: 'PractitionerEdge', node })),
            },
          },
        };
      case 'ChatRemoveParticipant':
        return {
          data: {
            removeParticipant: update(input.conversationId, (c) => ({
              ...c,
              participants: c.participants.filter(({ memberId }) => memberId !== input.memberId),
            })),
          },
        };
      case 'ChatAddParticipants':
        return {
          data: {
            addParticipants: update(input.conversationId, (c) => ({
              ...c,
              participants: [...c.participants, ...input.memberIds.map((id) => participant(id, 'MEMBER'))],
            })),
          },
        };
      case 'ChatLeave':
        conversations = conversations.filter(({ id }) => id !== variables.conversationId);
        return { data: { leaveConversation: true } };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
  const client = fake.client;
  /** The contexts every query was sent with (useQuery's and client.query's). */
  const contexts = () =>
    fake.executeQuery.mock.calls.map(
      (call) => (call as unknown[] as [unknown, Partial<OperationContext>?])[1],
    );
  /** The request policies ChatConversations was asked with, by useQuery or client.query. */
  const conversationPolicies = () =>
    fake.executeQuery.mock.calls
      .filter(([request]) => print(request.query).includes('query ChatConversations'))
      .map(
        (call) => (call as unknown[] as [unknown, Partial<OperationContext> | undefined])[1]?.requestPolicy,
      );
  return { ...fake, client, contexts, conversationPolicies };
}

const GROUP_AS_OWNER = conversation('conv-1', 'GROUP', 'OWNER', [
  participant('me', 'OWNER'),
  participant('aigerim', 'MEMBER'),
  participant('bahrom', 'MEMBER'),
]);
const GROUP_AS_MEMBER = conversation('conv-1', 'GROUP', 'MEMBER', [
  participant('aigerim', 'OWNER'),
  participant('me', 'MEMBER'),
  participant('bahrom', 'MEMBER'),
]);
const DIRECT = conversation('conv-1', 'DIRECT', 'MEMBER', [
  participant('me', 'MEMBER'),
  participant('aigerim', 'MEMBER'),
]);

function open(fake: ReturnType<typeof server>, session = new FakeChatSession('me')) {
  renderAt(fake.client, '/chat/conv-1/details', [
    {
      path: '/chat/:conversationId/details',
      element: (
        <ChatContext value={session.asSession()}>
          <ConversationDetailsPage />
        </ChatContext>
      ),
    },
  ]);
}

const participants = (name = 'Participants') => screen.getByRole('list', { name });
const cardOf = (name: string, list?: string) =>
  within(participants(list))
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(name))!;

describe(ConversationDetailsPage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should list a group’s people with their role, country, position, keys and safety number', async () => {
    const session = new FakeChatSession('me');
    session.trust.set('aigerim', 'verified');
    open(server([GROUP_AS_OWNER]), session);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Operation Silk Road: people' }),
    ).toBeVisible();
    expect(screen.getByText('Group of 3 people.')).toBeVisible();
    expect(await within(participants()).findByText('Aigerim Nurlanovna')).toBeVisible();
    const aigerim = within(cardOf('Aigerim Nurlanovna'));
    expect(aigerim.getByText('Member')).toBeVisible();
    expect(aigerim.getByText('Kazakhstan · Prosecutor')).toBeVisible();
    expect(aigerim.getByText('Verified')).toBeVisible();
    expect(aigerim.getByRole('link', { name: 'Safety number with Aigerim Nurlanovna' })).toHaveAttribute(
      'href',
      '/chat/conv-1/safety/aigerim',
    );
    expect(within(cardOf('Bahrom Aliyev')).getByText('Not verified yet')).toBeVisible();
    const mine = within(cardOf('Giulia Rossi'));
    expect(mine.getByText('(you)')).toBeVisible();
    expect(mine.getByText('Owner')).toBeVisible();
    expect(mine.queryByRole('link')).not.toBeInTheDocument();
    expect(mine.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to the conversation' })).toHaveAttribute(
      'href',
      '/chat/conv-1',
    );
  });

  it('should let an owner remove a participant after confirming, and read the list again', async () => {
    const user = userEvent.setup();
    const fake = server([GROUP_AS_OWNER]);
    open(fake);

    await user.click(await screen.findByRole('button', { name: 'Remove Aigerim Nurlanovna from the group' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Aigerim Nurlanovna from the group?' });
    expect(dialog).toHaveTextContent(
      'Aigerim Nurlanovna will no longer receive new messages in “Operation Silk Road”. The messages they already had stay with them.',
    );
    expect(fake.mutations('ChatRemoveParticipant')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Remove from the group' }));

    expect(fake.mutations('ChatRemoveParticipant')).toEqual([
      { input: { conversationId: 'conv-1', memberId: 'aigerim' } },
    ]);
    expect(await screen.findByText('Aigerim Nurlanovna was removed from the group.')).toBeVisible();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(participants()).queryByText('Aigerim Nurlanovna')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Participants' })).toHaveFocus();
    expect(fake.conversationPolicies()).toContain('network-only');
  });

  it('should keep the dialog open with the reason when the server refuses a removal', async () => {
    const user = userEvent.setup();
    open(server([GROUP_AS_OWNER], { ChatRemoveParticipant: graphqlError('FORBIDDEN') }));

    await user.click(await screen.findByRole('button', { name: 'Remove Bahrom Aliyev from the group' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove from the group' }));

    expect(within(dialog).getByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(participants()).getByText('Bahrom Aliyev')).toBeVisible();
  });

  it('should let an owner add people found by name', async () => {
    const user = userEvent.setup();
    const fake = server([GROUP_AS_OWNER]);
    open(fake);

    await user.type(await screen.findByRole('searchbox', { name: 'Find people by name' }), 'dilnoza');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('list', { name: 'People found' });
    // Those already in the group are not offered again, nor is the member.
    expect(within(results).getByText('Aigerim Nurlanovna (Kazakhstan): already in the group')).toBeVisible();
    expect(within(results).queryByText(/Giulia Rossi/)).not.toBeInTheDocument();
    await user.click(within(results).getByRole('button', { name: 'Add Dilnoza Karimova (Uzbekistan)' }));

    expect(fake.mutations('ChatAddParticipants')).toEqual([
      { input: { conversationId: 'conv-1', memberIds: ['dilnoza'] } },
    ]);
    expect(await screen.findByText('Dilnoza Karimova was added to the group.')).toBeVisible();
    expect(await within(participants()).findByText('Dilnoza Karimova')).toBeVisible();
  });

  it('should show a member no Remove and no Add, only the way out, which asks first', async () => {
    const user = userEvent.setup();
    const fake = server([GROUP_AS_MEMBER]);
    open(fake);

    expect(await within(participants()).findByText('Aigerim Nurlanovna')).toBeVisible();
    expect(within(cardOf('Aigerim Nurlanovna')).getByText('Owner')).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Add people' })).not.toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.getByText('Only the owners can add or remove people.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Leave the group' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Leave “Operation Silk Road”?' });
    expect(dialog).toHaveTextContent('You will no longer receive new messages in this group');
    expect(dialog).not.toHaveTextContent('only owner');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.mutations('ChatLeave')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Leave the group' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Leave the group' }));

    expect(fake.mutations('ChatLeave')).toEqual([{ conversationId: 'conv-1' }]);
    expect(await screen.findByText('/chat')).toBeVisible();
    expect(fake.contexts()).toContainEqual(expect.objectContaining({ requestPolicy: 'network-only' }));
  });

  it('should tell the only owner who takes over when they leave', async () => {
    const user = userEvent.setup();
    open(server([GROUP_AS_OWNER]));

    await user.click(await screen.findByRole('button', { name: 'Leave the group' }));

    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      'You are its only owner: the participant who has been in the group the longest becomes its owner.',
    );
  });

  it('should show the partner of a direct conversation: agency, country, clock, keys and links', async () => {
    const session = new FakeChatSession('me');
    session.trust.set('aigerim', 'changed');
    open(server([DIRECT]), session);

    expect(await screen.findByRole('heading', { level: 1, name: 'About Aigerim Nurlanovna' })).toBeVisible();
    expect(await screen.findByText('Prosecutor General’s Office')).toBeVisible();
    expect(screen.getByText('Kazakhstan')).toBeVisible();
    expect(screen.getByText(/^14:30/)).toHaveTextContent('14:30 · can answer now');
    expect(screen.getByText('Keys changed')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Safety number' })).toHaveAttribute(
      'href',
      '/chat/conv-1/safety/aigerim',
    );
    expect(screen.getByRole('link', { name: 'Profile in the directory' })).toHaveAttribute(
      'href',
      '/directory/aigerim',
    );
    expect(screen.queryByRole('button', { name: 'Leave the group' })).not.toBeInTheDocument();
  });

  it('should say so when the conversation is not one of the member’s', async () => {
    open(server([]));

    expect(
      await screen.findByText('This conversation does not exist, or you are no longer in it.'),
    ).toBeVisible();
  });

  it('should render in Russian', async () => {
    await i18next.changeLanguage('ru');
    open(server([GROUP_AS_OWNER]));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Operation Silk Road: участники' }),
    ).toBeVisible();
    expect(screen.getByText('В группе 3 человека.')).toBeVisible();
    expect(
      await screen.findByRole('button', { name: 'Удалить из группы: Aigerim Nurlanovna' }),
    ).toBeVisible();
    expect(within(cardOf('Aigerim Nurlanovna', 'Участники')).getByText('Участник')).toBeVisible();
    expect(within(cardOf('Giulia Rossi', 'Участники')).getByText('Владелец')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Выйти из группы' })).toBeVisible();
  });
});
