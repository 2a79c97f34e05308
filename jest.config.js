// Jest projects: unit (*.spec.ts beside sources), integration (services against a real database), e2e (apps
// in-process) and services (suites that need Redis, several processes or process kills; run by test:services).
const { join } = require('node:path');

const root = __dirname;
const libs = [
  'client',
  'common',
  'config',
  'crypto',
  'database',
  'directory',
  'folding',
  'identity',
  'messaging',
  'realtime',
];

const base = {
  rootDir: root,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: join(root, 'tsconfig.spec.json') }] },
  moduleNameMapper: {
    '^@app/database/seed$': '<rootDir>/libs/database/src/seed',
    '^@app/client/node$': '<rootDir>/libs/client/src/node',
    '^@app/common/chat-protocol$': '<rootDir>/libs/common/src/chat-protocol',
    '^@app/common/error-codes$': '<rootDir>/libs/common/src/errors/error-codes',
    ...Object.fromEntries(libs.map((lib) => [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src`])),
  },
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  // Globals looked up through the sandbox's interceptors are slow: tweetnacl (a Float64Array per field element) ran
  // its Ed25519 verify 9× slower under Jest than in Node without this.
  sandboxInjectedGlobals: ['Math', 'Float64Array'],
};

const withDatabase = {
  ...base,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

module.exports = {
  // A hang guard, not a speed check: two workers share two cores with the apps under test and PostgreSQL. Jest
  // honours testTimeout only here, at the top level, not inside a project (jestjs/jest#9696).
  testTimeout: 15_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
      // apps/web has its own runners: Vitest (src/**/*.test.tsx) and Playwright (e2e/**/*.spec.ts).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    {
      ...withDatabase,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    },
    { ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    {
      ...withDatabase,
      displayName: 'services',
      testMatch: ['<rootDir>/test/services/**/*.services-spec.ts'],
    },
  ],
};
