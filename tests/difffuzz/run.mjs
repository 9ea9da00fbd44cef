#!/usr/bin/env node
// Differential fuzzer: random PyTorch programs over the op table, run by tensorlens
// (build/native/tensorlens batch) and by PyTorch 1.13 (/usr/bin/python3 oracle.py), compared.
//
//   node tests/difffuzz/run.mjs [--minutes N | --count N] [--seed S] [--seeds S1,S2,..]
//                               [--batch 200] [--minimize K] [--report FILE] [--quiet]
//                               [--max-unexplained-rate PERCENT] [--list FILE] [--programs S#I,...]
//   npm run fuzz:diff -- --minutes 10 --seed 7
//
// Program i of seed S is generate(S, i): a run is reproducible from (seed, index). Each mismatch
// has a class (kind:op, e.g. "value:relu", "exception-type:setitem"); mismatches matching
// tests/difffuzz/allow.json are explained. At the end: programs run, programs/s, classes with
// counts and one example each (minimized for up to K unexplained classes, default 10), written to
// --report (default build/difffuzz/report.json). Exit 1 on any unexplained mismatch, or with
// --max-unexplained-rate P when more than P % of the programs have one (npm test's ceiling while
// known root causes are still open, as the real-world corpus' floor: a regression fails; a rate,
// because a new op-table row changes which programs a seed generates; the goal is 0), and on any
// crash or hang of tensorlens.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeGenerator } from './gen.mjs';
import { ROOT, opRows, tensorlensRunner, torchRunner, OTHER_CPUS, compare, classKey, loadAllow, allowed, minimize } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const minutes = Number(opt('minutes', '0'));
const count = Number(opt('count', minutes ? '0' : '2000'));
const seeds = (opt('seeds', null) || opt('seed', '1')).split(',').map(Number);
const batch = Number(opt('batch', '200'));
const minimizeK = Number(opt('minimize', '10'));
const reportPath = opt('report', join(ROOT, 'build/difffuzz/report.json'));
const startIndex = Number(opt('start', '0'));
const quiet = args.includes('--quiet');
const maxRate = Number(opt('max-unexplained-rate', '0'));
// --list FILE: one JSON line per program with a mismatch {seed, index, class, line, detail, allowed}
const listPath = opt('list', null);
const listed = [];

const gen = makeGenerator(opRows());
const allow = loadAllow();
const otherCpuEntry = allow.find((e) => e.kind === 'other-cpu');
const tl = tensorlensRunner();
const py = torchRunner();
const otherCpus = OTHER_CPUS.map((cpu) => torchRunner({ cpu }));
const t0 = Date.now();
const deadline = minutes ? t0 + minutes * 60000 : Infinity;
const classes = new Map(); // key -> {count, allowed, example: {seed, index, detail}}
let programs = 0, unexplainedPrograms = 0, lastLog = t0;

// The programs, in batches of [seed, index] pairs: --programs S#I,S#I,... or each seed's count.
const pairs = opt('programs', null)?.split(',').map((p) => p.split('#').map(Number));
function* batches() {
  if (pairs) {
    for (let i = 0; i < pairs.length; i += batch) yield pairs.slice(i, i + batch);
    return;
  }
  for (const seed of seeds) {
    for (let index = startIndex; ; index += batch) {
      const n = count ? Math.min(batch, count - (index - startIndex)) : batch;
      if (n <= 0) break;
      yield Array.from({ length: n }, (_, k) => [seed, index + k]);
    }
  }
}

for (const todo of batches()) {
  if (Date.now() > deadline) break;
  const progs = todo.map(([seed, index]) => gen.generate(seed, index));
  const srcs = progs.map((p) => p.source);
  const [rt, rp] = await Promise.all([tl.run(srcs), py.run(srcs)]);
  // A program is counted under the class of its first mismatch (by line): later ones are
  // usually its consequences (a variable missing on one side, a different gradient), and so
  // is a variable that exists on one side only when a statement failed on one side only.
  // The program is explained when that first mismatch is in the allow-list, or when tensorlens
  // matches PyTorch's output on another CPU (lib.mjs: OTHER_CPUS).
  const firstMismatch = (t, p, stmts) => {
    const ms = compare(t, p, stmts);
    const cascade = (m) => m.kind === 'tl-missing-var' || m.kind === 'tl-extra-var';
    return ms.find((m) => !cascade(m)) || ms[0] || null;
  };
  const found = [];
  for (let k = 0; k < progs.length; k++) {
    const first = firstMismatch(rt[k], rp[k], progs[k].stmts);
    if (first) found.push({ k, first, a: allowed(first, allow) });
  }
  const again = found.filter((f) => !f.a);
  if (again.length) {
    const outs = await Promise.all(otherCpus.map((r) => r.run(again.map((f) => srcs[f.k]))));
    again.forEach((f, i) => {
      const cpu = OTHER_CPUS.find((_, c) => {
        const m = firstMismatch(rt[f.k], outs[c][i], progs[f.k].stmts);
        return !m || allowed(m, allow);
      });
      if (cpu) f.a = { reason: `${otherCpuEntry.reason} (${Object.entries(cpu.env).map(([k, v]) => `${k}=${v}`).join(' ')})`, cpu };
    });
  }
  for (const { k, first, a } of found) {
    const [seed, index] = todo[k];
    const key = a && a.cpu ? `other-cpu-${a.cpu.name}:${classKey(first)}` : classKey(first);
    if (!a) unexplainedPrograms++;
    if (listPath) listed.push(JSON.stringify({ seed, index, class: key, line: first.line, detail: first.detail, allowed: !!a }));
    if (!classes.has(key)) classes.set(key, { count: 0, allowed: a ? a.reason : null, example: { seed, index, detail: first.detail, line: first.line } });
    classes.get(key).count++;
  }
  programs += progs.length;
  if (!quiet && Date.now() - lastLog > 10000) {
    lastLog = Date.now();
    const s = (lastLog - t0) / 1000;
    console.log(`${programs} programs, ${(programs / s).toFixed(1)}/s, ${unexplainedPrograms} with unexplained mismatches, ${classes.size} classes`);
  }
}
const secs = (Date.now() - t0) / 1000;

const sorted = [...classes.entries()].sort((a, b) => b[1].count - a[1].count);
let minimized = 0;
for (const [key, c] of sorted) {
  if (c.allowed || minimized >= minimizeK) continue;
  minimized++;
  const p = gen.generate(c.example.seed, c.example.index);
  try {
    c.example.reproducer = await minimize(p.source, p.stmts, key, tl, py);
  } catch (e) {
    c.example.reproducer = `# minimizer failed: ${e.message}\n${p.source}`;
  }
}
tl.close();
py.close();
otherCpus.forEach((r) => r.close());

const report = {
  seeds, startIndex, programs, seconds: Math.round(secs), programsPerSecond: +(programs / secs).toFixed(1),
  unexplainedPrograms, restarts: { tensorlens: tl.restarts, torch: py.restarts },
  classes: Object.fromEntries(sorted),
};
mkdirSync(dirname(reportPath), { recursive: true });
writeFileSync(reportPath, JSON.stringify(report, null, 1) + '\n');
if (listPath) writeFileSync(listPath, listed.map((l) => l + '\n').join(''));
for (const [key, c] of sorted) {
  console.log(`${c.allowed ? 'allowed    ' : 'UNEXPLAINED'} ${String(c.count).padStart(6)}  ${key}  (seed ${c.example.seed} #${c.example.index}: ${String(c.example.detail).slice(0, 160)})`);
  if (!quiet && c.example.reproducer) console.log(c.example.reproducer.replace(/^/gm, '    | '));
}
console.log(`difffuzz: ${programs} programs (seeds ${seeds.join(',')}) in ${secs.toFixed(0)} s (${report.programsPerSecond}/s); ` +
  `${unexplainedPrograms} with unexplained mismatches; report ${reportPath}`);
const crashes = [...classes.keys()].filter((k) => /^(crash|hang|badjson):/.test(k));
if (crashes.length) console.log(`difffuzz: FAIL: tensorlens crashed or hung (${crashes.join(', ')})`);
const rate = programs ? (100 * unexplainedPrograms) / programs : 0;
const tooMany = maxRate ? rate > maxRate : unexplainedPrograms > 0;
if (tooMany) console.log(`difffuzz: FAIL: ${rate.toFixed(1)} % of the programs have unexplained mismatches (allowed: ${maxRate} %)`);
process.exit(tooMany || crashes.length ? 1 : 0);
