import { describe, expect, it } from 'vitest';
import { i18next } from '../index';
import { practitionerFormEn } from '../practitioner-form/en';
import { practitionerFormRu } from '../practitioner-form/ru';
import '../practitioner-form/register';
import { itChecksCatalogs } from '../testing/check-catalogs';
import { referenceEn } from './en';
import { referenceRu } from './ru';

/** The checks of i18n/catalogs.test.ts, for the reference names and the shared form parts' strings. */
describe('the reference catalogs', () => {
  itChecksCatalogs(referenceEn, referenceRu);

  it('should be in the catalogs once a screen that names reference data loads', () => {
    expect(i18next.t('reference.agencyType.FIU', { lng: 'en' })).toBe('Financial intelligence unit');
    expect(i18next.t('reference.levels.WORKING', { lng: 'ru' })).toBe('Рабочий уровень');
  });
});

describe('the shared form parts’ catalogs', () => {
  itChecksCatalogs(practitionerFormEn, practitionerFormRu);

  it('should be in the catalogs with Russian plurals', () => {
    expect(i18next.t('practitionerForm.languages.add', { lng: 'en' })).toBe('Add a language');
    expect(i18next.t('practitionerForm.expertise.chosen', { lng: 'ru', count: 3 })).toBe(
      'Выбрано 3 направления',
    );
  });
});
