// One jest run for everything: unit specs (*.spec.ts), integration tests against the real
// PostgreSQL/RabbitMQ/SMTP (services/*/test/**/*.int-spec.ts), whole-system tests (test/e2e) and
// browser tests of the web app against the whole system in headless Chromium (test/web).
// SWC transpiles (with decorator metadata, which Nest's DI needs); `tsc` type-checks separately.
const swc = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const moduleNameMapper = {
  '^@gatehouse/(.*)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/services/**/*.spec.ts',
    '<rootDir>/services/**/test/**/*.int-spec.ts',
    '<rootDir>/libs/**/test/**/*.int-spec.ts',
    '<rootDir>/test/e2e/**/*.e2e-spec.ts',
    '<rootDir>/test/web/**/*.web-spec.ts',
    '<rootDir>/web/src/**/*.spec.ts',
    '<rootDir>/scripts/**/*.spec.ts',
    '<rootDir>/bench/**/*.spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60000,
};
