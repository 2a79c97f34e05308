import { addFeatureCatalog } from '@web/i18n/feature-catalog';
import { directoryEn } from './en';
import { directoryRu } from './ru';

/** The `directory.*` strings join the catalogs when the search or a profile screen loads (both import this first). */
addFeatureCatalog('directory', directoryEn, directoryRu);
