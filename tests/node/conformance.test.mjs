// The conformance goldens (real PyTorch) run in wasm through tl.run: the same files as natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init } from '../../dist/index.js';
import { compare } from '../conformance/compare.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'conformance');
const tl = await init();
const scripts = readdirSync(join(root, 'scripts')).filter((f) => f.endsWith('.py')).sort();

test('the conformance corpus is there', () => assert.ok(scripts.length >= 190, `${scripts.length} scripts`));

for (const file of scripts) {
  const goldenPath = join(root, 'goldens', file.replace(/\.py$/, '.json'));
  test(`wasm conformance: ${file}`, () => {
    assert.ok(existsSync(goldenPath), `missing golden for ${file}`);
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8'));
    const source = readFileSync(join(root, 'scripts', file), 'utf8');
    let actual;
    try {
      actual = { ok: true, ...tl.run(source) };
    } catch (e) {
      assert.equal(e.name, 'TensorlensError', `${file}: ${e.stack}`);
      actual = { ok: false, line: e.line, col: e.col, message: e.message };
    }
    assert.deepEqual(compare(golden, actual, { wasm: true }), []);
  });
}
