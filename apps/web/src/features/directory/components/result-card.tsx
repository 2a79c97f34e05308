import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectorySearchCardFragment } from '@web/lib/graphql/graphql';
import type { SearchLabels } from '../lib/search-labels';
import { workingDaysText } from '../lib/profile-time';
import { wallClock } from '../lib/search-time';

const BADGE = {
  good: 'border-green-700 bg-green-50 text-green-900',
  quiet: 'border-slate-300 bg-slate-50 text-slate-800',
  warning: 'border-amber-600 bg-amber-50 text-amber-950',
} as const;

function Badge({ tone, children }: { tone: keyof typeof BADGE; children: ReactNode }) {
  return (
    <li className={`rounded-full border px-2.5 py-0.5 text-sm font-medium ${BADGE[tone]}`}>{children}</li>
  );
}

/**
 * One search result: the Latin and the native name (either script, `dir="auto"`), position, agency, country, whether
 * they can answer now (their own clock) with their local time, their languages with the ones shared with the viewer
 * marked, "needs an interpreter" and a stale profile said in words. The name links to the profile.
 */
export function ResultCard({
  person,
  labels,
  linkRef,
}: {
  person: DirectorySearchCardFragment;
  labels: SearchLabels;
  /** The name's link (focused when "Show more" brings this card as the first of a page). */
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  const { t, i18n } = useTranslation();
  const clock = wallClock(person.localTime, i18n.language);
  // Their working days and hours in their own time, so "outside working hours" beside "can answer now" is explained.
  const schedule =
    !person.available24x7 && person.workingDays.length > 0
      ? t('directory.search.card.hours', {
          days: workingDaysText(person.workingDays, i18n.language),
          start: person.workingHoursStart,
          end: person.workingHoursEnd,
        })
      : null;
  const shared = new Set(person.sharedLanguages.map((language) => language.code));
  const headingId = `result-${person.id}`;
  const nativeName =
    person.nativeName && person.nativeName.trim() !== person.displayName.trim() ? person.nativeName : null;
  const where = [person.agency?.city, labels.country(person.country)].filter(Boolean).join(', ');
  return (
    <article
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-3 rounded-md border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-col gap-0.5">
        <h3 id={headingId} className="text-lg font-semibold text-slate-900">
          <Link
            ref={linkRef}
            to={`/directory/${person.id}`}
            dir="auto"
            className="break-words text-brand-700 underline underline-offset-2 hover:text-brand-800"
          >
            {person.displayName}
          </Link>
        </h3>
        {nativeName ? (
          <p dir="auto" className="break-words text-slate-800">
            {nativeName}
          </p>
        ) : null}
        {person.position ? (
          <p dir="auto" className="break-words text-slate-700">
            {person.position}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-0.5 text-sm text-slate-800">
        {person.agency ? (
          <p className="break-words">
            <span dir="auto">{person.agency.name}</span>
            <span className="text-slate-600"> · {labels.agencyType(person.agency.type)}</span>
          </p>
        ) : null}
        <p dir="auto" className="break-words">
          {where}
        </p>
      </div>
      <ul className="flex flex-wrap gap-1.5">
        {person.availableNow ? (
          <Badge tone="good">{t('directory.search.card.availableNow')}</Badge>
        ) : (
          <Badge tone="quiet">{t('directory.search.card.unavailable')}</Badge>
        )}
        {person.available24x7 ? <Badge tone="good">{t('directory.search.card.available24x7')}</Badge> : null}
        {person.needsInterpreter ? (
          <Badge tone="warning">{t('directory.search.card.needsInterpreter')}</Badge>
        ) : null}
        {person.stale ? (
          <Badge tone="warning">
            {t('directory.search.card.stale')}
            <span className="sr-only"> {t('directory.search.card.staleHint')}</span>
          </Badge>
        ) : null}
      </ul>
      {clock || schedule ? (
        <p className="text-sm text-slate-800">
          {clock ? t('directory.search.card.localTime', { day: clock.day, time: clock.time }) : null}
          {clock && schedule ? ' · ' : null}
          {schedule}
        </p>
      ) : null}
      {person.languages.length > 0 ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-medium text-slate-800">{t('directory.search.card.languages')}</h4>
          <ul className="flex flex-wrap gap-1.5 text-sm">
            {person.languages.map((language) => {
              const isShared = shared.has(language.code);
              return (
                <li
                  key={language.code}
                  className={`rounded-md border px-2 py-0.5 ${isShared ? 'border-green-700 bg-green-50 text-green-900' : 'border-slate-300 text-slate-800'}`}
                >
                  {isShared ? (
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-1 inline size-3.5 align-[-2px]">
                      <path d="M2 8.5l4 4 8-9" fill="none" stroke="currentColor" strokeWidth="2" />
                    </svg>
                  ) : null}
                  {t('directory.search.card.language', {
                    language: labels.language(language.code),
                    level: t(`directory.search.levels.${language.level}`),
                  })}
                  {isShared ? (
                    <span className="font-medium">, {t('directory.search.card.shared')}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
