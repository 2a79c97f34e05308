import '@web/i18n/reference/register';
import { addFeatureCatalog } from '@web/i18n/feature-catalog';
import { homeEn } from './en';
import { homeRu } from './ru';

/** The `home.*` strings, and the reference names they use, join the catalogs when the home screen loads (it imports this first). */
addFeatureCatalog('home', homeEn, homeRu);
