import fs from 'node:fs';
import path from 'node:path';
import { MachineInfo } from './machine';

export interface Figure {
  case: string;
  metric: string;
  value: number;
  unit: string;
  /** The same work done by the bare tool (raw SQL, raw amqplib, nodemailer alone), in the same run. */
  floor: { label: string; value: number } | null;
  target?: string;
  note?: string;
}

const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** Prints the figures and writes bench/reports/latest.{md,json}. */
export function writeReport(root: string, machine: MachineInfo, figures: Figure[], load: string): string {
  const lines = [
    '# Gatehouse benchmark report',
    '',
    `Run: ${new Date().toISOString()}`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}, RabbitMQ ${machine.rabbitmq} — all on one box, over loopback.`,
    '',
    `Load: ${load}. Ratio = Gatehouse ÷ floor (for times, lower is better; for rates, higher).`,
    '',
    '| case | metric | Gatehouse | floor (same run) | ratio | target | note |',
    '|---|---|---|---|---|---|---|',
    ...figures.map((f) => {
      const floor = f.floor ? `${fmt(f.floor.value)} ${f.unit} (${f.floor.label})` : '—';
      const ratio = f.floor && f.floor.value > 0 ? `${(f.value / f.floor.value).toFixed(2)}×` : '—';
      return `| ${f.case} | ${f.metric} | ${fmt(f.value)} ${f.unit} | ${floor} | ${ratio} | ${f.target ?? ''} | ${f.note ?? ''} |`;
    }),
    '',
  ];
  const dir = path.join(root, 'bench', 'reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.md'), lines.join('\n'));
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify({ machine, load, figures }, null, 2));
  return lines.join('\n');
}
