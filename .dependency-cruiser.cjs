/**
 * The house rules that keep services independent: a service never imports another service's code,
 * libs never import services, and nothing in production code imports the test helpers. Whole-system
 * tests (test/) and benchmarks (bench/) use libs/ and the compiled processes, never a service's code;
 * nothing outside them imports them. A service's own tests (services/NAME/test) may import that service.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-service-imports-another-service',
      severity: 'error',
      comment: 'Services talk over RabbitMQ; shared code lives in libs/.',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'libs-import-no-service',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^services/' },
    },
    {
      name: 'production-code-imports-no-test-helpers',
      severity: 'error',
      from: { path: ['^(services|libs)/[^/]+/src/', '^scripts/'], pathNot: ['[.]spec[.]ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'tests-and-benches-use-no-service-code',
      severity: 'error',
      comment:
        'test/ and bench/ drive the compiled processes (HTTP, RabbitMQ, SMTP) and share code through libs/; ' +
        "a service's own tests live in services/NAME/test. The two benchmark floors are the exceptions below.",
      from: { path: '^(test|bench)/', pathNot: '^bench/cases/(mass-invite-floor|email-throughput)[.]ts$' },
      to: { path: '^services/' },
    },
    {
      name: 'mass-invite-floor-reuses-only-the-invite-parser',
      severity: 'error',
      comment:
        "The floor of a mass invite parses with the invite service's own CSV parser, so the floor and the " +
        'service measure the same parsing; it needs no other service code.',
      from: { path: '^bench/cases/mass-invite-floor[.]ts$' },
      to: { path: '^services/', pathNot: '^services/invite/src/' },
    },
    {
      name: 'email-floor-reuses-only-notification-rendering',
      severity: 'error',
      comment:
        "The email-throughput floor renders and composes with the notification service's own code, so it " +
        'measures SMTP sending without the broker, not a different renderer.',
      from: { path: '^bench/cases/email-throughput[.]ts$' },
      to: { path: '^services/', pathNot: '^services/notification/src/' },
    },
    {
      name: 'nothing-imports-tests-or-benches',
      severity: 'error',
      comment: 'test/ and bench/ sit on top: services, libs and scripts never depend on them.',
      from: { path: '^(services|libs|scripts)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'contracts-stay-pure',
      severity: 'error',
      comment: 'libs/contracts is the public RPC API: class-validator/class-transformer only.',
      from: { path: '^libs/contracts/' },
      to: { dependencyTypes: ['npm'], pathNot: 'node_modules/(class-validator|class-transformer)/' },
    },
    {
      name: 'contracts-use-only-the-address-rule',
      severity: 'error',
      comment:
        'Of the other libs, contracts use only libs/email-address: the one definition of an address, which ' +
        "events' addresses are checked by (IsEmailAddress).",
      from: { path: '^libs/contracts/' },
      to: { path: '^libs/', pathNot: ['^libs/contracts/', '^libs/email-address/'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
