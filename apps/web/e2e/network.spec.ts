import type { Page } from '@playwright/test';
import { ageOwnProfile, NetworkApi } from './support/api-network';
import { fill, plural } from './support/catalog';
import { expect, test } from './support/fixtures';
import { openSignedIn } from './support/screen';
import { en, title } from './support/ui';

const home = en.home;
/** Mongolia has no demo members: its members and coordinators here are this spec's own. */
const COUNTRY = 'MN';
const COUNTRY_NAME = 'Mongolia';

const networkMap = (page: Page) => page.getByRole('group', { name: home.network.mapLabel, exact: true });

test.describe('network home', () => {
  test('the map shades the network countries; a click or Enter on one opens the directory searching it', async ({
    page,
    context,
    api,
  }) => {
    const member = await new NetworkApi(api).member(COUNTRY, 'network-map');
    await openSignedIn({ page, context, api }, member, '/', home.welcome);

    const map = networkMap(page);
    await expect(map).toBeVisible();
    const mongolia = map.getByRole('link', { name: new RegExp(`^${COUNTRY_NAME}: \\d+ `) });
    await expect(mongolia).toHaveCount(1);
    // The demo network is on the map too, and the same counts are in the table.
    await expect(map.getByRole('link', { name: /^Kazakhstan: \d+ / })).toHaveCount(1);
    const table = page.getByRole('table', { name: new RegExp(home.network.tableCaption) });
    await expect(table.getByRole('link', { name: COUNTRY_NAME, exact: true })).toBeVisible();

    await mongolia.click();
    await expect(page).toHaveURL(new RegExp(`/directory\\?countries=${COUNTRY}$`));
    await expect(title(page, en.directory.search.title)).toBeVisible();

    await page.goBack();
    await expect(title(page, home.welcome)).toBeVisible();
    await map.getByRole('link', { name: /^Kazakhstan: \d+ / }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/directory\?countries=KZ$/);
  });

  test("the member's country's coordinators, with the contacts a member may see and links to their profiles", async ({
    page,
    context,
    api,
  }) => {
    const network = new NetworkApi(api);
    const coordinator = await network.coordinator(
      COUNTRY,
      'network-coordinator',
      [
        { kind: 'EMAIL', value: 'duty@prosecutor.example.mn', visibility: 'MEMBERS' },
        { kind: 'MOBILE', value: '+97699112233', visibility: 'COORDINATORS' },
      ],
      { displayName: `Batbayar ${Date.now()}`, position: 'Senior prosecutor' },
    );
    const member = await network.member(COUNTRY, 'network-member');
    await openSignedIn({ page, context, api }, member, '/', home.welcome);

    const section = page.getByRole('region', {
      name: fill(home.coordinators.title, { country: COUNTRY_NAME }),
      exact: true,
    });
    const card = section.getByRole('listitem').filter({ hasText: coordinator.displayName });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Senior prosecutor, Prosecutor General’s Office');
    await expect(card.getByRole('link', { name: 'duty@prosecutor.example.mn' })).toHaveAttribute(
      'href',
      'mailto:duty@prosecutor.example.mn',
    );
    // Visible to coordinators only: a member is never sent it.
    await expect(card.getByText('+97699112233')).toHaveCount(0);

    await card.getByRole('link', { name: coordinator.displayName, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/directory/${coordinator.id}$`));
  });

  test('a profile confirmed 13 months ago is called out of date; "Confirm now" confirms it at the API', async ({
    page,
    context,
    api,
  }) => {
    const network = new NetworkApi(api);
    const member = await network.member(COUNTRY, 'network-stale');
    const before = await network.confirmedAt(member);
    await ageOwnProfile(page, 13);
    await openSignedIn({ page, context, api }, member, '/', home.welcome);

    const prompt = page.getByRole('status').filter({ hasText: home.freshness.staleTitle });
    await expect(prompt).toContainText(
      fill(home.freshness.dueBody, { ago: plural('en', home.freshness, 'monthsAgo', 13) }),
    );
    await expect(prompt.getByRole('link', { name: home.freshness.edit, exact: true })).toHaveAttribute(
      'href',
      '/profile',
    );
    await prompt.getByRole('button', { name: home.freshness.confirm, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: home.freshness.done })).toBeVisible();
    await expect(page.getByRole('button', { name: home.freshness.confirm, exact: true })).toHaveCount(0);
    await expect(
      page.getByText(fill(home.freshness.confirmed, { ago: home.freshness.recently }), { exact: false }),
    ).toBeVisible();
    expect(Date.parse(await network.confirmedAt(member))).toBeGreaterThan(Date.parse(before));
  });

  test('a pending applicant sees only their status, not the network', async ({ page, context, api }) => {
    await openSignedIn({ page, context, api }, await api.applicant('network-pending'), '/', home.welcome);
    await expect(page.getByText(home.statusText.PENDING)).toBeVisible();
    await expect(page.getByRole('heading', { name: home.network.title })).toHaveCount(0);
    await expect(networkMap(page)).toHaveCount(0);
  });
});
