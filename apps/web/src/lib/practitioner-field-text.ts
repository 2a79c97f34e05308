import type { TFunction } from 'i18next';
import type { FieldError } from './api-error';
import { fieldErrorText } from './error-text';

/** The server's older, vaguer code ('INVALID'), or one of `codes`. */
const OLD_OR = (code: string, ...codes: string[]) => code === 'INVALID' || codes.includes(code);

/**
 * A field error of the parts the application and profile forms share, in the user's language: the shared code texts
 * (fieldErrorText), with wordings of the forms' own for what those say too vaguely here. The server's message is
 * never shown. Paths of either input: `agencyType` (application) or `agency.type` (profile).
 */
export function practitionerFieldText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) {
    return undefined;
  }
  const { path, code } = error;
  if ((path === 'agencyType' || path === 'agency.type') && OLD_OR(code, 'REQUIRED')) {
    return t('practitionerForm.errors.agencyType');
  }
  if (path === 'languages' && OLD_OR(code, 'DUPLICATE')) {
    return t('practitionerForm.errors.eachLanguageOnce');
  }
  if (/^languages\.[^.]+\.code$/.test(path)) {
    if (code === 'DUPLICATE') {
      return t('practitionerForm.errors.duplicateLanguage');
    }
    if (OLD_OR(code, 'REQUIRED')) {
      return fieldErrorText(t, { ...error, code: 'INVALID_LANGUAGE' });
    }
  }
  if (/^languages\.[^.]+\.level$/.test(path) && OLD_OR(code, 'REQUIRED')) {
    return fieldErrorText(t, { ...error, code: 'INVALID_LEVEL' });
  }
  if (path === 'country' && OLD_OR(code, 'REQUIRED')) {
    return fieldErrorText(t, { ...error, code: 'INVALID_COUNTRY' });
  }
  if (path === 'timeZone' && OLD_OR(code, 'REQUIRED')) {
    return fieldErrorText(t, { ...error, code: 'INVALID_TIME_ZONE' });
  }
  if (/^expertise(\.|$)/.test(path) && code === 'INVALID') {
    return fieldErrorText(t, { ...error, code: 'INVALID_EXPERTISE' });
  }
  if (/^competences(\.|$)/.test(path) && code === 'INVALID') {
    return fieldErrorText(t, { ...error, code: 'INVALID_COMPETENCE' });
  }
  return fieldErrorText(t, error);
}
