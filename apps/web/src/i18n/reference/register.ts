import { addFeatureCatalog } from '../feature-catalog';
import { referenceEn } from './en';
import { referenceRu } from './ru';

/** The `reference.*` strings join the catalogs with the first screen that names reference data (it imports this). */
addFeatureCatalog('reference', referenceEn, referenceRu);
