import '../i18n/register';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import { fakeClient } from '@web/test/fake-client';
import { deskMember, deskProfile, deskViewer, renderDesk } from '../testing/factories';
import { MembersPage, MEMBERS_PAGE_SIZE } from './members-page';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
/** The instant "vetting ends within `days` days" asks for: UTC midnight after the N-th day from today. */
const endOfDay = (days: number) => {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days + 1),
  ).toISOString();
};

/** A server with `count` members; pages of `first` after an offset cursor, as the API cuts them. */
function server(count: number, make: (index: number) => DeskMemberFragment = (i) => deskMember(`m${i}`)) {
  const all = Array.from({ length: count }, (_, index) => make(index));
  return fakeClient((operation, variables) => {
    switch (operation) {
      case 'DeskMembers': {
        const offset = variables.after ? Number(variables.after) : 0;
        const rows = all.slice(offset, offset + (variables.first as number));
        return {
          data: {
            members: {
              totalCount: all.length,
              pageInfo: {
                hasNextPage: offset + rows.length < all.length,
                endCursor: String(offset + rows.length),
              },
              edges: rows.map((node, index) => ({ cursor: String(offset + index + 1), node })),
            },
          },
        };
      }
      case 'DeskProfiles':
        return {
          data: {
            practitionersByIds: (variables.ids as string[]).map((id) =>
              deskProfile(id, { stale: id === 'm1' }),
            ),
          },
        };
      case 'DeskCountries':
        return {
          data: {
            countries: [
              { code: 'KZ', name: 'Kazakhstan' },
              { code: 'UZ', name: 'Uzbekistan' },
            ],
          },
        };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
}

const cards = () => within(screen.getByRole('list', { name: 'Members found' })).getAllByRole('listitem');

describe(MembersPage.name, () => {
  it('should show each member with their e-mail, country, role, status, vetting end and a stale mark', async () => {
    const { client } = server(3, (i) =>
      deskMember(`m${i}`, i === 2 ? { vettedUntil: inDays(10), role: 'COORDINATOR' } : {}),
    );
    renderDesk(client, '/desk/members', <MembersPage />);

    expect(await screen.findByRole('heading', { level: 2, name: '3 members' })).toBeInTheDocument();
    const [first, second, third] = cards();
    expect(within(first).getByRole('link', { name: 'Member m0' })).toHaveAttribute(
      'href',
      '/desk/members/m0',
    );
    expect(within(first).getByText('m0@agency.example.org')).toBeInTheDocument();
    expect(within(first).getByText('Uzbekistan')).toBeInTheDocument();
    expect(within(first).getByText('Vetted')).toBeInTheDocument();
    expect(within(first).queryByText('Profile not confirmed for over a year')).not.toBeInTheDocument();
    expect(within(second).getByText('Profile not confirmed for over a year')).toBeInTheDocument();
    expect(within(third).getByText('Coordinator')).toBeInTheDocument();
    expect(within(third).getByText(/^Ends in (9|10) days$/)).toBeInTheDocument();
  });

  it('should send the filters as the API’s filter and keep them in the address', async () => {
    const { client, queries } = server(2);
    const router = renderDesk(client, '/desk/members', <MembersPage />);
    await screen.findByRole('heading', { level: 2, name: '2 members' });
    expect(queries('DeskMembers')[0]).toEqual({ filter: {}, first: MEMBERS_PAGE_SIZE, after: null });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'SUSPENDED');
    await userEvent.selectOptions(screen.getByLabelText('Country'), 'UZ');
    await userEvent.selectOptions(screen.getByLabelText('Vetting ends within'), '30');
    await userEvent.click(screen.getByLabelText('Only profiles not confirmed for over a year'));

    expect(queries('DeskMembers').at(-1)).toEqual({
      filter: {
        status: 'SUSPENDED',
        countries: ['UZ'],
        vettingExpiresBefore: endOfDay(30),
        staleProfile: true,
      },
      first: MEMBERS_PAGE_SIZE,
      after: null,
    });
    expect(new URLSearchParams(router.state.location.search)).toEqual(
      new URLSearchParams('status=SUSPENDED&country=UZ&expires=30&stale=1'),
    );

    await userEvent.selectOptions(screen.getByLabelText('Vetting ends within'), 'custom');
    await userEvent.type(screen.getByLabelText('Number of days'), '120');
    expect(queries('DeskMembers').at(-1)?.filter).toMatchObject({ vettingExpiresBefore: endOfDay(120) });
    expect(router.state.location.search).toContain('expires=custom&days=120');

    await userEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(queries('DeskMembers').at(-1)?.filter).toEqual({});
    expect(router.state.location.search).toBe('');
  });

  it('should read the filters from the address, and offer only the coordinator’s countries', async () => {
    const { client, queries, sent } = server(1);
    renderDesk(
      client,
      '/desk/members?status=PENDING&country=KZ&expires=60',
      <MembersPage />,
      deskViewer({ coordinatorCountries: ['UZ', 'TM'] }),
    );
    await screen.findByRole('heading', { level: 2, name: '1 member' });
    expect(queries('DeskMembers')[0].filter).toEqual({
      status: 'PENDING',
      countries: ['KZ'],
      vettingExpiresBefore: endOfDay(60),
    });
    const options = within(screen.getByLabelText('Country'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['All your countries', 'Turkmenistan', 'Uzbekistan']);
    expect(sent()).not.toContain('DeskCountries');
  });

  it('should ask for the next page after the last one’s end and append it', async () => {
    const { client, queries } = server(MEMBERS_PAGE_SIZE + 5);
    renderDesk(client, '/desk/members', <MembersPage />);
    await screen.findByRole('heading', { level: 2, name: `${MEMBERS_PAGE_SIZE + 5} members` });
    expect(cards()).toHaveLength(MEMBERS_PAGE_SIZE);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(queries('DeskMembers').some((variables) => variables.after === String(MEMBERS_PAGE_SIZE))).toBe(
      true,
    );
    expect(cards()).toHaveLength(MEMBERS_PAGE_SIZE + 5);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(
      screen.getByText(`Showing ${MEMBERS_PAGE_SIZE + 5} of ${MEMBERS_PAGE_SIZE + 5}.`),
    ).toBeInTheDocument();
  });
});
