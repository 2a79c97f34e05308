import 'i18next';
import type { chatEn } from '@web/features/chat/i18n/en';
import type { deskEn } from '@web/features/desk/i18n/en';
import type { en } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    /**
     * The chat's strings are a namespace of their own (`useTranslation('chat')`): one catalog this large typed in the
     * default namespace makes every typed lookup too deep for tsc. The coordinators' desk likewise (`desk`).
     */
    resources: { translation: typeof en; chat: typeof chatEn; desk: typeof deskEn };
    returnNull: false;
  }
}
