import '@web/i18n/practitioner-form/register';
import { addFeatureCatalog } from '@web/i18n/feature-catalog';
import { applyEn } from './en';
import { applyRu } from './ru';

/**
 * The `apply.*` strings (and the shared form parts' ones) join the catalogs when the apply and reset screens load
 * (both import this module first).
 */
addFeatureCatalog('apply', applyEn, applyRu);
