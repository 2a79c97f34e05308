import '@web/i18n/reference/register';
import { addFeatureNamespace } from '@web/i18n/feature-catalog';
import { deskEn } from './en';
import { deskRu } from './ru';

/**
 * The `desk` namespace joins the catalogs when the desk loads (its screens import this first), with the `reference.*`
 * names (agency types, language levels) its profile summaries show.
 */
addFeatureNamespace('desk', deskEn, deskRu);
