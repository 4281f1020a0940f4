/**
 * The house rules that keep services independent: a service never imports another service's code,
 * libs never import services, and nothing in production code imports the test helpers.
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
      from: { path: '^(services|libs)/[^/]+/src/', pathNot: ['[.]spec[.]ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'contracts-stay-pure',
      severity: 'error',
      comment: 'libs/contracts is the public RPC API: class-validator/class-transformer only.',
      from: { path: '^libs/contracts/' },
      to: { dependencyTypes: ['npm'], pathNot: 'node_modules/(class-validator|class-transformer)/' },
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
