import { describe } from 'vitest';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import { directoryEn } from './en';
import { directoryRu } from './ru';

describe('the directory catalogs', () => {
  itChecksCatalogs(directoryEn, directoryRu);
});
