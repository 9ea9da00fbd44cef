// The generated dist/index.d.ts under `tsc --strict`: a realistic program compiles, no call or
// property access in it has an `any` or `unknown` type, and misspelled options, unknown ops and
// wrong argument types fail to compile (tests/node/types/misspelled.ts: @ts-expect-error lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
const config = join(here, 'types', 'tsconfig.json');

test('types: the usage program and the must-fail file compile with tsc --strict', () => {
  let out = '';
  try {
    out = execFileSync('node', [tsc, '-p', config], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
  assert.equal(out.trim(), '');
});

test('types: every @ts-expect-error line of misspelled.ts is an error on its own', () => {
  // Without the directives, each marked line must produce a diagnostic (so none passes by luck
  // of a neighbouring error).
  const file = join(here, 'types', 'misspelled.ts');
  const lines = readFileSync(file, 'utf8').split('\n');
  const marked = [];
  lines.forEach((l, i) => { if (l.trim().startsWith('// @ts-expect-error')) marked.push(i + 1); });
  assert.ok(marked.length >= 10);
  const stripped = lines.map((l) => (l.trim().startsWith('// @ts-expect-error') ? '' : l)).join('\n');
  const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(config, ts.sys.readFile).config, ts.sys, dirname(config));
  const host = ts.createCompilerHost(options);
  const orig = host.getSourceFile;
  host.getSourceFile = (name, lang) => (name === file ? ts.createSourceFile(name, stripped, lang) : orig(name, lang));
  const program = ts.createProgram([file], options, host);
  const errLines = new Set(ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && d.file.fileName === file)
    .map((d) => d.file.getLineAndCharacterOfPosition(d.start).line + 1));
  for (const m of marked) assert.ok(errLines.has(m + 1), `line ${m + 1} (${lines[m].trim()}) compiles but must not`);
});

test('types: no call or member access in the usage program is any or unknown', () => {
  const file = join(here, 'types', 'usage.ts');
  const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(config, ts.sys.readFile).config, ts.sys, dirname(config));
  const program = ts.createProgram([file], options);
  const checker = program.getTypeChecker();
  const src = program.getSourceFile(file);
  const bad = [];
  let calls = 0;
  const visit = (node) => {
    if (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) {
      if (ts.isCallExpression(node)) calls++;
      const t = checker.getTypeAtLocation(node);
      if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
        const { line } = src.getLineAndCharacterOfPosition(node.getStart());
        bad.push(`${line + 1}: ${node.getText().slice(0, 60)} : ${checker.typeToString(t)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  assert.ok(calls > 80, `only ${calls} calls checked`);
  assert.deepEqual(bad, []);
});

test('types: the usage program runs (compiled by esbuild) and every typed call form works', () => {
  const esbuild = join(here, '..', '..', 'node_modules', '.bin', 'esbuild');
  const js = execFileSync(esbuild, [join(here, 'types', 'usage.ts'), '--format=esm', '--log-level=error'], { encoding: 'utf8' })
    .replace(/from\s+"tensorlens"/, `from "${pathToFileURL(join(here, '..', '..', 'dist', 'index.js')).href}"`);
  const dir = mkdtempSync(join(tmpdir(), 'tl-types-'));
  try {
    writeFileSync(join(dir, 'usage.mjs'), js);
    const out = execFileSync('node', [join(dir, 'usage.mjs')], { encoding: 'utf8' });
    const m = /checksum (\S+)/.exec(out);
    assert.ok(m && Number.isFinite(Number(m[1])), out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
