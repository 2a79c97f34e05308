import '../i18n/register';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import { fakeClient, graphqlError, type Answer } from '@web/test/fake-client';
import { deskMember, deskProfile, renderDesk } from '../testing/factories';
import { vettingBounds } from '../lib/vetting';
import { QueuePage } from './queue-page';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const APPLICANTS = [
  deskMember('dilnoza', {
    displayName: 'Dilnoza Karimova',
    status: 'PENDING',
    vettedAt: null,
    vettedUntil: null,
    createdAt: daysAgo(12),
  }),
  deskMember('bahrom', {
    displayName: 'Bahrom Aliyev',
    status: 'PENDING',
    vettedAt: null,
    vettedUntil: null,
    createdAt: daysAgo(3),
  }),
];
const PROFILES = [
  deskProfile('dilnoza', { displayName: 'Dilnoza Karimova', position: 'Inspector' }),
  deskProfile('bahrom', { displayName: 'Bahrom Aliyev' }),
];

/** A server with this queue: vetMember decides as the API does (unless `refuse` names its answer). */
function server(initial: DeskMemberFragment[], refuse: Record<string, Answer> = {}) {
  let queue = initial;
  return fakeClient((operation, variables) => {
    if (refuse[operation]) {
      return refuse[operation];
    }
    switch (operation) {
      case 'DeskQueue':
        return { data: { vettingQueue: queue } };
      case 'DeskProfiles':
        return {
          data: { practitionersByIds: PROFILES.filter(({ id }) => (variables.ids as string[]).includes(id)) },
        };
      case 'DeskVetMember': {
        const input = variables.input as { memberId: string; decision: string; vettedUntil?: string };
        const member = queue.find(({ id }) => id === input.memberId)!;
        queue = queue.filter(({ id }) => id !== input.memberId);
        return {
          data: {
            vetMember: {
              ...member,
              status: input.decision === 'APPROVE' ? 'VETTED' : 'REJECTED',
              vettedUntil: input.vettedUntil ?? null,
            },
          },
        };
      }
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
}

// Hidden from assistive technology while a modal dialog is open, but there.
const queueList = () => screen.getByRole('list', { name: 'Waiting for vetting', hidden: true });
const names = () =>
  within(queueList())
    .getAllByRole('heading', { level: 3, hidden: true })
    .map((heading) => heading.textContent);

describe(QueuePage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should list the applicants oldest first, with how long they waited and what to check them by', async () => {
    const { client } = server(APPLICANTS);
    renderDesk(client, '/desk/queue', <QueuePage />);

    expect(await screen.findByRole('heading', { level: 2, name: '2 waiting' })).toBeInTheDocument();
    expect(names()).toEqual(['Dilnoza Karimova', 'Bahrom Aliyev']);
    const first = within(queueList()).getAllByRole('listitem')[0];
    expect(within(first).getByText(/Waiting 12 days/)).toBeInTheDocument();
    expect(within(first).getByText('Uzbekistan')).toBeInTheDocument();
    expect(within(first).getByText('Inspector')).toBeInTheDocument();
    expect(within(first).getByText('General Prosecutor’s Office (Prosecution service)')).toBeInTheDocument();
    expect(within(first).getByText('Russian (fluent)')).toBeInTheDocument();
    expect(
      within(first).getByRole('link', { name: 'Open the full profile of Dilnoza Karimova' }),
    ).toHaveAttribute('href', '/directory/dilnoza');
  });

  it('should approve with the suggested end date and a reason, then take the row off the queue and say so', async () => {
    const { client, mutations } = server(APPLICANTS);
    renderDesk(client, '/desk/queue', <QueuePage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve Dilnoza Karimova' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Approve Dilnoza Karimova?' });
    const date = within(dialog).getByLabelText('Vetted until');
    const bounds = vettingBounds();
    expect(date).toHaveValue(bounds.initial);
    expect(date).toHaveAttribute('max', bounds.max);
    await userEvent.type(within(dialog).getByLabelText('Reason'), '  Confirmed with the agency by phone  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect(mutations('DeskVetMember')).toEqual([
      {
        input: {
          memberId: 'dilnoza',
          decision: 'APPROVE',
          reason: 'Confirmed with the agency by phone',
          vettedUntil: `${bounds.initial}T12:00:00.000Z`,
        },
      },
    ]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    const notice = await screen.findByText(/^Dilnoza Karimova is approved: vetted until /);
    expect(notice).toHaveAttribute('role', 'status');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(names()).toEqual(['Bahrom Aliyev']);
  });

  it('should refuse a day past 36 months and a missing reason before sending anything', async () => {
    const { client, mutations } = server(APPLICANTS);
    renderDesk(client, '/desk/queue', <QueuePage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve Bahrom Aliyev' }));
    const dialog = screen.getByRole('alertdialog');
    const date = within(dialog).getByLabelText('Vetted until');
    fireEvent.change(date, { target: { value: '2099-01-01' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect(date).toHaveAccessibleDescription(expect.stringContaining('Choose a day from tomorrow up to'));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription(
      expect.stringContaining('Fill this in.'),
    );
    expect(mutations('DeskVetMember')).toEqual([]);
    expect(names()).toEqual(['Dilnoza Karimova', 'Bahrom Aliyev']);
  });

  it('should show the server’s refusal of the date at the date and keep the applicant in the queue', async () => {
    const { client, mutations } = server(APPLICANTS, {
      DeskVetMember: graphqlError('BAD_USER_INPUT', [{ path: 'vettedUntil', code: 'OUT_OF_RANGE' }]),
    });
    renderDesk(client, '/desk/queue', <QueuePage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve Bahrom Aliyev' }));
    const dialog = screen.getByRole('alertdialog');
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Known to me');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect(mutations('DeskVetMember')).toHaveLength(1);
    expect(within(dialog).getByLabelText('Vetted until')).toHaveAccessibleDescription(
      expect.stringContaining('Choose a day from tomorrow up to'),
    );
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(names()).toEqual(['Dilnoza Karimova', 'Bahrom Aliyev']);
  });

  it('should reject only with a reason of at least 3 characters, after the confirmation', async () => {
    const { client, mutations } = server(APPLICANTS);
    renderDesk(client, '/desk/queue', <QueuePage />);
    const reject = await screen.findByRole('button', { name: 'Reject Bahrom Aliyev' });
    await userEvent.click(reject);
    let dialog = screen.getByRole('alertdialog', { name: 'Reject the application of Bahrom Aliyev?' });
    expect(within(dialog).getByLabelText('Reason')).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(reject).toHaveFocus());

    await userEvent.click(reject);
    dialog = screen.getByRole('alertdialog');
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'no');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject the application' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription(
      expect.stringContaining('At least 3 characters.'),
    );
    expect(mutations('DeskVetMember')).toEqual([]);

    await userEvent.type(within(dialog).getByLabelText('Reason'), 't a prosecutor');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject the application' }));
    expect(mutations('DeskVetMember')).toEqual([
      { input: { memberId: 'bahrom', decision: 'REJECT', reason: 'not a prosecutor' } },
    ]);
    expect(await screen.findByText('The application of Bahrom Aliyev is rejected.')).toBeInTheDocument();
    expect(names()).toEqual(['Dilnoza Karimova']);
  });

  it('should offer only Renew on a member whose vetting lapsed, suggesting 24 months ahead once the end has passed', async () => {
    const lapsedMember = deskMember('rustam', {
      displayName: 'Rustam Nazarov',
      status: 'VETTED',
      vettedUntil: daysAgo(5),
    });
    const { client } = server([APPLICANTS[0], lapsedMember]);
    renderDesk(client, '/desk/queue', <QueuePage />);
    expect(
      await screen.findByRole('button', { name: 'Renew the vetting of Rustam Nazarov' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject Rustam Nazarov' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject Dilnoza Karimova' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Renew the vetting of Rustam Nazarov' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Renew the vetting of Rustam Nazarov?' });
    // The end has passed: 24 months from today is the later day.
    expect(within(dialog).getByLabelText('Vetted until')).toHaveValue(vettingBounds().initial);
    expect(within(dialog).queryByText(/shortens the vetting/)).not.toBeInTheDocument();
  });

  it('should tell the reject dialog that the refusal is for good with this e-mail address', async () => {
    const { client } = server(APPLICANTS);
    renderDesk(client, '/desk/queue', <QueuePage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reject Bahrom Aliyev' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reject the application of Bahrom Aliyev?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('refused for good'));
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('this e-mail address'));
    expect(dialog).not.toHaveAccessibleDescription(expect.stringContaining('apply again'));
  });

  it('should ask for the profiles of a long queue in batches of 50 and show every one of them', async () => {
    const many = Array.from({ length: 120 }, (_, index) =>
      deskMember(`m${index}`, { displayName: null, status: 'PENDING', vettedAt: null, vettedUntil: null }),
    );
    const profiles = many.map(({ id }) => deskProfile(id, { displayName: `Profile ${id}` }));
    const asked: string[][] = [];
    const { client } = fakeClient((operation, variables) => {
      switch (operation) {
        case 'DeskQueue':
          return { data: { vettingQueue: many } };
        case 'DeskProfiles': {
          const ids = variables.ids as string[];
          asked.push(ids);
          return { data: { practitionersByIds: profiles.filter(({ id }) => ids.includes(id)) } };
        }
        default:
          throw new Error(`unexpected ${operation}`);
      }
    });
    renderDesk(client, '/desk/queue', <QueuePage />);
    expect(await screen.findByRole('heading', { level: 3, name: 'Profile m119' })).toBeInTheDocument();
    expect(asked.map((ids) => ids.length)).toEqual([50, 50, 20]);
    expect(names()).toContain('Profile m0');
    expect(names()).toContain('Profile m60');
  });

  it('should say the profile is loading until it is known, and only then that there is none', async () => {
    let answer: Answer = 'loading';
    const { client } = fakeClient((operation) => {
      switch (operation) {
        case 'DeskQueue':
          return { data: { vettingQueue: [APPLICANTS[1]] } };
        case 'DeskProfiles':
          return answer;
        default:
          throw new Error(`unexpected ${operation}`);
      }
    });
    renderDesk(client, '/desk/queue', <QueuePage />);
    expect(await screen.findByText('Loading the profile…')).toBeInTheDocument();
    expect(screen.queryByText('No practitioner profile.')).not.toBeInTheDocument();
    answer = { data: { practitionersByIds: [] } };
    cleanup();
    renderDesk(client, '/desk/queue', <QueuePage />);
    expect(await screen.findByText('No practitioner profile.')).toBeInTheDocument();
    expect(screen.queryByText('Loading the profile…')).not.toBeInTheDocument();
  });

  it('should say so when no one is waiting, in Russian too', async () => {
    const { client } = server([]);
    renderDesk(client, '/desk/queue', <QueuePage />);
    expect(
      await screen.findByText('No one is waiting: every applicant of your countries has been vetted.'),
    ).toBeInTheDocument();
    await i18next.changeLanguage('ru');
    expect(
      await screen.findByText('Никто не ждёт: все заявители из ваших стран проверены.'),
    ).toBeInTheDocument();
  });
});
