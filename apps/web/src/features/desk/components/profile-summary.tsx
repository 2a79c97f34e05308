import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../lib/use-profiles';

/**
 * What a coordinator checks an applicant by: the position, the agency (name and type) and the languages, in a
 * description list. Language names come from the browser (Intl), in the UI language.
 */
export function ProfileFacts({ profile }: { profile: ProfileSummary }) {
  const { t, i18n } = useTranslation('desk');
  const { t: common } = useTranslation();
  const languageNames = useMemo(
    () => new Intl.DisplayNames([i18n.language], { type: 'language' }),
    [i18n.language],
  );
  const none = t('profile.none');
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
      <dt className="font-medium text-slate-800">{t('profile.position')}</dt>
      <dd className="break-words text-slate-700">{profile.position ?? none}</dd>
      <dt className="font-medium text-slate-800">{t('profile.agency')}</dt>
      <dd className="break-words text-slate-700">
        {profile.agency
          ? t('profile.agencyWithType', {
              name: profile.agency.name,
              type: common(`reference.agencyType.${profile.agency.type}`),
            })
          : none}
      </dd>
      <dt className="font-medium text-slate-800">{t('profile.languages')}</dt>
      <dd className="break-words text-slate-700">
        {profile.languages.length > 0
          ? profile.languages
              .map((skill) =>
                t('profile.language', {
                  language: languageNames.of(skill.code) ?? skill.code,
                  level: common(`reference.levels.${skill.level}`).toLocaleLowerCase(i18n.language),
                }),
              )
              .join(', ')
          : none}
      </dd>
    </dl>
  );
}
