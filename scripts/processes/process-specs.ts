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

/**
 * How to run a compiled Gatehouse process: node, the alias hook, its entry point. With
 * GATEHOUSE_CPU_PROF_DIR set, each process writes a V8 CPU profile there when it exits (Node refuses
 * --cpu-prof in NODE_OPTIONS; docs/performance.md says how the profiles were taken).
 */
export function processCommand(name: ProcessName): { command: string; args: string[] } {
  const root = repoRoot();
  const profileDir = process.env.GATEHOUSE_CPU_PROF_DIR;
  const profiling = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : [];
  return {
    command: process.execPath,
    args: [
      ...profiling,
      '-r',
      path.join(root, 'scripts/runtime-paths.js'),
      path.join(root, `dist/services/${name}/src/main.js`),
    ],
  };
}
