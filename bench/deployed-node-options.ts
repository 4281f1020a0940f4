import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ProcessName, repoRoot } from '../scripts/processes';

/** The NODE_OPTIONS a process runs with in the bench, and where they came from. */
export interface NodeOptions {
  value: string;
  source: string;
}

interface ContainerEnv {
  name?: string;
  value?: string;
}

/**
 * The NODE_OPTIONS of a process's Deployment in deploy/k8s/<name>.yaml (the one source of truth: the
 * bench measures memory as deployed), or BENCH_NODE_OPTIONS for every process when it is set. A manifest
 * with none leaves Node's defaults (an empty NODE_OPTIONS, so a value in the shell running the bench does
 * not leak into the processes).
 */
export function nodeOptionsFor(name: ProcessName): NodeOptions {
  const override = process.env.BENCH_NODE_OPTIONS;
  if (override !== undefined) return { value: override, source: 'BENCH_NODE_OPTIONS' };
  const file = path.join('deploy', 'k8s', `${name}.yaml`);
  const documents = parseAllDocuments(fs.readFileSync(path.join(repoRoot(), file), 'utf8'));
  for (const document of documents) {
    const manifest = document.toJS() as {
      kind?: string;
      spec?: { template?: { spec?: { containers?: { env?: ContainerEnv[] }[] } } };
    } | null;
    if (manifest?.kind !== 'Deployment') continue;
    for (const container of manifest.spec?.template?.spec?.containers ?? []) {
      const option = container.env?.find((variable) => variable.name === 'NODE_OPTIONS');
      if (option?.value !== undefined) return { value: option.value, source: file };
    }
  }
  return { value: '', source: `${file} sets none: Node's defaults` };
}

/** One line per process for the report: what each ran with. */
export function describeNodeOptions(names: readonly ProcessName[]): string {
  return names
    .map((name) => {
      const { value, source } = nodeOptionsFor(name);
      return `${name}: ${value ? `\`${value}\`` : '(none)'} (${source})`;
    })
    .join('; ');
}
