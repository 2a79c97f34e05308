import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { LOCALES, loadLocale } from '@web/i18n';

// Both languages up front: tests switch with i18next.changeLanguage directly, as a loaded catalog allows.
await Promise.all(LOCALES.map(loadLocale));

// findBy… and waitFor wait up to 5 s (not 1 s): a screen that renders after debounces and several answers takes longer
// than 1 s on a 2-core machine running other suites; a real failure still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
