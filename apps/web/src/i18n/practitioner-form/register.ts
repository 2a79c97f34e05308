import '../reference/register';
import { addFeatureCatalog } from '../feature-catalog';
import { practitionerFormEn } from './en';
import { practitionerFormRu } from './ru';

/**
 * The `practitionerForm.*` strings (and the `reference.*` names they show) join the catalogs when the application or
 * the edit-my-profile screen loads (each feature's register.ts imports this).
 */
addFeatureCatalog('practitionerForm', practitionerFormEn, practitionerFormRu);
