import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultTemplatesDir } from './templates-dir';

describe('defaultTemplatesDir', () => {
  const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

  it('finds the source templates when running from src', () => {
    const dir = defaultTemplatesDir();
    expect(dir).toBe(path.join(repoRoot, 'services', 'notification', 'src', 'templates'));
    expect(fs.existsSync(path.join(dir, 'invite.html.hbs'))).toBe(true);
  });

  it('finds the source templates when running from dist', () => {
    const fromDist = path.join(repoRoot, 'dist', 'services', 'notification', 'src', 'rendering');
    expect(defaultTemplatesDir(fromDist)).toBe(defaultTemplatesDir());
  });

  it('stops at the first directory holding a package.json', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-templates-'));
    try {
      fs.writeFileSync(path.join(root, 'package.json'), '{}');
      const start = path.join(root, 'dist', 'services', 'notification', 'src', 'rendering');
      fs.mkdirSync(start, { recursive: true });
      expect(defaultTemplatesDir(start)).toBe(path.join(root, 'services', 'notification', 'src', 'templates'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
