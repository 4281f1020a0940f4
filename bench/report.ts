import fs from 'node:fs';
import path from 'node:path';
import { MachineInfo } from './machine';
import { Target, describeTarget, meets } from './targets';

export interface Figure {
  case: string;
  metric: string;
  value: number;
  unit: string;
  /** The same work done by the bare tool (raw SQL, raw amqplib, nodemailer alone), in the same run. */
  floor: { label: string; value: number } | null;
  /** Issue #12's target for this figure, if it states one. */
  target?: Target;
  note?: string;
}

/** What the run was measured under, printed above the figures. */
export interface RunContext {
  /** Load average at the start and at the end. */
  load: string;
  /** NODE_OPTIONS of each process and where they came from. */
  nodeOptions: string;
  /** Further sections (markdown), e.g. how the work split between replicas. */
  sections: string[];
}

const fmt = (value: number) =>
  Number.isInteger(value) || value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

function result(figure: Figure): { text: string; met: boolean | null } {
  if (!figure.target) return { text: '', met: null };
  const met = meets(figure.target, figure.value, figure.floor?.value ?? null);
  const text = met === null ? 'no floor measured' : met ? 'pass' : '**FAIL**';
  return { text: figure.target.indicative && met !== null ? `(${text})` : text, met };
}

/** One line: how many of the targets (where it states them) this run met, and which it missed. */
function summary(figures: Figure[]): string {
  const judged = figures
    .filter((f) => f.target && !f.target.indicative)
    .map((f) => ({ f, met: result(f).met }))
    .filter(({ met }) => met !== null);
  const missed = judged.filter(({ met }) => !met).map(({ f }) => `${f.case}: ${f.metric}`);
  return (
    `Targets of issue #12 met: ${judged.length - missed.length} of ${judged.length}` +
    (missed.length ? ` — missed: ${missed.join('; ')}.` : '.') +
    ' Marks in parentheses are indicative only (a figure measured where the issue states no target).'
  );
}

/** Prints the figures and writes bench/reports/latest.{md,json}. */
export function writeReport(root: string, machine: MachineInfo, figures: Figure[], context: RunContext): string {
  const lines = [
    '# Gatehouse benchmark report',
    '',
    `Run: ${new Date().toISOString()}`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}, RabbitMQ ${machine.rabbitmq} — all on one box, over loopback.`,
    '',
    `Load: ${context.load}.`,
    '',
    `Processes ran with the NODE_OPTIONS of their manifests (memory as deployed): ${context.nodeOptions}.`,
    '',
    'Ratio = Gatehouse ÷ floor (for times, lower is better; for rates, higher). Targets are those of issue #12.',
    '',
    summary(figures),
    '',
    '| case | metric | Gatehouse | floor (same run) | ratio | target | result | note |',
    '|---|---|---|---|---|---|---|---|',
    ...figures.map((f) => {
      const floor = f.floor ? `${fmt(f.floor.value)} ${f.unit} (${f.floor.label})` : '—';
      const ratio = f.floor && f.floor.value > 0 ? `${(f.value / f.floor.value).toFixed(2)}×` : '—';
      const target = f.target ? describeTarget(f.target) : '';
      return `| ${f.case} | ${f.metric} | ${fmt(f.value)} ${f.unit} | ${floor} | ${ratio} | ${target} | ${result(f).text} | ${f.note ?? ''} |`;
    }),
    '',
    ...context.sections.flatMap((section) => [section, '']),
  ];
  const dir = path.join(root, 'bench', 'reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.md'), lines.join('\n'));
  const judged = figures.map((f) => ({
    ...f,
    target: f.target && { ...f.target, text: describeTarget(f.target) },
    met: result(f).met,
  }));
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify({ machine, ...context, figures: judged }, null, 2));
  return lines.join('\n');
}
