// Every ```js block of README.md and docs/*.md runs as written (one Node process per block, with
// "tensorlens" resolved to dist/), and docs/API.md is what scripts/gen-api.mjs generates from the
// current engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = pathToFileURL(join(root, 'dist', 'index.js')).href;
// docs/api-intro.md is the first part of the generated docs/API.md: its blocks run there.
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md') && f !== 'api-intro.md').map((f) => join('docs', f))];

function jsBlocks(text) {
  const out = [];
  const re = /^```(js|javascript|mjs)\n([\s\S]*?)^```$/gm;
  let m;
  while ((m = re.exec(text))) out.push({ code: m[2], line: text.slice(0, m.index).split('\n').length });
  return out;
}

test('docs: the files hold JavaScript examples', () => {
  const n = files.reduce((s, f) => s + jsBlocks(readFileSync(join(root, f), 'utf8')).length, 0);
  assert.ok(n >= 8, `only ${n} js blocks`);
});

for (const f of files) {
  for (const { code, line } of jsBlocks(readFileSync(join(root, f), 'utf8'))) {
    test(`docs: ${f}:${line} runs`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'tl-doc-'));
      try {
        const src = code.replace(/from\s+(["'])tensorlens\1/g, `from '${entry}'`);
        assert.notEqual(src, code, 'the block imports tensorlens');
        writeFileSync(join(dir, 'block.mjs'), src);
        try {
          execFileSync('node', [join(dir, 'block.mjs')], { encoding: 'utf8', stdio: 'pipe', timeout: 60000 });
        } catch (e) {
          assert.fail(`${f}:${line} failed:\n${e.stderr || e.message}`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

test('docs: docs/API.md is up to date with the op table (node scripts/gen-api.mjs --docs)', () => {
  try {
    execFileSync('node', [join(root, 'scripts', 'gen-api.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(e.stderr || e.message);
  }
});
