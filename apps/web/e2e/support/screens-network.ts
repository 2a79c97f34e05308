import { expect, type Page } from '@playwright/test';
import { ageOwnProfile, NetworkApi } from './api-network';
import type { Catalog } from './catalog';
import { openSignedIn, type Screen } from './screen';
import { en } from './ui';

/** Georgia has no demo members: the screen's member and coordinator are its own (the spec uses Mongolia). */
const COUNTRY = 'GE';

/** The map arrives in its own chunk after the page, the coordinators with their own query. */
async function waitForNetwork(page: Page, cat: Catalog): Promise<void> {
  await expect(page.getByRole('group', { name: cat.home.network.mapLabel, exact: true })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2 }).filter({ hasText: cat.home.network.title }),
  ).toBeVisible();
}

/** The screens of the network home: map, coordinators, freshness (issue 15), audited like every other (screens.spec.ts). */
export const NETWORK_SCREENS: Screen[] = [
  {
    // A vetted member of Georgia whose profile was confirmed 11 months ago: the prompt, the map, their coordinator.
    name: 'home-network',
    title: (cat) => cat.home.welcome,
    settle: waitForNetwork,
    async open(screen) {
      const network = new NetworkApi(screen.api);
      const profile = {
        displayName: 'Nino Beridze',
        position: 'Senior prosecutor',
        agencyName: 'Prosecutor’s Office of Georgia',
      };
      await network.coordinator(
        COUNTRY,
        'screen-network-coordinator',
        [
          { kind: 'EMAIL', value: 'n.beridze@pog.example.ge', visibility: 'MEMBERS' },
          { kind: 'PHONE', value: '+995322405050', visibility: 'MEMBERS' },
        ],
        profile,
      );
      const member = await network.member(COUNTRY, 'screen-network', {
        displayName: 'Giorgi Kapanadze',
        agencyName: profile.agencyName,
      });
      await ageOwnProfile(screen.page, 11);
      await openSignedIn(screen, member, '/', en.home.welcome);
      await waitForNetwork(screen.page, en);
      await expect(screen.page.getByText(en.home.freshness.dueTitle)).toBeVisible();
      return [profile.displayName, profile.position, profile.agencyName];
    },
  },
];
