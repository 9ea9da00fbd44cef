// Playground v3, structure from the engine's graph JSON: a class-based model's module calls are
// boxed clusters labelled like `fc1: Linear(4, 8)` that collapse into one node and expand again;
// composite ops are one op (dist, not sub + abs + norm) until their parts are asked for; tensors that need
// no gradient are "constant" nodes; the inspector's grad_fn of a named intermediate is the one
// print() shows; an unnamed intermediate's NaN is found; an error keeps what was printed before it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { setup, teardown, openPage, afterRun, assertClean, setEditorText, graphNode, shot } from './helpers.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeSerious(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

const MODEL = `import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

torch.manual_seed(0)
net = Net()
x = torch.randn(3, 4)
h = net(x) * 3
print(h.grad_fn)
loss = torch.dist(h, torch.zeros(3, 1))
loss.backward()
`;

const clusterLabels = (page) => page.locator('[data-testid=graph] .cluster-label text').evaluateAll((els) => els.map((e) => e.textContent));
const drawnTitles = (page) => page.locator('[data-testid=graph] [data-node-id] .label-title').evaluateAll((els) => els.map((e) => e.textContent));

test('module clusters, composites as one op, constants, grad_fn as print shows', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, MODEL);
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.status), 'ok');
  assert.match(await page.locator('#stdout').textContent(), /<MulBackward0 object at/);

  // One box per module call, labelled name: Type(args); fc1 and fc2 inside net.
  const labels = await clusterLabels(page);
  assert.deepEqual([...labels].sort(), ['▾ fc1: Linear(4, 8)', '▾ fc2: Linear(8, 1)', '▾ net: Net']);
  const box = async (label) => page.locator('[data-testid=graph] .cluster', { has: page.locator('.cluster-label', { hasText: label }) }).locator('rect.cluster-box').boundingBox();
  const [net, fc1, fc2] = [await box('net: Net'), await box('fc1: Linear'), await box('fc2: Linear')];
  for (const inner of [fc1, fc2]) {
    assert.ok(inner.x >= net.x && inner.y >= net.y && inner.x + inner.width <= net.x + net.width + 0.5 && inner.y + inner.height <= net.y + net.height + 0.5,
      'the Linear boxes lie inside the Net box');
  }
  // fc1's parameters are drawn inside its box.
  const w1 = await graphNode(page, 'fc1.weight').boundingBox();
  assert.ok(w1.x >= fc1.x && w1.x + w1.width <= fc1.x + fc1.width && w1.y >= fc1.y && w1.y + w1.height <= fc1.y + fc1.height, 'fc1.weight inside fc1');

  // Composites are one op each: dist (not sub + abs + norm), nn.Linear's addmm (not transpose + mm + add).
  let titles = await drawnTitles(page);
  assert.ok(titles.includes('dist') && titles.filter((t) => t === 'addmm').length === 2, `composites drawn as one op: ${titles}`);
  for (const part of ['sub', 'abs', 'norm', 'transpose', 'mm']) assert.ok(!titles.includes(part), `${part} is not drawn separately`);
  await graphNode(page, 'dist').click();
  const insp = page.locator('[data-testid=inspector]');
  assert.match(await insp.textContent(), /DistBackward0/);
  assert.match(await insp.textContent(), /composite of((abs|norm|sub)(, )?){3}/);

  // x needs no gradient: a constant node feeding fc1, with its values.
  const xNode = graphNode(page, 'x');
  assert.equal(await xNode.getAttribute('data-kind'), 'leaf');
  await xNode.click();
  assert.match(await insp.textContent(), /a constant: an input that needs no gradient/);
  assert.match(await insp.textContent(), /requires_gradfalse/);

  // The named intermediate h: the inspector's grad_fn is print(h.grad_fn)'s.
  await graphNode(page, 'h').click();
  assert.match(await insp.locator('table.props').textContent(), /grad_fnMulBackward0/);
  await shot(page, 'v3-module-clusters');
  assert.deepEqual(await axeSerious(page), [], 'axe-core: clusters and their toggles');

  // Collapse fc1 by its label: one node for the call; the inspector expands it again.
  await page.locator('[data-testid=graph] .cluster-label', { hasText: 'fc1: Linear(4, 8)' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=graph] [data-kind=module]').length === 1);
  const collapsed = page.locator('[data-testid=graph] [data-kind=module]');
  assert.match(await collapsed.textContent(), /fc1: Linear\(4, 8\)/);
  titles = await drawnTitles(page);
  assert.ok(!titles.includes('fc1.weight') && titles.filter((t) => t === 'addmm').length === 1, `fc1's nodes are folded: ${titles}`);
  await collapsed.click();
  await shot(page, 'v3-module-collapsed');
  await insp.locator('[data-action=expand-module]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=graph] [data-kind=module]').length === 0);
  assert.equal((await clusterLabels(page)).length, 3);

  // The parts of the composites, on request.
  await graphNode(page, 'dist').click();
  await insp.locator('[data-action=expand-composites]').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=graph] [data-node-id] .label-title')].some((t) => t.textContent === 'norm'));
  titles = await drawnTitles(page);
  // dist's parts (nn.Linear on 2-D input is one addmm node, as in PyTorch, so it has no parts).
  for (const part of ['sub', 'abs', 'norm']) assert.ok(titles.includes(part), `${part} drawn once the parts are shown`);
  await shot(page, 'v3-composite-parts');
  assertClean(page);
  await page.context().close();
});

test('a NaN made by an unnamed intermediate is found at its op', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = torch.log(x - 5.0).sum()\ny.backward()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  const finder = page.locator('[data-testid=nan-finder]');
  await finder.waitFor();
  const id = await finder.getAttribute('data-forward');
  const kind = await page.locator(`[data-testid=graph] [data-node-id="${id}"]`).getAttribute('data-kind');
  assert.equal(kind, 'op');
  assert.match(await page.locator(`[data-testid=graph] [data-node-id="${id}"] .label-title`).textContent(), /^log$/);
  assert.equal((await finder.textContent()).trim(), '⚠first NaN/Inf in forward: log (line 3)', 'only the forward finding (no backward one, no stray text)');
  await shot(page, 'v3-nan-unnamed');
  assertClean(page);
  await page.context().close();
});

test('an error keeps what the script printed before it', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\nprint("before the error", 41 + 1)\nx = torch.ones(2, 3)\ny = x @ x\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  await page.locator('[data-testid=error]').waitFor();
  assert.match(await page.locator("[data-testid=error]").textContent(), /Line 4, column 7/);
  assert.equal((await page.locator('#stdout').textContent()).trim(), 'before the error 42');
  await shot(page, 'v3-error-keeps-output');
  assertClean(page);
  await page.context().close();
});
