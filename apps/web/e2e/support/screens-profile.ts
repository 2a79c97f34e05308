import { expect } from '@playwright/test';
import { COUNTERPART, counterpart, setProfile } from './api-profile';
import { catalogs } from './catalog';
import { openSignedIn, type Screen } from './screen';

const en = catalogs.en;
/** Test data that stays in Latin letters in Russian: names, agency, position, addresses, channel brands. */
const LATIN = [
  COUNTERPART.displayName,
  ...COUNTERPART.nameVariants,
  COUNTERPART.position,
  'General Prosecutor’s Office',
  'Duty desk',
];

/** A counterpart's profile (Perso-Arabic and Latin names), editing one's own, with and without errors (issue 15). */
export const PROFILE_SCREENS: Screen[] = [
  {
    name: 'profile',
    title: () => 'Alisher Navoiy',
    async open(screen) {
      const them = await screen.api.member('screen-profile-them');
      await setProfile(screen.api, them, {
        displayName: 'Alisher Navoiy',
        nativeName: 'Алишер Навоий',
        nameVariants: ['Alisher Navoi'],
        languages: [
          { code: 'uz', level: 'NATIVE' },
          { code: 'ru', level: 'FLUENT' },
        ],
        expertise: ['ASSET_RECOVERY'],
        contacts: [{ kind: 'EMAIL', value: COUNTERPART.membersEmail, visibility: 'MEMBERS' }],
      });
      await openSignedIn(
        screen,
        await screen.api.member('screen-profile'),
        `/directory/${them.id}`,
        'Alisher Navoiy',
      );
      return LATIN;
    },
  },
  {
    name: 'profile-perso-arabic',
    title: () => COUNTERPART.displayName,
    async open(screen) {
      const them = await counterpart(screen.api, 'screen-profile-fa');
      await openSignedIn(
        screen,
        await screen.api.coordinator('screen-profile-fa-viewer'),
        `/directory/${them.id}`,
        COUNTERPART.displayName,
      );
      await expect(screen.page.getByText(COUNTERPART.nativeName, { exact: true })).toBeVisible();
      return LATIN;
    },
  },
  {
    name: 'edit-profile',
    title: (cat) => cat.profile.title,
    async open(screen) {
      await openSignedIn(screen, await counterpart(screen.api, 'screen-edit'), '/profile', en.profile.title);
      return LATIN;
    },
  },
  {
    name: 'edit-profile-errors',
    title: (cat) => cat.profile.title,
    async open(screen) {
      await openSignedIn(
        screen,
        await counterpart(screen.api, 'screen-edit-errors'),
        '/profile',
        en.profile.title,
      );
      const { page } = screen;
      await page.getByRole('textbox', { name: en.profile.contacts.value, exact: true }).nth(1).fill('+99890');
      await page.getByRole('button', { name: en.profile.save, exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      return LATIN;
    },
  },
];
