// Comparison of a tensorlens run against a PyTorch golden (tests/conformance/goldens/*.json).
// Shared by the native runner (run.mjs) and, later, the wasm runner: both turn what they got into
// a normalised "actual" and call compare(golden, actual).
//
// actual (normalised):
//   success: {ok: true, tensors: {NAME: {shape, dtype, requires_grad, data, grad}}, stdout}
//   error:   {ok: false, line: N | null, col?: N, message?: "...", status?: exit code}
//   broken:  {ok: false, crash: "why"}   (crash, timeout, unparsable output, …)
//
// compare() returns a list of human-readable problems; an empty list means the run conforms.

export const RTOL = 1e-4;
export const ATOL = 1e-5;
const NON_FINITE = new Set(["nan", "inf", "-inf"]);

/** Turns the CLI's exit status / stdout / stderr into the normalised actual. */
export function parseCliResult({ status, signal = null, stdout = "", stderr = "", timedOut = false }) {
  if (timedOut) return { ok: false, crash: "timed out" };
  if (signal) return { ok: false, crash: `killed by ${signal}` };
  if (status === 0) {
    let parsed;
    try {
      parsed = JSON.parse(stdout);
    } catch (e) {
      return { ok: false, crash: `exit 0 but stdout is not JSON (${e.message}): ${firstLine(stdout)}` };
    }
    if (!parsed || typeof parsed !== "object" || typeof parsed.tensors !== "object" || parsed.tensors === null)
      return { ok: false, crash: `exit 0 but JSON has no "tensors" object: ${firstLine(stdout)}` };
    return { ok: true, tensors: parsed.tensors, stdout: typeof parsed.stdout === "string" ? parsed.stdout : "" };
  }
  const pos = parseErrorPosition(stderr);
  return { ok: false, status, line: pos ? pos.line : null, col: pos ? pos.col : null,
           message: pos ? pos.message : firstLine(stderr) };
}

/** Finds `FILE:LINE:COL: error: MESSAGE` in stderr; null when absent. */
export function parseErrorPosition(stderr) {
  const m = /^(.*):(\d+):(\d+): error: (.*)$/m.exec(stderr || "");
  return m ? { file: m[1], line: Number(m[2]), col: Number(m[3]), message: m[4] } : null;
}

function firstLine(s) {
  const line = String(s || "").split("\n").find((l) => l.trim() !== "") || "";
  return line.length > 200 ? line.slice(0, 200) + "…" : line;
}

function fmt(v) {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** True when `a` (actual) matches `b` (golden) for an element of the given dtype. */
export function valuesClose(a, b, dtype) {
  if (typeof b === "string" || typeof a === "string") {
    // Non-finite floats travel as "nan" / "inf" / "-inf"; also accept a JS non-finite number.
    const norm = (v) => (typeof v === "number" ? (Number.isNaN(v) ? "nan" : v === Infinity ? "inf" :
                         v === -Infinity ? "-inf" : v) : v);
    return NON_FINITE.has(norm(b)) && norm(a) === norm(b);
  }
  if (dtype === "bool" || typeof b === "boolean") {
    const asBool = (v) => (v === true || v === 1 ? true : v === false || v === 0 ? false : undefined);
    return asBool(a) !== undefined && asBool(a) === asBool(b);
  }
  if (typeof a !== "number" || typeof b !== "number") return false;
  if (dtype === "int64") return a === b;
  return Math.abs(a - b) <= ATOL + RTOL * Math.abs(b);
}

function compareArrays(where, actual, golden, dtype, problems) {
  if (!Array.isArray(actual)) {
    problems.push(`${where}: expected an array of ${golden.length} values, got ${fmt(actual)}`);
    return;
  }
  if (actual.length !== golden.length) {
    problems.push(`${where}: expected ${golden.length} values, got ${actual.length}`);
    return;
  }
  let bad = 0;
  let first = -1;
  for (let i = 0; i < golden.length; i++) {
    if (!valuesClose(actual[i], golden[i], dtype)) {
      if (first < 0) first = i;
      bad++;
    }
  }
  if (bad)
    problems.push(`${where}: ${bad} of ${golden.length} values differ; first at [${first}]: ` +
                  `got ${fmt(actual[first])}, expected ${fmt(golden[first])}`);
}

function sameShape(a, b) {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Compares a normalised actual with a golden; returns a list of problems (empty = pass). */
// opts.wasm: the wasm build, whose libm (musl) differs from glibc in some float64 functions' last
// bit: a golden whose check_stdout is "native" (# check-stdout-native) has its stdout compared
// exactly natively only (its tensors with the usual tolerance everywhere).
export function compare(golden, actual, opts = {}) {
  const problems = [];
  if (!actual || typeof actual !== "object") return ["no result"];
  if (actual.crash) return [actual.crash];

  if (!golden.ok) {
    const want = `${golden.error_type} at line ${golden.line}`;
    if (actual.ok) return [`expected an error (${want}: ${golden.message}) but the script succeeded`];
    if (actual.status !== undefined && actual.status !== 1)
      problems.push(`expected exit status 1, got ${actual.status}`);
    if (actual.line === null || actual.line === undefined)
      problems.push(`expected a positioned "FILE:LINE:COL: error:" message for ${want}, got: ` +
                    `${firstLine(actual.message)}`);
    else if (actual.line !== golden.line)
      problems.push(`error at line ${actual.line}, expected ${want} (${golden.message}); ` +
                    `tensorlens said: ${firstLine(actual.message)}`);
    return problems;
  }

  if (!actual.ok) {
    const where = actual.line !== null && actual.line !== undefined ? ` at line ${actual.line}` : "";
    return [`expected success, got an error${where}: ${firstLine(actual.message)}`];
  }
  const want = golden.tensors || {};
  const got = actual.tensors || {};
  for (const name of Object.keys(want).sort())
    if (!(name in got)) problems.push(`missing tensor "${name}"`);
  for (const name of Object.keys(got).sort())
    if (!(name in want)) problems.push(`unexpected tensor "${name}" (PyTorch has no tensor by that name)`);
  for (const name of Object.keys(want).sort()) {
    if (!(name in got)) continue;
    const g = want[name];
    const a = got[name] || {};
    if (!sameShape(a.shape, g.shape)) {
      problems.push(`${name}: shape ${JSON.stringify(a.shape)}, expected ${JSON.stringify(g.shape)}`);
      continue;
    }
    if (a.dtype !== g.dtype) problems.push(`${name}: dtype ${a.dtype}, expected ${g.dtype}`);
    if (a.requires_grad !== g.requires_grad)
      problems.push(`${name}: requires_grad ${a.requires_grad}, expected ${g.requires_grad}`);
    compareArrays(`${name}.data`, a.data, g.data, g.dtype, problems);
    const gNull = g.grad === null || g.grad === undefined;
    const aNull = a.grad === null || a.grad === undefined;
    if (gNull !== aNull)
      problems.push(`${name}.grad: ${aNull ? "null" : "a tensor"}, expected ${gNull ? "null" : "a tensor"}`);
    else if (!gNull) compareArrays(`${name}.grad`, a.grad, g.grad, g.dtype, problems);
  }
  if (golden.check_stdout && !(opts.wasm && golden.check_stdout === "native") && actual.stdout !== golden.stdout)
    problems.push(`stdout ${JSON.stringify(actual.stdout)}, expected ${JSON.stringify(golden.stdout)}`);
  return problems;
}
