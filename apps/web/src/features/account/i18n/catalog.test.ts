import { describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import { accountEn } from './en';
import { accountRu } from './ru';
import './register';

/** The checks of i18n/catalogs.test.ts, for the strings that load with the sessions and security screens. */
describe('the account catalogs', () => {
  itChecksCatalogs(accountEn, accountRu);

  it('should be in the catalogs once the screens load, with Russian plurals', () => {
    expect(i18next.t('account.sessions.others', { lng: 'en', count: 1 })).toBe('1 other session');
    expect(i18next.t('account.sessions.others', { lng: 'ru', count: 1 })).toBe('1 другой сеанс');
    expect(i18next.t('account.sessions.others', { lng: 'ru', count: 3 })).toBe('3 других сеанса');
    expect(i18next.t('account.sessions.others', { lng: 'ru', count: 11 })).toBe('11 других сеансов');
    expect(i18next.t('account.sessions.others', { lng: 'ru', count: 21 })).toBe('21 другой сеанс');
  });
});
