import { readFile } from 'node:fs/promises';
import { DEMO } from './support/api';
import { DeskApi, openDesk, uniqueName } from './support/desk';
import { expect, test } from './support/fixtures';
import {
  chartTable,
  REPORT_COUNTRIES,
  reportFixture,
  reports,
  rowCells,
  SUSPEND_REASON,
} from './support/screens-desk-reports';

const dashboard = reports.dashboard;
const audit = reports.audit;

/** "December 2026", as the dashboard's tables name a month (English as written in Europe and Asia). */
const monthName = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** RFC 4180 fields of a CSV text: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') {
        index += 1;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test.describe('the desk’s dashboard and audit log', () => {
  test('the dashboard shows a coordinator’s country in numbers, each chart with its table', async ({
    page,
    context,
    api,
  }) => {
    const fixture = await reportFixture(api, REPORT_COUNTRIES.dashboard, 'dashboard');
    await openDesk(page, context, fixture.coordinator, '/desk/dashboard', dashboard.title);
    const country = await page.evaluate(
      (code) => new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code,
      REPORT_COUNTRIES.dashboard,
    );

    const members = chartTable(page, dashboard.members.caption);
    await expect(members).toBeAttached();
    await expect
      .poll(() => members.getByRole('columnheader').allTextContents())
      .toEqual([
        dashboard.country,
        dashboard.status.VETTED,
        dashboard.status.PENDING,
        dashboard.status.SUSPENDED,
        dashboard.total,
      ]);
    expect(await rowCells(members, country)).toEqual(['4', '2', '1', '7']);
    await expect(
      page.getByText('7 members in 1 country; vetted: 4, waiting for vetting: 2.', { exact: true }),
    ).toBeVisible();

    const expiring = chartTable(page, dashboard.expiring.caption);
    await expect(expiring.getByRole('row')).toHaveCount(1 + 12 + 1);
    expect(await rowCells(expiring, monthName(fixture.expiring[0]))).toEqual(['1']);
    expect(await rowCells(expiring, monthName(fixture.expiring[1]))).toEqual(['1']);
    expect(await rowCells(expiring, dashboard.total)).toEqual(['2']);

    await expect(page.getByText(dashboard.stale.empty, { exact: true })).toBeVisible();

    const waiting = chartTable(page, dashboard.applicants.caption);
    expect(await rowCells(waiting, dashboard.applicants.buckets.UNDER_WEEK)).toEqual(['2']);
    expect(await rowCells(waiting, dashboard.applicants.buckets.OVER_QUARTER)).toEqual(['0']);
    await expect(
      page.getByText('2 applicants are waiting for vetting; median wait 0 days, longest 0 days.', {
        exact: true,
      }),
    ).toBeVisible();

    // Sighted readers get the same table on request; the chart makes way for it.
    const panel = page.getByRole('region', { name: dashboard.members.title, exact: true });
    const toggle = panel.getByRole('button', { name: dashboard.showTable, exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(members).toBeVisible();
    await expect(panel.locator('svg').first()).toBeHidden();
  });

  test('the members CSV holds the coordinator’s members, a formula-like name neutralized', async ({
    page,
    context,
    api,
  }) => {
    const country = REPORT_COUNTRIES.csv;
    const desk = new DeskApi(api);
    const coordinator = await desk.coordinator(
      [country],
      'csv-coordinator',
      uniqueName('Aminath', 'Shareef'),
    );
    const formula = await desk.member(country, 'csv-formula', `=1+2 ${uniqueName('Formula', 'Test')}`);
    const plain = await desk.member(country, 'csv-plain', uniqueName('Ibrahim', 'Nasheed'));
    await openDesk(page, context, coordinator, '/desk/dashboard', dashboard.title);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: dashboard.members.download, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^counterpart-members-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(
      page.getByText(`Downloaded ${download.suggestedFilename()}.`, { exact: true }),
    ).toBeVisible();
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text).filter((row) => row.some(Boolean));
    const column = (name: string) => header.indexOf(name);
    expect(column('email')).toBeGreaterThanOrEqual(0);
    expect(rows.map((row) => row[column('email')]).sort()).toEqual(
      [coordinator.email, formula.email, plain.email].sort(),
    );
    const formulaRow = rows.find((row) => row[column('email')] === formula.email)!;
    expect(formulaRow[column('displayName')]).toBe(`'${formula.name}`);
    // No cell of the file starts a formula: a spreadsheet opens every one as text.
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  test('the audit log shows the chain intact after Verify now, and the coordinator’s entries in words', async ({
    page,
    context,
    api,
  }) => {
    const fixture = await reportFixture(api, REPORT_COUNTRIES.audit, 'audit');
    await openDesk(page, context, fixture.coordinator, '/desk/audit', audit.title);
    await expect(page.getByText(audit.chain.valid, { exact: true })).toBeVisible();

    await page.getByRole('button', { name: audit.chain.verify, exact: true }).click();
    const status = page.getByRole('region', { name: audit.chain.title, exact: true }).getByRole('status');
    await expect(status).toHaveText(/^Last checked: /);
    await expect(page.getByText(audit.chain.valid, { exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The server's own verdict agrees.
    const { auditChainStatus } = await api.graphql<{ auditChainStatus: { valid: boolean; length: number } }>(
      await api.tokenOf(DEMO.admin),
      'query { auditChainStatus { valid length } }',
    );
    expect(auditChainStatus.valid).toBe(true);

    const suspended = fixture.people[4];
    const entry = page
      .getByRole('list', { name: audit.entries.label, exact: true })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: audit.actions.MEMBER_SUSPENDED, exact: true }) });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole('link', { name: suspended.name, exact: true })).toHaveAttribute(
      'href',
      `/desk/members/${suspended.id}`,
    );
    await expect(entry).toContainText(SUSPEND_REASON);

    // Filtered by action, through the address.
    await page.getByRole('combobox', { name: audit.filter.action, exact: true }).selectOption({
      label: audit.actions.MEMBER_APPLIED,
    });
    await page.getByRole('button', { name: audit.filter.apply, exact: true }).click();
    await expect(page).toHaveURL(/\/desk\/audit\?action=MEMBER_APPLIED$/);
    const applied = page.getByRole('list', { name: audit.entries.label, exact: true }).getByRole('listitem');
    await expect(applied).toHaveCount(fixture.people.length);
  });
});
