#!/usr/bin/env node
/* global console, process */
// Summarises a V8 CPU profile (.cpuprofile, as written by `node --cpu-prof`; GATEHOUSE_CPU_PROF_DIR makes
// the bench and `npm start` processes write one each): the functions with the most self time, and the
// packages / project folders that time falls in. Usage: node scripts/profile-summary.mjs FILE [top=25]
// [--from=TIME --to=TIME]: only the samples between two wall-clock times (ISO, e.g. a job's created_at and
// finished_at), placed by the start time in the file's name (<process>-<Date.now() at spawn>.cpuprofile:
// off by the process's start-up, a few hundred ms at most).
import { readFileSync } from 'node:fs';

const options = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((arg) => arg.startsWith('--'))
    .map((arg) => arg.slice(2).split('=')),
);
const [file, topArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs FILE.cpuprofile [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map();
const intervals = profile.timeDeltas;
const spawnedAt = Number(file.match(/-(\d+)\.cpuprofile$/)?.[1]);
const from = options.from ? Date.parse(options.from) : -Infinity;
const to = options.to ? Date.parse(options.to) : Infinity;
if ((options.from || options.to) && !spawnedAt) {
  console.error('--from/--to need the start time in the file name (<process>-<ms>.cpuprofile)');
  process.exit(2);
}
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += intervals[i] ?? 0;
  const wall = spawnedAt + (at - profile.startTime) / 1000;
  if (wall < from || wall > to) continue;
  const id = profile.samples[i];
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (intervals[i] ?? 0));
}
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

/** Where a frame's code lives: an npm package, a project folder, or node's own internals. */
function area(url) {
  if (!url) return '(native / VM)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const own = url.match(/dist\/((?:services|libs)\/[^/]+)/);
  if (own) return own[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return url;
}

const functions = new Map();
const areas = new Map();
for (const [id, micros] of selfMicros) {
  const { callFrame } = byId.get(id);
  const name = callFrame.functionName || '(anonymous)';
  const where = `${name} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*dist\//, '')}:${callFrame.lineNumber + 1}`;
  functions.set(where, (functions.get(where) ?? 0) + micros);
  const a = name === '(idle)' || name === '(program)' || name === '(garbage collector)' ? name : area(callFrame.url);
  areas.set(a, (areas.get(a) ?? 0) + micros);
}
const pct = (micros) => ((100 * micros) / total).toFixed(1).padStart(5) + '%';
const ms = (micros) => (micros / 1000).toFixed(0).padStart(7) + ' ms';
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
console.log('\nself time by area');
for (const [name, micros] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(micros)} ${ms(micros)}  ${name}`);
}
console.log('\nself time by function');
for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(micros)} ${ms(micros)}  ${name}`);
}
