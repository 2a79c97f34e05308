import '../i18n/register';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import { fakeClient, graphqlError, type Answer } from '@web/test/fake-client';
import { deskMember, deskProfile, deskViewer, renderDesk } from '../testing/factories';
import { vettingBounds } from '../lib/vetting';
import type { DeskViewer } from '../lib/viewer';
import { MemberPage } from './member-page';

/** A server holding one member: the status mutations change them as the API does (unless `refuse` names an answer). */
function server(initial: DeskMemberFragment, refuse: Record<string, Answer> = {}) {
  let member = initial;
  let profile = deskProfile(initial.id, { displayName: initial.displayName ?? 'Aziz Rakhimov' });
  return fakeClient((operation, variables) => {
    if (refuse[operation]) {
      return refuse[operation];
    }
    const input = variables.input as Record<string, unknown>;
    switch (operation) {
      case 'DeskMemberDetail':
        return { data: { member } };
      case 'DeskMemberProfile':
        return { data: { practitioner: { ...profile, nameVariants: [] } } };
      case 'DeskCountries':
        return {
          data: {
            countries: [
              { code: 'KZ', name: 'Kazakhstan' },
              { code: 'UZ', name: 'Uzbekistan' },
            ],
          },
        };
      case 'DeskSuspendMember':
        member = { ...member, status: 'SUSPENDED' };
        return { data: { suspendMember: member } };
      case 'DeskIssueAccountReset':
        return {
          data: { issueAccountReset: { code: 'K7QX-2M9D-WR4T-8HJN', expiresAt: '2026-12-03T09:00:00.000Z' } },
        };
      case 'DeskSetMemberRole':
        member = {
          ...member,
          role: input.role as DeskMemberFragment['role'],
          coordinatorCountries: input.countries as string[],
        };
        return { data: { setMemberRole: member } };
      case 'DeskUpdateMemberProfile':
        profile = { ...profile, displayName: input.displayName as string };
        return { data: { updateMemberProfile: { ...profile, nameVariants: [] } } };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
}

const AZIZ = deskMember('aziz', { displayName: 'Aziz Rakhimov' });
const open = (member: DeskMemberFragment, viewer?: DeskViewer, refuse?: Record<string, Answer>) => {
  const fake = server(member, refuse);
  renderDesk(fake.client, `/desk/members/${member.id}`, <MemberPage />, viewer, '/desk/members/:memberId');
  return fake;
};
const actionNames = () =>
  within(screen.getByRole('region', { name: 'Actions' }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe(MemberPage.name, () => {
  it('should offer no action at all on a member outside the coordinator’s countries, only whom to ask', async () => {
    const { sent } = open(deskMember('aigerim', { country: 'KZ' }), undefined, {
      DeskMemberDetail: graphqlError('FORBIDDEN'),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This member is outside your countries' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/members of Uzbekistan only/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(sent()).toEqual(['DeskMemberDetail']);
  });

  it('should offer a coordinator what a vetted member of their country allows, and no role editor', async () => {
    open(AZIZ);
    expect(await screen.findByRole('heading', { level: 1, name: 'Aziz Rakhimov' })).toBeInTheDocument();
    expect(actionNames()).toEqual([
      'Renew the vetting',
      'Correct the profile',
      'Issue a reset code',
      'Suspend',
      'Revoke the membership',
    ]);
  });

  it('should offer nothing on the viewer’s own account', async () => {
    open(
      deskMember('viewer', { displayName: 'Me Myself', role: 'COORDINATOR', coordinatorCountries: ['UZ'] }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Me Myself' })).toBeInTheDocument();
    expect(actionNames()).toEqual([]);
    expect(screen.getByText(/This is your own account/)).toBeInTheDocument();
  });

  it('should offer a coordinator nothing on another coordinator or an administrator, and say who can act', async () => {
    open(
      deskMember('dilnoza', {
        displayName: 'Dilnoza Karimova',
        role: 'COORDINATOR',
        coordinatorCountries: ['UZ'],
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Dilnoza Karimova' })).toBeInTheDocument();
    expect(actionNames()).toEqual([]);
    expect(
      screen.getByText('Only an administrator can act on a coordinator’s or administrator’s account.'),
    ).toBeInTheDocument();
  });

  it('should offer an administrator the actions on a coordinator', async () => {
    open(
      deskMember('dilnoza', {
        displayName: 'Dilnoza Karimova',
        role: 'COORDINATOR',
        coordinatorCountries: ['UZ'],
      }),
      deskViewer({ role: 'ADMIN', coordinatorCountries: [] }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Dilnoza Karimova' })).toBeInTheDocument();
    expect(actionNames()).toContain('Suspend');
    expect(actionNames()).toContain('Change the role');
  });

  it('should suggest the current end when it is later, and warn that an earlier day shortens the vetting', async () => {
    const until = new Date(Date.now() + 30 * 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    open(deskMember('aziz', { displayName: 'Aziz Rakhimov', vettedUntil: `${until}T12:00:00.000Z` }));
    await userEvent.click(await screen.findByRole('button', { name: 'Renew the vetting' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Renew the vetting of Aziz Rakhimov?' });
    const date = within(dialog).getByLabelText('Vetted until');
    expect(date).toHaveValue(until);
    expect(within(dialog).queryByText(/shortens the vetting/)).not.toBeInTheDocument();

    fireEvent.change(date, { target: { value: vettingBounds().initial } });
    expect(within(dialog).getByText(/renewing with it shortens the vetting/)).toBeInTheDocument();
  });

  it('should say that renewing a vetting without an end sets one', async () => {
    open(deskMember('aziz', { displayName: 'Aziz Rakhimov', vettedUntil: null }));
    await userEvent.click(await screen.findByRole('button', { name: 'Renew the vetting' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Renew the vetting of Aziz Rakhimov?' });
    expect(within(dialog).getByText(/has no end date now: renewing it sets one/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Vetted until')).toHaveValue(vettingBounds().initial);
  });

  it('should suspend only with a reason, after the confirmation, and say what it did', async () => {
    const { mutations } = open(AZIZ);
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Suspend Aziz Rakhimov?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('signed out at once on every device'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspend the member' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription(
      expect.stringContaining('Fill this in.'),
    );
    expect(within(dialog).getByLabelText('Reason')).toHaveFocus();
    expect(mutations('DeskSuspendMember')).toEqual([]);

    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Left the prosecution service');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspend the member' }));
    expect(mutations('DeskSuspendMember')).toEqual([
      { input: { memberId: 'aziz', reason: 'Left the prosecution service' } },
    ]);
    const notice = await screen.findByText('Aziz Rakhimov is suspended and signed out everywhere.');
    // Radix gives the focus back after the dialog has gone.
    await waitFor(() => expect(notice).toHaveFocus());
  });

  it('should show a reset code once, with its validity and how the member uses it', async () => {
    const { mutations } = open(AZIZ);
    await userEvent.click(await screen.findByRole('button', { name: 'Issue a reset code' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Issue a reset code for Aziz Rakhimov?' });
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Lost phone, identity checked by call');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Issue the code' }));

    expect(mutations('DeskIssueAccountReset')).toHaveLength(1);
    const panel = await screen.findByRole('region', { name: 'Reset code for Aziz Rakhimov' });
    expect(within(panel).getByText('K7QX-2M9D-WR4T-8HJN')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Copy the code' })).toBeInTheDocument();
    expect(within(panel).getByText(/^Valid until /)).toBeInTheDocument();
    expect(
      within(panel).getByText(new RegExp(`They open ${window.location.origin}/reset`)),
    ).toBeInTheDocument();
    await waitFor(() => expect(panel).toHaveFocus());
  });

  it('should correct the profile with a reason, the server’s field errors shown at their fields', async () => {
    const { mutations } = open(AZIZ, undefined, {
      DeskUpdateMemberProfile: graphqlError('BAD_USER_INPUT', [
        { path: 'displayName', code: 'TOO_LONG', max: 200 },
      ]),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Correct the profile' }));
    const form = screen.getByRole('region', { name: 'Correct the profile' });
    const name = within(form).getByRole('textbox', { name: /Name in Latin letters/ });
    await userEvent.clear(name);
    await userEvent.type(name, 'Aziz Rahimov');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the correction' }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription(
      expect.stringContaining('Fill this in.'),
    );
    expect(mutations('DeskUpdateMemberProfile')).toEqual([]);

    await userEvent.type(within(form).getByLabelText('Reason'), 'Spelling as in the passport');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the correction' }));
    expect(mutations('DeskUpdateMemberProfile')).toEqual([
      {
        input: expect.objectContaining({
          memberId: 'aziz',
          reason: 'Spelling as in the passport',
          displayName: 'Aziz Rahimov',
        }),
      },
    ]);
    expect(name).toHaveAccessibleDescription(expect.stringContaining('At most 200 characters.'));
  });

  it('should let only an administrator change the role, a coordinator with at least one country', async () => {
    const { mutations } = open(AZIZ, deskViewer({ role: 'ADMIN', coordinatorCountries: [] }));
    await userEvent.click(await screen.findByRole('button', { name: 'Change the role' }));
    const editor = screen.getByRole('region', { name: 'Role and countries' });
    await userEvent.selectOptions(within(editor).getByLabelText('Role'), 'COORDINATOR');
    await userEvent.click(within(editor).getByRole('button', { name: 'Change the role…' }));
    expect(within(editor).getByRole('alert')).toHaveTextContent(
      'Choose at least one country for a coordinator.',
    );
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await userEvent.selectOptions(within(editor).getByLabelText('Add a country'), 'KZ');
    await userEvent.click(within(editor).getByRole('button', { name: 'Add' }));
    expect(within(editor).getByRole('button', { name: 'Remove Kazakhstan' })).toBeInTheDocument();
    await userEvent.click(within(editor).getByRole('button', { name: 'Change the role…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Change the role of Aziz Rakhimov?' });
    expect(dialog).toHaveAccessibleDescription('They become a coordinator of Kazakhstan.');
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Appointed by the Prosecutor General');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change the role' }));

    expect(mutations('DeskSetMemberRole')).toEqual([
      {
        input: {
          memberId: 'aziz',
          role: 'COORDINATOR',
          countries: ['KZ'],
          reason: 'Appointed by the Prosecutor General',
        },
      },
    ]);
    expect(await screen.findByText('Aziz Rakhimov is now: Coordinator.')).toBeInTheDocument();
  });
});
