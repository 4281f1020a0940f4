// Every build starts from an empty dist/: tsc never deletes what it compiled before, so a module moved or
// renamed in the sources (errors.ts → errors/index.ts) would leave its old output behind, and Node would
// load the stale file first.
const fs = require('node:fs');
const path = require('node:path');
fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
