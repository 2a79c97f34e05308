import type { FieldError } from '@web/lib/api-error';

/** How the API counts a month of vetting (libs/identity membership.service.ts). */
const MONTH_MS = 30.44 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
export const DEFAULT_VETTING_MONTHS = 24;
export const MAX_VETTING_MONTHS = 36;

/** `YYYY-MM-DD` of an instant, in UTC. */
export const utcDate = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * The instant sent for a chosen day: its noon in UTC, which is that same day everywhere from UTC−11 to UTC+11, so the
 * date the coordinator picked is the date every member and coordinator reads.
 */
export const vettedUntilOf = (date: string): string => `${date}T12:00:00.000Z`;

export interface VettingBounds {
  /** The earliest day (tomorrow). */
  min: string;
  /** The latest day whose noon is within 36 of the API's months. */
  max: string;
  /** 24 months from today, on the calendar. */
  initial: string;
}

/** The days a vetting may end on, as of `now`. */
export function vettingBounds(now = new Date()): VettingBounds {
  const limit = now.getTime() + MAX_VETTING_MONTHS * MONTH_MS;
  const initial = new Date(now);
  initial.setUTCMonth(initial.getUTCMonth() + DEFAULT_VETTING_MONTHS);
  return {
    min: utcDate(new Date(now.getTime() + DAY_MS)),
    // The noon of the day half a day before the limit is at most the limit.
    max: utcDate(new Date(limit - DAY_MS / 2)),
    initial: utcDate(initial),
  };
}

/**
 * The day suggested when renewing a vetting that ends on `currentUntil` (an instant; null: no end date, or an
 * approval): the later of its current end and 24 months from today, so that renewing never shortens it by default —
 * within the 36-month maximum, which an older decision's end can pass by a day.
 */
export function suggestedUntil(bounds: VettingBounds, currentUntil: string | null = null): string {
  const current = currentUntil ? utcDate(new Date(currentUntil)) : '';
  // ISO dates compare as strings.
  const later = current > bounds.initial ? current : bounds.initial;
  return later > bounds.max ? bounds.max : later;
}

/** Whether `date` (a chosen day) ends the vetting before its current end `currentUntil`. */
export const shortens = (date: string, currentUntil: string | null): boolean =>
  currentUntil !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && date < utcDate(new Date(currentUntil));

/** The chosen day's problem (the API's path and codes), or undefined when it is within the bounds. */
export function vettedUntilProblem(date: string, bounds: VettingBounds): FieldError | undefined {
  if (!date) {
    return { path: 'vettedUntil', code: 'REQUIRED' };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(vettedUntilOf(date)))) {
    return { path: 'vettedUntil', code: 'INVALID_DATE' };
  }
  // ISO dates compare as strings.
  return date < bounds.min || date > bounds.max ? { path: 'vettedUntil', code: 'OUT_OF_RANGE' } : undefined;
}

/** Whole days from `now` to `instant` (negative once past). */
export const daysUntil = (instant: string, now = new Date()): number =>
  Math.floor((Date.parse(instant) - now.getTime()) / DAY_MS);

/** Whole days since `instant`. */
export const daysSince = (instant: string, now = new Date()): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(instant)) / DAY_MS));

/** Vetting ends within this many days: the lists flag it. */
export const EXPIRY_WARNING_DAYS = 30;
