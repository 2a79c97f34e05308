import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';
import { SelectField } from '@web/components/select-field';
import type { FieldError } from '@web/lib/api-error';
import { errorAt, type ErrorSlot } from '@web/lib/form-errors';
import { MAX_LANGUAGES, type LanguageRow } from '@web/lib/language-rows';
import { LANGUAGE_LEVELS } from '@web/lib/reference';

/** The ids of a row's controls and of the add button, under a form's id prefix (`apply`, `profile`). */
export const languageCodeId = (prefix: string, key: number) => `${prefix}-languages-${key}-code`;
export const languageLevelId = (prefix: string, key: number) => `${prefix}-languages-${key}-level`;
export const addLanguageId = (prefix: string) => `${prefix}-languages-add`;

/**
 * Language + level rows, added and removed at will; errors by row key (`languages.k3.code`), worded by `textOf`.
 * The strings are `practitionerForm.languages.*` and `reference.levels.*` (i18n/practitioner-form/register.ts).
 */
export function LanguageRows({
  idPrefix,
  rows,
  options,
  errors,
  textOf,
  onChange,
  focus,
}: {
  idPrefix: string;
  rows: LanguageRow[];
  options: readonly { code: string; name: string }[];
  errors: readonly FieldError[];
  textOf: (error: FieldError | undefined) => string | undefined;
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
  const hintId = `${idPrefix}-languages-hint`;
  const errorId = `${idPrefix}-languages-error`;
  const addId = addLanguageId(idPrefix);
  const groupError = textOf(errors.find((error) => error.path === 'languages'));
  const update = (key: number, change: Partial<LanguageRow>, field: 'code' | 'level') =>
    onChange(
      rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
      `languages.k${key}.${field}`,
    );
  const add = () => {
    const key = Math.max(-1, ...rows.map((row) => row.key)) + 1;
    onChange([...rows, { key, code: '', level: '' }], 'languages');
    focus(languageCodeId(idPrefix, key));
  };
  const remove = (key: number) => {
    onChange(
      rows.filter((row) => row.key !== key),
      `languages.k${key}`,
    );
    focus(addId);
  };

  return (
    <fieldset
      aria-describedby={[hintId, groupError ? errorId : null].filter(Boolean).join(' ')}
      className="flex min-w-0 flex-col gap-3"
    >
      <legend className="mb-1 text-lg font-semibold text-slate-900">
        {t('practitionerForm.languages.legend')}{' '}
        <span className="text-base font-normal text-slate-600">({t('status.optional')})</span>
      </legend>
      <p id={hintId} className="text-sm text-slate-600">
        {t('practitionerForm.languages.hint')}
      </p>
      {groupError ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {groupError}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t('practitionerForm.languages.none')}</p>
      ) : null}
      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={row.key}>
              <fieldset className="grid min-w-0 grid-cols-1 items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
                <legend className="sr-only">{t('practitionerForm.languages.row', { number })}</legend>
                <SelectField
                  id={languageCodeId(idPrefix, row.key)}
                  label={t('practitionerForm.languages.language')}
                  value={row.code}
                  error={textOf(errorAt(errors, `languages.k${row.key}.code`))}
                  onChange={(event) => update(row.key, { code: event.target.value }, 'code')}
                >
                  <option value="">{t('practitionerForm.languages.chooseLanguage')}</option>
                  {languageOptions}
                </SelectField>
                <SelectField
                  id={languageLevelId(idPrefix, row.key)}
                  label={t('practitionerForm.languages.level')}
                  value={row.level}
                  error={textOf(errorAt(errors, `languages.k${row.key}.level`))}
                  onChange={(event) =>
                    update(row.key, { level: event.target.value as LanguageRow['level'] }, 'level')
                  }
                >
                  <option value="">{t('practitionerForm.languages.chooseLevel')}</option>
                  {LANGUAGE_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`reference.levels.${level}`)}
                    </option>
                  ))}
                </SelectField>
                <Button
                  type="button"
                  variant="secondary"
                  className="sm:mt-6"
                  aria-label={t('practitionerForm.languages.removeRow', { number })}
                  onClick={() => remove(row.key)}
                >
                  {t('practitionerForm.languages.remove')}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_LANGUAGES ? (
        <Button id={addId} type="button" variant="secondary" className="self-start" onClick={add}>
          {t('practitionerForm.languages.add')}
        </Button>
      ) : null}
    </fieldset>
  );
}

/** The error slots of the rows, in their order: the group, then each row's language and level. */
export function languageSlots(t: TFunction, idPrefix: string, rows: readonly LanguageRow[]): ErrorSlot[] {
  return [
    {
      path: 'languages',
      exact: true,
      target: rows[0] ? languageCodeId(idPrefix, rows[0].key) : addLanguageId(idPrefix),
      label: t('practitionerForm.languages.legend'),
    },
    ...rows.flatMap((row, index) => {
      const name = t('practitionerForm.languages.row', { number: index + 1 });
      return [
        {
          path: `languages.k${row.key}.code`,
          target: languageCodeId(idPrefix, row.key),
          label: `${name} · ${t('practitionerForm.languages.language')}`,
        },
        {
          path: `languages.k${row.key}.level`,
          target: languageLevelId(idPrefix, row.key),
          label: `${name} · ${t('practitionerForm.languages.level')}`,
        },
      ];
    }),
  ];
}
