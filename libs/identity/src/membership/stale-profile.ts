import { STALE_AFTER_MONTHS } from '@app/directory';

/**
 * When the practitioner profile (aliased `p`) was last confirmed, in SQL. A profile never confirmed counts from its
 * creation, so a new applicant's profile is fresh for its first 12 months. NULL when the member has no profile: such
 * a member is neither stale nor fresh.
 */
export const PROFILE_CONFIRMED_SQL = 'COALESCE(p.confirmed_at, p.created_at)';

/** Profiles last confirmed before this instant are stale: `now` less STALE_AFTER_MONTHS calendar months (UTC). */
export function staleProfileCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - STALE_AFTER_MONTHS);
  return cutoff;
}
