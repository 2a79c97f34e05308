import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryProfileQuery } from '@web/lib/graphql/graphql';
import { useFormat } from '@web/lib/format';
import { ProfileContacts } from './profile-contacts';
import { ProfileSchedule } from './profile-schedule';

type Data = DirectoryProfileQuery;

/** A titled card (a region named by its h2). */
function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Code → name from a reference list in the UI language (the code itself for one the list lacks). */
const namer = (list: readonly { code: string; name: string }[]) => {
  const names = new Map(list.map((item) => [item.code, item.name]));
  return (code: string) => names.get(code) ?? code;
};

function Names({ names, empty }: { names: string[]; empty: string }) {
  return names.length > 0 ? (
    <ul className="flex flex-col gap-1 ps-5 [list-style:disc]">
      {names.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  ) : (
    <p className="text-slate-700">{empty}</p>
  );
}

/**
 * Everything of the profile the API returned, below the h1 (their Latin name): the name in its own script and other
 * spellings, freshness, work, contacts, time, languages, expertise, competences, bio.
 */
export function ProfileDetails({ data, viewerZone }: { data: Data; viewerZone?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const profile = data.practitioner;
  const country = namer(data.countries);
  const language = namer(data.languages);
  const expertise = namer(data.expertiseAreas);
  const competence = namer(data.competences);
  const shared = new Set(profile.sharedLanguages.map((skill) => skill.code));
  const native = profile.nativeName && profile.nativeName !== profile.displayName ? profile.nativeName : null;
  const none = t('directory.profile.none');

  const row = (term: string, value: ReactNode) => (
    <>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words font-medium">{value}</dd>
    </>
  );

  return (
    <>
      {native || profile.nameVariants.length > 0 ? (
        <div className="-mt-2 flex flex-col gap-1">
          {native ? (
            // Its own direction inside a line that starts where the page does (a whole right-to-left paragraph
            // pushed a Persian name to the far edge, away from the heading it belongs to).
            <p className="text-xl text-slate-900">
              <bdi dir="auto">{native}</bdi>
            </p>
          ) : null}
          {profile.nameVariants.length > 0 ? (
            <p className="text-sm text-slate-700">
              {t('directory.profile.alsoWritten')}:{' '}
              {profile.nameVariants.map((variant, index) => (
                <span key={variant}>
                  {index > 0 ? ', ' : null}
                  <bdi>{variant}</bdi>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-2 text-sm">
        {profile.stale ? (
          <span className="rounded-full bg-amber-100 px-3 py-1 font-semibold text-amber-950">
            {t('directory.profile.stale')}
          </span>
        ) : null}
        <span className="text-slate-700">
          {profile.confirmedAt
            ? t('directory.profile.confirmedAt', { date: format.date(profile.confirmedAt) })
            : t('directory.profile.neverConfirmed')}
        </span>
      </div>

      {/* What the viewer came for first: can they answer now, how to reach them, in which language. */}
      <Card title={t('directory.profile.sections.time')}>
        <ProfileSchedule profile={profile} viewerZone={viewerZone} />
      </Card>

      <Card title={t('directory.profile.sections.contacts')}>
        <ProfileContacts contacts={profile.contacts} />
      </Card>

      <Card title={t('directory.profile.sections.languages')}>
        {profile.needsInterpreter ? (
          <p className="mb-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
            {t('directory.profile.languages.needsInterpreter')}
          </p>
        ) : null}
        {profile.languages.length > 0 ? (
          <ul className="flex flex-col gap-1">
            {profile.languages.map((skill) => (
              <li key={skill.code} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{language(skill.code)}</span>
                <span className="text-slate-700">
                  {t(`directory.profile.languages.level.${skill.level}`)}
                </span>
                {shared.has(skill.code) ? (
                  <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">
                    {t('directory.profile.languages.shared')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t('directory.profile.languages.none')}</p>
        )}
      </Card>

      <Card title={t('directory.profile.sections.work')}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr] sm:items-baseline">
          {row(t('directory.profile.fields.country'), country(profile.country))}
          {profile.agency ? (
            <>
              {row(t('directory.profile.fields.agency'), <bdi>{profile.agency.name}</bdi>)}
              {row(
                t('directory.profile.fields.agencyType'),
                t(`directory.profile.agencyType.${profile.agency.type}`),
              )}
              {profile.agency.city
                ? row(t('directory.profile.fields.city'), <bdi>{profile.agency.city}</bdi>)
                : null}
            </>
          ) : null}
          {row(
            t('directory.profile.fields.position'),
            profile.position ? <bdi>{profile.position}</bdi> : none,
          )}
        </dl>
      </Card>

      <Card title={t('directory.profile.sections.expertise')}>
        <Names names={profile.expertise.map(expertise)} empty={none} />
      </Card>

      <Card title={t('directory.profile.sections.competences')}>
        <Names names={profile.competences.map(competence)} empty={none} />
      </Card>

      {profile.bio ? (
        <Card title={t('directory.profile.sections.about')}>
          <p dir="auto" className="whitespace-pre-line break-words">
            {profile.bio}
          </p>
        </Card>
      ) : null}
    </>
  );
}
