import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { LOCALES, loadLocale } from '@web/i18n';

// Both languages up front: tests switch with i18next.changeLanguage directly, as a loaded catalog allows.
await Promise.all(LOCALES.map(loadLocale));

afterEach(() => cleanup());
