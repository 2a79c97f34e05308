import '../i18n/register';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '@web/i18n';
import type { DeskDashboardQuery } from '@web/lib/graphql/graphql';
import { fakeClient, graphqlError, type Answer } from '@web/test/fake-client';
import { downloadCsv } from '../lib/csv-download';
import { renderDesk } from '../testing/factories';
import { DashboardPage } from './dashboard-page';

vi.mock('../lib/csv-download', () => ({ downloadCsv: vi.fn() }));

type Statistics = DeskDashboardQuery['networkStatistics'];

const MONTHS = Array.from({ length: 12 }, (_, index) => {
  const date = new Date(Date.UTC(2026, 11 + index, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
});

/** Two countries: Kazakhstan 5 vetted + 2 pending, Uzbekistan 1,200 vetted + 1 suspended; expiring, stale, waiting. */
function statistics(overrides: Partial<Statistics> = {}): Statistics {
  return {
    generatedAt: '2026-12-02T06:00:00.000Z',
    countries: ['KZ', 'UZ'],
    membersByCountry: [
      { country: 'KZ', status: 'PENDING', count: 2 },
      { country: 'KZ', status: 'VETTED', count: 5 },
      { country: 'UZ', status: 'SUSPENDED', count: 1 },
      { country: 'UZ', status: 'VETTED', count: 1200 },
    ],
    vettingsExpiring: MONTHS.map((month, index) => ({
      month,
      count: [2, 0, 4, 0, 0, 1, 0, 0, 0, 0, 0, 0][index] ?? 0,
    })),
    staleProfiles: [{ country: 'KZ', count: 3 }],
    applicantsWaiting: {
      count: 2,
      medianDays: 4,
      oldestDays: 40,
      buckets: [
        { range: 'UNDER_WEEK', count: 1 },
        { range: 'WEEK_TO_MONTH', count: 0 },
        { range: 'MONTH_TO_QUARTER', count: 1 },
        { range: 'OVER_QUARTER', count: 0 },
      ],
    },
    ...overrides,
  };
}

const EMPTY = statistics({
  membersByCountry: [],
  vettingsExpiring: MONTHS.map((month) => ({ month, count: 0 })),
  staleProfiles: [],
  applicantsWaiting: {
    count: 0,
    medianDays: null,
    oldestDays: null,
    buckets: ['UNDER_WEEK', 'WEEK_TO_MONTH', 'MONTH_TO_QUARTER', 'OVER_QUARTER'].map((range) => ({
      range: range as 'UNDER_WEEK',
      count: 0,
    })),
  },
});

const NAMES = {
  en: [
    { code: 'KZ', name: 'Kazakhstan' },
    { code: 'UZ', name: 'Uzbekistan' },
  ],
  ru: [
    { code: 'KZ', name: 'Казахстан' },
    { code: 'UZ', name: 'Узбекистан' },
  ],
};

function open(answer: (call: number) => Answer = () => ({ data: {} })) {
  let calls = 0;
  const fake = fakeClient((operation, variables) => {
    if (operation !== 'DeskDashboard') {
      throw new Error(`unexpected ${operation}`);
    }
    calls += 1;
    const result = answer(calls);
    if (result !== 'loading' && 'data' in result && Object.keys(result.data as object).length === 0) {
      return {
        data: {
          networkStatistics: statistics(),
          countries: NAMES[variables.locale === 'ru' ? 'ru' : 'en'],
        },
      };
    }
    return result;
  });
  renderDesk(fake.client, '/desk/dashboard', <DashboardPage />);
  return fake;
}

const panel = (name: string) => screen.getByRole('region', { name });
/** The text of each cell of the row headed `header` in `table`. */
const rowOf = (table: HTMLElement, header: string) =>
  within(within(table).getByRole('rowheader', { name: header }).closest('tr')!)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const columnsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent);

describe(DashboardPage.name, () => {
  beforeEach(() => {
    vi.mocked(downloadCsv).mockReset();
  });

  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should show each chart’s numbers in a table with a caption, and say them in a sentence', async () => {
    open();
    const members = await screen.findByRole('table', { name: 'Members by country and status' });
    expect(columnsOf(members)).toEqual(['Country', 'Vetted', 'Pending', 'Suspended', 'Total']);
    expect(rowOf(members, 'Kazakhstan')).toEqual(['5', '2', '0', '7']);
    expect(rowOf(members, 'Uzbekistan')).toEqual(['1,200', '0', '1', '1,201']);
    expect(rowOf(members, 'Total')).toEqual(['1,205', '2', '1', '1,208']);
    expect(
      within(panel('Members by country and status')).getByText(
        '1,208 members in 2 countries; vetted: 1,205, waiting for vetting: 2.',
      ),
    ).toBeInTheDocument();

    const expiring = screen.getByRole('table', { name: 'Vettings expiring per month' });
    expect(within(expiring).getAllByRole('row')).toHaveLength(1 + 12 + 1);
    expect(rowOf(expiring, 'December 2026')).toEqual(['2']);
    expect(rowOf(expiring, 'February 2027')).toEqual(['4']);
    expect(rowOf(expiring, 'November 2027')).toEqual(['0']);
    expect(rowOf(expiring, 'Total')).toEqual(['7']);
    expect(
      within(panel('Vettings expiring per month')).getByText(
        '7 vettings expire over the 12 months shown. December 2026: 2. The most in one month: 4 (February 2027).',
      ),
    ).toBeInTheDocument();

    const stale = screen.getByRole('table', { name: 'Stale profiles by country' });
    expect(rowOf(stale, 'Kazakhstan')).toEqual(['3']);
    expect(rowOf(stale, 'Uzbekistan')).toEqual(['0']);
    expect(within(panel('Stale profiles')).getByText('3 stale profiles in 1 country.')).toBeInTheDocument();

    const waiting = screen.getByRole('table', { name: 'Applicants by how long they have waited' });
    expect(rowOf(waiting, 'Under a week')).toEqual(['1']);
    expect(rowOf(waiting, 'One to three months')).toEqual(['1']);
    expect(rowOf(waiting, 'Over three months')).toEqual(['0']);
    expect(
      within(panel('Applicants waiting')).getByText(
        '2 applicants are waiting for vetting; median wait 4 days, longest 40 days.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Data as of 2 Dec 2026/)).toBeInTheDocument();
    expect(screen.getByText('Countries: Kazakhstan, Uzbekistan')).toBeInTheDocument();
  });

  it('should keep the drawing out of the accessibility tree and the table in it, and show the table on request', async () => {
    const user = userEvent.setup();
    open();
    const section = await screen.findByRole('region', { name: 'Members by country and status' });
    // The chart: drawn (bars with their numbers), hidden from assistive technology as a whole.
    const drawing = section.querySelector('svg')!;
    expect(drawing.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(within(drawing as unknown as HTMLElement).getAllByText('1,201').length).toBeGreaterThan(0);
    expect(within(section).queryByRole('img')).toBeNull();
    // The table: reachable by role (so not hidden from readers) before the toggle, its numbers the chart's.
    const table = within(section).getByRole('table', { name: 'Members by country and status' });
    expect(rowOf(table, 'Uzbekistan').at(-1)).toBe('1,201');
    expect(within(section).queryByRole('region', { name: 'Members by country and status' })).toBeNull();

    const toggle = within(section).getByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // Shown: the table in a box of its own (it scrolls there, not the page), named by its caption.
    const box = within(section).getByRole('region', { name: 'Members by country and status' });
    expect(within(box).getByRole('table')).toBeInTheDocument();
  });

  it('should say so in each panel when there is nothing to chart, with no chart and no table', async () => {
    open(() => ({ data: { networkStatistics: EMPTY, countries: NAMES.en } }));
    expect(await screen.findByText('No members in your countries yet.')).toBeInTheDocument();
    expect(screen.getByText('No vetting expires in the next 12 months.')).toBeInTheDocument();
    expect(
      screen.getByText('Every profile in your countries was confirmed within the last 12 months.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No applicant is waiting for vetting.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show as table' })).toBeNull();
    expect(document.querySelector('svg')).toBeNull();
  });

  it('should show the numbers, months and countries in Russian', async () => {
    await i18next.changeLanguage('ru');
    const { queries } = open();
    const members = await screen.findByRole('table', { name: 'Участники по странам и статусам' });
    expect(queries('DeskDashboard').at(-1)).toEqual({ locale: 'ru' });
    expect(rowOf(members, 'Узбекистан')).toEqual(['1\u00a0200', '0', '1', '1\u00a0201']);
    expect(screen.getByText(/участников в 2 странах/).textContent).toBe(
      '1\u00a0208 участников в 2 странах; прошли проверку: 1\u00a0205, ожидают проверки: 2.',
    );
    const expiring = screen.getByRole('table', { name: 'Истечение проверок по месяцам' });
    expect(rowOf(expiring, 'Декабрь 2026 г.')).toEqual(['2']);
    expect(
      screen.getByText(/^Проверки ждут 2 заявителя; медиана ожидания — 4 дня, дольше всех — 40 дней\.$/),
    ).toBeInTheDocument();
  });

  it('should ask the server again on Refresh, not the cache', async () => {
    const user = userEvent.setup();
    const { executeQuery } = open();
    await screen.findByRole('table', { name: 'Members by country and status' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const policies = executeQuery.mock.calls.map(
      ([, context]) => (context as { requestPolicy?: string } | undefined)?.requestPolicy,
    );
    expect(policies.at(-1)).toBe('network-only');
  });

  it('should say why the numbers could not be loaded, with a retry', async () => {
    open((call) => (call === 1 ? graphqlError('INTERNAL_SERVER_ERROR') : { data: {} }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Members by country and status' })).toBeInTheDocument();
  });

  it('should download the CSV behind a panel with its filter and say where it went', async () => {
    const user = userEvent.setup();
    vi.mocked(downloadCsv).mockResolvedValue({ fileName: 'counterpart-members-2026-12-02.csv' });
    open();
    const stale = await screen.findByRole('region', { name: 'Stale profiles' });
    await user.click(within(stale).getByRole('button', { name: 'Download the stale profiles (CSV)' }));
    expect(downloadCsv).toHaveBeenCalledWith('/exports/members.csv', { staleProfile: true });
    expect(
      await within(stale).findByText('Downloaded counterpart-members-2026-12-02.csv.'),
    ).toBeInTheDocument();

    const expiring = screen.getByRole('region', { name: 'Vettings expiring per month' });
    await user.click(within(expiring).getByRole('button', { name: /^Download the members whose vetting/ }));
    expect(downloadCsv).toHaveBeenLastCalledWith('/exports/members.csv', {
      status: 'VETTED',
      vettingExpiresBefore: '2027-12-01T00:00:00.000Z',
    });
    expect(
      await within(expiring).findByText('Downloaded counterpart-members-2026-12-02.csv.'),
    ).toBeInTheDocument();
  });
});
