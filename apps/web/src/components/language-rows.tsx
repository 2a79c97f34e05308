import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';
import { SelectField } from '@web/components/select-field';
import type { FieldError } from '@web/lib/api-error';
import { LANGUAGE_LEVELS, LIMITS, type LanguageRow } from '../lib/application';
import { applyFieldText, errorAt } from '../lib/errors';

export const languageCodeId = (key: number) => `apply-languages-${key}-code`;
export const languageLevelId = (key: number) => `apply-languages-${key}-level`;
export const ADD_LANGUAGE_ID = 'apply-languages-add';

/** Language + level rows, added and removed at will; errors by row key (`languages.k3.code`). */
export function LanguageRows({
  rows,
  options,
  errors,
  onChange,
  focus,
}: {
  rows: LanguageRow[];
  options: readonly { code: string; name: string }[];
  errors: readonly FieldError[];
  onChange: (rows: LanguageRow[], changedPath: string) => void;
  focus: (id: string) => void;
}) {
  const { t } = useTranslation();
  // ~180 languages per row: the same elements on every render, so React skips them.
  const languageOptions = useMemo(
    () =>
      options.map((language) => (
        <option key={language.code} value={language.code}>
          {language.name}
        </option>
      )),
    [options],
  );
  const groupError = applyFieldText(
    t,
    errors.find((error) => error.path === 'languages'),
  );
  const update = (key: number, change: Partial<LanguageRow>, field: 'code' | 'level') =>
    onChange(
      rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
      `languages.k${key}.${field}`,
    );
  const add = () => {
    const key = Math.max(-1, ...rows.map((row) => row.key)) + 1;
    onChange([...rows, { key, code: '', level: '' }], 'languages');
    focus(languageCodeId(key));
  };
  const remove = (key: number) => {
    onChange(
      rows.filter((row) => row.key !== key),
      `languages.k${key}`,
    );
    focus(ADD_LANGUAGE_ID);
  };

  return (
    <fieldset
      aria-describedby={['apply-languages-hint', groupError ? 'apply-languages-error' : null]
        .filter(Boolean)
        .join(' ')}
      className="flex min-w-0 flex-col gap-3"
    >
      <legend className="mb-1 text-lg font-semibold text-slate-900">
        {t('apply.sections.languages')}{' '}
        <span className="text-base font-normal text-slate-600">({t('status.optional')})</span>
      </legend>
      <p id="apply-languages-hint" className="text-sm text-slate-600">
        {t('apply.languages.hint')}
      </p>
      {groupError ? (
        <p id="apply-languages-error" className="text-sm font-medium text-red-700">
          {groupError}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="text-sm text-slate-700">{t('apply.languages.none')}</p> : null}
      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={row.key}>
              <fieldset className="grid min-w-0 grid-cols-1 items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,12rem)_auto]">
                <legend className="sr-only">{t('apply.languages.row', { number })}</legend>
                <SelectField
                  id={languageCodeId(row.key)}
                  label={t('apply.languages.language')}
                  value={row.code}
                  error={applyFieldText(t, errorAt(errors, `languages.k${row.key}.code`))}
                  onChange={(event) => update(row.key, { code: event.target.value }, 'code')}
                >
                  <option value="">{t('apply.languages.chooseLanguage')}</option>
                  {languageOptions}
                </SelectField>
                <SelectField
                  id={languageLevelId(row.key)}
                  label={t('apply.languages.level')}
                  value={row.level}
                  error={applyFieldText(t, errorAt(errors, `languages.k${row.key}.level`))}
                  onChange={(event) =>
                    update(row.key, { level: event.target.value as LanguageRow['level'] }, 'level')
                  }
                >
                  <option value="">{t('apply.languages.chooseLevel')}</option>
                  {LANGUAGE_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`apply.levels.${level}`)}
                    </option>
                  ))}
                </SelectField>
                <Button
                  type="button"
                  variant="secondary"
                  className="sm:mt-6"
                  aria-label={t('apply.languages.removeRow', { number })}
                  onClick={() => remove(row.key)}
                >
                  {t('apply.languages.remove')}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < LIMITS.languages ? (
        <Button id={ADD_LANGUAGE_ID} type="button" variant="secondary" className="self-start" onClick={add}>
          {t('apply.languages.add')}
        </Button>
      ) : null}
    </fieldset>
  );
}
