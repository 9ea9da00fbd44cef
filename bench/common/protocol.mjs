// The timing protocol (bench/WORKLOADS.md), shared by the Node benchmarks; bench/native/bench.cpp
// and bench/peers/torch_bench.py carry the same algorithm.
//
// One untimed call; calibration of the inner loop count k (>= 1) so one repetition takes ~target;
// `warmup` untimed repetitions (which also re-check k); `reps` timed repetitions. runK(k) runs k
// iterations and reads a scalar back (forcing completion) inside the timed region. When the
// timed repetitions would exceed `budgetMs`, their number drops (never below 3).
import { performance } from 'node:perf_hooks';

export const MARK = '@@BENCH@@ ';

export function parseArgs(argv = process.argv.slice(2)) {
  const opt = { only: 'W1,W2,W3,W4,W5', targetMs: 100, warmup: 2, reps: 7, budgetMs: 60000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--only') (opt.only = v), i++;
    else if (a === '--target-ms') (opt.targetMs = Number(v)), i++;
    else if (a === '--warmup') (opt.warmup = Number(v)), i++;
    else if (a === '--reps') (opt.reps = Number(v)), i++;
    else if (a === '--budget-ms') (opt.budgetMs = Number(v)), i++;
  }
  opt.workloads = opt.only.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  return opt;
}

/** Per-iteration times in ms, median and best, and the loop count used. */
export function measure(runK, opt, onRep = null) {
  const now = () => performance.now();
  const target = opt.targetMs;
  let t0 = now();
  runK(1); // the untimed call
  const first = now() - t0;
  let k = 1;
  let t = first; // time of the last calibration run, of k iterations
  let rep = first; // estimated time of one repetition (k iterations)
  if (first < 0.5 * target) {
    t0 = now();
    runK(1);
    t = now() - t0;
    while (t < 0.2 * target && k < 1e7) {
      k = Math.min(k * 10, Math.max(k * 2, Math.ceil((k * 0.3 * target) / Math.max(t, 1e-4))));
      t0 = now();
      runK(k);
      t = now() - t0;
    }
    const k2 = Math.max(1, Math.round((k * target) / t));
    rep = (t / k) * k2;
    k = k2;
  }
  let { warmup, reps } = opt;
  if ((warmup + reps) * rep > opt.budgetMs) warmup = Math.min(warmup, 1);
  // Warm-ups also re-check k (JIT warm-up makes early calibration runs slow).
  for (let i = 0; i < warmup; i++) {
    t0 = now();
    runK(k);
    rep = now() - t0;
    if (rep < 0.5 * target || rep > 2 * target) {
      const k2 = Math.max(1, Math.round((k * target) / Math.max(rep, 1e-4)));
      rep = (rep / k) * k2;
      k = k2;
    }
  }
  // A slow workload is trimmed to fit the budget, keeping a median of at least 3 repetitions.
  if (reps * rep > opt.budgetMs) reps = Math.max(3, Math.min(reps, Math.floor(opt.budgetMs / rep)));
  const times = [];
  for (let i = 0; i < reps; i++) {
    t0 = now();
    runK(k);
    times.push((now() - t0) / k);
    if (onRep) onRep();
  }
  const s = [...times].sort((a, b) => a - b);
  const m = s.length;
  const median = m % 2 ? s[m >> 1] : (s[m / 2 - 1] + s[m / 2]) / 2;
  return { iters: k, warmup, reps, first_ms: first, per_iter_ms: times, median_ms: median, best_ms: s[0] };
}

/** Runs the named jobs (W1 expands to three sizes), catching errors per workload. */
export async function runJobs(system, info, opt, table) {
  const results = {};
  const errors = {};
  const jobs = [];
  for (const w of opt.workloads) {
    if (w === 'W1') for (const n of [64, 256, 512]) jobs.push([`W1-${n}`, () => table.W1(n)]);
    else if (table[w]) jobs.push([w, table[w]]);
    if (w === 'W4' && table['W4-run']) jobs.push(['W4-run', table['W4-run']]);
  }
  for (const [name, fn] of jobs) {
    try {
      results[name] = await fn();
    } catch (e) {
      errors[name] = `${e?.name || 'Error'}: ${e?.message ?? e}`;
    }
  }
  process.stdout.write(MARK + JSON.stringify({ system, info, results, errors }) + '\n');
}

/** Prints a whole-system failure (e.g. the module did not load) in the same format. */
export function emitFailure(system, message, extra = {}) {
  process.stdout.write(MARK + JSON.stringify({ system, failed: message, ...extra }) + '\n');
}
