import type { Catalog } from './catalog';
import { i18next } from './index';

type FeatureKey = 'apply' | 'account' | 'home' | 'directory' | 'profile' | 'reference' | 'practitionerForm';

/**
 * Adds a feature's strings (`apply.*`, `account.*`) to both catalogs when its screens load, so the sign-in bundle does
 * not carry them: a deep merge into the empty placeholders of i18n/locales/{en,ru}. Each feature's i18n/register.ts
 * calls this, and its screens import that module first.
 */
export function addFeatureCatalog<K extends FeatureKey>(key: K, en: Catalog[K], ru: Catalog[K]): void {
  i18next.addResourceBundle('en', 'translation', { [key]: en }, true, true);
  i18next.addResourceBundle('ru', 'translation', { [key]: ru }, true, true);
}

/** The namespaces a feature brings whole (their strings typed on their own: i18next.d.ts). */
type FeatureNamespace = 'chat' | 'desk';

/** Adds a feature's own namespace to both languages when its screens load (like `addFeatureCatalog`). */
export function addFeatureNamespace<T extends object>(
  namespace: FeatureNamespace,
  en: T,
  ru: Catalog<T>,
): void {
  i18next.addResourceBundle('en', namespace, en, true, true);
  i18next.addResourceBundle('ru', namespace, ru, true, true);
}
