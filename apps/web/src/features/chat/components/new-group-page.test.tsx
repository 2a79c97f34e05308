import '../i18n/register';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, graphqlError, renderAt, type Answer } from '@web/test/fake-client';
import { ChatContext } from '../lib/use-chat';
import { chatPerson as person } from '../testing/factories';
import { FakeChatSession } from '../testing/fake-session';
import { NewGroupPage } from './new-group-page';

const AIGERIM = person('aigerim', 'Aigerim Nurlanovna', 'KZ', 'Prosecutor');
const BAHROM = person('bahrom', 'Bahrom Aliyev', 'UZ', 'Investigator');
const ME = person('me', 'Myself Here', 'IT', 'Prosecutor');

const found = (...people: ReturnType<typeof person>[]) => ({
  data: {
    practitioners: {
      __typename: 'PractitionerConnection',
      totalCount: people.length,
      edges: people.map((node) => ({ __typename: 'PractitionerEdge', node })),
    },
  },
});

const created = {
  data: {
    createGroupConversation: {
      __typename: 'Conversation',
      id: 'new-conv',
      kind: 'GROUP',
      title: 'Operation Silk Road',
      myRole: 'OWNER',
      lastSeq: 0,
      lastActivityAt: '2026-06-01T10:00:00.000Z',
      unreadCount: 0,
      participants: [],
    },
  },
};

/** Searches find Aigerim, Bahrom and the member themself; creating answers `create`. */
function open(create: Answer = created) {
  const fake = fakeClient((operation) => {
    if (operation === 'ChatFindPeople') {
      return found(AIGERIM, ME, BAHROM);
    }
    if (operation === 'ChatCreateGroup') {
      return create;
    }
    throw new Error(`unexpected ${operation}`);
  });
  renderAt(
    fake.client,
    '/chat/new-group',
    <ChatContext value={new FakeChatSession('me').asSession()}>
      <NewGroupPage />
    </ChatContext>,
  );
  return fake;
}

const titleField = () => screen.getByRole('textbox', { name: 'Name of the group' });
const searchField = () => screen.getByRole('searchbox', { name: 'Find people by name' });

async function addAigerim(user: ReturnType<typeof userEvent.setup>) {
  await user.type(searchField(), 'aigerim');
  await user.click(screen.getByRole('button', { name: 'Search' }));
  await user.click(await screen.findByRole('button', { name: 'Add Aigerim Nurlanovna (Kazakhstan)' }));
}

describe(NewGroupPage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should create a group with the people found by name, and open it', async () => {
    const user = userEvent.setup();
    const { queries, mutations } = open();

    await user.type(titleField(), '  Operation Silk Road ');
    await addAigerim(user);

    expect(queries('ChatFindPeople').at(-1)).toEqual({ text: 'aigerim' });
    // The member is never offered; the one chosen is no longer offered either.
    expect(screen.queryByRole('button', { name: /^Add Myself Here/ })).not.toBeInTheDocument();
    const results = screen.getByRole('list', { name: 'People found' });
    expect(within(results).getByText('Aigerim Nurlanovna (Kazakhstan): already in the group')).toBeVisible();
    expect(searchField()).toHaveFocus();
    const chosen = screen.getByRole('list', { name: 'Chosen people' });
    expect(within(chosen).getByText('Aigerim Nurlanovna')).toBeVisible();
    expect(screen.getByText('1 person chosen, and you as the owner.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Add Bahrom Aliyev (Uzbekistan)' }));
    await user.click(screen.getByRole('button', { name: 'Create the group' }));

    expect(mutations('ChatCreateGroup')).toEqual([
      { input: { title: 'Operation Silk Road', memberIds: ['aigerim', 'bahrom'] } },
    ]);
    expect(await screen.findByText('/chat/new-conv')).toBeVisible();
  });

  it('should take a chosen person off the list again', async () => {
    const user = userEvent.setup();
    open();
    await addAigerim(user);

    await user.click(screen.getByRole('button', { name: 'Remove Aigerim Nurlanovna' }));

    expect(screen.queryByRole('list', { name: 'Chosen people' })).not.toBeInTheDocument();
    expect(screen.getByText('No one chosen yet.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add Aigerim Nurlanovna (Kazakhstan)' })).toBeVisible();
  });

  it('should ask for a name and another person before sending anything', async () => {
    const user = userEvent.setup();
    const { mutations } = open();

    await user.click(screen.getByRole('button', { name: 'Create the group' }));

    expect(mutations('ChatCreateGroup')).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('Fix these 2 things to create the group:');
    expect(titleField()).toBeInvalid();
    expect(titleField()).toHaveAccessibleDescription(expect.stringContaining('Give the group a name.'));
    expect(titleField()).toHaveFocus();
    expect(searchField()).toHaveAccessibleDescription(
      expect.stringContaining('Add at least one other person.'),
    );

    // A title over the server's 200 characters.
    fireEvent.change(titleField(), { target: { value: 'x'.repeat(201) } });
    await addAigerim(user);
    await user.click(screen.getByRole('button', { name: 'Create the group' }));

    expect(mutations('ChatCreateGroup')).toEqual([]);
    expect(titleField()).toHaveAccessibleDescription(expect.stringContaining('At most 200 characters.'));
    expect(searchField()).toBeValid();
  });

  it('should put the server’s refusal of a person on the people field', async () => {
    const user = userEvent.setup();
    open(
      graphqlError('BAD_USER_INPUT', [
        { path: 'memberIds', code: 'INVALID', message: 'not a vetted member: aigerim' },
      ]),
    );
    await user.type(titleField(), 'Operation Silk Road');
    await addAigerim(user);

    await user.click(screen.getByRole('button', { name: 'Create the group' }));

    expect(
      await screen.findByText('Someone you chose can no longer take part. Remove them and try again.', {
        selector: 'p',
      }),
    ).toBeVisible();
    expect(searchField()).toBeInvalid();
    expect(searchField()).toHaveFocus();
  });

  it('should say why the server refused otherwise', async () => {
    const user = userEvent.setup();
    open(graphqlError('FORBIDDEN'));
    await user.type(titleField(), 'Operation Silk Road');
    await addAigerim(user);

    await user.click(screen.getByRole('button', { name: 'Create the group' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    expect(screen.queryByText('/chat/new-conv')).not.toBeInTheDocument();
  });

  it('should render in Russian', async () => {
    await i18next.changeLanguage('ru');
    const user = userEvent.setup();
    open();

    expect(screen.getByRole('heading', { level: 1, name: 'Новая группа' })).toBeVisible();
    await user.type(screen.getByRole('searchbox', { name: 'Найти участника по имени' }), 'aigerim');
    await user.click(screen.getByRole('button', { name: 'Найти' }));
    await user.click(await screen.findByRole('button', { name: 'Добавить: Aigerim Nurlanovna (Казахстан)' }));
    expect(screen.getByText('Выбран 1 участник, и вы как владелец.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Создать группу' }));
    expect(screen.getByRole('textbox', { name: 'Название группы' })).toHaveAccessibleDescription(
      expect.stringContaining('Укажите название группы.'),
    );
  });
});
