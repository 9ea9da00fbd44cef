// Playground v2, graphs and explanations: a 10,000-node graph draws (its loop body collapsed; once
// expanded: layered layout, only the visible part mounted, legible fit) and a node click selects; the first NaN/Inf in forward and in
// backward, linked to the source line; the chain rule of an op with its numbers and the
// unbroadcast as its own step; shapes on edges; "not computed yet" vs a zero gradient; editor <->
// graph hover linking; the inspector's grad_fn of a named intermediate is print()'s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openPage, afterRun, assertClean, setEditorText, graphNode, shot } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

const svgData = (page) => page.locator('[data-testid=graph] svg.graph-svg').evaluate((el) => ({ ...el.dataset }));

test('a 10,000-node graph draws collapsed, expands, fits legibly, pans, and a node click selects', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\ny = torch.tensor([1.0], requires_grad=True)\nfor i in range(3333):\n    y = y * 1.0001 + 0.0001\ny.sum().backward()\nprint(y)\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.equal((await page.evaluate(() => document.documentElement.dataset.status)), 'ok');
  assert.ok(await page.locator('[data-testid=error]').isHidden());
  assert.match(await page.locator('#stdout').textContent(), /tensor\(\[1\.\d+\]/);
  // Drawn first with the repeated loop body collapsed: the first and last iterations and one group.
  let d = await svgData(page);
  assert.ok(Number(d.nodes) < 20, `collapsed: ${d.nodes} nodes drawn`);
  const group = page.locator('[data-testid=graph] [data-node-id][data-kind=group]');
  assert.equal(await group.count(), 1);
  assert.match(await group.textContent(), /× 3331 iterations/);
  assert.match(await group.textContent(), /line 4 · 9993 nodes collapsed/);
  await shot(page, 'v2-graph-10k-collapsed');
  await group.click();
  await page.locator('[data-testid=inspector] [data-action=expand]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=graph] svg').dataset.nodes === '10002');
  d = await svgData(page);
  assert.equal(d.nodes, '10002', 'expanded: every node of the graph is laid out');
  assert.equal(d.layout, 'layered');
  assert.equal(d.fit, 'legible');
  assert.ok(Number(d.zoom) >= 0.6, `fit keeps labels legible (zoom ${d.zoom})`);
  const mounted = await page.locator('[data-testid=graph] [data-node-id]').count();
  assert.ok(mounted > 5 && mounted < 500, `only the visible part is in the DOM (${mounted})`);
  // The title of a mounted node is at least 8 px tall on screen.
  const box = await page.locator('[data-testid=graph] [data-node-id] .label-title').first().boundingBox();
  assert.ok(box.height >= 8, `label height ${box.height}`);
  // Click an op node: it is selected and the inspector shows it.
  const mul = graphNode(page, 'mul').first();
  const id = await mul.getAttribute('data-node-id');
  await mul.click();
  await page.locator('[data-testid=inspector] .insp-title', { hasText: 'mul' }).waitFor();
  assert.match(await page.locator(`[data-testid=graph] [data-node-id="${id}"]`).getAttribute('class'), /selected/);
  assert.match(await page.locator('[data-testid=inspector]').textContent(), /MulBackward0/);
  await shot(page, 'v2-graph-10k');
  // Pan up by dragging: other nodes are mounted, the selection stays.
  const g = await page.locator('[data-testid=graph]').boundingBox();
  await page.mouse.move(g.x + 40, g.y + 60);
  await page.mouse.down();
  await page.mouse.move(g.x + 40, g.y + 400, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=graph] [data-node-id]').length > 5);
  // Zoom out to the overview: labels hidden (level of detail).
  for (let i = 0; i < 12; i++) await page.click('#zoom-out');
  d = await svgData(page);
  assert.ok(Number(d.zoom) < 0.3);
  assert.match(await page.locator('[data-testid=graph] svg.graph-svg').getAttribute('class'), /lod-low/);
  await shot(page, 'v2-graph-10k-overview');
  assertClean(page);
  await page.context().close();
});

test('the first NaN/Inf in forward and in backward are found and linked to their lines', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\nx = torch.tensor([1., 0., 4.], requires_grad=True)\nr = x.sqrt()\nl = r.log()\nloss = (l * 2).sum()\nloss.backward()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  const box = page.locator('[data-testid=nan-finder]');
  await box.waitFor({ state: 'visible' });
  const text = await box.textContent();
  assert.match(text, /first NaN\/Inf in forward: (log|l) \(line 4\)/, text);
  assert.match(text, /first NaN\/Inf in backward: log \(line 4\)/, text);
  const fwd = Number(await box.getAttribute('data-forward'));
  assert.match(await page.locator(`[data-testid=graph] [data-node-id="${fwd}"]`).getAttribute('class'), /nan-forward/);
  await box.locator('.nan-forward').click();
  await page.locator('[data-testid=editor] .cm-source-line').waitFor();
  assert.match(await page.locator('[data-testid=editor] .cm-source-line').textContent(), /l = r\.log\(\)/);
  assert.match(await page.locator('[data-testid=inspector] .insp-title').textContent(), /^(log|l)$/);
  await shot(page, 'v2-nan-finder');
  // A finite script shows no finder.
  await setEditorText(page, 'import torch\nx = torch.tensor([1., 2.], requires_grad=True)\n(x * x).sum().backward()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.ok(await box.isHidden());
  assertClean(page);
  await page.context().close();
});

test('chain rule with numbers, unbroadcast as its own step, shapes on edges, grad states, grad_fn as print shows', async () => {
  const page = await openPage(env.browser, env.url);
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '04_broadcasting.py'));
  // The add op of z = x * y + bias: bias (a scalar) was broadcast to (3, 4).
  await graphNode(page, 'add').click();
  const chain = page.locator('[data-testid=inspector] [data-section=chain]');
  await chain.waitFor();
  const t = await chain.textContent();
  assert.match(t, /upstream g\[[^\]]+\] \[3, 4\]/, t);
  assert.match(t, /unbroadcast\s*sum over dims 0, 1: \[3, 4\] → scalar = \[/, t);
  assert.match(t, /= contribution/);
  // mul of x (3, 1) and y (4,): both unbroadcast.
  await graphNode(page, 'mul').click();
  const m = await chain.textContent();
  assert.match(m, /sum over dims 1: \[3, 4\] → \[3, 1\]/, m);
  assert.match(m, /sum over dims 0: \[3, 4\] → \[4\]/, m);
  // The contribution before the unbroadcast is shown with its numbers (g * y for x, shape [3, 4]).
  assert.match(m, /= contribution\s*\[-?\d[^\]]*\] \[3, 4\]/, m);
  assert.doesNotMatch(m, /not reported/, m);
  // Shapes on edges that carry an unnamed tensor (op -> op): x * y -> add is [3, 4].
  const shapes = await page.$$eval('[data-testid=graph] .edge-shape', (els) => els.map((e) => e.textContent));
  assert.ok(shapes.includes('[3, 4]'), `edge shapes ${shapes}`);
  await shot(page, 'v2-chain-rule');
  // An elementwise op without broadcast gets element-wise local derivatives: d(x*x)/dx = 2x... via a*b.
  await setEditorText(page, 'import torch\na = torch.tensor([1., 2., 3.], requires_grad=True)\nb = torch.tensor([4., 5., 6.], requires_grad=True)\nh = a * b\nunused = torch.ones(2, requires_grad=True)\nh.sum().backward()\nprint(h.grad_fn)\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  await graphNode(page, 'mul').click();
  const local = await page.locator('[data-testid=inspector] [data-section=chain] [data-input="0"] tr[data-row=local] td').textContent();
  assert.match(local, /= \[4, 5, 6\]/, `∂(a*b)/∂a = b: ${local}`);
  // The named intermediate h: grad_fn as print() shows it.
  assert.match(await page.locator('#stdout').textContent(), /MulBackward0/);
  await graphNode(page, 'h').click();
  assert.match(await page.locator('[data-testid=inspector] .props').textContent(), /grad_fnMulBackward0/);
  // Not computed yet vs zero: a zero gradient and a parameter backward never reached.
  await setEditorText(page, 'import torch\nw = torch.tensor([1., 2.], requires_grad=True)\nv = torch.tensor([3., 4.], requires_grad=True)\nloss = (w * 0).sum()\nloss.backward()\nlater = (v * 2).sum()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  await graphNode(page, 'w').click();
  assert.equal(await page.locator('[data-testid=inspector] [data-section=grad] [data-grad-state]').getAttribute('data-grad-state'), 'zero');
  assert.match(await graphNode(page, 'w').textContent(), /grad 0/);
  await page.locator('#vars .chip[data-var="v"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=graph] [data-node-id]').length === 1);
  await graphNode(page, 'v').click();
  assert.equal(await page.locator('[data-testid=inspector] [data-section=grad] [data-grad-state]').getAttribute('data-grad-state'), 'missing');
  assert.match(await page.locator('[data-testid=inspector] [data-section=grad]').textContent(), /not computed yet/);
  assert.match(await graphNode(page, 'v').getAttribute('class'), /grad-missing/);
  await shot(page, 'v2-grad-not-computed');
  assertClean(page);
  await page.context().close();
});

test('editor <-> graph hover linking, both ways', async () => {
  const page = await openPage(env.browser, env.url);
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '03_relu_mm.py'));
  // Hover line 7 (c = a.mm(b)): the mm node and c light up.
  const line = page.locator('[data-testid=editor] .cm-line', { hasText: 'c = a.mm(b)' });
  await line.hover();
  await page.waitForFunction(() => document.getElementById('graph').dataset.linkedLine === '7');
  const lit = await page.$$eval('[data-testid=graph] .hover-line .label-title', (els) => els.map((e) => e.textContent).sort());
  assert.deepEqual(lit, ['c', 'mm']);
  await shot(page, 'v2-hover-line');
  // Hover the relu node: its line is marked in the editor.
  await graphNode(page, 'relu').hover();
  await page.locator('[data-testid=editor] .cm-linked-line').waitFor();
  assert.match(await page.locator('[data-testid=editor] .cm-linked-line').textContent(), /d = c\.relu\(\)/);
  await shot(page, 'v2-hover-node');
  assertClean(page);
  await page.context().close();
});

test('tensors made inside a function: the graph of the backward root is drawn', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\ndef f():\n    a = torch.tensor([1., 2.], requires_grad=True)\n    (a * 3).sum().backward()\n    return a.grad\nprint(f())\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.equal(await page.locator('#stdout').textContent(), 'tensor([3., 3.])\n');
  assert.ok(await page.locator('[data-testid=graph] .graph-empty').isHidden(), 'no "made no tensors" message');
  assert.ok((await page.locator('[data-testid=graph] [data-node-id]').count()) >= 3);
  assert.equal(await graphNode(page, 'mul').count(), 1);
  assertClean(page);
  await page.context().close();
});
