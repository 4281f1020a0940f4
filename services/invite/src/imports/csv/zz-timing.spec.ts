import { parseInviteCsv } from './index';
import { parse } from 'csv-parse/sync';
it('timing', () => {
  const lines = ['Email,Name,Note'];
  for (let i = 0; i < 100_000; i++) lines.push(`user${i}@example.com,Name ${i},x`);
  const buf = Buffer.from(lines.join('\n') + '\n');
  const quoted = Buffer.from(lines.map((l) => l.replace(/^([^,]*)/, '"$1"')).join('\n') + '\n');
  for (let k = 0; k < 4; k++) {
    const r: string[] = [];
    for (const [name, f] of [['plain', () => parseInviteCsv(buf)], ['quoted', () => parseInviteCsv(quoted)], ['csv-parse only', () => parse(quoted, { relax_column_count: true })]] as const) {
      const c = process.cpuUsage(); const t = performance.now(); f();
      const u = process.cpuUsage(c); r.push(`${name} wall ${(performance.now() - t).toFixed(0)} cpu ${((u.user + u.system) / 1000).toFixed(0)}`);
    }
    console.log(r.join(' | '));
  }
});
