import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The shipped templates in the source tree, `<repo>/services/notification/src/templates`, found from
 * wherever this file runs: from src under jest (`services/notification/src/rendering`) or compiled by
 * tsc (`dist/services/notification/src/rendering`). It walks up to the repository root (the first
 * directory that holds a package.json) and goes back down into the source templates.
 * Use it when the build has not copied the .hbs files next to the compiled code.
 */
export function defaultTemplatesDir(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      return path.join(dir, 'services', 'notification', 'src', 'templates');
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json found above ${startDir}: cannot locate the email templates`);
    dir = parent;
  }
}
