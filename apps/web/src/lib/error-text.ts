import type { TFunction } from 'i18next';
import { i18next } from '@web/i18n';
import type { Catalog } from '@web/i18n/catalog';
import { ApiError, type FieldError } from './api-error';

type ErrorCodeKey = keyof Catalog['errors']['codes'];
type FieldCodeKey = keyof Catalog['errors']['fields'];

/**
 * The catalogs list every code (their type requires each API code: locales/en/errors.ts), so a code has words when
 * its key exists; an unknown one (a newer server) reads as the generic text.
 */
const known = (key: string) => i18next.exists(key);

/** The one mapping from an API error code to the user's language; server messages are never shown. */
export function errorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  return t(`errors.codes.${(known(`errors.codes.${code}`) ? code : 'UNKNOWN') as ErrorCodeKey}`);
}

/** A field error's code (with its min/max) in the user's language. */
export function fieldErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) {
    return undefined;
  }
  const code = (known(`errors.fields.${error.code}`) ? error.code : 'INVALID') as FieldCodeKey;
  return t(`errors.fields.${code}`, { min: error.min, max: error.max });
}
