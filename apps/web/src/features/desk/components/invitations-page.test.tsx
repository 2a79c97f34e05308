import '../i18n/register';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, graphqlError, type Answer } from '@web/test/fake-client';
import { deskViewer, renderDesk } from '../testing/factories';
import { InvitationsPage } from './invitations-page';

const CODE = 'Q4PZ-7TXM-3KWD-9HRB';

function server(
  answer: Answer = { data: { createInvitation: { code: CODE, expiresAt: '2026-12-16T09:00:00.000Z' } } },
) {
  return fakeClient((operation) => {
    if (operation === 'DeskCreateInvitation') {
      return answer;
    }
    throw new Error(`unexpected ${operation}`);
  });
}

describe(InvitationsPage.name, () => {
  it('should create an invitation for the coordinator’s one country and show the code once, with its link', async () => {
    const { client, mutations } = server();
    renderDesk(client, '/desk/invitations', <InvitationsPage />);
    expect(screen.getByLabelText('Country')).toHaveValue('UZ');
    await userEvent.type(
      screen.getByLabelText('Their e-mail address (optional)'),
      'malika@agency.example.org',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Create the invitation' }));

    expect(mutations('DeskCreateInvitation')).toEqual([
      { input: { country: 'UZ', email: 'malika@agency.example.org' } },
    ]);
    const panel = screen.getByRole('region', { name: 'Invitation for Uzbekistan' });
    expect(within(panel).getByText(CODE)).toBeInTheDocument();
    expect(within(panel).getByText(`${window.location.origin}/apply?code=${CODE}`)).toBeInTheDocument();
    expect(within(panel).getByText('Only malika@agency.example.org can use it.')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Copy the link' })).toBeInTheDocument();
    await waitFor(() => expect(panel).toHaveFocus());
  });

  it('should ask for a country when the coordinator oversees several, and check the address', async () => {
    const { client, mutations } = server();
    renderDesk(
      client,
      '/desk/invitations',
      <InvitationsPage />,
      deskViewer({ coordinatorCountries: ['UZ', 'TM'] }),
    );
    await userEvent.type(screen.getByLabelText('Their e-mail address (optional)'), 'not an address');
    await userEvent.click(screen.getByRole('button', { name: 'Create the invitation' }));
    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Choose a country from the list.');
    expect(screen.getByLabelText('Their e-mail address (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('Enter an e-mail address like'),
    );
    expect(mutations('DeskCreateInvitation')).toEqual([]);
  });

  it('should say why the server refused, and show no code', async () => {
    const { client } = server(graphqlError('FORBIDDEN'));
    renderDesk(client, '/desk/invitations', <InvitationsPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Create the invitation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    expect(screen.queryByText(CODE)).not.toBeInTheDocument();
  });
});
