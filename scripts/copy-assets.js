// tsc compiles TypeScript only; the notification service's Handlebars templates ship beside its code.
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const from = path.join(root, 'services/notification/src/templates');
const to = path.join(root, 'dist/services/notification/src/templates');
if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
