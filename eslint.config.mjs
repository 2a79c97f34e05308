// Type-aware typescript-eslint + prettier (see ../shared/STYLE.md).
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import i18next from 'eslint-plugin-i18next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Web features never import each other (shared/STYLE.md, "The web client"): app → features → components/lib/i18n. */
const WEB_FEATURES = ['auth', 'account', 'home', 'apply', 'directory', 'profile', 'chat'];
const featureBoundaries = WEB_FEATURES.map((feature) => ({
  files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: WEB_FEATURES.filter((other) => other !== feature).map(
              (other) => `@web/features/${other}/*`,
            ),
            message: 'Features do not import each other; move shared code to components/ or lib/.',
          },
          { group: ['@web/app/*'], message: 'Features do not import the app layer.' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'tmp/**',
      'data/**',
      'coverage/**',
      '*.config.js',
      '*.config.mjs',
      'apps/web/src/lib/graphql/**',
      'apps/web/test-results/**',
      'apps/web/playwright-report/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The browser client: hooks rules, accessibility, and no literal UI strings (every visible word from the catalogs).
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'i18next/no-literal-string': [
        'error',
        { mode: 'jsx-only', 'jsx-attributes': { include: ['^(aria-label|title|alt|placeholder|label)$'] } },
      ],
    },
  },
  {
    // Tooling and tests of the web client may use literal strings.
    files: [
      'apps/web/**/*.test.{ts,tsx}',
      'apps/web/e2e/**',
      'apps/web/bench/**',
      'apps/web/*.ts',
      'apps/web/*.mts',
    ],
    rules: { 'i18next/no-literal-string': 'off' },
  },
  ...featureBoundaries,
  {
    // Tests assert on loosely typed JSON bodies and mock freely.
    files: ['test/**/*.ts', '**/*.spec.ts', 'apps/web/**/*.test.{ts,tsx}', 'apps/web/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
);
