// Self-test of the conformance comparison (node --test tests/conformance/compare.test.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { compare, parseCliResult, parseErrorPosition, valuesClose } from "./compare.mjs";

const tensor = (over = {}) => ({
  shape: [2], dtype: "float32", requires_grad: true, data: [1.0, 2.0], grad: [0.5, -1.0], ...over,
});
const okGolden = (tensors, extra = {}) => ({ ok: true, check_stdout: false, stdout: "", tensors, ...extra });
const okActual = (tensors, stdout = "") => ({ ok: true, tensors, stdout });
const errGolden = { ok: false, error_type: "RuntimeError", message: "boom", line: 3 };

test("identical results pass", () => {
  assert.deepEqual(compare(okGolden({ x: tensor() }), okActual({ x: tensor() })), []);
});

test("tolerance: |a-b| <= 1e-5 + 1e-4*|b|", () => {
  assert.ok(valuesClose(1000.09, 1000.0, "float32"));       // 0.09 <= 0.10001
  assert.ok(!valuesClose(1000.2, 1000.0, "float32"));
  assert.ok(valuesClose(0.000009, 0.0, "float32"));         // atol
  assert.ok(!valuesClose(0.00002, 0.0, "float32"));
  assert.ok(valuesClose(-2.0001, -2.0, "float64"));
  const g = okGolden({ x: tensor({ data: [1.0, 100.0] }) });
  assert.deepEqual(compare(g, okActual({ x: tensor({ data: [1.000001, 100.005] }) })), []);
  const p = compare(g, okActual({ x: tensor({ data: [1.0, 100.1] }) }));
  assert.equal(p.length, 1);
  assert.match(p[0], /x\.data: 1 of 2 values differ; first at \[1\]/);
});

test("nan and infinities match only themselves", () => {
  assert.ok(valuesClose("nan", "nan", "float32"));
  assert.ok(valuesClose("inf", "inf", "float32"));
  assert.ok(valuesClose("-inf", "-inf", "float32"));
  assert.ok(valuesClose(NaN, "nan", "float32"));
  assert.ok(valuesClose(-Infinity, "-inf", "float32"));
  assert.ok(!valuesClose("inf", "-inf", "float32"));
  assert.ok(!valuesClose(0, "nan", "float32"));
  assert.ok(!valuesClose("nan", 0, "float32"));
  const g = okGolden({ y: tensor({ data: ["nan", "-inf"], grad: ["inf", 1.0] }) });
  assert.deepEqual(compare(g, okActual({ y: tensor({ data: ["nan", "-inf"], grad: ["inf", 1.0] }) })), []);
  assert.equal(compare(g, okActual({ y: tensor({ data: [0, "-inf"], grad: ["inf", 1.0] }) })).length, 1);
});

test("ints are exact, bools accept true/false or 1/0", () => {
  assert.ok(valuesClose(3, 3, "int64"));
  assert.ok(!valuesClose(3.00001, 3, "int64"));
  assert.ok(valuesClose(true, true, "bool"));
  assert.ok(valuesClose(1, true, "bool"));
  assert.ok(!valuesClose(false, true, "bool"));
  assert.ok(!valuesClose(2, true, "bool"));
});

test("missing and unexpected tensor names", () => {
  const g = okGolden({ a: tensor(), b: tensor() });
  const p = compare(g, okActual({ a: tensor(), c: tensor() }));
  assert.ok(p.some((s) => /missing tensor "b"/.test(s)));
  assert.ok(p.some((s) => /unexpected tensor "c"/.test(s)));
  assert.equal(p.length, 2);
});

test("grad null-ness must agree", () => {
  const g = okGolden({ a: tensor({ grad: null }) });
  assert.deepEqual(compare(g, okActual({ a: tensor({ grad: null }) })), []);
  assert.match(compare(g, okActual({ a: tensor() }))[0], /a\.grad: a tensor, expected null/);
  const g2 = okGolden({ a: tensor() });
  assert.match(compare(g2, okActual({ a: tensor({ grad: null }) }))[0], /a\.grad: null, expected a tensor/);
  assert.match(compare(g2, okActual({ a: tensor({ grad: [0.5, 9.0] }) }))[0], /a\.grad: 1 of 2 values differ/);
});

test("dtype, shape and requires_grad mismatches", () => {
  const g = okGolden({ a: tensor() });
  assert.match(compare(g, okActual({ a: tensor({ dtype: "float64" }) }))[0], /dtype float64, expected float32/);
  assert.match(compare(g, okActual({ a: tensor({ shape: [1, 2] }) }))[0], /shape \[1,2\], expected \[2\]/);
  assert.match(compare(g, okActual({ a: tensor({ requires_grad: false }) }))[0], /requires_grad false/);
  assert.match(compare(g, okActual({ a: tensor({ data: [1.0] }) }))[0], /expected 2 values, got 1/);
});

test("stdout is compared only when check_stdout is set", () => {
  const plain = okGolden({}, { stdout: "1\n" });
  assert.deepEqual(compare(plain, okActual({}, "1.0\n")), []);
  const checked = okGolden({}, { stdout: "1\n", check_stdout: true });
  assert.deepEqual(compare(checked, okActual({}, "1\n")), []);
  assert.match(compare(checked, okActual({}, "1.0\n"))[0], /^stdout/);
});

test("passing script that errors, failing script that passes", () => {
  const g = okGolden({ a: tensor() });
  assert.match(compare(g, { ok: false, line: 4, message: "bad" })[0], /expected success, got an error at line 4/);
  assert.match(compare(errGolden, okActual({}))[0], /expected an error \(RuntimeError at line 3/);
});

test("error scripts: exit 1, positioned message, same line", () => {
  const at = (stderr, status = 1) => parseCliResult({ status, stdout: "", stderr });
  assert.deepEqual(compare(errGolden, at("s.py:3:5: error: size mismatch\n  c = a + b\n      ^\n")), []);
  assert.match(compare(errGolden, at("s.py:4:5: error: size mismatch\n"))[0], /error at line 4, expected RuntimeError at line 3/);
  assert.match(compare(errGolden, at("Segmentation fault\n"))[0], /expected a positioned/);
  assert.ok(compare(errGolden, at("s.py:3:1: error: x\n", 2)).some((s) => /exit status 1, got 2/.test(s)));
  assert.deepEqual(compare(errGolden, { ok: false, line: 3 }), []);   // wasm runners pass no status
});

test("parseCliResult handles success, crashes and junk", () => {
  const ok = parseCliResult({ status: 0, stdout: '{"tensors": {}, "stdout": "hi\\n"}', stderr: "" });
  assert.deepEqual(ok, { ok: true, tensors: {}, stdout: "hi\n" });
  assert.match(parseCliResult({ status: 0, stdout: "not json" }).crash, /not JSON/);
  assert.match(parseCliResult({ status: 0, stdout: "[]" }).crash, /no "tensors"/);
  assert.match(parseCliResult({ status: null, signal: "SIGSEGV" }).crash, /SIGSEGV/);
  assert.match(parseCliResult({ timedOut: true }).crash, /timed out/);
  assert.deepEqual(parseErrorPosition("warning\n/a/b.py:12:7: error: oops: more\n"),
                   { file: "/a/b.py", line: 12, col: 7, message: "oops: more" });
  assert.equal(parseErrorPosition("no position here"), null);
  assert.match(compare(errGolden, parseCliResult({ status: null, signal: "SIGABRT" }))[0], /SIGABRT/);
});
