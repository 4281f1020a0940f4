// The fault suite (npm run test:faults): whole systems on the real PostgreSQL and RabbitMQ, one fault
// injected per case (docs/operations.md). Same transform and setup as jest.config.js; slow, so run apart.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 900000,
};
