import { useTranslation } from 'react-i18next';
import type { DirectoryProfileQuery } from '@web/lib/graphql/graphql';
import {
  hoursIn,
  parseLocalTime,
  sameWallClock,
  viewerTimeZone,
  workingDaysText,
  workingInstants,
  zoneLabel,
} from '../lib/profile-time';

type Profile = DirectoryProfileQuery['practitioner'];

/** Dates and times in English as written in Europe and Asia (24-hour clock), as lib/format does. */
const intlLocale = (language: string) => (language === 'en' ? 'en-GB' : language);

/**
 * Their local time and yours, their working days, and today's working hours on both clocks (once when the zones
 * agree), then whether they can answer now. `viewerZone` is the browser's own unless given (tests).
 */
export function ProfileSchedule({ profile, viewerZone }: { profile: Profile; viewerZone?: string }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const mine = viewerZone ?? viewerTimeZone();
  const now = parseLocalTime(profile.localTime);
  const instant = now?.instant ?? Date.parse(profile.localTime);
  const clock = (zone: string) => {
    try {
      return new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
    } catch {
      return '';
    }
  };
  const hours = now ? workingInstants(now, profile.workingHoursStart, profile.workingHoursEnd) : undefined;
  const same = sameWallClock(profile.timeZone, mine, hours ? [instant, hours.from, hours.to] : [instant]);
  const reference = { zone: profile.timeZone, instant };

  return (
    <div className="flex flex-col gap-3">
      <p
        className={`self-start rounded-full px-3 py-1 text-sm font-semibold ${
          profile.availableNow ? 'bg-green-100 text-green-900' : 'bg-slate-100 text-slate-800'
        }`}
      >
        {profile.availableNow ? t('directory.profile.time.now') : t('directory.profile.time.notNow')}
      </p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr] sm:items-baseline">
        <dt className="text-sm text-slate-600">{t('directory.profile.time.theirTime')}</dt>
        <dd className="font-medium">
          {t('directory.profile.time.zone', {
            time: clock(profile.timeZone),
            zone: zoneLabel(profile.timeZone, instant, locale),
          })}
        </dd>
        {same ? null : (
          <>
            <dt className="text-sm text-slate-600">{t('directory.profile.time.yourTime')}</dt>
            <dd className="font-medium">
              {t('directory.profile.time.zone', {
                time: clock(mine),
                zone: zoneLabel(mine, instant, locale),
              })}
            </dd>
          </>
        )}
        {profile.available24x7 ? (
          <>
            <dt className="text-sm text-slate-600">{t('directory.profile.time.workingHours')}</dt>
            <dd className="font-medium">{t('directory.profile.time.around')}</dd>
          </>
        ) : (
          <>
            <dt className="text-sm text-slate-600">{t('directory.profile.time.workingDays')}</dt>
            <dd className="font-medium">
              {profile.workingDays.length > 0
                ? workingDaysText(profile.workingDays, locale)
                : t('directory.profile.none')}
            </dd>
            {hours ? (
              <>
                <dt className="text-sm text-slate-600">{t('directory.profile.time.workingHours')}</dt>
                <dd className="flex flex-col font-medium">
                  <span>
                    {t('directory.profile.time.theirHours', {
                      hours: hoursIn(profile.timeZone, locale, hours, reference),
                    })}
                  </span>
                  {same ? (
                    <span className="text-sm font-normal text-slate-700">
                      {t('directory.profile.time.sameZone')}
                    </span>
                  ) : (
                    <span>
                      {t('directory.profile.time.yourHours', {
                        hours: hoursIn(mine, locale, hours, reference),
                      })}
                    </span>
                  )}
                </dd>
              </>
            ) : null}
          </>
        )}
      </dl>
    </div>
  );
}
