import { screen, within } from '@testing-library/react';
import type { Client } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import type { DirectoryProfileQuery } from '@web/lib/graphql/graphql';
import { fakeClient, graphqlError, renderAt } from '@web/test/fake-client';
import { ProfilePage } from './profile-page';

type Profile = DirectoryProfileQuery['practitioner'];

const practitioner = (overrides: Partial<Profile> = {}): Profile => ({
  id: 'p-1',
  displayName: 'Ahmad Shah Karimi',
  nativeName: 'احمد شاه کریمی',
  nameVariants: ['Ahmad Shoh Karimiy'],
  country: 'TJ',
  position: 'Senior prosecutor',
  bio: null,
  agency: { name: 'General Prosecutor’s Office', type: 'PROSECUTION', city: 'Dushanbe' },
  languages: [
    { code: 'fa', level: 'NATIVE' },
    { code: 'ru', level: 'FLUENT' },
  ],
  sharedLanguages: [{ code: 'ru', level: 'FLUENT' }],
  needsInterpreter: false,
  expertise: ['ASSET_RECOVERY'],
  competences: ['MLA_REQUEST'],
  contacts: [
    { kind: 'MOBILE', label: 'Office', value: '+992372211111', visibility: 'MEMBERS' },
    { kind: 'EMAIL', label: null, value: 'karimi@prokuratura.example', visibility: 'MEMBERS' },
  ],
  timeZone: 'Asia/Dushanbe',
  localTime: '2026-11-30T09:30+05:00',
  workingDays: [1, 2, 3, 4, 5],
  workingHoursStart: '09:00',
  workingHoursEnd: '18:00',
  available24x7: false,
  availableNow: true,
  stale: false,
  confirmedAt: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

const REFERENCE = {
  countries: [{ code: 'TJ', name: 'Tajikistan' }],
  languages: [
    { code: 'fa', name: 'Persian' },
    { code: 'ru', name: 'Russian' },
  ],
  expertiseAreas: [{ code: 'ASSET_RECOVERY', name: 'Asset recovery' }],
  competences: [{ code: 'MLA_REQUEST', name: 'Requests for mutual legal assistance' }],
};

/** A fake client answering DirectoryProfile with `answer` (data, or a GraphQL error code). */
function client(answer: Profile | { code: string }) {
  return fakeClient((operation) => {
    expect(operation).toBe('DirectoryProfile');
    return 'code' in answer ? graphqlError(answer.code) : { data: { practitioner: answer, ...REFERENCE } };
  });
}

const renderProfile = (fake: Client, path = '/directory/p-1') =>
  renderAt(fake, path, [{ path: '/directory/:id', element: <ProfilePage viewerZone="Europe/Berlin" /> }]);

describe(ProfilePage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should show the names, the native one in its own direction, work, languages and reference names', () => {
    const { client: fake, executeQuery } = client(practitioner());
    renderProfile(fake);
    expect(executeQuery.mock.calls[0]?.[0].variables).toEqual({ id: 'p-1', locale: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Ahmad Shah Karimi' })).toBeInTheDocument();
    expect(screen.getByText('احمد شاه کریمی')).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('Ahmad Shoh Karimiy').tagName).toBe('BDI');
    const work = screen.getByRole('region', { name: 'Work' });
    expect(within(work).getByText('Tajikistan')).toBeInTheDocument();
    expect(within(work).getByText('Prosecution service')).toBeInTheDocument();
    const languages = screen.getByRole('region', { name: 'Languages' });
    const russian = within(languages).getByText('Russian').closest('li')!;
    expect(within(russian).getByText('you share it')).toBeInTheDocument();
    const persian = within(languages).getByText('Persian').closest('li')!;
    expect(within(persian).queryByText('you share it')).toBeNull();
    expect(screen.queryByText(/Needs an interpreter/)).toBeNull();
    expect(screen.getByText('Asset recovery')).toBeInTheDocument();
    expect(screen.getByText('Requests for mutual legal assistance')).toBeInTheDocument();
    expect(screen.getByText('Confirmed as current on 1 March 2026')).toBeInTheDocument();
    // "Message" names whom it writes to (not shown on one's own profile: the browser tests sign in for that).
    expect(screen.getByRole('button', { name: 'Message Ahmad Shah Karimi' })).toBeEnabled();
  });

  it('should offer call for phones, mail for addresses and copy for every contact', () => {
    renderProfile(client(practitioner()).client);
    const contacts = screen.getByRole('region', { name: 'Contacts' });
    expect(within(contacts).getByRole('link', { name: 'Call +992372211111' })).toHaveAttribute(
      'href',
      'tel:+992372211111',
    );
    expect(
      within(contacts).getByRole('link', { name: 'Write an e-mail to karimi@prokuratura.example' }),
    ).toHaveAttribute('href', 'mailto:karimi@prokuratura.example');
    expect(within(contacts).getByRole('button', { name: 'Copy Mobile: +992372211111' })).toBeInTheDocument();
    expect(
      within(contacts).getByRole('button', { name: 'Copy E-mail: karimi@prokuratura.example' }),
    ).toBeInTheDocument();
    expect(within(contacts).queryByText('Coordinators only')).toBeNull();
  });

  it('should mark a coordinators-only channel, an interpreter need, and a stale profile', () => {
    renderProfile(
      client(
        practitioner({
          contacts: [{ kind: 'PHONE', label: null, value: '+992372200000', visibility: 'COORDINATORS' }],
          sharedLanguages: [],
          needsInterpreter: true,
          stale: true,
          confirmedAt: null,
        }),
      ).client,
    );
    expect(screen.getByText('Coordinators only')).toBeInTheDocument();
    expect(screen.getByText(/^Needs an interpreter/)).toBeInTheDocument();
    expect(screen.getByText('Not confirmed for over a year')).toBeInTheDocument();
    expect(screen.getByText('Never confirmed as current')).toBeInTheDocument();
  });

  it('should give their local time and working hours on their clock and on the viewer’s', () => {
    renderProfile(client(practitioner()).client);
    const time = screen.getByRole('region', { name: 'Time and availability' });
    expect(within(time).getByText('Can answer now')).toBeInTheDocument();
    expect(within(time).getByText(/^Mon 09:30, /)).toBeInTheDocument();
    expect(within(time).getByText(/^Mon 05:30, /)).toBeInTheDocument();
    expect(within(time).getByText('Mon–Fri')).toBeInTheDocument();
    expect(within(time).getByText('09:00–18:00 their time')).toBeInTheDocument();
    expect(within(time).getByText('05:00–14:00 your time')).toBeInTheDocument();
  });

  it('should say so once when the viewer shares their clock, and 24/7 instead of hours', () => {
    renderProfile(
      client(practitioner({ timeZone: 'Europe/Berlin', localTime: '2026-11-30T09:30+01:00' })).client,
    );
    expect(screen.getByText('You are in the same time zone.')).toBeInTheDocument();
    expect(screen.queryByText('Your time')).toBeNull();
  });

  it('should show 24/7 instead of working hours', () => {
    renderProfile(client(practitioner({ available24x7: true })).client);
    expect(screen.getByText('Available 24/7')).toBeInTheDocument();
    expect(screen.queryByText('Working days')).toBeNull();
  });

  it('should lead back to the search it came from', () => {
    renderProfile(
      client(practitioner()).client,
      `/directory/p-1?from=${encodeURIComponent('/directory?q=ай')}`,
    );
    expect(screen.getByRole('link', { name: 'Back to the search' })).toHaveAttribute(
      'href',
      '/directory?q=ай',
    );
  });

  it('should say in Russian that there is no such profile, with the way back to the directory', async () => {
    await i18next.changeLanguage('ru');
    renderProfile(client({ code: 'NOT_FOUND' }).client);
    expect(screen.getByRole('heading', { level: 1, name: 'Такого профиля нет' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Перейти в справочник' })).toHaveAttribute('href', '/directory');
  });

  it('should translate another failure and offer to try again', () => {
    renderProfile(client({ code: 'FORBIDDEN' }).client);
    expect(screen.getByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
