import { describe } from 'vitest';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import { profileEn } from './en';
import { profileRu } from './ru';

describe('the profile catalogs', () => {
  itChecksCatalogs(profileEn, profileRu);
});
