import { describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import { deskEn } from './en';
import { deskRu } from './ru';
import './register';

/** The checks of i18n/catalogs.test.ts, for the desk's own namespace (its audit log and dashboard included). */
describe('the desk catalogs', () => {
  itChecksCatalogs(deskEn, deskRu);

  it('should be in the desk namespace once the desk loads, with Russian plurals', () => {
    expect(i18next.t('queue.waiting', { ns: 'desk', lng: 'en', count: 2 })).toBe('Waiting 2 days');
    expect(i18next.t('queue.waiting', { ns: 'desk', lng: 'ru', count: 1 })).toBe('Ждёт 1 день');
    expect(i18next.t('queue.waiting', { ns: 'desk', lng: 'ru', count: 3 })).toBe('Ждёт 3 дня');
    expect(i18next.t('queue.waiting', { ns: 'desk', lng: 'ru', count: 5 })).toBe('Ждёт 5 дней');
  });
});
