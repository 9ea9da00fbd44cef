// Keyboard editing and Ctrl+Enter, node selection and the inspector, errors and recovery, the
// backward stepper against the engine's order, Stop on a runaway script, and the phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, teardown, openPage, afterRun, assertClean, cli, examplesDir, inspectorNumbers, assertClose, shot, setEditorText, graphNode } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

test('type a script, run it with Ctrl+Enter, click a node, read the inspector', async () => {
  const page = await openPage(env.browser, env.url);
  const editor = page.locator('[data-testid=editor] .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // Typed key by key (CodeMirror closes brackets; typing the closer steps over it).
  await page.keyboard.type('import torch\nw = torch.tensor([[1., -2.], [3., 4.]], requires_grad=True)\n');
  await page.keyboard.type('loss = (w * w).sum()\nloss.backward()\n');
  await afterRun(page, () => page.keyboard.press('Control+Enter'));
  assert.ok(await page.locator('[data-testid=error]').isHidden());

  const node = graphNode(page, 'w');
  await node.click();
  const insp = page.locator('[data-testid=inspector]');
  await insp.locator('.insp-title', { hasText: 'w' }).waitFor();
  assert.match(await insp.textContent(), /requires_grad\s*true/);
  assert.match(await insp.textContent(), /is_leaf\s*true/);
  assertClose(await inspectorNumbers(page, 'value'), [1, -2, 3, 4], 'w');
  assertClose(await inspectorNumbers(page, 'grad'), [2, -4, 6, 8], 'w.grad');
  assert.equal(await insp.locator('table.heatmap').count(), 2, '2-D tensors are heatmaps');
  assert.match(await node.getAttribute('class'), /selected/);

  // Clicking an op node shows its grad_fn and derivative; the source line highlights the editor.
  await graphNode(page, 'mul').click();
  assert.match(await insp.textContent(), /MulBackward0/);
  await insp.locator('.source-line').click();
  await page.locator('[data-testid=editor] .cm-source-line').waitFor();
  assert.match(await page.locator('[data-testid=editor] .cm-source-line').textContent(), /loss = \(w \* w\)\.sum\(\)/);

  // Switching the drawn variable through the list.
  await page.locator('#vars .chip[data-var="w"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=graph] [data-node-id]').length === 1);
  assertClean(page);
  await page.context().close();
});

test('a bad script shows a positioned error; the next good script works', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\na = torch.ones(2, 3)\nb = a.mm(a)\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  const err = page.locator('[data-testid=error]');
  await err.waitFor({ state: 'visible' });
  assert.equal(await err.getAttribute('data-line'), '3');
  assert.ok(Number(await err.getAttribute('data-col')) >= 1);
  assert.match(await err.textContent(), /Line 3/);
  await page.locator('[data-testid=editor] .cm-lintRange-error').first().waitFor();
  await shot(page, 'error-positioned');

  await setEditorText(page, 'import torch\nx = torch.tensor([1., 2.], requires_grad=True)\n(x * 3).sum().backward()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.ok(await err.isHidden(), 'the error is cleared');
  assert.equal(await page.locator('[data-testid=editor] .cm-lintRange-error').count(), 0);
  await graphNode(page, 'x').click();
  assertClose(await inspectorNumbers(page, 'grad'), [3, 3], 'x.grad');
  assertClean(page);
  await page.context().close();
});

for (const file of ['02_topological_order.py', '03_relu_mm.py']) {
  test(`backward stepper replays the engine's order (${file})`, async () => {
    const { graph } = cli(path.join(examplesDir, file));
    const expected = Array.isArray(graph.steps) && graph.steps.length ? graph.steps.map((s) => s.node) : graph.backward_order;
    const page = await openPage(env.browser, env.url);
    await afterRun(page, () => page.selectOption('[data-testid=examples]', file));
    const stepper = page.locator('[data-testid=backward-step]');
    assert.equal(await stepper.getAttribute('data-order'), expected.join(','));
    const seen = [];
    const stepBtn = stepper.locator('#bw-step');
    for (let i = 0; i < 200 && (await stepBtn.isEnabled()); i++) {
      await stepBtn.click();
      const active = await page.$$eval('[data-testid=graph] [data-node-id].bw-active', (els) => els.map((e) => Number(e.dataset.nodeId)));
      assert.equal(active.length, 1, 'exactly one node is highlighted');
      if (seen[seen.length - 1] !== active[0]) seen.push(active[0]);
      if (file === '03_relu_mm.py' && i === 6) await shot(page, 'backward-stepper');
    }
    assert.deepEqual(seen, expected, 'highlight order = engine backward order');
    const log = await stepper.locator('#bw-log li').allTextContents();
    assert.ok(log.some((l) => /^mul: |^add: |^mm: /.test(l)), 'one-line explanations name the op and its rule');
    if (file === '03_relu_mm.py') assert.ok(log.some((l) => /^accumulate: d is used more than once/.test(l)), 'd + d shows accumulation');
    // Reset clears the highlight.
    await stepper.locator('#bw-reset').click();
    assert.equal(await page.locator('[data-testid=graph] .bw-active').count(), 0);
    assertClean(page);
    await page.context().close();
  });
}

test('Stop terminates a runaway script and the engine keeps working', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\nx = torch.ones(600, 600)\nfor i in range(100000):\n    y = x.mm(x)\n');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.documentElement.dataset.busy === '1');
  await page.waitForTimeout(300);
  assert.ok(await page.locator('#stop').isEnabled());
  await afterRun(page, () => page.click('#stop'));
  await page.locator('[data-testid=error]', { hasText: 'Stopped' }).waitFor();
  await setEditorText(page, 'import torch\nz = torch.tensor([2.], requires_grad=True)\n(z * z).sum().backward()\n');
  await afterRun(page, () => page.keyboard.press('Control+Enter'));
  assert.ok(await page.locator('[data-testid=error]').isHidden());
  assert.ok((await page.locator('[data-testid=graph] [data-node-id]').count()) > 0);
  assertClean(page);
  await page.context().close();
});

test('the page works at 1280x800 and on a phone-sized screen', async () => {
  const page = await openPage(env.browser, env.url, { viewport: { width: 390, height: 844 } });
  const boxes = await Promise.all(['editor', 'graph', 'inspector'].map((id) => page.locator(`[data-testid=${id}]`).boundingBox()));
  for (const b of boxes) assert.ok(b && b.width > 300 && b.width <= 390, 'each panel takes the screen width');
  assert.ok(boxes[0].y < boxes[1].y && boxes[1].y < boxes[2].y, 'panels stack: editor, graph, inspector');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
  await shot(page, 'phone');
  await page.locator('[data-testid=graph] [data-node-id]').first().click();
  await page.setViewportSize({ width: 1280, height: 800 });
  const wide = await Promise.all(['editor', 'graph', 'inspector'].map((id) => page.locator(`[data-testid=${id}]`).boundingBox()));
  assert.ok(wide[0].x < wide[1].x && wide[1].x < wide[2].x, 'three columns at 1280x800');
  assert.ok(wide.every((b) => b.y + 40 < 800), 'everything starts above the fold');
  await shot(page, 'main-1280x800');
  assertClean(page);
  await page.context().close();
});

test('gradcheck from the inspector (tl.gradcheck when the engine has it)', async () => {
  const page = await openPage(env.browser, env.url);
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '03_relu_mm.py'));
  await graphNode(page, 'a').click();
  const button = page.locator('[data-testid=inspector] [data-action=gradcheck]');
  if ((await page.evaluate(() => document.documentElement.dataset.gradcheck)) === '1') {
    await button.click();
    const result = page.locator('[data-testid=inspector] .gradcheck .gc-ok, [data-testid=inspector] .gradcheck .gc-bad');
    await result.waitFor();
    assert.match(await result.textContent(), /passed · max abs error/);
    await shot(page, 'gradcheck');
  } else {
    assert.ok(await button.isDisabled(), 'without tl.gradcheck the button is disabled and says why');
    assert.match(await page.locator('[data-testid=inspector] .gradcheck').textContent(), /not available/);
  }
  // Ops and tensors without grad have no gradcheck button.
  await graphNode(page, 'mm').click();
  assert.ok((await button.count()) === 1, 'mm requires grad: the button is there');
  assertClean(page);
  await page.context().close();
});

test('backward stepper: broadcast reductions and accumulation are their own steps; play/pause', async () => {
  const page = await openPage(env.browser, env.url);
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '04_broadcasting.py'));
  const stepper = page.locator('[data-testid=backward-step]');
  const engineSteps = (await stepper.getAttribute('data-source')) === 'steps';
  // Play runs on its own; pause stops it.
  await stepper.locator('#bw-play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=backward-step]').dataset.position) >= 1, null, { timeout: 5000 });
  await stepper.locator('#bw-play').click();
  const paused = await stepper.getAttribute('data-position');
  await page.waitForTimeout(1000);
  assert.equal(await stepper.getAttribute('data-position'), paused, 'pause stops the replay');
  const stepBtn = stepper.locator('#bw-step');
  let shotTaken = false;
  while (await stepBtn.isEnabled()) {
    await stepBtn.click();
    if (!shotTaken && (await stepper.locator('.stepper-current .sub-reduce').count())) {
      assert.ok((await page.locator('[data-testid=graph] .bw-target').count()) >= 1, 'the input receiving the gradient is highlighted');
      await shot(page, 'backward-broadcast');
      shotTaken = true;
    }
  }
  const log = await stepper.locator('#bw-log li').allTextContents();
  if (engineSteps) {
    assert.ok(log.some((l) => /summed over dims 0, 1 — \[3, 4\] → scalar/.test(l)), `bias: ${log.join('\n')}`);
    assert.ok(log.some((l) => /summed over dims 1 — \[3, 4\] → \[3, 1\]/.test(l)), 'x');
    assert.ok(log.some((l) => /summed over dims 0 — \[3, 4\] → \[4\]/.test(l)), 'y');
  }
  assertClean(page);
  await page.context().close();
});
