import type {
  HomeCoordinatorsQuery,
  HomeMyProfileQuery,
  HomeNetworkQuery,
  HomeQuery,
} from '@web/lib/graphql/graphql';

type Me = HomeQuery['me'];
type Coordinator = HomeCoordinatorsQuery['coordinators'][number];

/** The answers of the home page's operations, as the API gives them; each test overrides what it is about. */
export const me = (overrides: Partial<Me> = {}): Me => ({
  id: 'member-1',
  email: 'aigul@example.org',
  role: 'MEMBER',
  status: 'VETTED',
  active: true,
  country: 'KZ',
  vettedUntil: null,
  totpEnabled: true,
  ...overrides,
});

export const network = (counts: Record<string, number>): HomeNetworkQuery => ({
  practitioners: {
    totalCount: Object.values(counts).reduce((sum, count) => sum + count, 0),
    facets: {
      countries: Object.entries(counts).map(([code, count]) => ({ code, count })),
    },
  },
});

export const coordinator = (overrides: Partial<Coordinator> = {}): Coordinator => ({
  id: 'coordinator-1',
  displayName: 'Daniyar Seitkali',
  nativeName: 'Данияр Сейткали',
  position: 'Senior prosecutor',
  agency: { name: 'General Prosecutor’s Office' },
  contacts: [],
  ...overrides,
});

/** A date `months` calendar months before now (and an hour, so the count is not on its edge). */
export function monthsAgo(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCHours(date.getUTCHours() - 1);
  return date.toISOString();
}

export const myProfile = (confirmedAt: string | null, stale = false): HomeMyProfileQuery => ({
  practitioner: { id: 'member-1', confirmedAt, stale },
});
