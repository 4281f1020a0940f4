import path from 'node:path';

export const PROCESS_NAMES = ['hub', 'invite', 'notification', 'gateway'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

export const DEFAULT_PORTS: Record<ProcessName, number> = {
  gateway: 3000,
  hub: 3001,
  invite: 3002,
  notification: 3003,
};

/** The repository root, found from the compiled (dist/) or source location of this file. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!require('node:fs').existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** How to run a compiled Gatehouse process: node, the alias hook, its entry point. */
export function processCommand(name: ProcessName): { command: string; args: string[] } {
  const root = repoRoot();
  return {
    command: process.execPath,
    args: ['-r', path.join(root, 'scripts/runtime-paths.js'), path.join(root, `dist/services/${name}/src/main.js`)],
  };
}
