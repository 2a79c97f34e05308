import '@web/i18n/practitioner-form/register';
import { addFeatureCatalog } from '@web/i18n/feature-catalog';
import { profileEn } from './en';
import { profileRu } from './ru';

/**
 * The `profile.*` strings (and the shared form parts' ones) join the catalogs when the edit-profile screen loads (it
 * imports this first).
 */
addFeatureCatalog('profile', profileEn, profileRu);
