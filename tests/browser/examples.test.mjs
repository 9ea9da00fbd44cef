// Every example runs in the page and agrees with the native CLI (`tensorlens run FILE --json`):
// the number of drawn graph nodes (composites as one op, as the page draws them), and the inspector's values and gradients of a leaf.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, teardown, openPage, afterRun, assertClean, cli, exampleFiles, examplesDir, inspectorNumbers, assertClose, shot, editorText } from './helpers.mjs';
import fs from 'node:fs';
import { structure } from '../../web/src/clusters.js';
import { collapseLoops } from '../../web/src/collapse.js';

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

test('every example matches the native CLI, with no console errors or CSP violations', async () => {
  const files = exampleFiles();
  assert.ok(files.length >= 9, 'expected at least 9 examples');
  const page = await openPage(env.browser, env.url);
  const options = await page.$$eval('[data-testid=examples] option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual([...options].sort(), files, 'the examples menu lists exactly web/examples/*.py');

  for (const file of files) {
    const expected = cli(path.join(examplesDir, file));
    await afterRun(page, () => page.selectOption('[data-testid=examples]', file));
    assert.equal((await editorText(page)).trim(), fs.readFileSync(path.join(examplesDir, file), 'utf8').trim(), `${file}: editor text`);

    if (expected.error) {
      const err = page.locator('[data-testid=error]');
      await assert.doesNotReject(err.waitFor({ state: 'visible' }), `${file}: error panel`);
      assert.equal(await err.getAttribute('data-line'), String(expected.error.line), `${file}: error line`);
      assert.equal(await err.getAttribute('data-col'), String(expected.error.col), `${file}: error column`);
      assert.match(await err.textContent(), new RegExp(expected.error.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await page.locator('[data-testid=editor] .cm-lintRange-error').first().waitFor();
      await shot(page, `error-${file.replace('.py', '')}`);
      continue;
    }
    assert.ok(await page.locator('[data-testid=error]').isHidden(), `${file}: no error shown`);
    // Drawn: the CLI's graph with composites as one op and repeated loop bodies collapsed.
    const drawn = await page.locator('[data-testid=graph] [data-node-id]').count();
    assert.equal(drawn, collapseLoops(structure(expected.graph).graph).graph.nodes.length, `${file}: graph node count`);

    // Every leaf that has a name and a tensor in the run: click it, compare the inspector's tables.
    const leaves = expected.graph.nodes.filter((n) => n.kind === 'tensor' && n.is_leaf && n.name && expected.run.tensors[n.name]);
    assert.ok(leaves.length, `${file}: has a named leaf`);
    for (const leaf of leaves) {
      const t = expected.run.tensors[leaf.name];
      const node = page.locator(`[data-testid=graph] [data-node-id="${leaf.id}"]`);
      assert.match(await node.textContent(), new RegExp(leaf.name));
      await node.click();
      await page.locator('[data-testid=inspector] .insp-title', { hasText: leaf.name }).waitFor();
      if (t.data.length <= 64) assertClose(await inspectorNumbers(page, 'value'), t.data, `${file}: ${leaf.name} value`);
      if (t.grad && t.grad.length <= 64) assertClose(await inspectorNumbers(page, 'grad'), t.grad, `${file}: ${leaf.name}.grad`);
      if (!t.grad) assert.match(await page.locator('[data-testid=inspector] [data-section=grad]').textContent(), /None/);
    }
    const printed = await page.locator('#stdout').textContent();
    assert.equal(printed, expected.run.stdout, `${file}: printed output`);
    if (/relu_mm|broadcasting|softmax/.test(file)) await shot(page, `example-${file.replace('.py', '')}`);
  }
  assertClean(page, 'while running the examples');
  await page.context().close();
});
