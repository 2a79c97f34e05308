import type { MemberStatus, MembersFilterInput } from '@web/lib/graphql/graphql';

export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'PENDING',
  'VETTED',
  'SUSPENDED',
  'REJECTED',
  'REVOKED',
];
/** The ready-made "vetting ends within" choices, in days; `custom` takes a number of the coordinator's own. */
export const EXPIRY_CHOICES = ['30', '60', '90'] as const;
export const MAX_CUSTOM_DAYS = 3650;

/** The members list's filters, as its URL's query string keeps them (a link or a reload shows the same list). */
export interface MembersFilters {
  status: MemberStatus | '';
  country: string;
  /** '', one of EXPIRY_CHOICES, or 'custom' (then `days`). */
  expires: '' | (typeof EXPIRY_CHOICES)[number] | 'custom';
  /** The custom number of days, as typed. */
  days: string;
  stale: boolean;
}

export const NO_FILTERS: MembersFilters = { status: '', country: '', expires: '', days: '', stale: false };

/** The filters a query string names; anything it does not know reads as "no filter". */
export function filtersOf(params: URLSearchParams): MembersFilters {
  const status = params.get('status') ?? '';
  const country = (params.get('country') ?? '').toUpperCase();
  const expires = params.get('expires') ?? '';
  return {
    status: (MEMBER_STATUSES as readonly string[]).includes(status) ? (status as MemberStatus) : '',
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    expires: ([...EXPIRY_CHOICES, 'custom'] as readonly string[]).includes(expires)
      ? (expires as MembersFilters['expires'])
      : '',
    days: (params.get('days') ?? '').slice(0, 5),
    stale: params.get('stale') === '1',
  };
}

/** The query string of `filters`, without the empty ones. */
export function paramsOf(filters: MembersFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) {
    params.set('status', filters.status);
  }
  if (filters.country) {
    params.set('country', filters.country);
  }
  if (filters.expires) {
    params.set('expires', filters.expires);
    if (filters.expires === 'custom' && filters.days) {
      params.set('days', filters.days);
    }
  }
  if (filters.stale) {
    params.set('stale', '1');
  }
  return params;
}

/** The number of days of "vetting ends within", or undefined when none is chosen or the custom number is not valid. */
export function expiryDays(filters: MembersFilters): number | undefined {
  if (filters.expires === '') {
    return undefined;
  }
  const days = Number(filters.expires === 'custom' ? filters.days : filters.expires);
  return /^\d+$/.test(String(filters.expires === 'custom' ? filters.days : filters.expires)) &&
    days >= 1 &&
    days <= MAX_CUSTOM_DAYS
    ? days
    : undefined;
}

/** Whether the custom number of days is one the list can use (empty counts as not yet typed, not as wrong). */
export const customDaysValid = (filters: MembersFilters): boolean =>
  filters.expires !== 'custom' || filters.days === '' || expiryDays(filters) !== undefined;

/**
 * The API's filter: the status, the country (the API keeps a coordinator to their own countries whatever is asked),
 * "vetting ends before" the end of the N-th day from today (UTC midnight: the same instant all day long, so the query
 * does not change while the screen is open), and stale profiles only.
 */
export function toMembersFilter(filters: MembersFilters, now = new Date()): MembersFilterInput {
  const filter: MembersFilterInput = {};
  if (filters.status) {
    filter.status = filters.status;
  }
  if (filters.country) {
    filter.countries = [filters.country];
  }
  const days = expiryDays(filters);
  if (days !== undefined) {
    const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days + 1));
    filter.vettingExpiresBefore = before.toISOString();
  }
  if (filters.stale) {
    filter.staleProfile = true;
  }
  return filter;
}
