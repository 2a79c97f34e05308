import { addFeatureCatalog } from '@web/i18n/feature-catalog';
import { accountEn } from './en';
import { accountRu } from './ru';

/** The `account.*` strings join the catalogs when the sessions and security screens load (both import this first). */
addFeatureCatalog('account', accountEn, accountRu);
