import { describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { itChecksCatalogs } from '@web/i18n/testing/check-catalogs';
import { chatEn } from './en';
import { chatRu } from './ru';
import './register';

/** The checks of i18n/catalogs.test.ts, for the chat's own namespace. */
describe('the chat catalogs', () => {
  itChecksCatalogs(chatEn, chatRu);

  it('should be in the chat namespace once the chat loads, with Russian plurals', () => {
    expect(i18next.t('list.unread', { ns: 'chat', lng: 'en', count: 2 })).toBe('2 unread messages');
    expect(i18next.t('list.unread', { ns: 'chat', lng: 'ru', count: 1 })).toMatch(/^1 /);
    expect(i18next.t('list.unread', { ns: 'chat', lng: 'ru', count: 3 })).not.toBe(
      i18next.t('list.unread', { ns: 'chat', lng: 'ru', count: 5 }),
    );
  });
});
