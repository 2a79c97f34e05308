/** From this many months after the last confirmation the home page asks to confirm again (the API says stale at 12). */
export const PROMPT_AFTER_MONTHS = 11;

/** Whole calendar months from `from` to `to` (as the API counts them for `stale`): 0 within the first month. */
export function wholeMonthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  const shifted = new Date(from);
  shifted.setUTCMonth(from.getUTCMonth() + months);
  return Math.max(0, shifted > to ? months - 1 : months);
}

export interface Freshness {
  /** Whole months since the member last confirmed the profile; null when they never did. */
  months: number | null;
  /** Time to confirm: the API calls it stale, or it is nearly so. */
  due: boolean;
}

export function freshnessOf(profile: { confirmedAt?: string | null; stale: boolean }, now: Date): Freshness {
  const months = profile.confirmedAt ? wholeMonthsBetween(new Date(profile.confirmedAt), now) : null;
  return { months, due: profile.stale || months === null || months >= PROMPT_AFTER_MONTHS };
}
