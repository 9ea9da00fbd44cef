#!/usr/bin/env node
// `npm run bench`: W1–W5 (bench/WORKLOADS.md) on tensorlens native, tensorlens wasm (Node, JS API
// and tl.run), TensorFlow.js 4.22 wasm-SIMD and cpu, and PyTorch 1.13 CPU (1 thread), side by side
// in one run. Each (workload, system) pair runs in its own child process, workload by workload,
// so drift of this shared machine hits every system alike. Then the playground timings (Chromium,
// bench/browser/playground_bench.mjs). Prints the tables (figures, ratios, issue-7 targets, check
// values, W1 peak fraction, wasm heaps, playground) and writes bench/results/latest.json.
//
//   node bench/run.mjs [--quick] [--only W1,W4,playground] [--no-playground] [--no-build]
//                      [--systems native,wasm,tfjs-wasm,tfjs-cpu,torch] [--out FILE] [--timeout-s N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const MARK = '@@BENCH@@ ';

// ---- options ----
const ALL_SYSTEMS = ['native', 'wasm', 'tfjs-wasm', 'tfjs-cpu', 'torch'];
const ALL_WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5'];
// `playground` in --only (or by default) adds the playground timings, after the workloads.
const opts = { quick: false, only: ALL_WORKLOADS, playground: true, systems: ALL_SYSTEMS, build: true, out: path.join(here, 'results/latest.json'), timeoutS: null };
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const list = () => a[++i].split(',').map((s) => s.trim()).filter(Boolean);
    if (a[i] === '--quick') opts.quick = true;
    else if (a[i] === '--only') {
      const l = list().map((s) => s.toUpperCase());
      opts.playground = l.includes('PLAYGROUND');
      opts.only = l.filter((s) => s !== 'PLAYGROUND');
    } else if (a[i] === '--no-playground') opts.playground = false;
    else if (a[i] === '--systems') opts.systems = list();
    else if (a[i] === '--no-build') opts.build = false;
    else if (a[i] === '--out') opts.out = path.resolve(a[++i]);
    else if (a[i] === '--timeout-s') opts.timeoutS = Number(a[++i]);
    else if (a[i] === '--help' || a[i] === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).join('\n'));
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a[i]}`);
      process.exit(2);
    }
  }
  for (const w of opts.only) if (!ALL_WORKLOADS.includes(w)) (console.error(`bench: unknown workload ${w}`), process.exit(2));
  for (const s of opts.systems) if (!ALL_SYSTEMS.includes(s)) (console.error(`bench: unknown system ${s}`), process.exit(2));
}
// The protocol (WORKLOADS.md): 1 untimed call, calibration to ~100 ms per repetition, 2 warm-ups,
// 7 timed repetitions. --quick: ~20 ms repetitions, 1 warm-up, 3 repetitions.
const protocol = opts.quick
  ? { targetMs: 20, warmup: 1, reps: 3, budgetMs: 3000 }
  : { targetMs: 100, warmup: 2, reps: 7, budgetMs: 20000 };
const timeoutS = opts.timeoutS ?? (opts.quick ? 120 : 400);

const log = (...m) => console.error(...m);

// ---- workloads: rows of the table and how a per-iteration time becomes the reported figure ----
const ROWS = [
  { id: 'W1-64', w: 'W1', label: 'W1 matmul n=64', unit: 'GFLOP/s', higher: true, fig: (ms) => (2 * 64 ** 3) / (ms * 1e6) },
  { id: 'W1-256', w: 'W1', label: 'W1 matmul n=256', unit: 'GFLOP/s', higher: true, fig: (ms) => (2 * 256 ** 3) / (ms * 1e6) },
  { id: 'W1-512', w: 'W1', label: 'W1 matmul n=512', unit: 'GFLOP/s', higher: true, fig: (ms) => (2 * 512 ** 3) / (ms * 1e6) },
  { id: 'W2', w: 'W2', label: 'W2 MLP train step', unit: 'steps/s', higher: true, fig: (ms) => 1000 / ms },
  { id: 'W3', w: 'W3', label: 'W3 elementwise+backward', unit: 'ms/iter', higher: false, fig: (ms) => ms },
  { id: 'W4', w: 'W4', label: 'W4 graph overhead', unit: 'µs/node', higher: false, fig: (ms) => (ms * 1000) / 10000 },
  { id: 'W4-run', w: 'W4', peerRow: 'W4', label: 'W4 via tl.run (incl. parse)', unit: 'µs/node', higher: false, fig: (ms) => (ms * 1000) / 10000 },
  { id: 'W5', w: 'W5', label: 'W5 tiny MLP (moons)', unit: 'steps/s', higher: true, fig: (ms) => 1000 / ms },
];
const OURS = ['native', 'wasm'];
const PEERS = ['tfjs-wasm', 'tfjs-cpu', 'torch'];

// Check values (bench/WORKLOADS.md, copied: the benchmark never reads ../shared) and tolerances.
const CHECKS = {
  'W1-64': { sum_C: [142.789, 0.01] },
  W2: { initial_loss: [2.30542, 5e-5] },
  W3: { loss: [42.953, 0.01] }, // a float32 sum of 1e6 terms: the last digits vary by system
  W4: { y: [1.47322, 1e-4], dy_dp: [1.64882, 1e-4] },
  'W4-run': { y: [1.47322, 1e-4], dy_dp: [1.64882, 1e-4] },
  W5: { loss_step100: [0.0714559, 2e-5], accuracy_step100: [0.98, 1e-3] },
};
// Check values without a published reference are compared with the PyTorch run (relative).
const REL_TOL_VS_TORCH = 1e-4;

// issue 7 targets: speedup of `ours` over `peer` (figure ratio, oriented so that > 1 = faster).
const TARGETS = [
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W1-256', need: 1.3, text: 'wasm W1 n=256 ≥ 1.3× TF.js wasm-SIMD GFLOP/s' },
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W1-512', need: 1.3, text: 'wasm W1 n=512 ≥ 1.3× TF.js wasm-SIMD GFLOP/s' },
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W2', need: 5, text: 'wasm W2 ≥ 5× TF.js wasm-SIMD steps/s' },
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W3', need: 3, text: 'wasm W3 time ≤ 1/3 of TF.js wasm-SIMD' },
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W4', need: 50, text: 'wasm W4 µs/node ≤ 1/50 of TF.js wasm-SIMD' },
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W4-run', need: 50, text: '(also) wasm W4 through tl.run ≤ 1/50 of TF.js wasm-SIMD' },
  { ours: 'wasm', peer: 'tfjs-wasm', row: 'W5', need: 10, text: 'wasm W5 ≥ 10× TF.js wasm-SIMD steps/s' },
  { ours: 'native', peer: 'torch', row: 'W1-64', need: 0.8, text: 'native W1 n=64 ≥ 0.8× PyTorch GFLOP/s' },
  { ours: 'native', peer: 'torch', row: 'W1-256', need: 0.8, text: 'native W1 n=256 ≥ 0.8× PyTorch GFLOP/s' },
  { ours: 'native', peer: 'torch', row: 'W1-512', need: 0.8, text: 'native W1 n=512 ≥ 0.8× PyTorch GFLOP/s' },
  { ours: 'native', peer: 'torch', row: 'W2', need: 1, text: 'native W2 ≥ 1× PyTorch steps/s' },
  { ours: 'native', peer: 'torch', row: 'W4', need: 20, text: 'native W4 µs/node ≤ 1/20 of PyTorch' },
  { ours: 'native', peer: 'torch', row: 'W5', need: 10, text: 'native W5 ≥ 10× PyTorch steps/s' },
];

// ---- the machine ----
function machine() {
  let cpuinfo = '';
  try {
    cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    /* not Linux */
  }
  const mhz = Number((cpuinfo.match(/^cpu MHz\s*:\s*([\d.]+)/m) || [])[1]);
  const ghz = Number.isFinite(mhz) && mhz > 0 ? mhz / 1000 : 2.45;
  const flags = (cpuinfo.match(/^flags\s*:(.*)$/m) || [])[1] || '';
  const fma = / avx2 /.test(flags + ' ') && / fma /.test(flags + ' ');
  // Single-threaded runs: 1 core. AVX2/FMA: 2 FMA units × 8 float lanes × 2 flops = 32 per cycle.
  const nativePeak = 1 * ghz * 32;
  return {
    cpu: (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown',
    cores: os.cpus().length,
    ghz,
    ghzSource: Number.isFinite(mhz) && mhz > 0 ? '/proc/cpuinfo cpu MHz' : 'assumed 2.45 GHz',
    avx2fma: fma,
    peakNativeGflops: nativePeak,
    peakWasmGflops: nativePeak / 2, // SIMD128: 4 lanes, separate mul and add
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadavg: os.loadavg(),
  };
}

// ---- systems: how to start each one ----
// Debian's torch lives under /usr/bin/python3 (another python3 may come first on PATH).
const torchPython = process.env.TL_BENCH_PYTHON || '/usr/bin/python3';
function command(system, workload) {
  const args = ['--only', workload, '--target-ms', String(protocol.targetMs), '--warmup', String(protocol.warmup),
    '--reps', String(protocol.reps), '--budget-ms', String(protocol.budgetMs)];
  const node = process.execPath;
  switch (system) {
    case 'native': return [path.join(root, 'build/bench/tensorlens_bench'), args];
    case 'wasm': return [node, [path.join(here, 'node/bench_wasm.mjs'), ...args]];
    case 'tfjs-wasm': return [node, [path.join(here, 'node/bench_tfjs.mjs'), '--backend', 'wasm', ...args]];
    case 'tfjs-cpu': return [node, [path.join(here, 'node/bench_tfjs.mjs'), '--backend', 'cpu', ...args]];
    case 'torch': return [torchPython, [path.join(here, 'peers/torch_bench.py'), ...args]];
    case 'playground': return [node, [path.join(here, 'browser/playground_bench.mjs'), ...(opts.quick ? ['--quick'] : [])]];
  }
  throw new Error(system);
}

const childEnv = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1', TF_CPP_MIN_LOG_LEVEL: '2' };

function runChild(system, workload) {
  return new Promise((resolve) => {
    const [cmd, args] = command(system, workload);
    const t0 = Date.now();
    let out = '';
    let err = '';
    let timedOut = false;
    const child = spawn(cmd, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ system, failed: `could not start ${cmd}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const secs = (Date.now() - t0) / 1000;
      const line = out.split('\n').reverse().find((l) => l.startsWith(MARK));
      if (timedOut) return resolve({ system, failed: `timed out after ${timeoutS} s (${workload})`, seconds: secs });
      if (!line) {
        const tail = (err || out).trim().split('\n').slice(-4).join(' | ');
        return resolve({ system, failed: `exit ${code ?? signal}, no result line: ${tail.slice(0, 400)}`, seconds: secs });
      }
      try {
        resolve({ ...JSON.parse(line.slice(MARK.length)), seconds: secs, stderrTail: err.trim().split('\n').slice(-3).join(' | ').slice(0, 300) });
      } catch (e) {
        resolve({ system, failed: `bad JSON from child: ${e.message}`, seconds: secs });
      }
    });
  });
}

// ---- formatting ----
const fmt = (v, digits = 3) => {
  if (v == null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return v.toFixed(0);
  if (a >= 100) return v.toFixed(1);
  if (a >= 10) return v.toFixed(2);
  if (a >= 1) return v.toFixed(digits);
  if (a === 0) return '0';
  return v.toPrecision(digits);
};
const fmtRatio = (r) => (r == null || !Number.isFinite(r) ? '–' : r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toPrecision(3)}×`);
function mdTable(head, rows) {
  const widths = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|') + '|', ...rows.map(line)].join('\n');
}
const mib = (b) => (b == null ? '–' : Math.abs(b) < 1048576 && b !== 0 ? `${(b / 1024).toFixed(1)} KiB` : `${(b / 1048576).toFixed(1)} MiB`);

// Playground timings (issue 7, "Also measured"): run → graph drawn for a ~100-node script (target
// < 100 ms) and page load → interactive (target < 1 s), measured in Chromium by
// bench/browser/playground_bench.mjs (which serves build/web on a free port and stops it).
async function playgroundTimings() {
  log('bench: playground (Chromium) …');
  const r = await runChild('playground', 'playground');
  if (r.failed) {
    log(`  playground: FAILED — ${r.failed}`);
    return { status: `not measured: ${r.failed}`, failed: r.failed, runToGraphMs: null, loadToInteractiveMs: null };
  }
  const { runToGraph: run, loadToInteractive: load, bigGraph: big } = r.results;
  log(`  playground: run → graph ${fmt(run.median_ms)} ms, load → interactive ${fmt(load.median_ms)} ms` +
    `${big ? `, 10,000-node run → drawn ${fmt(big.median_ms)} ms` : ''}  (${r.seconds.toFixed(1)} s)`);
  return {
    status: 'measured',
    info: r.info,
    runToGraphMs: run.median_ms,
    loadToInteractiveMs: load.median_ms,
    runToGraph: { ...run, met: run.median_ms < run.target_ms },
    loadToInteractive: { ...load, met: load.median_ms < load.target_ms },
    // The 10,000-node script (issue 13): run → drawn (< 1 s), node click (< 100 ms), pan/zoom fps (60).
    bigGraph: big ? { ...big, met: big.median_ms < big.target_ms, clickMet: big.nodeClickMedianMs < big.nodeClickTargetMs } : null,
  };
}

// The 10,000-node script's rows (bench/browser/playground_bench.mjs, measureBigGraph).
function bigGraphRows(big, ms, bestOf, status) {
  const fps = big.panZoomFps;
  return [
    [`10,000-node script (${big.collapsedNodesDrawn} nodes drawn, its loop body collapsed): run → graph drawn`, ms(big.median_ms), ms(big.best_ms), `< ${big.target_ms / 1000} s`, status(big)],
    ['· of which the engine (tl.run + tl.graph of 10,002 nodes)', ms(big.engineMedianMs), ms(bestOf(big.samples, 'engine')), '', ''],
    ['· of which the page (structure, collapse, layout, DOM)', ms(big.renderMedianMs), ms(bestOf(big.samples, 'render')), '', ''],
    ['· expand → all 10,002 nodes laid out (visible part mounted)', ms(big.expandToDrawnMs), '', '', ''],
    ['· node click → inspector updated (expanded graph)', ms(big.nodeClickMedianMs), '', `< ${big.nodeClickTargetMs} ms`, big.nodeClickMedianMs < big.nodeClickTargetMs ? 'met' : 'NOT MET'],
    [`· pan/zoom frame interval (expanded): ${fps == null ? '–' : `${fmt(fps)} fps`} (p95 ${ms(big.panZoomFrameP95Ms)})`, ms(big.panZoomFrameMedianMs), '', '≤ 16.7 ms (60 fps)', big.panZoomFrameMedianMs <= 17.5 ? 'met' : 'NOT MET'],
  ];
}

// ---- main ----
async function main() {
  const started = new Date();
  const mach = machine();
  log(`bench: ${opts.quick ? 'quick' : 'full'} run; workloads ${opts.only.join(',') || 'none'}${opts.playground ? ' + playground' : ''}; systems ${opts.systems.join(',')}`);
  log(`bench: ${mach.cpu}, ${mach.cores} cores, ${mach.ghz.toFixed(2)} GHz (${mach.ghzSource}); load ${mach.loadavg.map((x) => x.toFixed(2)).join(' ')}`);

  const notices = [];
  const build = { ran: false };
  if (opts.systems.includes('native') && opts.build && opts.only.length) {
    log('bench: building the native benchmark (bench/build.sh) …');
    const t0 = Date.now();
    const r = spawnSync('bash', [path.join(here, 'build.sh')], { cwd: root, encoding: 'utf8' });
    build.ran = true;
    build.seconds = (Date.now() - t0) / 1000;
    build.status = r.status;
    build.output = `${r.stdout}${r.stderr}`.trim();
    if (build.output) log(build.output.replace(/^/gm, '  '));
    if (r.status !== 0) notices.push(`native build failed: ${build.output.split('\n').slice(-2).join(' ')}`);
    else if (/NOTICE/.test(build.output)) notices.push(build.output.split('\n').filter((l) => /NOTICE/.test(l)).join(' '));
  }
  if (opts.systems.includes('torch') && !existsSync(torchPython)) notices.push(`torch skipped: ${torchPython} not found`);
  if (opts.systems.includes('wasm') && !existsSync(path.join(root, 'dist/index.js')))
    notices.push('wasm: dist/index.js not found — build it first (npm run build:wasm); wasm results are missing');

  // results[row][system] = child's per-workload result; failures[system][workload] = message
  const results = {};
  const failures = {};
  const sysInfo = {};
  let rotation = 0;
  for (const w of opts.only) {
    // Rotate the order of systems from workload to workload (no system always runs first).
    const order = opts.systems.map((_, i) => opts.systems[(i + rotation) % opts.systems.length]);
    rotation++;
    for (const s of order) {
      if (s === 'torch' && !existsSync(torchPython)) continue;
      log(`bench: ${w} on ${s} …`);
      const r = await runChild(s, w);
      if (r.skipped) {
        (failures[s] ??= {})[w] = `skipped: ${r.skipped}`;
        log(`  ${s}: skipped — ${r.skipped}`);
        continue;
      }
      if (r.failed) {
        (failures[s] ??= {})[w] = r.failed;
        log(`  ${s}: FAILED — ${r.failed}`);
        continue;
      }
      if (r.info) sysInfo[s] = { ...sysInfo[s], ...r.info };
      for (const [id, res] of Object.entries(r.results || {})) (results[id] ??= {})[s] = res;
      for (const [id, e] of Object.entries(r.errors || {})) {
        (failures[s] ??= {})[id] = e;
        log(`  ${s} ${id}: ERROR — ${e}`);
      }
      const got = Object.entries(r.results || {}).map(([id, x]) => `${id} ${fmt(x.median_ms)} ms`).join(', ');
      if (got) log(`  ${s}: ${got}  (${r.seconds.toFixed(1)} s)`);
    }
  }

  // ---- derived figures ----
  const rows = ROWS.filter((row) => opts.only.includes(row.w) && results[row.id]);
  const figure = (row, s) => {
    const r = results[row.id]?.[s];
    return r ? row.fig(r.median_ms) : null;
  };
  const figureBest = (row, s) => {
    const r = results[row.id]?.[s];
    return r ? row.fig(r.best_ms) : null;
  };
  // speedup of `a` over `b`: > 1 means `a` is faster (peers have no W4-run: their W4 is used)
  const speedup = (row, a, b) => {
    const fa = figure(row, a);
    const fb = figure(row.peerRow && PEERS.includes(b) ? ROWS.find((r) => r.id === row.peerRow) : row, b);
    if (fa == null || fb == null || fa <= 0 || fb <= 0) return null;
    return row.higher ? fa / fb : fb / fa;
  };

  const json = {
    started: started.toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    protocol,
    machine: mach,
    systems: sysInfo,
    notices,
    build,
    workloads: {},
    ratios: {},
    targets: [],
    checks: {},
    peakFraction: {},
    memory: {},
    playground: null,
    failures,
  };
  for (const row of rows) {
    json.workloads[row.id] = { label: row.label, unit: row.unit, higherIsBetter: row.higher, systems: {} };
    for (const s of opts.systems) {
      const r = results[row.id][s];
      if (!r) continue;
      json.workloads[row.id].systems[s] = {
        median: figure(row, s),
        best: figureBest(row, s),
        medianMsPerIter: r.median_ms,
        bestMsPerIter: r.best_ms,
        itersPerRep: r.iters,
        reps: r.reps,
        warmup: r.warmup,
        perIterMs: r.per_iter_ms,
        checks: r.checks,
        ...(r.memory ? { memory: r.memory } : {}),
        ...(r.leakedTensors != null ? { leakedTensors: r.leakedTensors } : {}),
      };
    }
    json.ratios[row.id] = {};
    for (const o of OURS) for (const p of PEERS) {
      const v = speedup(row, o, p);
      if (v != null) json.ratios[row.id][`${o}/${p}`] = v;
    }
  }

  // ---- output ----
  const out = [];
  const p = (s = '') => out.push(s);
  p(`## tensorlens benchmark — ${opts.quick ? 'quick run (--quick: 20 ms repetitions, 1 warm-up, 3 timed)' : 'full run (~100 ms repetitions, 2 warm-ups, 7 timed)'}`);
  p();
  p(`${started.toISOString()} · ${mach.cpu}, ${mach.cores} cores, ${mach.ghz.toFixed(2)} GHz · Node ${process.version}` +
    (sysInfo.torch ? ` · PyTorch ${sysInfo.torch.torch}` : '') + (sysInfo['tfjs-wasm'] || sysInfo['tfjs-cpu'] ? ` · TF.js ${(sysInfo['tfjs-wasm'] || sysInfo['tfjs-cpu']).tfjs}` : '') +
    ` · load average at start ${mach.loadavg[0].toFixed(2)}`);
  p();
  if (build.ran) p(`Native build (bench/build.sh): ${build.status === 0 ? 'ok' : 'FAILED'} in ${build.seconds.toFixed(0)} s (not part of the timings).`);
  if (build.ran) p();
  const sysCols = opts.systems;
  if (rows.length) {
    p('Figures (median of the timed repetitions; best in the JSON):');
    p();
    p(mdTable(['workload', 'unit', ...sysCols], rows.map((row) => [row.label, row.unit, ...sysCols.map((s) => fmt(figure(row, s)))])));
    p();
  }
  const ratioCols = [];
  for (const o of OURS) if (sysCols.includes(o)) for (const pe of PEERS) if (sysCols.includes(pe)) ratioCols.push([o, pe]);
  if (ratioCols.length && rows.length) {
    p('tensorlens vs each peer (speedup: > 1× means tensorlens is faster; from the medians above):');
    p();
    p(mdTable(['workload', ...ratioCols.map(([o, pe]) => `${o} vs ${pe}`)], rows.map((row) => [row.label, ...ratioCols.map(([o, pe]) => fmtRatio(speedup(row, o, pe)))])));
    p();
  }

  // targets
  const tRows = [];
  for (const t of TARGETS) {
    const row = ROWS.find((r) => r.id === t.row);
    if (!opts.only.includes(row.w)) continue;
    const v = results[t.row] ? speedup(row, t.ours, t.peer) : null;
    let status;
    if (v == null) status = 'n/a (missing result)';
    else if (v >= t.need) status = 'met';
    else {
      const f = t.need / v; // how far off: a percentage when close, a factor otherwise
      status = f < 2 ? `NOT MET (needs +${((f - 1) * 100).toFixed(1)} %)` : `NOT MET (needs ${f.toFixed(f < 10 ? 1 : 0)}× more)`;
    }
    json.targets.push({ ...t, measured: v, met: v == null ? null : v >= t.need });
    tRows.push([t.text, `${fmtRatio(t.need)}`, fmtRatio(v), status]);
  }
  if (tRows.length) {
    p('Issue-7 targets (speedup needed vs measured, this run):');
    p();
    p(mdTable(['target', 'needed', 'measured', 'status'], tRows));
    p();
  }

  // checks
  const cRows = [];
  const badChecks = [];
  for (const row of rows) {
    const names = new Set();
    for (const s of sysCols) for (const k of Object.keys(results[row.id][s]?.checks || {})) names.add(k);
    for (const name of names) {
      const ref = CHECKS[row.id]?.[name];
      const torchV = results[row.id].torch?.checks?.[name];
      const cells = sysCols.map((s) => {
        const v = results[row.id][s]?.checks?.[name];
        if (v == null) return '–';
        let ok = true;
        if (ref) ok = Math.abs(v - ref[0]) <= ref[1];
        else if (torchV != null && s !== 'torch') ok = Math.abs(v - torchV) <= REL_TOL_VS_TORCH * Math.max(1, Math.abs(torchV));
        if (!ok) badChecks.push(`${row.id} ${name} on ${s}: ${v} (expected ${ref ? `${ref[0]} ± ${ref[1]}` : `PyTorch's ${torchV}`})`);
        (json.checks[row.id] ??= {})[name] = { expected: ref ? ref[0] : null, tolerance: ref ? ref[1] : null, ...(json.checks[row.id]?.[name] || {}), [s]: { value: v, ok } };
        return (ok ? '' : '✗ ') + (Number.isFinite(v) ? Number(v).toPrecision(7).replace(/\.?0+$/, '') : String(v));
      });
      cRows.push([`${row.id} ${name}`, ref ? String(ref[0]) : '(= PyTorch)', ...cells]);
    }
  }
  if (cRows.length) {
    p('Check values (same data and computation in every system; ✗ = outside tolerance):');
    p();
    p(mdTable(['check', 'expected', ...sysCols], cRows));
    p();
  }

  // W1 peak fraction: the issue's formula with /proc/cpuinfo's clock, and (in parentheses) with
  // the clock the native benchmark measured (these VMs report the base clock; cores boost above).
  const w1rows = rows.filter((r) => r.w === 'W1');
  if (w1rows.length) {
    const clock = sysInfo.native?.clockGhzMeasured;
    mach.clockGhzMeasured = clock ?? null;
    p(`W1 peak fraction (1 core × ${mach.ghz.toFixed(2)} GHz × 32 = ${mach.peakNativeGflops.toFixed(1)} GFLOP/s native AVX2/FMA; ` +
      `wasm SIMD128 = half, ${mach.peakWasmGflops.toFixed(1)}` +
      (clock ? `; in parentheses: at the measured clock, ${clock.toFixed(2)} GHz → ${(32 * clock).toFixed(1)} / ${(16 * clock).toFixed(1)}` : '') + '):');
    p();
    const native = (s) => s === 'native' || s === 'torch';
    const peakOf = (s, ghz) => (native(s) ? 32 : 16) * ghz;
    p(mdTable(['workload', ...sysCols.map((s) => `${s} (${native(s) ? 'native' : 'wasm'} peak)`)],
      w1rows.map((row) => [row.label, ...sysCols.map((s) => {
        const f = figure(row, s);
        if (f == null) return '–';
        const fr = f / peakOf(s, mach.ghz);
        const frm = clock ? f / peakOf(s, clock) : null;
        (json.peakFraction[row.id] ??= {})[s] = { cpuinfoClock: fr, measuredClock: frm };
        return `${(100 * fr).toFixed(0)} %` + (frm != null ? ` (${(100 * frm).toFixed(0)} %)` : '');
      })])));
    p();
  }

  // memory: wasm heap (module memory) and live tensor bytes per system; W2 and W5 in the table,
  // every workload in the JSON (json.memory[row][system]).
  const MEM_SYSTEMS = ['wasm', 'tfjs-wasm', 'tfjs-cpu'];
  const memRows = [];
  for (const row of rows) {
    for (const s of MEM_SYSTEMS) {
      const r = results[row.id]?.[s];
      const m = r?.memory;
      if (!m) continue;
      (json.memory[row.id] ??= {})[s] = m;
      if (row.id !== 'W2' && row.id !== 'W5') continue;
      const grew = m.heapBytesPeak != null && m.heapBytesStart != null ? `+${mib(m.heapBytesPeak - m.heapBytesStart)}` : '–';
      const left = s === 'wasm' ? `${m.liveTensorsDelta} JS / ${m.engineTensorsDelta} engine` : String(r.leakedTensors ?? '–');
      memRows.push([row.id, s, mib(m.heapBytesStart), mib(m.heapBytesPeak), grew, mib(m.tensorBytesPeak), left]);
    }
  }
  if (memRows.length) {
    p('Memory during W2 and W5 (wasm heap = the module\'s memory: tl.memory().heapBytes, TF.js wasm backend HEAPU8; it only grows, ' +
      'so its size after the workload is its peak; tensor bytes: tl.memory().tensorBytes / tf.memory().numBytes, sampled after each repetition):');
    p();
    p(mdTable(['workload', 'system', 'wasm heap before', 'after (peak)', 'grew', 'peak tensor bytes', 'tensors left after'], memRows));
    p();
  }

  // playground (Chromium): its own section, with its targets
  if (opts.playground) {
    const pg = (json.playground = await playgroundTimings());
    if (pg.status !== 'measured') {
      p(`Playground (run → graph for a 100-node script, target < 100 ms; load → interactive, target < 1 s): ${pg.status}`);
      p();
      notices.push(`playground: ${pg.status}`);
    } else {
      const run = pg.runToGraph;
      const load = pg.loadToInteractive;
      const ms = (v) => (v == null ? '–' : `${fmt(v)} ms`);
      const bestOf = (samples, k) => {
        const v = samples.map((x) => x[k]).filter((x) => x != null);
        return v.length ? Math.min(...v) : null;
      };
      const status = (m) => (m.met ? 'met' : `NOT MET (${(m.median_ms / m.target_ms).toFixed(2)}× the target)`);
      p(`Playground (Chromium ${pg.info.chromium} headless, build/web served on 127.0.0.1; in-page performance.now(); ` +
        `run → graph: ${run.samples.length} timed runs after ${pg.info.warmupRuns ?? 1} untimed; load: ${load.samples.length} fresh loads, each in a new browser context):`);
      p();
      p(mdTable(['measure', 'median', 'best', 'target', 'status'], [
        [`run → graph drawn (script of ${run.nodes} nodes, ${run.edges} edges): click → all nodes in the SVG`, ms(run.median_ms), ms(run.best_ms), `< ${run.target_ms} ms`, status(run)],
        ['· of which the engine (worker: tl.run + tl.graph, request → reply)', ms(run.engineMedianMs), ms(bestOf(run.samples, 'engine')), '', ''],
        ['· of which the page (reply → graph laid out and in the DOM)', ms(run.renderMedianMs), ms(bestOf(run.samples, 'render')), '', ''],
        ['(also) click → next frame with the graph', ms(run.frameMedianMs), ms(run.frameBestMs), '', ''],
        ['(also) first run of the script (untimed)', ms(run.firstRunMs), '', '', ''],
        ['page load → interactive: navigation start → editor usable and engine ready', ms(load.median_ms), ms(load.best_ms), `< ${load.target_ms / 1000} s`, status(load)],
        ['· editor usable (= DOMContentLoaded + module scripts)', ms(load.editorMedianMs), ms(bestOf(load.samples, 'editor')), '', ''],
        ['· engine worker ready (wasm loaded)', ms(load.engineReadyMedianMs), ms(bestOf(load.samples, 'engineReady')), '', ''],
        ['(also) page load → first graph drawn (the default example)', ms(load.firstGraphMedianMs), ms(load.firstGraphBestMs), '', ''],
        ...(pg.bigGraph ? bigGraphRows(pg.bigGraph, ms, bestOf, status) : []),
      ]));
      p();
      for (const x of pg.info.problems || []) notices.push(`playground page: ${x}`);
    }
  }

  // problems
  const problems = [...notices];
  for (const [s, ws] of Object.entries(failures)) for (const [w, e] of Object.entries(ws)) problems.push(`${s} ${w}: ${e}`);
  problems.push(...badChecks.map((b) => `check value: ${b}`));
  for (const row of rows)
    for (const s of sysCols) {
      const r = results[row.id][s];
      const leaked = r?.leakedTensors ?? r?.memory?.liveTensorsDelta;
      if (leaked) problems.push(`${row.id} on ${s}: ${leaked} tensors still alive after the workload (leak?)`);
    }
  json.problems = problems;
  if (problems.length) {
    p('Problems:');
    for (const x of problems) p(`- ${x}`);
    p();
  }
  p(`Command: node bench/run.mjs${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''} · JSON: ${path.relative(root, opts.out)}`);

  const text = out.join('\n');
  json.table = text;
  console.log(text);
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(json, null, 2) + '\n');
  log(`bench: wrote ${path.relative(root, opts.out)} (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s in all)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
