import '../i18n/register';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeClient, renderAt } from '@web/test/fake-client';
import { ChatContext } from '../lib/use-chat';
import { chatConversation, chatParticipant, chatPerson, receivedMessage } from '../testing/factories';
import { FakeChatSession } from '../testing/fake-session';
import { ConversationPage } from './conversation-page';

const AIGERIM = chatPerson('aigerim', 'Aigerim Nurlanovna', 'KZ', 'Prosecutor');
const DIRECT = chatConversation('c-1', 'DIRECT', 'MEMBER', [
  chatParticipant('me', 'MEMBER'),
  chatParticipant('aigerim', 'MEMBER'),
]);

/** The conversation c-1 with Aigerim (whose clock and availability are `partner`'s), on the fake session. */
function open(session: FakeChatSession, partner = AIGERIM) {
  const fake = fakeClient((operation) => {
    switch (operation) {
      case 'ChatConversations':
        return { data: { conversations: [DIRECT] } };
      case 'ChatPeople':
        return { data: { practitionersByIds: [partner] } };
      case 'ChatPresence':
        return {
          data: {
            presence: [{ __typename: 'Presence', memberId: 'aigerim', online: false, lastSeenAt: null }],
          },
        };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
  renderAt(fake.client, '/chat/c-1', [
    {
      path: '/chat/:conversationId',
      element: (
        <ChatContext value={session.asSession()}>
          <ConversationPage />
        </ChatContext>
      ),
    },
  ]);
}

const log = () => screen.getByRole('log', { name: 'Messages' });

describe(ConversationPage.name, () => {
  // jsdom lays nothing out: the virtualized list would see a viewport of 0 px and mount no message. Here every element
  // is 800 × 600 px inside and each row 80 px high, so the list mounts its rows as a browser does.
  beforeAll(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80);
  });
  afterAll(() => vi.restoreAllMocks());

  it('should show the partner’s local time and that they can answer now, and their presence as it changes', async () => {
    const session = new FakeChatSession('me');
    open(session);

    expect(await screen.findByRole('heading', { level: 1, name: 'Aigerim Nurlanovna' })).toBeVisible();
    expect(await screen.findByText('Local time: 14:30 ·', { exact: false })).toBeVisible();
    expect(screen.getByText('can answer now')).toBeVisible();
    expect(await screen.findByText('Offline')).toBeVisible();

    act(() => {
      session.presence.set('aigerim', { online: true, lastSeenAt: null });
      session.bump();
    });
    expect(screen.getByText('Online now')).toBeVisible();
  });

  it('should say so when the partner is outside their working hours', async () => {
    open(new FakeChatSession('me'), {
      ...AIGERIM,
      availableNow: false,
      localTime: '2026-06-01T22:05:00+05:00',
    });

    expect(await screen.findByText('Local time: 22:05 ·', { exact: false })).toBeVisible();
    expect(screen.getByText('outside their working hours')).toBeVisible();
    expect(screen.queryByText('can answer now')).not.toBeInTheDocument();
  });

  it('should show who is typing, and nothing once they stop', async () => {
    const session = new FakeChatSession('me');
    open(session);
    await screen.findByRole('heading', { level: 1, name: 'Aigerim Nurlanovna' });
    expect(screen.queryByText(/is typing/)).not.toBeInTheDocument();

    act(() => {
      session.typing.set('c-1', ['aigerim']);
      session.bump();
    });
    expect(await screen.findByText('Aigerim Nurlanovna is typing…')).toBeVisible();

    act(() => {
      session.typing.set('c-1', []);
      session.bump();
    });
    expect(screen.queryByText(/is typing/)).not.toBeInTheDocument();
  });

  it('should tell the member that a partner removed a device, without blocking sending, until they dismiss it', async () => {
    const user = userEvent.setup();
    const session = new FakeChatSession('me');
    session.removedDevices.add('aigerim');
    open(session);

    const notice = await screen.findByRole('region', {
      name: 'Keys changed for 1 participant: a device was removed',
    });
    // The live region holds the title alone, not the buttons.
    expect(within(notice).getByRole('status')).toHaveTextContent(
      /^Keys changed for 1 participant: a device was removed$/,
    );
    expect(notice).toHaveTextContent('Aigerim Nurlanovna: one device fewer');
    expect(
      within(notice).getByRole('link', { name: 'Compare the safety number with Aigerim Nurlanovna' }),
    ).toHaveAttribute('href', '/chat/c-1/safety/aigerim');
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeEnabled();

    await user.click(within(notice).getByRole('button', { name: 'Understood' }));
    expect(session.calls).toContainEqual(['dismissRemovedDevice', 'aigerim']);
    expect(screen.queryByRole('region', { name: /a device was removed/ })).not.toBeInTheDocument();
  });

  it('should keep an undecryptable message in the conversation, saying why it cannot be opened', async () => {
    const session = new FakeChatSession('me');
    session.threads.received(receivedMessage(1, {}, 'aigerim'));
    session.threads.received(receivedMessage(2, { body: null, problem: 'NOT_A_RECIPIENT' }, 'aigerim'));
    open(session);

    const lines = await within(log()).findAllByRole('article', { name: /Aigerim Nurlanovna/ });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveTextContent('message 1');
    expect(lines[1]).toHaveTextContent('This message cannot be opened on this device.');
    expect(lines[1]).toHaveTextContent(
      'It was sealed for the devices that existed then; this browser was set up later.',
    );
  });

  it('should ask for the messages before the oldest one at the top, and show them above it', async () => {
    const session = new FakeChatSession('me');
    session.threads.history('c-1', [receivedMessage(3, {}, 'aigerim')], true);
    open(session);

    expect(await within(log()).findByText('message 3')).toBeVisible();
    await vi.waitFor(() => expect(session.calls).toContainEqual(['loadOlder', 'c-1']));

    act(() => session.threads.history('c-1', [receivedMessage(1), receivedMessage(2)], false));
    const texts = within(log())
      .getAllByRole('article')
      .map((article) => article.textContent ?? '');
    expect(texts.map((text) => text.match(/message \d/)?.[0])).toEqual([
      'message 1',
      'message 2',
      'message 3',
    ]);
    expect(within(log()).getByText('The beginning of the conversation.')).toBeVisible();
  });
});
