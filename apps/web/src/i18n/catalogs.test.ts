import { describe } from 'vitest';
import { en } from './locales/en';
import { ru } from './locales/ru';
import { itChecksCatalogs } from './testing/check-catalogs';

describe('the catalogs', () => {
  itChecksCatalogs(en, ru);
});
