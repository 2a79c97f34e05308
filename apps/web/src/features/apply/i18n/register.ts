import { i18next } from '@web/i18n';
import { applyEn } from './en';
import { applyRu } from './ru';

/**
 * The `apply.*` strings join the catalogs when the apply and reset screens load (both import this module first), so
 * the sign-in bundle does not carry them. Deep merge into the placeholders of i18n/locales/{en,ru}/apply.ts.
 */
i18next.addResourceBundle('en', 'translation', { apply: applyEn }, true, true);
i18next.addResourceBundle('ru', 'translation', { apply: applyRu }, true, true);
