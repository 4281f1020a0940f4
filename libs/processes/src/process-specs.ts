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

/** A compiled process's entry point (dist/), or an error saying how to build it when it is not there. */
export function builtMain(name: ProcessName): string {
  const main = path.join(repoRoot(), `dist/services/${name}/src/main.js`);
  if (!require('node:fs').existsSync(main)) {
    throw new Error(`${main} is missing: build first (npx tsc -p tsconfig.build.json && node scripts/copy-assets.js)`);
  }
  return main;
}

/** Fails at once, before anything starts, unless every one of these processes has been built. */
export function requireBuilt(...names: ProcessName[]): void {
  for (const name of names) builtMain(name);
}

/**
 * How to run a compiled Gatehouse process: node, the alias hook, its entry point. With
 * GATEHOUSE_CPU_PROF_DIR set, each process writes a V8 CPU profile there when it exits (Node refuses
 * --cpu-prof in NODE_OPTIONS; docs/performance.md says how the profiles were taken).
 */
export function processCommand(name: ProcessName): { command: string; args: string[] } {
  const profileDir = process.env.GATEHOUSE_CPU_PROF_DIR;
  const profiling = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : [];
  return {
    command: process.execPath,
    args: [...profiling, '-r', path.join(repoRoot(), 'scripts/runtime-paths.js'), builtMain(name)],
  };
}
