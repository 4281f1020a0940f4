// Loaded with `node -r` before a compiled entry point: resolves the @gatehouse/* aliases onto dist/.
require('reflect-metadata'); // Nest and class-validator decorators read type metadata at load time
const path = require('node:path');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@gatehouse/*': ['libs/*/src'] },
});
