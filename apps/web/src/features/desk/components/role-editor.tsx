import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { SelectField } from '@web/components/select-field';
import { isLocale } from '@web/i18n';
import { ApiError, resultError } from '@web/lib/api-error';
import { fieldErrorText } from '@web/lib/error-text';
import type { DeskMemberFragment, MemberRole } from '@web/lib/graphql/graphql';
import { DeskCountriesQuery, DeskSetMemberRoleMutation } from '../api/desk';
import { ActionDialog } from './action-dialog';

const ROLES: readonly MemberRole[] = ['MEMBER', 'COORDINATOR', 'ADMIN'];

/**
 * An administrator's change of a member's role and, for a coordinator, the countries they oversee: chosen here, then
 * confirmed with a reason in a dialog (setMemberRole). Only an administrator's member page renders it.
 */
export function RoleEditor({
  member,
  name,
  onCancel,
  onDone,
  focusAfterDone,
}: {
  member: DeskMemberFragment;
  name: string;
  onCancel: () => void;
  onDone: (member: DeskMemberFragment) => void;
  focusAfterDone: () => void;
}) {
  const { t, i18n } = useTranslation('desk');
  const { t: common } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [{ data }] = useQuery({ query: DeskCountriesQuery, variables: { locale } });
  const [, setRole] = useMutation(DeskSetMemberRoleMutation);
  const [role, setChosenRole] = useState<MemberRole>(member.role);
  const [countries, setCountries] = useState<string[]>(member.coordinatorCountries);
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const heading = useId();
  const countriesId = useId();
  const names = useMemo(
    () => new Map((data?.countries ?? []).map((country) => [country.code, country.name])),
    [data],
  );
  const nameOfCountry = (code: string) => names.get(code) ?? code;
  const coordinator = role === 'COORDINATOR';
  const chosen = coordinator ? [...countries].sort() : [];
  const unchanged = role === member.role && chosen.join() === [...member.coordinatorCountries].sort().join();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(chosen.map(nameOfCountry));

  function review() {
    if (coordinator && chosen.length === 0) {
      setProblem(t('role.needCountry'));
      document.getElementById(`${countriesId}-add`)?.focus();
      return;
    }
    if (unchanged) {
      setProblem(t('role.unchanged'));
      return;
    }
    setProblem(undefined);
    setConfirming(true);
  }

  return (
    <section
      aria-labelledby={heading}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id={heading} className="text-lg font-semibold text-slate-900">
        {t('role.title')}
      </h2>
      <p className="text-slate-700">{t('role.intro')}</p>
      <SelectField
        label={t('role.role')}
        name="role"
        value={role}
        onChange={(event) => {
          setChosenRole(event.target.value as MemberRole);
          setProblem(undefined);
        }}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {common(`roles.${option}`)}
          </option>
        ))}
      </SelectField>
      {coordinator ? (
        <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={`${countriesId}-hint`}>
          <legend className="mb-1 font-semibold text-slate-900">{t('role.countries')}</legend>
          <p id={`${countriesId}-hint`} className="text-sm text-slate-600">
            {t('role.countriesHint')}
          </p>
          {chosen.length === 0 ? (
            <p className="text-sm text-slate-700">{t('role.none')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {chosen.map((code) => (
                <li
                  key={code}
                  className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 ps-3"
                >
                  <span>{nameOfCountry(code)}</span>
                  <button
                    type="button"
                    onClick={() => setCountries((current) => current.filter((country) => country !== code))}
                    aria-label={t('role.remove', { country: nameOfCountry(code) })}
                    className="min-h-11 min-w-11 rounded-full text-lg text-slate-700 hover:bg-slate-200"
                  >
                    <span aria-hidden>×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap items-end gap-2">
            <SelectField
              id={`${countriesId}-add`}
              className="min-w-0 flex-1"
              label={t('role.add')}
              value={adding}
              onChange={(event) => setAdding(event.target.value)}
            >
              <option value="">{t('role.choose')}</option>
              {(data?.countries ?? [])
                .filter((country) => !chosen.includes(country.code))
                .map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
            </SelectField>
            <Button
              type="button"
              variant="secondary"
              disabled={!adding}
              onClick={() => {
                setCountries((current) => [...new Set([...current, adding])]);
                setAdding('');
                setProblem(undefined);
              }}
            >
              {t('role.addButton')}
            </Button>
          </div>
        </fieldset>
      ) : null}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={review}>
          {t('role.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('correct.cancel')}
        </Button>
      </div>
      <ActionDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('role.confirmTitle', { name })}
        description={
          coordinator
            ? t('role.confirmCoordinator', { countries: list })
            : t('role.confirmOther', { role: common(`roles.${role}`) })
        }
        confirmLabel={t('role.confirm')}
        focusAfterDone={focusAfterDone}
        onConfirm={async (reason) => {
          const result = await setRole({
            input: { memberId: member.id, role, countries: coordinator ? chosen : [], reason },
          });
          if (result.data) {
            onDone(result.data.setMemberRole);
            return undefined;
          }
          const refusal = resultError(result.error) ?? new ApiError('UNKNOWN');
          const countriesError = refusal.field('countries');
          if (countriesError) {
            setProblem(fieldErrorText(common, countriesError));
          }
          return refusal;
        }}
      />
    </section>
  );
}
