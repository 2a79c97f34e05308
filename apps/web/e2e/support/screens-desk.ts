import { expect, type Page } from '@playwright/test';
import { catalogs, fill, type Catalog } from './catalog';
import {
  actionDialog,
  APPLICANT_WORK,
  desk,
  DeskApi,
  deskOf,
  queueCard,
  queueList,
  type DeskPerson,
} from './desk';
import { openSignedIn, type Screen, type ScreenContext } from './screen';

/*
 * Each screen has a country of its own that neither the demo network nor another test uses, so its lists show only its
 * own people, whose names (Latin test data) the Russian audit is told about. The applicants' agency and position are
 * test data too.
 */

const DAY = 24 * 3600 * 1000;

/**
 * "CSV", an abbreviation Russian writes in Latin letters, on the members list's download button (support/checks.ts
 * does not list it yet).
 */
const ABBREVIATIONS = ['CSV'];

/** A coordinator of `country` and two of its applicants, the older first; the desk opened at `path`. */
async function queueOf(screen: ScreenContext, country: string, label: string, path: string, heading: string) {
  const people = new DeskApi(screen.api);
  const coordinator = await people.coordinator([country], `${label}-coordinator`, 'Ani Petrosyan');
  const older = await people.applicant(country, `${label}-older`, 'Dilnoza Karimova');
  const newer = await people.applicant(country, `${label}-newer`, 'Bahrom Aliyev');
  await openSignedIn(screen, coordinator, path, heading);
  return { coordinator, older, newer };
}

const workOf = (people: DeskPerson[]) => [
  ...people.map((person) => person.name),
  APPLICANT_WORK.agency,
  APPLICANT_WORK.position,
];

/** The queue has its applicants' cards (and their profiles) in the screen's language. */
async function queueShown(page: Page, cat: Catalog): Promise<void> {
  await expect(queueList(page, deskOf(cat)).getByText(deskOf(cat).profile.agency).first()).toBeVisible();
}

/** A member's page: their heading is their name (the same in both languages), known once made. */
function memberScreen(
  name: string,
  country: string,
  then?: (screen: ScreenContext, member: DeskPerson) => Promise<string[]>,
  modal = false,
): Screen {
  let heading = '';
  return {
    name,
    title: () => heading,
    modal,
    async open(screen) {
      const people = new DeskApi(screen.api);
      const coordinator = await people.coordinator([country], `screen-${name}-coordinator`, 'Ani Petrosyan');
      const member = await people.member(
        country,
        `screen-${name}`,
        'Aziz Rakhimov',
        new Date(Date.now() + 20 * DAY),
      );
      heading = member.name;
      await openSignedIn(screen, coordinator, `/desk/members/${member.id}`, member.name);
      await expect(
        screen.page.getByRole('button', { name: desk.member.do.suspend, exact: true }),
      ).toBeVisible();
      return [...workOf([member]), ...((await then?.(screen, member)) ?? [])];
    },
  };
}

/** The coordinators' desk (issue 18): queue, members, a member, invitations, the dialogs; audited like every other. */
export const DESK_SCREENS: Screen[] = [
  {
    name: 'desk-not-staff',
    title: (cat) => deskOf(cat).notStaff.title,
    async open(screen) {
      const people = new DeskApi(screen.api);
      const member = await people.member('AM', 'screen-desk-member', 'Armen Sargsyan');
      await openSignedIn(screen, member, '/desk', desk.notStaff.title);
    },
  },
  {
    name: 'desk-queue',
    title: (cat) => deskOf(cat).queue.title,
    settle: queueShown,
    async open(screen) {
      const { older, newer } = await queueOf(
        screen,
        'MD',
        'screen-desk-queue',
        '/desk/queue',
        desk.queue.title,
      );
      await expect(queueCard(screen.page, older)).toBeVisible();
      await queueShown(screen.page, catalogs.en);
      return workOf([older, newer]);
    },
  },
  {
    name: 'desk-approve',
    title: (cat) => deskOf(cat).queue.title,
    modal: true,
    async open(screen) {
      const { older, newer } = await queueOf(
        screen,
        'BY',
        'screen-desk-approve',
        '/desk/queue',
        desk.queue.title,
      );
      await queueCard(screen.page, older)
        .getByRole('button', { name: fill(desk.queue.approveNamed, { name: older.name }) })
        .click();
      const dialog = actionDialog(screen.page, fill(desk.vet.approveTitle, { name: older.name }));
      // Tried without a reason: the field says what it needs.
      await dialog.getByRole('button', { name: desk.vet.approve, exact: true }).click();
      await expect(dialog.getByLabel(desk.reason.label)).toHaveAttribute('aria-invalid', 'true');
      return workOf([older, newer]);
    },
  },
  {
    name: 'desk-members',
    title: (cat) => deskOf(cat).members.title,
    async open(screen) {
      const people = new DeskApi(screen.api);
      const coordinator = await people.coordinator(
        ['AL'],
        'screen-desk-members-coordinator',
        'Ani Petrosyan',
      );
      const expiring = await people.member(
        'AL',
        'screen-desk-members-a',
        'Aziz Rakhimov',
        new Date(Date.now() + 12 * DAY),
      );
      const vetted = await people.member('AL', 'screen-desk-members-b', 'Malika Yusupova');
      const pending = await people.applicant('AL', 'screen-desk-members-c', 'Bahrom Aliyev');
      await openSignedIn(screen, coordinator, '/desk/members', desk.members.title);
      await expect(
        screen.page
          .getByRole('list', { name: desk.members.list })
          .getByRole('listitem')
          .filter({ hasText: expiring.email }),
      ).toBeVisible();
      return [...workOf([coordinator, expiring, vetted, pending]), ...ABBREVIATIONS];
    },
  },
  memberScreen('desk-member', 'ME'),
  memberScreen(
    'desk-suspend',
    'MK',
    async ({ page }, member) => {
      await page.getByRole('button', { name: desk.member.do.suspend, exact: true }).click();
      await expect(actionDialog(page, fill(desk.suspend.title, { name: member.name }))).toBeVisible();
      return [];
    },
    true,
  ),
  memberScreen('desk-reset-code', 'BA', async ({ page }, member) => {
    await page.getByRole('button', { name: desk.member.do.reset, exact: true }).click();
    const dialog = actionDialog(page, fill(desk.reset.title, { name: member.name }));
    await dialog.getByLabel(desk.reason.label).fill('Lost phone: identity checked by a call to the agency');
    await dialog.getByRole('button', { name: desk.reset.confirm, exact: true }).click();
    await expect(
      page.getByRole('region', { name: fill(desk.reset.done, { name: member.name }) }),
    ).toBeVisible();
    return [`${new URL(page.url()).origin}/reset`];
  }),
  {
    name: 'desk-invitation',
    title: (cat) => deskOf(cat).invitations.title,
    async open(screen) {
      const people = new DeskApi(screen.api);
      const coordinator = await people.coordinator(['RS'], 'screen-desk-invitation', 'Ani Petrosyan');
      await openSignedIn(screen, coordinator, '/desk/invitations', desk.invitations.title);
      await screen.page
        .getByLabel(desk.invitations.email, { exact: false })
        .fill('m.yusupova@prosecutor.example.rs');
      await screen.page.getByRole('button', { name: desk.invitations.submit, exact: true }).click();
      const panel = screen.page.getByRole('region', {
        name: fill(desk.invitations.created, { country: 'Serbia' }),
      });
      await expect(panel).toBeVisible();
      const origin = new URL(screen.page.url()).origin;
      // The link's code matches the audit's pattern of codes once the address before it is taken away.
      return [`${origin}/apply?code=`, `${origin}/apply`];
    },
  },
];
