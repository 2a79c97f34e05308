import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import {
  cast,
  counterpart,
  counterparts,
  uniqueSurname,
  type Counterpart,
  type CounterpartSeed,
  type UniqueName,
} from './support/api-directory';
import { TEST_CLOCK_AT } from './support/api-server';
import { fill, plural } from './support/catalog';
import { PHONE } from './support/context';
import { expect, test } from './support/fixtures';
import { openSignedIn, type ScreenContext } from './support/screen';
import { en } from './support/ui';

const s = en.directory.search;

const searchBox = (page: Page) => page.getByRole('searchbox', { name: s.query.label, exact: true });
const found = (page: Page, count: number) =>
  page.getByRole('heading', { level: 2, name: plural('en', s.results, 'found', count), exact: true });
/** A filter's checkbox by its label and the count beside it, e.g. "Italy (2)". */
const option = (page: Page, label: string, count: number) =>
  page.getByRole('checkbox', { name: `${label} ${fill(s.filters.count, { count })}`, exact: true });
const checkbox = (page: Page, label: string) =>
  page.getByRole('checkbox', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
/** The names on the result cards, sorted (results with equal scores come in id order). */
async function names(page: Page): Promise<string[]> {
  return (await page.getByRole('article').getByRole('heading', { level: 3 }).allTextContents()).sort();
}
const expectNames = async (page: Page, expected: string[]) =>
  expect.poll(() => names(page)).toEqual([...expected].sort());

/**
 * Seeds `roles` of a cast whose surname is this test's own, signs in as the first and opens the search at
 * `query(surname)` (by default the surname in Latin letters); answers the surname and the seeded accounts.
 */
async function searchAs(
  screen: ScreenContext,
  roles: (keyof ReturnType<typeof cast>)[],
  query: (name: UniqueName) => string = (name) => `q=${name.latin}`,
): Promise<{ name: UniqueName; accounts: Counterpart[] }> {
  const name = uniqueSurname();
  const people = cast(name);
  const accounts = await counterparts(
    screen.api,
    roles.map((role) => people[role]()),
  );
  const search = query(name);
  await openSignedIn(screen, accounts[0], search ? `/directory?${search}` : '/directory', s.title);
  return { name, accounts };
}

test.describe('directory search', () => {
  test('the test server stands at Monday 06:00 UTC: 11:00 in Tashkent, 07:00 in Rome', () => {
    // What the schedules below are chosen for (api-server.ts).
    expect(new Date(TEST_CLOCK_AT).toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });

  test('a Cyrillic query finds a counterpart in either script: both names, work, their time, shared languages', async ({
    page,
    context,
    api,
  }) => {
    const { name } = await searchAs({ page, context, api }, ['viewer', 'dilnoza', 'aziz', 'marco'], () => '');

    await searchBox(page).fill(`Дилноза ${name.cyrillic}`);
    await expect(found(page, 1)).toBeVisible();
    await expect(page).toHaveURL(`/directory?q=${encodeURIComponent(`Дилноза ${name.cyrillic}`)}`);
    const dilnoza = card(page, `Dilnoza ${name.latin}`);
    await expect(dilnoza.getByText(`Дилноза ${name.cyrillic}`, { exact: true })).toHaveAttribute(
      'dir',
      'auto',
    );
    await expect(dilnoza.getByText('Senior prosecutor, international cooperation')).toBeVisible();
    await expect(dilnoza.getByText('General Prosecutor’s Office')).toBeVisible();
    await expect(dilnoza.getByText('Tashkent, Uzbekistan', { exact: true })).toBeVisible();
    await expect(dilnoza.getByText(s.card.availableNow, { exact: true })).toBeVisible();
    await expect(dilnoza.getByText(fill(s.card.localTime, { day: 'Monday', time: '11:00' }))).toBeVisible();
    await expect(dilnoza.getByRole('listitem').filter({ hasText: 'Russian' })).toHaveText(
      `${fill(s.card.language, { language: 'Russian', level: s.levels.FLUENT })}, ${s.card.shared}`,
    );
    await expect(dilnoza.getByRole('listitem').filter({ hasText: 'Uzbek' })).not.toContainText(s.card.shared);
    await expect(dilnoza.getByText(s.card.needsInterpreter)).toHaveCount(0);

    // The surname alone, in Cyrillic, finds everyone who bears it, the one written in Latin letters only too.
    await searchBox(page).fill(name.cyrillic);
    await expect(found(page, 3)).toBeVisible();
    await expectNames(page, [`Dilnoza ${name.latin}`, `Aziz ${name.latin}`, `Marco ${name.latin}`]);
    const aziz = card(page, `Aziz ${name.latin}`);
    await expect(aziz.getByText(s.card.needsInterpreter, { exact: true })).toBeVisible();
    const marco = card(page, `Marco ${name.latin}`);
    await expect(marco.getByText('Rome, Italy', { exact: true })).toBeVisible();
    await expect(marco.getByText(s.card.unavailable, { exact: true })).toBeVisible();
    await expect(marco.getByText(fill(s.card.localTime, { day: 'Monday', time: '07:00' }))).toBeVisible();
    await expect(marco.getByRole('listitem').filter({ hasText: 'English' })).toContainText(s.card.shared);

    // A card opens the profile.
    await dilnoza.getByRole('link', { name: `Dilnoza ${name.latin}`, exact: true }).click();
    await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}$/);
  });

  test('filters show their facet counts, which change as other filters are chosen', async ({
    page,
    context,
    api,
  }) => {
    const { name } = await searchAs({ page, context, api }, [
      'viewer',
      'dilnoza',
      'aziz',
      'aigul',
      'marco',
      'giulia',
    ]);
    await expect(found(page, 5)).toBeVisible();
    for (const [label, count] of [
      ['Uzbekistan', 2],
      ['Italy', 2],
      ['Kazakhstan', 1],
      [s.agencyType.POLICE, 3],
      [s.agencyType.PROSECUTION, 2],
      [s.filters.availableNow, 3],
      [s.filters.available24x7, 1],
      [s.filters.sharesLanguage, 3],
      ['Italian', 2],
      ['Russian', 2],
      ['English', 1],
      ['Asset tracing, freezing and recovery', 2],
    ] as const) {
      await expect(option(page, label, count)).toBeVisible();
    }

    // A country: the countries keep their counts (a facet leaves out its own selection), the rest narrow to Italy.
    await option(page, 'Italy', 2).check();
    await expect(found(page, 2)).toBeVisible();
    await expect(page).toHaveURL(`/directory?q=${name.latin}&countries=IT`);
    await expect(option(page, 'Italy', 2)).toBeChecked();
    await expect(option(page, 'Uzbekistan', 2)).not.toBeChecked();
    await expect(option(page, 'Kazakhstan', 1)).toBeVisible();
    await expect(option(page, s.agencyType.POLICE, 2)).toBeVisible();
    await expect(checkbox(page, s.agencyType.PROSECUTION)).toHaveCount(0);
    await expect(option(page, s.filters.availableNow, 1)).toBeVisible();
    await expect(option(page, s.filters.sharesLanguage, 1)).toBeVisible();
    await expect(option(page, 'English', 1)).toBeVisible();
    await expect(checkbox(page, 'Russian')).toHaveCount(0);

    // A second country widens the list (any of them); a language then narrows it.
    await option(page, 'Kazakhstan', 1).check();
    await expect(found(page, 3)).toBeVisible();
    await expect(option(page, s.agencyType.PROSECUTION, 1)).toBeVisible();
    await option(page, 'Russian', 1).check();
    await expect(found(page, 1)).toBeVisible();
    await expectNames(page, [`Aigul ${name.latin}`]);
    await expect(option(page, 'Italian', 2)).toBeVisible();
    await expect(page).toHaveURL(`/directory?q=${name.latin}&countries=IT,KZ&languages=ru`);

    // Each chosen filter can be removed on its own.
    await page
      .getByRole('button', { name: fill(s.active.remove, { filter: 'Russian' }), exact: true })
      .click();
    await expect(found(page, 3)).toBeVisible();
    await page.getByRole('button', { name: s.filters.clear, exact: true }).click();
    await expect(found(page, 5)).toBeVisible();
    await expect(searchBox(page)).toBeFocused();
  });

  test("'can answer now' goes by each counterpart's own clock and working days, at the server's fixed clock", async ({
    page,
    context,
    api,
  }) => {
    const { name } = await searchAs({ page, context, api }, [
      'viewer',
      'dilnoza',
      'aziz',
      'aigul',
      'marco',
      'giulia',
    ]);
    await expect(found(page, 5)).toBeVisible();
    // 11:00 on a Monday in Tashkent and Almaty, 07:00 in Rome; Aziz works weekends, Giulia around the clock.
    for (const [person, time, answers] of [
      [`Dilnoza ${name.latin}`, '11:00', true],
      [`Aigul ${name.latin}`, '11:00', true],
      [`Aziz ${name.latin}`, '11:00', false],
      [`Marco ${name.latin}`, '07:00', false],
      [`Giulia ${name.latin}`, '07:00', true],
    ] as const) {
      const shown = card(page, person);
      await expect(shown.getByText(fill(s.card.localTime, { day: 'Monday', time }))).toBeVisible();
      await expect(
        shown.getByText(answers ? s.card.availableNow : s.card.unavailable, { exact: true }),
      ).toBeVisible();
    }
    await expect(
      card(page, `Giulia ${name.latin}`).getByText(s.card.available24x7, { exact: true }),
    ).toBeVisible();

    await option(page, s.filters.availableNow, 3).check();
    await expect(found(page, 3)).toBeVisible();
    await expectNames(page, [`Dilnoza ${name.latin}`, `Aigul ${name.latin}`, `Giulia ${name.latin}`]);
    await expect(page).toHaveURL(`/directory?q=${name.latin}&availableNow=1`);
    // With it on, the other facets count only those who can answer: Italy has one, 24/7.
    await expect(option(page, 'Italy', 1)).toBeVisible();
    await option(page, s.filters.available24x7, 1).check();
    await expectNames(page, [`Giulia ${name.latin}`]);
  });

  test('a bookmarked search URL shows the same results in another browser; back and forward step through searches', async ({
    page,
    context,
    api,
    newPage,
  }) => {
    const query = (surname: UniqueName) => `q=${surname.latin}&countries=IT&availableNow=1`;
    const { name, accounts } = await searchAs(
      { page, context, api },
      ['viewer', 'viewer', 'dilnoza', 'marco', 'giulia'],
      query,
    );
    const bookmark = `/directory?${query(name)}`;
    await expect(found(page, 1)).toBeVisible();
    await expectNames(page, [`Giulia ${name.latin}`]);
    await expect(searchBox(page)).toHaveValue(name.latin);
    // Counted with the other filter on: one in Italy and one in Uzbekistan can answer now; in Italy, one can.
    await expect(option(page, 'Italy', 1)).toBeChecked();
    await expect(option(page, 'Uzbekistan', 1)).not.toBeChecked();
    await expect(option(page, s.filters.availableNow, 1)).toBeChecked();
    await expect(page.getByRole('list', { name: s.active.label })).toBeVisible();

    // Someone else opening the shared link sees the same search and the same people.
    const elsewhere = await newPage();
    await openSignedIn(
      { page: elsewhere, context: elsewhere.context(), api },
      accounts[1],
      bookmark,
      s.title,
    );
    await expect(found(elsewhere, 1)).toBeVisible();
    await expectNames(elsewhere, [`Giulia ${name.latin}`]);
    await expect(searchBox(elsewhere)).toHaveValue(name.latin);

    // A filter is a step in the history; typing replaces the step it is on.
    await option(page, s.filters.availableNow, 1).uncheck();
    await expect(found(page, 2)).toBeVisible();
    await searchBox(page).fill(`Marco ${name.latin}`);
    await expect(found(page, 1)).toBeVisible();
    await expect(page).toHaveURL(`/directory?q=${encodeURIComponent(`Marco ${name.latin}`)}&countries=IT`);
    await page.goBack();
    await expect(page).toHaveURL(bookmark);
    await expectNames(page, [`Giulia ${name.latin}`]);
    await expect(searchBox(page)).toHaveValue(name.latin);
    await expect(option(page, s.filters.availableNow, 1)).toBeChecked();
    await page.goForward();
    await expectNames(page, [`Marco ${name.latin}`]);
    await expect(searchBox(page)).toHaveValue(`Marco ${name.latin}`);
    await expect(checkbox(page, s.filters.availableNow)).not.toBeChecked();
  });

  test('"Show more" appends the next page and moves the focus to its first result', async ({
    page,
    context,
    api,
  }) => {
    const name = uniqueSurname();
    const viewer = await api.member('directory-pager');
    const officer = (index: number): CounterpartSeed => ({
      label: 'directory-page',
      displayName: `Officer${index} ${name.latin}`,
      country: 'UZ',
      agency: { name: 'State Border Troops', type: 'BORDER', city: 'Termez' },
      timeZone: 'Asia/Tashkent',
      languages: [{ code: 'uz', level: 'NATIVE' }],
    });
    await counterparts(
      api,
      Array.from({ length: 22 }, (_, index) => officer(index + 1)),
    );
    await openSignedIn({ page, context, api }, viewer, `/directory?q=${name.latin}`, s.title);
    await expect(found(page, 22)).toBeVisible();
    await expect(page.getByText(fill(s.results.shown, { shown: 20, total: 22 }))).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(20);
    const firstPage = await names(page);

    const more = page.getByRole('button', { name: s.results.showMore, exact: true });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(fill(s.results.shown, { shown: 22, total: 22 }))).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(22);
    await expect(more).toHaveCount(0);
    // The first page stays as it was; the focus is on the first new card's name.
    const all = await page.getByRole('article').getByRole('heading', { level: 3 }).allTextContents();
    expect(all.slice(0, 20).sort()).toEqual(firstPage);
    await expect(page.getByRole('article').nth(20).getByRole('link')).toBeFocused();
    expect(new Set(all).size).toBe(22);
  });

  test('on a phone the filters fold behind "Filters (N)"', async ({ page, context, api }) => {
    await page.setViewportSize(PHONE);
    await searchAs(
      { page, context, api },
      ['viewer', 'dilnoza', 'aigul', 'marco'],
      (surname) => `q=${surname.latin}&countries=IT`,
    );
    await expect(found(page, 1)).toBeVisible();
    const toggle = page.getByRole('button', { name: fill(s.filters.toggleCount, { count: 1 }), exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(option(page, 'Italy', 1)).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await option(page, 'Kazakhstan', 1).check();
    await expect(found(page, 2)).toBeVisible();
    await expect(
      page.getByRole('button', { name: fill(s.filters.toggleCount, { count: 2 }), exact: true }),
    ).toBeVisible();
    await page.getByRole('button', { name: plural('en', s.filters, 'showResults', 2), exact: true }).click();
    await expect(option(page, 'Kazakhstan', 1)).toBeHidden();
    await expect(found(page, 2)).toBeFocused();
  });

  test('the screen loads at most 200 KB of JS and CSS (gzip), shared chunks included', async ({
    page,
    context,
    api,
  }) => {
    const name = uniqueSurname();
    const [viewer] = await counterparts(api, [cast(name).viewer()]);
    await counterpart(api, cast(name).dilnoza());
    const bytes = new Map<string, number>();
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') {
        void response.body().then((body) => bytes.set(response.url(), gzipSync(body, { level: 9 }).length));
      }
    });
    await openSignedIn({ page, context, api }, viewer, `/directory?q=${name.latin}`, s.title);
    await expect(found(page, 1)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^Uzbekistan/ })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
    const figure = `${(total / 1000).toFixed(1)} kB in ${bytes.size} files`;
    test.info().annotations.push({ type: 'JS + CSS (gzip -9)', description: figure });
    console.log(`/directory: JS + CSS ${figure} (gzip -9; the budget is 200 kB)`);
    expect(bytes.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(200_000);
  });
});
