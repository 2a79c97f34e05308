import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '@web/lib/api-error';
import { fieldErrorText } from '@web/lib/error-text';

const OLD_OR = (code: string, ...codes: string[]) => code === 'INVALID' || codes.includes(code);

/**
 * A field error in the user's language: the shared code texts (fieldErrorText), with wordings of this form's own for
 * what they say too vaguely here. The server's message is never shown.
 */
export function applyFieldText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) {
    return undefined;
  }
  if (error.path === 'invitationCode' && OLD_OR(error.code, 'INVALID_CODE')) {
    return t('apply.errors.invitationCode');
  }
  if (error.path === 'agencyType' && OLD_OR(error.code, 'REQUIRED')) {
    return t('apply.errors.agencyType');
  }
  if (error.path === 'languages' && OLD_OR(error.code, 'DUPLICATE')) {
    return t('apply.errors.eachLanguageOnce');
  }
  if (/^languages\.[^.]+\.code$/.test(error.path)) {
    if (error.code === 'DUPLICATE') {
      return t('apply.errors.duplicateLanguage');
    }
    if (OLD_OR(error.code, 'REQUIRED')) {
      return fieldErrorText(t, { ...error, code: 'INVALID_LANGUAGE' });
    }
  }
  if (/^languages\.[^.]+\.level$/.test(error.path) && OLD_OR(error.code, 'REQUIRED')) {
    return fieldErrorText(t, { ...error, code: 'INVALID_LEVEL' });
  }
  if (error.path === 'country' && OLD_OR(error.code, 'REQUIRED')) {
    return fieldErrorText(t, { ...error, code: 'INVALID_COUNTRY' });
  }
  if (error.path === 'timeZone' && OLD_OR(error.code, 'REQUIRED')) {
    return fieldErrorText(t, { ...error, code: 'INVALID_TIME_ZONE' });
  }
  if (/^(expertise|competences)(\..*)?$/.test(error.path) && error.code === 'INVALID') {
    return fieldErrorText(t, { ...error, code: 'INVALID_EXPERTISE' });
  }
  return fieldErrorText(t, error);
}

/** The error shown at `path` (or under it), or undefined. */
export function errorAt(errors: readonly FieldError[], path: string): FieldError | undefined {
  return new ApiError('BAD_USER_INPUT', [...errors]).field(path);
}

/** Errors without those at or under `path`: a field's error goes once the field is changed. */
export function withoutErrorAt(errors: FieldError[], path: string): FieldError[] {
  const kept = errors.filter((error) => error.path !== path && !error.path.startsWith(`${path}.`));
  return kept.length === errors.length ? errors : kept;
}
