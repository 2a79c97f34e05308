import { expect, type Page } from '@playwright/test';
import { cast, counterparts, shownData, uniqueSurname, type CounterpartSeed } from './api-directory';
import { catalogs, fill, plural, type Catalog } from './catalog';
import { PHONE } from './context';
import { openSignedIn, type Screen, type ScreenContext } from './screen';

const en = catalogs.en;

/**
 * After a language switch the search asks for the reference names again (countries, languages, expertise) and marks
 * its filters busy meanwhile; the screen is settled once nothing is.
 */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * A viewer and `seeds` bearing one new surname, the search for it opened at `query` (after `?q=<surname>`), the
 * results' heading awaited. Answers what the cards show in Latin letters whatever the language, and the surname.
 */
async function openSearch(
  screen: ScreenContext,
  seeds: (people: ReturnType<typeof cast>) => CounterpartSeed[],
  query: string,
  heading: (cat: Catalog) => string,
): Promise<string[]> {
  const name = uniqueSurname();
  const people = cast(name);
  const shown = seeds(people);
  const [viewer] = await counterparts(screen.api, [people.viewer(), ...shown]);
  await openSignedIn(screen, viewer, `/directory?q=${name.latin}${query}`, en.directory.search.title);
  await expect(screen.page.getByRole('heading', { level: 2, name: heading(en), exact: true })).toBeVisible();
  await settled(screen.page);
  return [...shownData(shown), name.latin];
}

/** The search screen (issue 15) in three states, audited like every other screen (screens.spec.ts). */
const SEARCH_SCREENS: Screen[] = [
  {
    // Four people of three countries: both scripts, who can answer now, shared languages, needs an interpreter.
    name: 'directory-search-results',
    title: (cat) => cat.directory.search.title,
    settle: settled,
    open: (screen) =>
      openSearch(
        screen,
        (people) => [people.dilnoza(), people.aziz(), people.aigul(), people.marco()],
        '',
        (cat) => plural('en', cat.directory.search.results, 'found', 4),
      ),
  },
  {
    // Nobody in Italy bears the name: the empty state, the filter to remove, the counts of the other countries.
    name: 'directory-search-empty',
    title: (cat) => cat.directory.search.title,
    settle: settled,
    open: (screen) =>
      openSearch(
        screen,
        (people) => [people.dilnoza(), people.aigul()],
        '&countries=IT',
        (cat) => cat.directory.search.empty.title,
      ),
  },
  {
    // At 360 px, "Filters (2)" opened: the filters above the results.
    name: 'directory-search-filters',
    title: (cat) => cat.directory.search.title,
    settle: settled,
    async open(screen) {
      await screen.page.setViewportSize(PHONE);
      const data = await openSearch(
        screen,
        (people) => [people.dilnoza(), people.aziz(), people.aigul()],
        '&countries=UZ&availableNow=1',
        (cat) => plural('en', cat.directory.search.results, 'found', 1),
      );
      const toggle = screen.page.getByRole('button', {
        name: fill(en.directory.search.filters.toggleCount, { count: 2 }),
        exact: true,
      });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      return data;
    },
  },
];

/** The screens of the directory: search and a profile (issue 15), audited like every other (screens.spec.ts). */
export const DIRECTORY_SCREENS: Screen[] = [...SEARCH_SCREENS];
