import type { TFunction } from 'i18next';
import type { FieldError } from '@web/lib/api-error';
import { practitionerFieldText } from '@web/lib/practitioner-field-text';

/**
 * A field error in the user's language: the shared form parts' texts (practitionerFieldText), with the invitation
 * code's own wording. The server's message is never shown.
 */
export function applyFieldText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (error?.path === 'invitationCode' && (error.code === 'INVALID' || error.code === 'INVALID_CODE')) {
    return t('apply.errors.invitationCode');
  }
  return practitionerFieldText(t, error);
}
