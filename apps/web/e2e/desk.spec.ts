import { signInContext } from './support/api';
import { openChat } from './support/chat';
import { fill } from './support/catalog';
import {
  actionDialog,
  desk,
  DeskApi,
  deskNavigation,
  errorCodesOf,
  openDesk,
  queueCard,
  uniqueName,
} from './support/desk';
import { expect, test } from './support/fixtures';
import { en, expectSignInScreen, mainNavigation, title, userAgentOf } from './support/ui';

const DAY = 24 * 3600 * 1000;
const SUSPEND = 'mutation Suspend($input: MemberReasonInput!) { suspendMember(input: $input) { id status } }';

/** `2028-12-01T12:00:00.000Z` as the desk shows a date in English ("1 December 2028"). */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tashkent' }).format(new Date(iso));

test.describe('the coordinators’ desk', () => {
  test('a coordinator vets an applicant in the queue, who can then sign in and search the directory', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const people = new DeskApi(api);
    const coordinator = await people.coordinator(['TJ'], 'desk-vetter', uniqueName('Firuza', 'Saidova'));
    const applicant = await people.applicant('TJ', 'desk-applicant', uniqueName('Rustam', 'Nazarov'));

    // From the header, as a coordinator would get there: the desk opens on its queue.
    await signInContext(context, coordinator, await userAgentOf(page));
    await page.goto('/');
    await mainNavigation(page).getByRole('link', { name: en.app.nav.desk, exact: true }).click();
    await expect(title(page, desk.queue.title)).toBeVisible();
    await expect(page).toHaveURL(/\/desk\/queue$/);
    await expect(deskNavigation(page).getByRole('link', { name: desk.nav.queue })).toHaveAttribute(
      'aria-current',
      'page',
    );

    const card = queueCard(page, applicant);
    await expect(card.getByText('Tajikistan')).toBeVisible();
    await expect(card.getByText(fill(desk.queue.waiting_other, { count: 0 }))).toBeVisible();
    await card.getByRole('button', { name: fill(desk.queue.approveNamed, { name: applicant.name }) }).click();

    const dialog = actionDialog(page, fill(desk.vet.approveTitle, { name: applicant.name }));
    // Focus starts in the first field: the day the vetting ends, 24 months ahead unless changed.
    await expect(dialog.getByLabel(desk.vet.until)).toBeFocused();
    // Without a reason nothing is sent: the field says what it needs.
    await dialog.getByRole('button', { name: desk.vet.approve, exact: true }).click();
    await expect(dialog.getByLabel(desk.reason.label)).toHaveAccessibleDescription(
      new RegExp(en.errors.fields.REQUIRED),
    );
    await dialog
      .getByLabel(desk.reason.label)
      .fill('Confirmed with the Prosecutor General’s Office by phone');
    const until = await dialog.getByLabel(desk.vet.until).inputValue();
    await dialog.getByRole('button', { name: desk.vet.approve, exact: true }).click();

    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({
        hasText: fill(desk.queue.approved, {
          name: applicant.name,
          date: shownDate(`${until}T12:00:00.000Z`),
        }),
      }),
    ).toBeVisible();
    await expect(card).toHaveCount(0);
    expect(await people.memberNow(applicant.id)).toEqual({
      status: 'VETTED',
      vettedUntil: `${until}T12:00:00.000Z`,
    });

    // The applicant, now vetted, signs in and finds the coordinator who vetted them.
    const theirs = await newPage();
    await signInContext(theirs.context(), applicant, await userAgentOf(theirs));
    await theirs.goto(`/directory?q=${encodeURIComponent(coordinator.name)}`);
    await expect(theirs.getByRole('article', { name: coordinator.name, exact: true })).toBeVisible();
  });

  test('a coordinator of Uzbekistan sees no action on a member of Kazakhstan, and the API refuses one forced', async ({
    page,
    context,
    api,
  }) => {
    const people = new DeskApi(api);
    const coordinator = await people.coordinator(['UZ'], 'desk-uz', uniqueName('Bahrom', 'Aliyev'));
    const kazakh = await people.member('KZ', 'desk-kz', uniqueName('Aigerim', 'Nurlanovna'));

    await openDesk(page, context, coordinator, `/desk/members/${kazakh.id}`, desk.outOfScope.title);
    await expect(page.getByText(fill(desk.outOfScope.body, { countries: 'Uzbekistan' }))).toBeVisible();
    await expect(page.getByRole('heading', { name: desk.member.actions })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
    // The list does not name them either: it holds the coordinator's countries only.
    await page.goto(`/desk/members?country=KZ`);
    await expect(
      page.getByRole('heading', { level: 2, name: fill(desk.members.count_other, { count: 0 }) }),
    ).toBeVisible();

    const { accessToken } = await api.signIn(coordinator.email, coordinator.password);
    expect(
      await errorCodesOf(context.request, accessToken, SUSPEND, {
        input: { memberId: kazakh.id, reason: 'Forced through the API' },
      }),
    ).toEqual(['FORBIDDEN']);
    expect((await people.memberNow(kazakh.id)).status).toBe('VETTED');
  });

  test('suspending a member at the desk signs out their open browser within a second or two', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const people = new DeskApi(api);
    const coordinator = await people.coordinator(['KG'], 'desk-suspender', uniqueName('Aibek', 'Toktogulov'));
    const member = await people.member('KG', 'desk-suspended', uniqueName('Nurlan', 'Asanov'));

    // The member's own browser: the chat set up (its socket stays open on every screen), then idle on the directory.
    const theirs = await newPage();
    await openChat(theirs, theirs.context(), member, 'Office PC');
    await mainNavigation(theirs).getByRole('link', { name: en.app.nav.directory, exact: true }).click();
    await expect(title(theirs, en.directory.search.title)).toBeVisible();

    await openDesk(page, context, coordinator, `/desk/members/${member.id}`, member.name);
    await page.getByRole('button', { name: desk.member.do.suspend, exact: true }).click();
    const dialog = actionDialog(page, fill(desk.suspend.title, { name: member.name }));
    await dialog.getByLabel(desk.reason.label).fill('Left the prosecution service');
    await dialog.getByRole('button', { name: desk.suspend.confirm, exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: fill(desk.suspend.done, { name: member.name }) }),
    ).toBeVisible();
    const suspendedAt = Date.now();

    await expect(title(theirs, en.auth.signIn.title)).toBeVisible({ timeout: 2_000 });
    expect(Date.now() - suspendedAt).toBeLessThan(2_000);
    await expectSignInScreen(theirs);
    // The desk shows what the server now says, with what a suspended member allows.
    await expect(page.getByText(desk.status.SUSPENDED, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: desk.member.do.reinstate, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: desk.member.do.suspend, exact: true })).toHaveCount(0);
  });

  test('a vetting that ends in 10 days is renewed at the desk: the new day is shown and the server agrees', async ({
    page,
    context,
    api,
  }) => {
    const people = new DeskApi(api);
    const coordinator = await people.coordinator(['PK'], 'desk-renewer', uniqueName('Ayesha', 'Khan'));
    const member = await people.member(
      'PK',
      'desk-renewed',
      uniqueName('Imran', 'Qureshi'),
      new Date(Date.now() + 10 * DAY),
    );

    // The members list flags it: the filter of vettings ending within 30 days finds it.
    await openDesk(page, context, coordinator, '/desk/members?expires=30', desk.members.title);
    const row = page
      .getByRole('list', { name: desk.members.list })
      .getByRole('listitem')
      .filter({ hasText: member.name });
    await expect(row.getByText(/^Ends in (9|10) days$/)).toBeVisible();
    await row.getByRole('link', { name: member.name }).click();
    await expect(title(page, member.name)).toBeVisible();

    await page.getByRole('button', { name: desk.member.do.renew, exact: true }).click();
    const dialog = actionDialog(page, fill(desk.vet.renewTitle, { name: member.name }));
    const until = await dialog.getByLabel(desk.vet.until).inputValue();
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(700 * DAY);
    await dialog.getByLabel(desk.reason.label).fill('Still in post: confirmed by the agency');
    await dialog.getByRole('button', { name: desk.vet.renew, exact: true }).click();

    const date = shownDate(`${until}T12:00:00.000Z`);
    await expect(
      page.getByRole('status').filter({ hasText: fill(desk.vet.renewed, { name: member.name, date }) }),
    ).toBeVisible();
    const vettedUntil = page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${desk.member.vettedUntil}$`) })
      .locator('xpath=following-sibling::dd[1]');
    await expect(vettedUntil).toHaveText(date);
    expect(await people.memberNow(member.id)).toEqual({
      status: 'VETTED',
      vettedUntil: `${until}T12:00:00.000Z`,
    });
  });
});
