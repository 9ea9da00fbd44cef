// The differential fuzzer's machinery: batch runners for both sides, the comparator, the
// allow-list and the minimizer. run.mjs is the command line.
//
// Both sides read scripts on stdin, each ended by a line "#%%END", and answer one JSON line per
// script (`tensorlens batch`, oracle.py). A runner keeps its process alive across batches; when it
// dies (a crash) the script it was running is recorded as {type: "Crash"} and a fresh process
// takes the rest; when a script answers nothing for `hangMs` it is recorded as {type: "Hang"}.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TL_BIN = process.env.TENSORLENS_BIN || join(ROOT, 'build/native/tensorlens');
export const PYTHON = process.env.TORCH_PYTHON || '/usr/bin/python3';
const SEP = '#%%END\n';

// The op table the generator enumerates: TL_BIN's, or DIFFFUZZ_OPS_BIN's (to run an older build on
// exactly the programs a newer one gets, e.g. to count what a fix changed).
export function opRows() {
  return JSON.parse(execFileSync(process.env.DIFFFUZZ_OPS_BIN || TL_BIN, ['ops'], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

export class BatchRunner {
  constructor(name, cmd, args, { hangMs = 30000, env = process.env } = {}) {
    Object.assign(this, { name, cmd, args, hangMs, env, proc: null, restarts: 0 });
  }
  start() {
    const p = spawn(this.cmd, this.args, { stdio: ['pipe', 'pipe', 'ignore'], env: this.env });
    this.proc = p;
    let buf = '';
    p.stdin.on('error', () => {});
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        this.onLine(line);
      }
    });
    p.on('exit', (code, signal) => { if (this.proc === p) { this.proc = null; this.onExit(code, signal); } });
  }
  onLine(line) {
    if (!this.job) return;
    let r;
    try { r = JSON.parse(line); } catch { r = { ok: false, type: 'BadJSON', message: line.slice(0, 200), line: 0, stdout: '' }; }
    this.accept(r);
  }
  accept(r) {
    const j = this.job;
    j.results.push(r);
    j.last = Date.now();
    if (j.results.length === j.programs.length) { this.job = null; clearInterval(j.timer); j.resolve(j.results); }
  }
  onExit(code, signal) {
    const j = this.job;
    if (!j) return;
    this.restarts++;
    this.accept({ ok: false, type: j.hung ? 'Hang' : 'Crash', message: `exit ${code} signal ${signal}`, line: 0, stdout: '' });
    if (this.job === j) this.send(j.programs.slice(j.results.length));
  }
  send(programs) {
    if (!this.proc) this.start();
    this.job.hung = false;
    this.proc.stdin.write(programs.map((s) => (s.endsWith('\n') ? s : s + '\n') + SEP).join(''));
  }
  run(programs) {
    if (!programs.length) return Promise.resolve([]);
    return new Promise((resolve) => {
      const j = { programs, results: [], resolve, last: Date.now(), hung: false };
      j.timer = setInterval(() => {
        if (this.job === j && Date.now() - j.last > this.hangMs && this.proc) { j.hung = true; this.proc.kill('SIGKILL'); }
      }, 1000);
      this.job = j;
      this.send(programs);
    });
  }
  close() { if (this.proc) { const p = this.proc; this.proc = null; p.stdin.end(); p.kill(); } }
}

export const tensorlensRunner = (o) => new BatchRunner('tensorlens', TL_BIN, ['batch'], o);
// PyTorch's errors are ~650x cheaper without their C++ backtraces (see nobacktrace.c); without a
// C compiler the oracle runs as is, only slower.
function noBacktraceShim() {
  const src = join(ROOT, 'tests/difffuzz/nobacktrace.c'), so = join(ROOT, 'build/difffuzz/nobacktrace.so');
  try {
    if (!existsSync(so) || statSync(so).mtimeMs < statSync(src).mtimeMs) {
      mkdirSync(dirname(so), { recursive: true });
      execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', so, src], { stdio: 'ignore' });
    }
    return so;
  } catch {
    return null;
  }
}
// `cpu`: environment variables that make this oracle process compute as PyTorch does on another
// CPU (OTHER_CPUS below); unset = what PyTorch picks on this machine.
export const torchRunner = ({ cpu, ...o } = {}) => {
  const so = noBacktraceShim();
  const env = { ...process.env, ...(so ? { LD_PRELOAD: so } : {}), ...(cpu ? cpu.env : {}) };
  return new BatchRunner(cpu ? `torch-${cpu.name}` : 'torch', PYTHON, [join(ROOT, 'tests/difffuzz/oracle.py')], { env, ...o });
};
// The same PyTorch build computes with other kernels on other CPUs. ATen picks its kernels by CPU
// capability (ATEN_CPU_CAPABILITY: 'avx2' here; 'default' = its scalar kernels, on a CPU without
// AVX2; 'avx512'), and Debian's OpenBLAS (DYNAMIC_ARCH), which mm/mv/addmm call, picks its by CPU
// model (OPENBLAS_CORETYPE: this virtual 'Intel Xeon Processor' is detected as 'Prescott', SSE3
// without FMA; a real Haswell or Skylake-X machine gets FMA kernels). Their float results differ in
// the last bits (SLEEF's u10 functions, 8- vs 16-lane reduction orders, FMA or not, accumulator
// order), and a program can magnify that past any tolerance (x - y of nearly equal values, floor,
// a huge factor, inf - inf = nan when two products overflow separately). A program whose tensorlens
// output matches PyTorch's output on one of these CPUs exactly as the comparator compares prints
// what PyTorch prints on that CPU (allow.json: "other-cpu"). Only the programs that mismatch the
// main oracle are run again.
export const OTHER_CPUS = [
  { name: 'haswell', env: { OPENBLAS_CORETYPE: 'Haswell' } },
  { name: 'skylakex', env: { OPENBLAS_CORETYPE: 'SkylakeX' } },
  { name: 'no-avx2', env: { ATEN_CPU_CAPABILITY: 'default' } },
  { name: 'avx512', env: { ATEN_CPU_CAPABILITY: 'avx512', OPENBLAS_CORETYPE: 'SkylakeX' } },
];

// ---------------- comparator ----------------
const TOL = { float32: [1e-4, 1e-3], float64: [1e-9, 1e-7] };

function num(x) {
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  if (x === true) return 1;
  if (x === false) return 0;
  return x;
}

// Why two flat value arrays differ (null: they agree). b is PyTorch's.
function valuesDiffer(a, b, dtype) {
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
  const [atol, rtol] = TOL[dtype] || [0, 0];
  for (let i = 0; i < a.length; i++) {
    const x = num(a[i]), y = num(b[i]);
    if (Number.isNaN(y) || Number.isNaN(x)) { if (Number.isNaN(x) !== Number.isNaN(y)) return `[${i}] ${a[i]} vs ${b[i]}`; continue; }
    if (!Number.isFinite(y) || !Number.isFinite(x)) { if (x !== y) return `[${i}] ${a[i]} vs ${b[i]}`; continue; }
    if (x === 0 && y === 0) {
      if (Object.is(x, -0) !== Object.is(y, -0)) return `[${i}] signed zero ${Object.is(x, -0) ? '-0.0' : '0.0'} vs ${Object.is(y, -0) ? '-0.0' : '0.0'}`;
      continue;
    }
    if (Math.abs(x - y) > atol + rtol * Math.abs(y)) return `[${i}] ${a[i]} vs ${b[i]}`;
  }
  return null;
}

// stdout lines "LINE Type message" (the except clauses) -> Map LINE -> "Type" (and msgs LINE ->
// message); "LINE value" (a printed int/bool result) -> LINE -> "=value"; any other line is kept
// whole under the key "print#N".
const EXC = /^(\d+) ([A-Z][A-Za-z]*(?:Error|Exception|StopIteration|Interrupt|Exit))(?: (.*))?$/;
const outLines = (s) => {
  const m = new Map(), msgs = new Map();
  let n = 0;
  for (const l of (s || '').split('\n')) {
    if (!l) continue;
    const e = EXC.exec(l), p = /^(\d+) (.*)$/.exec(l);
    if (e) { m.set(e[1], e[2]); msgs.set(e[1], e[3] || ''); } else if (p) m.set(p[1], `=${p[2]}`); else m.set(`print#${n++}`, l);
  }
  m.msgs = msgs;
  return m;
};

// Mismatches between tensorlens' result `t` and PyTorch's `p` for one generated program:
// [{kind, op, line, detail}], sorted by line. `stmts[i]` describes line i + 1.
export function compare(t, p, stmts) {
  const out = [];
  const opAt = (line) => (stmts[line - 1] ? stmts[line - 1].op : '?');
  // A tensor's mismatch is attributed to the last statement that names it (an in-place op, an
  // index assignment or a backward may have changed it after its definition).
  const defLine = new Map();
  stmts.forEach((s, i) => {
    for (const v of s.names || (s.v ? [s.v] : [])) defLine.set(v, i + 1);
  });
  const add = (kind, line, detail) => out.push({ kind, op: opAt(line), line, detail });
  if (p.type === 'Timeout' || p.type === 'OracleError' || p.type === 'Crash' || p.type === 'Hang') {
    if (!(t.type === p.type)) add(`oracle-${p.type}`, 0, p.message);
    return out;
  }
  if (t.type === 'Crash' || t.type === 'Hang' || t.type === 'BadJSON') { add(t.type.toLowerCase(), 0, t.message); return out; }
  if (!t.ok || !p.ok) {
    if (t.ok) add('tl-succeeds', p.line, `torch: ${p.type}: ${p.message}`);
    else if (p.ok) add('tl-raises', t.line, `tensorlens: ${t.type}: ${t.message}`);
    else if (t.type !== p.type || t.line !== p.line)
      add('error-type', p.line, `tensorlens ${t.type}@${t.line} (${t.message}) vs torch ${p.type}@${p.line} (${p.message})`);
  }
  // stdout: "LINE ExceptionType" from the except clauses, or printed values of int/bool ops.
  const to = outLines(t.stdout), po = outLines(p.stdout);
  for (const k of new Set([...to.keys(), ...po.keys()])) {
    if (to.get(k) === po.get(k)) continue;
    if (k.startsWith('print#')) { add('stdout', 0, `${JSON.stringify(to.get(k))} vs ${JSON.stringify(po.get(k))}`); continue; }
    const line = Number(k);
    const ok = (v) => v === undefined || v.startsWith('=');  // the statement succeeded
    if (ok(to.get(k)) && ok(po.get(k))) { add('stdout', line, `${JSON.stringify(to.get(k))} vs ${JSON.stringify(po.get(k))}`); continue; }
    const kind = ok(to.get(k)) ? 'tl-succeeds' : ok(po.get(k)) ? 'tl-raises' : 'exception-type';
    add(kind, line, `tensorlens ${to.get(k) ?? 'ok'}${to.msgs.has(k) ? ` (${to.msgs.get(k)})` : ''} vs torch ${po.get(k) ?? 'ok'}${po.msgs.has(k) ? ` (${po.msgs.get(k)})` : ''}`);
  }
  if (!t.ok || !p.ok) return out.sort((a, b) => a.line - b.line);
  const tt = t.tensors || {}, pt = p.tensors || {};
  for (const name of new Set([...Object.keys(tt), ...Object.keys(pt)])) {
    const a = tt[name], b = pt[name];
    const line = defLine.get(name) || 0;
    if (!a || !b) { add(a ? 'tl-extra-var' : 'tl-missing-var', line, name); continue; }
    if (JSON.stringify(a.shape) !== JSON.stringify(b.shape)) { add('shape', line, `${name}: ${JSON.stringify(a.shape)} vs ${JSON.stringify(b.shape)}`); continue; }
    if (a.dtype !== b.dtype) { add('dtype', line, `${name}: ${a.dtype} vs ${b.dtype}`); continue; }
    if (a.requires_grad !== b.requires_grad) add('requires_grad', line, `${name}: ${a.requires_grad} vs ${b.requires_grad}`);
    if ((t.leaf || {})[name] !== (p.leaf || {})[name]) add('is_leaf', line, `${name}: ${t.leaf[name]} vs ${p.leaf[name]}`);
    // the node's name, as print(x) shows it (grad_fn=<MulBackward0>)
    else if ((t.grad_fn || {})[name] !== (p.grad_fn || {})[name]) add('grad_fn', line, `${name}: ${t.grad_fn[name]} vs ${p.grad_fn[name]}`);
    const dv = valuesDiffer(a.data, b.data, a.dtype);
    if (dv) add('value', line, `${name}${dv}`);
    if ((a.grad === null) !== (b.grad === null)) add('grad-presence', line, `${name}: ${a.grad === null ? 'none' : 'grad'} vs ${b.grad === null ? 'none' : 'grad'}`);
    else if (a.grad) { const dg = valuesDiffer(a.grad, b.grad, a.dtype); if (dg) add('grad', line, `${name}.grad${dg}`); }
  }
  return out.sort((a, b) => a.line - b.line);
}

export const classKey = (m) => `${m.kind}:${m.op}`;

// ---------------- allow-list ----------------
// tests/difffuzz/allow.json: [{kind, op?, detail? (regex), reason}] — a mismatch matching an
// entry is explained; every entry must say why (PyTorch's quirk, with evidence, or a documented
// limitation).
export function loadAllow(path = join(ROOT, 'tests/difffuzz/allow.json')) {
  const list = JSON.parse(readFileSync(path, 'utf8'));
  for (const e of list) if (!e.reason || !e.kind) throw new Error(`allow.json: entry without kind/reason: ${JSON.stringify(e)}`);
  return list.map((e) => ({ ...e, re: e.detail ? new RegExp(e.detail) : null, opRe: e.op ? new RegExp(`^(${e.op})$`) : null }));
}
export function allowed(m, allow) {
  return allow.find((e) => e.kind === m.kind && (!e.opRe || e.opRe.test(m.op)) && (!e.re || e.re.test(m.detail))) || null;
}

// ---------------- minimizer ----------------
// Units of a generated program: a leaf line, or a `try:` line with its `except` line. Removing
// units (greedy, one batch of candidates per round on both sides) while a mismatch of the same
// class remains; then unwrap the try/except of what is left where that keeps the mismatch.
export async function minimize(source, stmts, key, tl, py) {
  let lines = source.replace(/\n$/, '').split('\n');
  let info = stmts.slice();
  const units = () => {
    const u = [];
    for (let i = 0; i < lines.length; i++) {
      if (info[i].op === 'import' || info[i].op === 'manual_seed') continue;
      if (lines[i].startsWith('try: ')) { u.push([i, i + 1]); i++; } else u.push([i]);
    }
    return u;
  };
  const without = (unit) => ({ lines: lines.filter((_, i) => !unit.includes(i)), info: info.filter((_, i) => !unit.includes(i)) });
  const keeps = async (cands) => {
    const srcs = cands.map((c) => c.lines.join('\n') + '\n');
    const [rt, rp] = await Promise.all([tl.run(srcs), py.run(srcs)]);
    for (let i = 0; i < cands.length; i++) if (compare(rt[i], rp[i], cands[i].info).some((m) => classKey(m) === key)) return cands[i];
    return null;
  };
  for (let round = 0; round < 60; round++) {
    const cands = units().map(without);
    if (!cands.length) break;
    const ok = await keeps(cands);
    if (!ok) break;
    ({ lines, info } = ok);
  }
  // Unwrap try/except (a smaller, plainer reproducer), one at a time.
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('try: ')) continue;
    const cand = { lines: [...lines.slice(0, i), lines[i].slice(5), ...lines.slice(i + 2)], info: [...info.slice(0, i), info[i], ...info.slice(i + 2)] };
    const ok = await keeps([cand]);
    if (ok) { ({ lines, info } = ok); i--; }
  }
  return lines.join('\n') + '\n';
}
