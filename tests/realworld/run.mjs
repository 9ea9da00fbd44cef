#!/usr/bin/env node
// Runs the real-world corpus (tests/realworld/NNN_name.py) with the native CLI and compares each
// snippet's stdout with PyTorch 1.13's (goldens/NNN_name.out, written by regen.py).
//
//   node tests/realworld/run.mjs [--only PATTERN] [--verbose] [--list-failures] [--exact]
//                                [--min-pass-rate R] [--bin PATH] [--report FILE] [--timeout S] [--table]
//
// --table prints the failures grouped by cause as a Markdown table (the README's failure table);
// the cause is the first thing that goes wrong in the snippet (a missing name, a missing module,
// the first output line that differs), so fixing it may uncover the next one.
//
// A snippet PASSes when its output equals the golden after 0x-address normalisation, line by line.
// Without --exact a line may also differ in float values by at most the documented float32
// tolerance (see README.md "Comparison"); such passes are counted separately ("~").
// Exit status: 0, unless --min-pass-rate R is given (R in percent, or a fraction <= 1) and the
// pass rate is below it (1); 2 for usage errors.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

function usage(msg) {
  if (msg) console.error(`run.mjs: ${msg}`);
  console.error('usage: node tests/realworld/run.mjs [--only PATTERN] [--verbose] [--list-failures] ' +
    '[--exact] [--min-pass-rate R] [--bin PATH] [--report FILE] [--timeout SECONDS] [--table]');
  process.exit(2);
}

const opts = {
  only: null, verbose: false, listFailures: false, exact: false, minRate: null,
  bin: process.env.TENSORLENS_BIN || join(ROOT, 'build', 'native', 'tensorlens'),
  report: null, timeout: 60, table: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  const a = argv[i];
  const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
  if (a === '--only') opts.only = val();
  else if (a === '--verbose' || a === '-v') opts.verbose = true;
  else if (a === '--list-failures') opts.listFailures = true;
  else if (a === '--exact') opts.exact = true;
  else if (a === '--min-pass-rate') opts.minRate = Number(val());
  else if (a === '--bin') opts.bin = resolve(val());
  else if (a === '--report') opts.report = resolve(val());
  else if (a === '--timeout') opts.timeout = Number(val());
  else if (a === '--table') opts.table = true;
  else if (a === '-h' || a === '--help') usage('');
  else usage(`unknown argument '${a}'`);
}
if (opts.minRate !== null) {
  if (!Number.isFinite(opts.minRate) || opts.minRate < 0) usage('--min-pass-rate needs a number');
  if (opts.minRate <= 1) opts.minRate *= 100;  // a fraction: 0.9 == 90 %
}

// 0x addresses (`<AddBackward0 object at 0x7f...>`) differ from run to run; regen.py stores them
// as "0x…", the same normalisation is applied to our output here.
const normaliseAddresses = (s) => s.replace(/0x[0-9a-fA-F]+/g, '0x\u2026');

// ---- float32 tolerance (README.md "Comparison") -------------------------------------------------
// A number token: not glued to a word/number before it (so "AddBackward0", "fc1" are text).
const NUM = /(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;

function splitNumbers(line) {
  const text = [];
  const nums = [];
  let last = 0;
  for (const m of line.matchAll(NUM)) {
    text.push(line.slice(last, m.index));
    nums.push(m[0]);
    last = m.index + m[0].length;
  }
  text.push(line.slice(last));
  return { text, nums };
}

const isInteger = (tok) => !/[.eE]/.test(tok);
const sigDigits = (tok) => tok.replace(/[eE].*$/, '').replace(/[-+.]/g, '').replace(/^0+/, '').length;
// One unit in the last printed place: "0.0762" -> 1e-4, "1.2345e-03" -> 1e-7.
function lastPlace(tok) {
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(tok);
  const decimals = m && m[2] ? m[2].length : 0;
  const exp = m && m[3] ? Number(m[3]) : 0;
  return Math.pow(10, exp - decimals);
}

// Two printed floats agree when
//  - at most 8 significant digits were printed (tensor reprs, format specs): they differ by at
//    most one unit in the last printed place, or
//  - more were printed (a float32 value shown through Python's float repr, e.g. loss.item()):
//    their relative difference is at most 1e-6 (about 8 float32 ulps).
// Integers, text and the number of tokens must match exactly.
function numbersClose(a, b) {
  if (a === b) return true;
  if (isInteger(a) || isInteger(b)) return false;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  if (Math.max(sigDigits(a), sigDigits(b)) <= 8) {
    const unit = Math.max(lastPlace(a), lastPlace(b));
    return Math.abs(x - y) <= unit * 1.000001;
  }
  return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
}

function linesClose(want, got) {
  const w = splitNumbers(want);
  const g = splitNumbers(got);
  if (w.nums.length !== g.nums.length) return false;
  // Tensor reprs right-align columns: a last-digit change can change a width ("9.9999" vs
  // "10.0000"), so text between numbers is compared with runs of spaces collapsed.
  const squash = (s) => s.replace(/ +/g, ' ');
  for (let i = 0; i < w.text.length; ++i) if (squash(w.text[i]) !== squash(g.text[i])) return false;
  for (let i = 0; i < w.nums.length; ++i) if (!numbersClose(w.nums[i], g.nums[i])) return false;
  return true;
}

// Returns { ok, tolerant, line, want, got } (line: 1-based first line that differs).
function compare(want, got) {
  if (want === got) return { ok: true, tolerant: false };
  const wl = want.split('\n');
  const gl = got.split('\n');
  let tolerant = false;
  const n = Math.max(wl.length, gl.length);
  for (let i = 0; i < n; ++i) {
    if (wl[i] === gl[i]) continue;
    if (!opts.exact && wl[i] !== undefined && gl[i] !== undefined && linesClose(wl[i], gl[i])) {
      tolerant = true;
      continue;
    }
    return { ok: false, line: i + 1, want: wl[i], got: gl[i] };
  }
  return { ok: true, tolerant };
}

// ---- running ------------------------------------------------------------------------------------
// The lead rebuilds build/native/tensorlens while this may run: a missing or busy binary
// (ENOENT / ETXTBSY / EACCES) is retried for up to a minute before it counts as a crash.
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function spawnCli(path) {
  for (let attempt = 0; ; ++attempt) {
    const r = spawnSync(opts.bin, ['run', '--json', path], {
      encoding: 'utf8', timeout: opts.timeout * 1000, maxBuffer: 256 * 1024 * 1024,
    });
    const busy = r.error && ['ENOENT', 'ETXTBSY', 'EACCES'].includes(r.error.code);
    if (!busy || attempt >= 30) return r;
    if (attempt === 0) console.error(`run.mjs: ${opts.bin}: ${r.error.code}, waiting for the rebuild`);
    sleep(2000);
  }
}

function runSnippet(path) {
  const r = spawnCli(path);
  if (r.error && r.error.code === 'ETIMEDOUT') return { kind: 'timeout' };
  if (r.error) return { kind: 'crash', message: String(r.error.message) };
  if (r.signal) return { kind: 'crash', message: `killed by ${r.signal}`, stderr: r.stderr };
  if (r.status !== 0) {
    // FILE:LINE:COL: error: MESSAGE, then the source line and a caret.
    const first = (r.stderr || '').split('\n').find((l) => l.trim() !== '') || `exit ${r.status}`;
    const m = /^.*?:(\d+):(\d+): error: (.*)$/.exec(first);
    return m ? { kind: 'error', line: Number(m[1]), message: m[3], stderr: r.stderr }
      : { kind: 'error', message: first, stderr: r.stderr };
  }
  try {
    return { kind: 'ran', stdout: JSON.parse(r.stdout).stdout };
  } catch (e) {
    return { kind: 'crash', message: `--json output is not JSON (${e.message})` };
  }
}

for (let i = 0; !existsSync(opts.bin) && i < 30; ++i) {
  if (i === 0) console.error(`run.mjs: ${opts.bin} not found, waiting for a build`);
  sleep(2000);
}
if (!existsSync(opts.bin)) {
  console.error(`run.mjs: ${opts.bin} not found (build it: cmake --build build/native)`);
  process.exit(opts.minRate === null ? 0 : 1);
}

let names = readdirSync(HERE).filter((f) => /^\d{3}_.*\.py$/.test(f)).sort();
if (opts.only) {
  let re = null;
  try { re = new RegExp(opts.only); } catch { re = null; }
  names = names.filter((n) => (re ? re.test(n) : n.includes(opts.only)));
}

const results = [];
for (const name of names) {
  const goldenPath = join(HERE, 'goldens', name.replace(/\.py$/, '.out'));
  const res = { name, status: 'FAIL', tolerant: false, reason: '' };
  if (!existsSync(goldenPath)) {
    res.reason = 'no golden (run /usr/bin/python3 tests/realworld/regen.py)';
    results.push(res);
    console.log(`FAIL  ${name}: ${res.reason}`);
    continue;
  }
  const want = readFileSync(goldenPath, 'utf8');
  const t0 = Date.now();
  const r = runSnippet(join(HERE, name));
  res.ms = Date.now() - t0;
  if (r.kind === 'ran') {
    const c = compare(want, normaliseAddresses(r.stdout));
    if (c.ok) {
      res.status = 'PASS';
      res.tolerant = c.tolerant;
    } else {
      res.kind = 'diff';
      res.line = c.line;
      res.reason = `output line ${c.line}: want ${JSON.stringify(c.want ?? '<end of output>')}, ` +
        `got ${JSON.stringify(c.got ?? '<end of output>')}`;
    }
  } else if (r.kind === 'error') {
    res.kind = 'error';
    res.line = r.line;
    res.error = r.message;
    res.reason = `error${r.line ? ` at line ${r.line}` : ''}: ${r.message}`;
  } else if (r.kind === 'timeout') {
    res.kind = 'timeout';
    res.reason = `timeout after ${opts.timeout} s`;
  } else {
    res.kind = 'crash';
    res.reason = `crash: ${r.message}`;
  }
  results.push(res);
  if (res.status === 'PASS') console.log(`PASS${res.tolerant ? '~' : ' '} ${name}`);
  else console.log(`FAIL  ${name}: ${res.reason}`);
  if (opts.verbose && res.status !== 'PASS') {
    if (r.stderr) console.log(r.stderr.replace(/^/gm, '      | '));
    if (r.kind === 'ran') {
      console.log('      --- want (golden)');
      console.log(want.replace(/^/gm, '      | '));
      console.log('      --- got');
      console.log(normaliseAddresses(r.stdout).replace(/^/gm, '      | '));
    }
  }
}

const total = results.length;
const passed = results.filter((r) => r.status === 'PASS').length;
const tolerantPasses = results.filter((r) => r.status === 'PASS' && r.tolerant).length;
const rate = total ? (100 * passed) / total : 0;

if (opts.listFailures) {
  console.log('\nfailures:');
  for (const r of results) if (r.status !== 'PASS') console.log(`  ${r.name}: ${r.reason}`);
}
// ---- failure causes (--table) -------------------------------------------------------------------
function sourceLine(name, line) {
  if (!line) return '';
  const lines = readFileSync(join(HERE, name), 'utf8').split('\n');
  return (lines[line - 1] || '').trim();
}

function causeOf(r) {
  if (r.kind === 'timeout') return 'timeout';
  if (r.kind === 'crash') return `crash: ${r.reason}`;
  if (r.kind === 'diff') {
    const w = r.reason;
    const gf = /want ".*grad_fn=<(\w+)>.*", got ".*grad_fn=<(\w+)>/.exec(w);
    if (gf && gf[1] !== gf[2]) return `grad_fn name: PyTorch records ${gf[1]}, tensorlens ${gf[2]}`;
    if (/want "Parameter containing:"/.test(w)) return 'repr of nn.Parameter ("Parameter containing:" header)';
    if (/want "torch\.return_types\./.test(w)) return 'repr of torch.return_types (max/min/sort/topk results)';
    if (/want "<end of output>"/.test(w)) return 'prints more lines than PyTorch';
    if (/got "<end of output>"/.test(w)) return 'prints fewer lines than PyTorch';
    return 'printed values differ (see the snippet list)';
  }
  const m = r.error || '';
  let x;
  if ((x = /^ModuleNotFoundError: No module named '([^']+)'/.exec(m))) return `import ${x[1]} (module missing)`;
  if ((x = /^AttributeError: module '([^']+)' has no attribute '([^']+)'/.exec(m))) return `missing ${x[1]}.${x[2]}`;
  if ((x = /^AttributeError: '(\w+)' object has no attribute '([^']+)'/.exec(m))) {
    return x[1] === 'Tensor' ? `missing Tensor.${x[2]}` : `attribute ${x[1]}.${x[2]} (user class / nn.Module internals)`;
  }
  if (/^SyntaxError/.test(m)) return m.replace(/^SyntaxError: /, 'syntax: ');
  return m.split('\n')[0].slice(0, 120);
}

function printTable(results) {
  const groups = new Map();
  for (const r of results) {
    if (r.status === 'PASS') continue;
    const c = causeOf(r);
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c).push(r);
  }
  const rows = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  console.log('\n| first failure cause | count | snippets (line: code or first differing output) |');
  console.log('| --- | ---: | --- |');
  const esc = (s) => s.replace(/\|/g, '\\|').replace(/`/g, "'");
  for (const [cause, rs] of rows) {
    const items = rs.map((r) => {
      const num = r.name.slice(0, 3);
      if (r.kind === 'diff') return `${num} (out ${r.line})`;
      const src = sourceLine(r.name, r.line);
      return r.line ? `${num} (L${r.line}: ${esc(src.slice(0, 60))})` : num;
    });
    console.log(`| ${esc(cause)} | ${rs.length} | ${items.join('; ')} |`);
  }
}

if (opts.table) printTable(results);
if (opts.report) writeFileSync(opts.report, JSON.stringify({ total, passed, tolerantPasses, results }, null, 1));

console.log(`realworld: ${passed}/${total} passed (${rate.toFixed(1)} %)` +
  (opts.exact ? ' [exact]' : ` [${passed - tolerantPasses} exact, ${tolerantPasses} within float32 tolerance]`));
process.exit(opts.minRate !== null && rate < opts.minRate ? 1 : 0);
