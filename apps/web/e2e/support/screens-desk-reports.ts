import { expect, type Page } from '@playwright/test';
import { DEMO, type Api } from './api';
import { catalogs, deskCatalogs, type Catalog } from './catalog';
import { DeskApi, openDesk, uniqueName, type DeskPerson } from './desk';
import { type Screen } from './screen';

export const reports = deskCatalogs.en;

/** The desk's words in the language of a translation catalog. */
export const reportsOf = (cat: Catalog) => (cat === catalogs.ru ? deskCatalogs.ru : deskCatalogs.en);

/**
 * The countries the dashboard and audit tests alone use (no other spec, nor the demo network, has members there): a
 * coordinator of one of them sees only what the test made, so its numbers are exact whatever runs beside it.
 */
export const REPORT_COUNTRIES = {
  dashboard: 'BT',
  csv: 'MV',
  audit: 'FJ',
  screenDashboard: 'NP',
  screenAudit: 'LK',
} as const;

/** Why the fixture's member is suspended (the audit log shows it). */
export const SUSPEND_REASON = 'Left the agency (browser test)';

const SUSPEND = 'mutation Suspend($input: MemberReasonInput!) { suspendMember(input: $input) { id } }';

/** The 15th, at noon UTC, `months` calendar months from now: well inside its UTC month whatever the day today. */
export function midMonth(months: number, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15, 12));
}

/** A country of the test's own with a known mix, and its coordinator: what the dashboard must show for it. */
export interface ReportFixture {
  coordinator: DeskPerson;
  people: DeskPerson[];
  /** The vetting ends of the members vetted until a set day (the others have the API's default, 24 months on). */
  expiring: Date[];
  counts: { vetted: number; pending: number; suspended: number };
}

/**
 * Makes, in `country`: its coordinator (vetted), two members vetted until the middle of the month after next and of
 * the fifth month from now, one member vetted with the default term, one member suspended, two applicants. So the
 * coordinator's dashboard shows 4 vetted, 2 pending, 1 suspended; two vettings expiring, one in each of those months;
 * two applicants waiting under a week; no stale profile.
 */
export async function reportFixture(api: Api, country: string, label: string): Promise<ReportFixture> {
  const desk = new DeskApi(api);
  const coordinator = await desk.coordinator([country], `${label}-coordinator`, uniqueName('Tashi', 'Dorji'));
  const expiring = [midMonth(2), midMonth(5)];
  const soon = await desk.member(country, `${label}-soon`, uniqueName('Karma', 'Wangchuk'), expiring[0]);
  const later = await desk.member(country, `${label}-later`, uniqueName('Pema', 'Choden'), expiring[1]);
  const lasting = await desk.member(country, `${label}-lasting`, uniqueName('Sonam', 'Tshering'));
  const suspended = await desk.member(country, `${label}-suspended`, uniqueName('Dechen', 'Zangmo'));
  await api.graphql(await api.tokenOf(DEMO.admin), SUSPEND, {
    input: { memberId: suspended.id, reason: SUSPEND_REASON },
  });
  const applicants = [
    await desk.applicant(country, `${label}-applicant-a`, uniqueName('Ugyen', 'Lhamo')),
    await desk.applicant(country, `${label}-applicant-b`, uniqueName('Jigme', 'Namgyel')),
  ];
  return {
    coordinator,
    people: [coordinator, soon, later, lasting, suspended, ...applicants],
    expiring,
    counts: { vetted: 4, pending: 2, suspended: 1 },
  };
}

/** The dashboard's table of one chart, by its caption. */
export const chartTable = (page: Page, caption: string) =>
  page.getByRole('table', { name: caption, exact: true });

/** The cells of the row headed `header` in `table`, as text. */
export async function rowCells(table: ReturnType<Page['getByRole']>, header: string): Promise<string[]> {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
  return row.getByRole('cell').allTextContents();
}

/** The administrator's display name, if they have a profile (the approvals in the audit log name them). */
async function adminName(api: Api): Promise<string[]> {
  const answer = await api.graphql<{ me: { displayName: string | null } }>(
    await api.tokenOf(DEMO.admin),
    'query { me { displayName } }',
  );
  return answer.me.displayName ? [answer.me.displayName] : [];
}

/** The dashboard and the audit log (issue 18), audited like every other screen (screens.spec.ts). */
export const DESK_REPORT_SCREENS: Screen[] = [
  {
    name: 'desk-dashboard',
    title: (cat) => reportsOf(cat).dashboard.title,
    async settle(page, cat) {
      await expect(chartTable(page, reportsOf(cat).dashboard.members.caption)).toBeAttached();
    },
    async open(screen) {
      const fixture = await reportFixture(screen.api, REPORT_COUNTRIES.screenDashboard, 'screen-dashboard');
      await openDesk(
        screen.page,
        screen.context,
        fixture.coordinator,
        '/desk/dashboard',
        reports.dashboard.title,
      );
      await expect(chartTable(screen.page, reports.dashboard.members.caption)).toBeAttached();
    },
  },
  {
    name: 'desk-audit',
    title: (cat) => reportsOf(cat).audit.title,
    async settle(page, cat) {
      await expect(page.getByText(reportsOf(cat).audit.chain.valid, { exact: true })).toBeVisible();
    },
    async open(screen) {
      const fixture = await reportFixture(screen.api, REPORT_COUNTRIES.screenAudit, 'screen-audit');
      await openDesk(screen.page, screen.context, fixture.coordinator, '/desk/audit', reports.audit.title);
      await expect(screen.page.getByText(reports.audit.chain.valid, { exact: true })).toBeVisible();
      await expect(
        screen.page
          .getByRole('list', { name: reports.audit.entries.label, exact: true })
          .getByRole('listitem')
          .first(),
      ).toBeVisible();
      // The names, and the reasons the fixture gave, are Latin test data (as the members wrote them).
      return [
        ...fixture.people.map((person) => person.name),
        ...(await adminName(screen.api)),
        'Browser test',
        SUSPEND_REASON,
      ];
    },
  },
];
