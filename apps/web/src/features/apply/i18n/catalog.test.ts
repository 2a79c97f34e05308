import { describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { applyEn } from './en';
import { applyRu } from './ru';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import './register';

/** The checks of i18n/catalogs.test.ts, for the strings that load with the apply and reset screens. */
describe('the apply catalogs', () => {
  itChecksCatalogs(applyEn, applyRu);

  it('should be in the catalogs once the screens load, with Russian plurals', () => {
    expect(i18next.t('apply.title', { lng: 'en' })).toBe('Apply for membership');
    expect(i18next.t('practitionerForm.expertise.chosen', { lng: 'ru', count: 1 })).toBe(
      'Выбрано 1 направление',
    );
    expect(i18next.t('practitionerForm.expertise.chosen', { lng: 'ru', count: 3 })).toBe(
      'Выбрано 3 направления',
    );
    expect(i18next.t('practitionerForm.expertise.chosen', { lng: 'ru', count: 11 })).toBe(
      'Выбрано 11 направлений',
    );
    expect(i18next.t('apply.summary.title', { lng: 'ru', count: 21 })).toBe('Исправьте 21 ошибку');
  });
});
