import type { Catalog } from '../../catalog';
import type { practitionerForm as formEn, reference as en } from '../en/reference';

/** Filled in when the screens load: the strings are in i18n/reference/ru.ts and i18n/practitioner-form/ru.ts. */
export const reference = {} as Catalog<typeof en>;
export const practitionerForm = {} as Catalog<typeof formEn>;
