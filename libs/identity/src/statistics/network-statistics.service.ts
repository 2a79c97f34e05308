import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { PractitionerEntity } from '@app/directory';
import { AccessPolicy, type Viewer } from '../access/access-policy';
import { MemberEntity } from '../entities/member.entity';
import { MemberStatus } from '../member.enums';
import { PROFILE_CONFIRMED_SQL, staleProfileCutoff } from '../membership/stale-profile';

/** How long a PENDING applicant has waited, in whole days since they applied. */
export enum WaitingRange {
  UNDER_WEEK = 'UNDER_WEEK',
  WEEK_TO_MONTH = 'WEEK_TO_MONTH',
  MONTH_TO_QUARTER = 'MONTH_TO_QUARTER',
  OVER_QUARTER = 'OVER_QUARTER',
}

/** Each range from its first whole day, in order; a range ends where the next begins. */
export const WAITING_RANGES: readonly { range: WaitingRange; fromDays: number }[] = [
  { range: WaitingRange.UNDER_WEEK, fromDays: 0 },
  { range: WaitingRange.WEEK_TO_MONTH, fromDays: 7 },
  { range: WaitingRange.MONTH_TO_QUARTER, fromDays: 30 },
  { range: WaitingRange.OVER_QUARTER, fromDays: 90 },
];

/** How many months of vetting expiries the statistics show: this month (UTC) and the next 11. */
export const EXPIRY_MONTHS = 12;

export interface CountryStatusCount {
  country: string;
  status: MemberStatus;
  count: number;
}

export interface MonthCount {
  /** `YYYY-MM`, UTC. */
  month: string;
  count: number;
}

export interface CountryCount {
  country: string;
  count: number;
}

export interface ApplicantsWaiting {
  count: number;
  oldestDays: number | null;
  medianDays: number | null;
  buckets: { range: WaitingRange; count: number }[];
}

export interface NetworkStatistics {
  generatedAt: Date;
  countries: string[];
  membersByCountry: CountryStatusCount[];
  vettingsExpiring: MonthCount[];
  staleProfiles: CountryCount[];
  applicantsWaiting: ApplicantsWaiting;
}

/** `YYYY-MM` of an instant, UTC. */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Plain code-point order (the same on both databases, whatever their collation). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The median of whole-day values given as a histogram (`count` applicants waited `days`): the middle value, or for an
 * even count the mean of the two middle values rounded down to a whole day. Null for no applicants.
 */
export function medianOfHistogram(histogram: readonly { days: number; count: number }[]): number | null {
  const sorted = [...histogram].filter((entry) => entry.count > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) {
    return null;
  }
  const at = (position: number): number => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (position < seen) {
        return entry.days;
      }
    }
    return sorted[sorted.length - 1].days;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : Math.floor((at(total / 2 - 1) + at(total / 2)) / 2);
}

/** Applicants per waiting range (exactly one entry per range, in order) from the whole-day histogram. */
export function waitingBuckets(
  histogram: readonly { days: number; count: number }[],
): { range: WaitingRange; count: number }[] {
  return WAITING_RANGES.map(({ range, fromDays }, index) => {
    const untilDays = WAITING_RANGES[index + 1]?.fromDays ?? Number.POSITIVE_INFINITY;
    const count = histogram
      .filter((entry) => entry.days >= fromDays && entry.days < untilDays)
      .reduce((sum, entry) => sum + entry.count, 0);
    return { range, count };
  });
}

/**
 * The coordinators' desk numbers, counted by the database (GROUP BY / COUNT: no member row is loaded into the
 * process) within the caller's scope — a coordinator's countries, or everything for an admin — exactly as `members`
 * is scoped: a member's country is their practitioner profile's.
 */
@Injectable()
export class NetworkStatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  async statistics(viewer: Viewer, now = new Date()): Promise<NetworkStatistics> {
    const actor = this.policy.staff(viewer);
    const scope = this.policy.scope(actor);
    const months = expiryMonths(now);
    if (scope?.length === 0) {
      return {
        generatedAt: now,
        countries: [],
        membersByCountry: [],
        vettingsExpiring: months.map((month) => ({ month, count: 0 })),
        staleProfiles: [],
        applicantsWaiting: { count: 0, oldestDays: null, medianDays: null, buckets: waitingBuckets([]) },
      };
    }
    // One after the other: SQLite has one connection anyway, and on PostgreSQL a desk refresh takes one, not five.
    const countries = await this.countries(scope);
    const membersByCountry = await this.membersByCountry(scope);
    const vettingsExpiring = await this.vettingsExpiring(scope, now, months);
    const staleProfiles = await this.staleProfiles(scope, now);
    const histogram = await this.waitingHistogram(scope, now);
    const count = histogram.reduce((sum, entry) => sum + entry.count, 0);
    return {
      generatedAt: now,
      countries,
      membersByCountry,
      vettingsExpiring,
      staleProfiles,
      applicantsWaiting: {
        count,
        oldestDays: count === 0 ? null : Math.max(...histogram.map((entry) => entry.days)),
        medianDays: medianOfHistogram(histogram),
        buckets: waitingBuckets(histogram),
      },
    };
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Members with their profile (if any), limited to the scope; a member without a profile is an admin's only. */
  private scoped(scope: string[] | undefined): SelectQueryBuilder<MemberEntity> {
    const qb = this.dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .leftJoin(PractitionerEntity, 'p', 'p.member_id = m.id');
    if (scope) {
      qb.andWhere('p.country IN (:...scope)', { scope });
    }
    return qb;
  }

  /** The coordinator's countries; for an admin, every country that has a profile. */
  private async countries(scope: string[] | undefined): Promise<string[]> {
    if (scope) {
      return [...scope].sort(byText);
    }
    const rows = await this.dataSource
      .getRepository(PractitionerEntity)
      .createQueryBuilder('p')
      .select('DISTINCT p.country', 'country')
      .getRawMany<{ country: string }>();
    return rows.map((row) => row.country).sort(byText);
  }

  private async membersByCountry(scope: string[] | undefined): Promise<CountryStatusCount[]> {
    const rows = await this.scoped(scope)
      .select('p.country', 'country')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .andWhere('p.country IS NOT NULL')
      .groupBy('p.country')
      .addGroupBy('m.status')
      .getRawMany<{ country: string; status: MemberStatus; count: number | string }>();
    return rows
      .map((row) => ({ country: row.country, status: row.status, count: Number(row.count) }))
      .sort((a, b) => byText(a.country, b.country) || byText(a.status, b.status));
  }

  /** VETTED members whose vettedUntil falls in each month from this one (UTC), zero-filled. */
  private async vettingsExpiring(
    scope: string[] | undefined,
    now: Date,
    months: string[],
  ): Promise<MonthCount[]> {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + EXPIRY_MONTHS, 1));
    // SQLite keeps instants as UTC text ('YYYY-MM-DD HH:MM:SS.SSS'); PostgreSQL's timestamptz is read in UTC
    // explicitly, whatever the session's time zone.
    const month = this.postgres
      ? `to_char(m.vetted_until AT TIME ZONE 'UTC', 'YYYY-MM')`
      : `strftime('%Y-%m', m.vetted_until)`;
    const rows = await this.scoped(scope)
      .select(month, 'month')
      .addSelect('COUNT(*)', 'count')
      .andWhere('m.status = :vetted', { vetted: MemberStatus.VETTED })
      .andWhere('m.vetted_until >= :from AND m.vetted_until < :until', { from, until })
      .groupBy(month)
      .getRawMany<{ month: string; count: number | string }>();
    const counts = new Map(rows.map((row) => [row.month, Number(row.count)]));
    return months.map((key) => ({ month: key, count: counts.get(key) ?? 0 }));
  }

  private async staleProfiles(scope: string[] | undefined, now: Date): Promise<CountryCount[]> {
    const rows = await this.scoped(scope)
      .select('p.country', 'country')
      .addSelect('COUNT(*)', 'count')
      .andWhere(`${PROFILE_CONFIRMED_SQL} < :staleCutoff`, { staleCutoff: staleProfileCutoff(now) })
      .groupBy('p.country')
      .getRawMany<{ country: string; count: number | string }>();
    return rows
      .map((row) => ({ country: row.country, count: Number(row.count) }))
      .filter((row) => row.count > 0)
      .sort((a, b) => byText(a.country, b.country));
  }

  /**
   * PENDING applicants per whole day waited since they applied (their member row's creation: `applyForMembership`
   * writes the member, the profile and the MEMBER_APPLIED audit entry at the same instant). The median needs each
   * applicant's day, so the database returns counts per day (a few hundred rows at most), not rows per applicant.
   */
  private async waitingHistogram(
    scope: string[] | undefined,
    now: Date,
  ): Promise<{ days: number; count: number }[]> {
    // Whole days = floor of the elapsed milliseconds / 86,400,000, never below 0 (a clock a little ahead). SQLite:
    // julianday() keeps milliseconds; rounding the difference to whole milliseconds first removes the float error, so
    // an applicant exactly 7 days in is on day 7, not 6.999…. PostgreSQL: the interval's epoch is exact.
    const days = this.postgres
      ? `GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - m.created_at)) / 86400))`
      : `MAX(0, CAST(ROUND((julianday(:now) - julianday(m.created_at)) * 86400000) AS INTEGER) / 86400000)`;
    const rows = await this.scoped(scope)
      .select(days, 'days')
      .addSelect('COUNT(*)', 'count')
      .andWhere('m.status = :pending', { pending: MemberStatus.PENDING })
      .setParameter('now', now)
      .groupBy(days)
      .getRawMany<{ days: number | string; count: number | string }>();
    return rows.map((row) => ({ days: Number(row.days), count: Number(row.count) }));
  }
}

/** `YYYY-MM` of this month (UTC) and the next EXPIRY_MONTHS - 1. */
function expiryMonths(now: Date): string[] {
  return Array.from({ length: EXPIRY_MONTHS }, (_, offset) =>
    monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))),
  );
}
