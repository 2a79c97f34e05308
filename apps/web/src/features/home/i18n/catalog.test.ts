import { describe } from 'vitest';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import { homeEn } from './en';
import { homeRu } from './ru';

describe('the home catalogs', () => {
  itChecksCatalogs(homeEn, homeRu);
});
