import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { coordinator, me, monthsAgo, myProfile, network } from '../test/factories';
import { fakeClient, renderAt, type Answer } from '@web/test/fake-client';
import { HomePage } from './home-page';

const NOT_FOUND: Answer = { errors: [{ extensions: { code: 'NOT_FOUND' } }] };

/** A server for the home page: the member, the network's counts, the coordinators, the member's own profile. */
function server({
  member = me(),
  counts = { KZ: 12, UZ: 30, KG: 3 },
  coordinators = [coordinator()],
  profile = myProfile(monthsAgo(2)),
}: {
  member?: ReturnType<typeof me>;
  counts?: Record<string, number>;
  coordinators?: ReturnType<typeof coordinator>[];
  profile?: unknown;
} = {}) {
  let confirmed = false;
  return fakeClient((operation, variables) => {
    switch (operation) {
      case 'Home':
        return { data: { me: member } };
      case 'HomeNetwork':
        return { data: network(counts) };
      case 'HomeCoordinators':
        return variables.country === member.country ? { data: { coordinators } } : NOT_FOUND;
      case 'HomeMyProfile':
        return profile ? { data: profile } : NOT_FOUND;
      case 'HomeConfirmProfile':
        confirmed = true;
        return {
          data: { confirmMyProfile: { id: member.id, confirmedAt: new Date().toISOString(), stale: false } },
        };
      default:
        throw new Error(`unexpected ${operation} (confirmed: ${confirmed})`);
    }
  });
}

describe(HomePage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should show a pending applicant only their status, and ask nothing of the directory', async () => {
    const { client, sent } = server({ member: me({ status: 'PENDING', active: false }) });
    renderAt(client, '/', <HomePage />);
    expect(
      await screen.findByText(/A coordinator of your country is reviewing your application/),
    ).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Your network' })).toBeNull();
    expect(screen.queryByText('Role')).toBeNull();
    expect(sent()).toEqual(['Home']);
  });

  it('should not show the network to a member whose vetting expired', async () => {
    const { client, sent } = server({ member: me({ active: false }) });
    renderAt(client, '/', <HomePage />);
    expect(await screen.findByText('Vetting expired')).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Your network' })).toBeNull();
    expect(sent()).toEqual(['Home']);
  });

  it('should list the network countries by member count, each a link to the directory searching it', async () => {
    const { client } = server();
    const router = renderAt(client, '/', <HomePage />);
    expect(await screen.findByText('45 vetted members in 3 countries.')).toBeVisible();
    const table = screen.getByRole('table', { name: /Members by country/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['Uzbekistan30', 'Kazakhstan12', 'Kyrgyzstan3']);
    await userEvent.click(within(table).getByRole('link', { name: 'Kazakhstan' }));
    expect(router.state.location.pathname).toBe('/directory');
    expect(router.state.location.search).toBe('?countries=KZ');
  });

  it('should draw the network countries on the map as links, with a legend, Enter opening the directory', async () => {
    const { client } = server();
    const router = renderAt(client, '/', <HomePage />);
    const map = await screen.findByRole('group', { name: /Map of the network/ });
    const uzbekistan = within(map).getByRole('link', { name: 'Uzbekistan: 30 members' });
    expect(within(map).getAllByRole('link')).toHaveLength(3);
    expect(screen.getByRole('list', { name: 'Vetted members:' })).toHaveTextContent(
      /1–3.*4–12.*13–30.*Not in the network/,
    );
    // One tab stop: the westernmost country; the arrow keys go east.
    const stops = within(map)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('tabindex') === '0');
    expect(stops.map((link) => link.getAttribute('aria-label'))).toEqual(['Uzbekistan: 30 members']);
    uzbekistan.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(map).getByRole('link', { name: 'Kazakhstan: 12 members' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(uzbekistan).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.search).toBe('?countries=UZ');
  });

  it('should say so when the directory has no vetted member yet', async () => {
    const { client } = server({ counts: {} });
    renderAt(client, '/', <HomePage />);
    expect(await screen.findByText('No vetted member is in the directory yet.')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("should list the coordinators of the member's country with the contacts they may see and links to profiles", async () => {
    const { client } = server({
      coordinators: [
        coordinator({
          contacts: [
            { kind: 'EMAIL', label: null, value: 'daniyar@prokuratura.example.kz' },
            { kind: 'MOBILE', label: 'duty', value: '+77012345678' },
            { kind: 'TELEGRAM', label: null, value: '@daniyar' },
          ],
        }),
        coordinator({ id: 'member-1', displayName: 'Aigul Bekmukhanova', nativeName: null, contacts: [] }),
      ],
    });
    const router = renderAt(client, '/', <HomePage />);
    const section = await screen.findByRole('region', { name: 'Coordinators in Kazakhstan' });
    const [first, second] = within(section).getAllByRole('listitem');
    expect(within(first).getByText('Данияр Сейткали')).toBeVisible();
    expect(within(first).getByText('Senior prosecutor, General Prosecutor’s Office')).toBeVisible();
    expect(within(first).getByRole('link', { name: 'daniyar@prokuratura.example.kz' })).toHaveAttribute(
      'href',
      'mailto:daniyar@prokuratura.example.kz',
    );
    expect(within(first).getByText('Mobile', { exact: false })).toHaveTextContent('Mobile (duty)');
    expect(within(first).getByRole('link', { name: '+77012345678' })).toHaveAttribute(
      'href',
      'tel:+77012345678',
    );
    expect(within(first).getByText('@daniyar')).toBeVisible();
    expect(second).toHaveTextContent('Aigul Bekmukhanova (you)');
    expect(within(second).getByText('No contacts you may see.')).toBeVisible();
    await userEvent.click(within(first).getByRole('link', { name: 'Daniyar Seitkali' }));
    expect(router.state.location.pathname).toBe('/directory/coordinator-1');
  });

  it('should say when the country has no coordinator', async () => {
    const { client } = server({ coordinators: [] });
    renderAt(client, '/', <HomePage />);
    expect(await screen.findByText('Your country has no coordinator yet.')).toBeVisible();
  });

  it('should show a fresh profile as a quiet line with the way to edit it', async () => {
    const { client } = server({ profile: myProfile(monthsAgo(2)) });
    const router = renderAt(client, '/', <HomePage />);
    expect(await screen.findByText(/Confirmed 2 months ago/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Confirm now' })).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: 'Edit my profile' }));
    expect(router.state.location.pathname).toBe('/profile');
  });

  it('should ask to confirm from the eleventh month and confirm on request', async () => {
    const { client, executeMutation } = server({ profile: myProfile(monthsAgo(11)) });
    renderAt(client, '/', <HomePage />);
    const prompt = (await screen.findByText('Is your profile still current?')).parentElement!;
    expect(prompt).toHaveTextContent('You confirmed it 11 months ago.');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Confirm now' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Thank you: your profile is confirmed as current.')).toBeVisible();
    expect(screen.getByText(/Confirmed less than a month ago/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Confirm now' })).toBeNull();
  });

  it('should call a stale profile out of date, in Russian with its plurals', async () => {
    await i18next.changeLanguage('ru');
    const { client } = server({ profile: myProfile(monthsAgo(14), true) });
    renderAt(client, '/', <HomePage />);
    expect(await screen.findByText('Ваш профиль, возможно, устарел')).toBeVisible();
    expect(screen.getByText(/Вы подтвердили его 14 месяцев назад\./)).toBeVisible();
    expect(screen.getByText('45 проверенных участников из 3 стран.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Узбекистан: 30 участников' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Координаторы: Казахстан' })).toBeVisible();
  });

  it('should show the rest of the home page to a member without a profile of their own', async () => {
    const { client } = server({ member: me({ role: 'ADMIN', country: null }), profile: null });
    renderAt(client, '/', <HomePage />);
    expect(await screen.findByText('45 vetted members in 3 countries.')).toBeVisible();
    expect(screen.queryByText('Your profile')).toBeNull();
    expect(screen.queryByRole('heading', { name: /Coordinators/ })).toBeNull();
  });
});
