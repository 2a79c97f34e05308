import type { practitionerFormEn } from '../../practitioner-form/en';
import type { referenceEn } from '../../reference/en';

/**
 * Reference-data names and the shared form parts' strings: they load with the screens that show them
 * (i18n/reference, i18n/practitioner-form), not with sign-in; these entries give the catalog type their keys.
 */
export const reference = {} as typeof referenceEn;
export const practitionerForm = {} as typeof practitionerFormEn;
