import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/architecture.md names files by their path ("The path of a request, file by file", the layout
 * tables): every `services/…` or `libs/…` path it writes in backticks must exist, so a move or a rename
 * that forgets the document fails here instead of leaving it wrong.
 */
const ROOT = join(__dirname, '..');
const DOC = 'docs/architecture.md';

/**
 * Backticked repository paths: `services/…` or `libs/…`, ending in a file name or a folder. A path with a
 * placeholder segment in capitals (`services/NAME/test`) stands for many and is left out.
 */
export function namedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const [, path] of markdown.matchAll(/`((?:services|libs)\/[\w./-]+)`/g)) {
    if (path.split('/').some((segment) => /^[A-Z_]+$/.test(segment))) continue;
    paths.add(path.replace(/\/$/, ''));
  }
  return [...paths];
}

describe(`${DOC} names only paths that exist`, () => {
  const paths = namedPaths(readFileSync(join(ROOT, DOC), 'utf8'));

  it('names some paths (the extraction works)', () => {
    expect(paths.length).toBeGreaterThan(50);
  });

  it('every named path exists', () => {
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
