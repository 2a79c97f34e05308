import type { FieldError } from './api-error';
import type { LanguageInput, LanguageLevel } from './graphql/graphql';

/** At most this many languages (the API's limit). */
export const MAX_LANGUAGES = 20;

export interface LanguageRow {
  /** A stable React key and id part: rows are added and removed. */
  key: number;
  code: string;
  level: LanguageLevel | '';
}

/** The rows of stored languages (none stored: one empty row to start from). */
export function languageRowsOf(languages: readonly { code: string; level: LanguageLevel }[]): LanguageRow[] {
  return languages.length > 0
    ? languages.map((language, key) => ({ key, code: language.code, level: language.level }))
    : [{ key: 0, code: '', level: '' }];
}

/** Rows left entirely empty are not sent (a form starts with one). */
function filledLanguages(rows: readonly LanguageRow[]): LanguageRow[] {
  return rows.filter((row) => row.code || row.level);
}

/** The input's languages: empty rows left out, in the rows' order. */
export function toLanguageInput(rows: readonly LanguageRow[]): LanguageInput[] {
  return filledLanguages(rows).map((row) => ({ code: row.code, level: row.level as LanguageLevel }));
}

/** The rows' obvious problems, in the API's shape: paths by index among the rows sent (`languages.1.code`). */
export function validateLanguages(rows: readonly LanguageRow[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  filledLanguages(rows).forEach((row, index) => {
    if (!row.code) {
      errors.push({ path: `languages.${index}.code`, code: 'INVALID_LANGUAGE' });
    } else if (seen.has(row.code)) {
      errors.push({ path: `languages.${index}.code`, code: 'DUPLICATE' });
    }
    seen.add(row.code);
    if (!row.level) {
      errors.push({ path: `languages.${index}.level`, code: 'INVALID_LEVEL' });
    }
  });
  return errors;
}

/**
 * Errors name language rows by their index in the input sent (`languages.1.code`), which skips empty rows; the forms
 * name them by row key, stable while rows are added and removed (`languages.k7.code`).
 */
export function byRowKey(errors: FieldError[], rows: readonly LanguageRow[]): FieldError[] {
  const keys = filledLanguages(rows).map((row) => row.key);
  return errors.map((error) => {
    const match = /^languages\.(\d+)(\..*)?$/.exec(error.path);
    const key = match ? keys[Number(match[1])] : undefined;
    return key === undefined ? error : { ...error, path: `languages.k${key}${match?.[2] ?? ''}` };
  });
}
