// Playground v2, trustworthy tools: Run during a run replaces the old run (no watchdog kill of the
// new one), a deflate-bomb share link is refused by the streaming cap, a failing view keeps the
// printed output, and gradcheck checks exactly the shown gradient (an unseeded torch.randn
// parameter, the bundled training loop) with a heatmap of analytic − numeric.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openPage, afterRun, assertClean, setEditorText, graphNode, shot, inspectorNumbers } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

const ds = (page) => page.evaluate(() => ({ ...document.documentElement.dataset }));

test('Run during a run cancels the old run and the new one is not killed by the watchdog', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\nx = torch.ones(400, 400)\nfor i in range(100000):\n    y = x.mm(x)\n');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.documentElement.dataset.busy === '1');
  const runsBefore = Number((await ds(page)).runs);
  await page.waitForTimeout(500);
  await setEditorText(page, 'import torch\nz = torch.tensor([3.], requires_grad=True)\n(z * z).sum().backward()\nprint("second run", z.grad)\n');
  await page.click('[data-testid=run]');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, runsBefore);
  let d = await ds(page);
  assert.equal(d.status, 'ok', 'the new run finished');
  assert.equal(Number(d.runs), runsBefore + 1, 'the cancelled run reports nothing');
  assert.equal(await page.locator('#stdout').textContent(), 'second run tensor([6.])\n');
  // Past the old run's watchdog (10 s after its start): nothing is killed, nothing changes.
  await page.waitForTimeout(10500);
  d = await ds(page);
  assert.equal(d.status, 'ok');
  assert.equal(Number(d.runs), runsBefore + 1);
  assert.ok(await page.locator('[data-testid=error]').isHidden());
  assert.equal(await page.locator('#stdout').textContent(), 'second run tensor([6.])\n');
  await graphNode(page, 'z').click();
  assert.deepEqual(await inspectorNumbers(page, 'grad'), [6]);
  assertClean(page);
  await page.context().close();
});

test('a deflate-bomb share link is refused quickly with a clear message', async () => {
  const page = await openPage(env.browser, env.url);
  // 20 MB of script that deflates to a ~20 KB link, made with the page's own CompressionStream.
  const code = await page.evaluate(async () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const out = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const z = new Uint8Array(await new Response(out).arrayBuffer());
    let bin = '';
    for (let i = 0; i < z.length; i += 0x8000) bin += String.fromCharCode(...z.subarray(i, i + 0x8000));
    return 'z.' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  });
  assert.ok(code.length > 15000 && code.length < 40000, `link size ${code.length}`);
  const page2 = await openPage(env.browser, `${env.url}#code=${code}`);
  const err = page2.locator('[data-testid=error]');
  await err.waitFor({ state: 'visible' });
  assert.match(await err.textContent(), /more than 256 KB of script once decompressed; it was not opened/);
  assert.equal(await err.getAttribute('data-kind'), 'link');
  assert.equal((await ds(page2)).status, 'link-error');
  // The page stays usable: the example is in the editor and runs.
  await afterRun(page2, () => page2.click('[data-testid=run]'));
  assert.equal((await ds(page2)).status, 'ok');
  await shot(page2, 'v2-share-bomb-refused');
  assertClean(page);
  assertClean(page2);
  await page.context().close();
  await page2.context().close();
});

test('a view that fails keeps the printed output and says what failed', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => { window.__tlTestFailView = 'graph'; });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.url);
  await page.waitForFunction(() => Number(document.documentElement.dataset.runs || 0) >= 1, null, { timeout: 20000 });
  await setEditorText(page, 'import torch\nx = torch.ones(2, requires_grad=True)\nprint("kept", (x * 2).sum().item())\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.equal(await page.locator('#stdout').textContent(), 'kept 4.0\n');
  const err = page.locator('[data-testid=error]');
  assert.ok(await err.isVisible());
  assert.equal(await err.getAttribute('data-kind'), 'view');
  assert.match(await err.textContent(), /The graph view could not be drawn \(test-injected failure\)\. The script ran; its printed output is shown\./);
  assert.equal((await ds(page)).status, 'view-error');
  await shot(page, 'v2-view-failure-keeps-output');
  assert.deepEqual(problems, []);
  await context.close();
});

async function gradcheckOf(page, name) {
  await graphNode(page, name).click();
  await page.locator('[data-testid=inspector] .insp-title', { hasText: name }).waitFor();
  await page.locator('[data-testid=inspector] [data-action=gradcheck]').click();
  const result = page.locator('[data-testid=inspector] .gradcheck [data-gc]');
  await result.waitFor({ timeout: 20000 });
  return { state: await result.getAttribute('data-gc'), text: await page.locator('[data-testid=inspector] .gradcheck').textContent() };
}

test('gradcheck on an unseeded torch.randn parameter passes, with a heatmap of analytic − numeric', async () => {
  const page = await openPage(env.browser, env.url);
  await setEditorText(page, 'import torch\nw = torch.randn(3, 4, requires_grad=True)\nx = torch.randn(4)\nloss = (torch.tanh(w * x) ** 2).sum()\nloss.backward()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  await graphNode(page, 'w').click();
  const shownBefore = await inspectorNumbers(page, 'grad');
  assert.equal(shownBefore.length, 12);
  const { state, text } = await gradcheckOf(page, 'w');
  assert.equal(state, 'passed', text);
  assert.match(text, /12 entries/);
  assert.match(text, /torch\.manual_seed\(67280421310721\)/);
  const heat = page.locator('[data-testid=inspector] [data-section=gradcheck-heatmap] table.heatmap td:not(.gap)');
  assert.equal(await heat.count(), 12, 'one cell per element, in the (3, 4) shape');
  for (const v of await heat.allTextContents()) assert.ok(Math.abs(Number(v)) < 1e-5, `analytic − numeric ${v}`);
  // Running again draws the same numbers (a fresh process's random state): the shown gradient stays.
  await afterRun(page, () => page.click('[data-testid=run]'));
  await graphNode(page, 'w').click();
  assert.deepEqual(await inspectorNumbers(page, 'grad'), shownBefore);
  await shot(page, 'v2-gradcheck-heatmap');
  assertClean(page);
  await page.context().close();
});

test('gradcheck on the bundled training loop checks the last backward\'s w and b', async () => {
  const page = await openPage(env.browser, env.url);
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '06_training_loop.py'));
  for (const name of ['w', 'b']) {
    const { state, text } = await gradcheckOf(page, name);
    assert.equal(state, 'passed', `${name}: ${text}`);
    assert.match(text, /line 21/, 'perturbed where the last graph uses it');
  }
  // In a loop whose last iteration calls backward, the perturbed statement is the last run of the body.
  await setEditorText(page, 'import torch\nw = torch.zeros(2, requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.1)\nfor i in range(5):\n    opt.zero_grad()\n    loss = ((w - torch.tensor([1., 2.])) ** 3).sum()\n    loss.backward()\n    opt.step()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  const { state, text } = await gradcheckOf(page, 'w');
  assert.equal(state, 'passed', text);
  assert.match(text, /line 6, its 5th run/);
  // A function body cannot be re-run on its own: the reason is given instead of a wrong verdict.
  await setEditorText(page, 'import torch\nw = torch.ones(2, requires_grad=True)\ndef f(a):\n    return (a * a).sum()\nloss = f(w)\nloss.backward()\n');
  await afterRun(page, () => page.click('[data-testid=run]'));
  const fn = await gradcheckOf(page, 'w');
  assert.equal(fn.state, 'cannot', fn.text);
  assert.match(fn.text, /inside a function body \(line 4\)/);
  assertClean(page);
  await page.context().close();
});

test('Train mode: the time-travel scrubber shows a past step\'s loss, boundary, values and gradients', async () => {
  const page = await openPage(env.browser, env.url);
  await page.click('[data-testid=mode-train]');
  const idle = () => page.waitForFunction(() => document.documentElement.dataset.trainPhase === 'paused' && document.documentElement.dataset.trainBusy === '0', null, { timeout: 20000 });
  await idle();
  const fresh = (await ds(page)).trainLoss;
  await page.click('#train-show-graph');
  await graphNode(page, '0.weight').click();
  const w0 = await inspectorNumbers(page, 'value');
  await page.click('#graph-back');
  await page.selectOption('[data-testid=train-spf]', '10');
  await page.click('[data-testid=train-play]');
  await page.waitForFunction(() => Number(document.documentElement.dataset.trainStep) >= 60);
  await page.click('[data-testid=train-play]');
  await idle();
  const live = await ds(page);
  const scrub = page.locator('[data-testid=train-scrub]');
  const max = Number(await scrub.getAttribute('max'));
  assert.ok(max >= 6, `one snapshot per chunk of 10 steps (${max + 1})`);
  const frameBefore = await page.locator('[data-testid=train-boundary]').evaluate((c) => c.toDataURL());
  await scrub.fill('0');
  await page.waitForFunction(() => document.documentElement.dataset.trainScrub === '0');
  assert.match(await page.locator('[data-testid=train-metrics]').textContent(), /^at step 0: loss /);
  assert.ok((await page.locator('[data-testid=train-metrics]').textContent()).includes(`loss ${Number(Number(fresh).toPrecision(5))}`), 'step 0 loss');
  assert.notEqual(await page.locator('[data-testid=train-boundary]').evaluate((c) => c.toDataURL()), frameBefore, 'the boundary of step 0 is drawn');
  assert.equal(await page.locator('[data-testid=train-loss] .scrub-marker').count(), 1);
  assert.equal((await ds(page)).trainStep, live.trainStep, 'the model itself is not rewound');
  await shot(page, 'v2-train-scrubber');
  // The graph's inspector shows the parameters as they were at step 0.
  await page.click('#train-show-graph');
  await graphNode(page, '0.weight').click();
  assert.deepEqual(await inspectorNumbers(page, 'value'), w0, 'values of step 0');
  await page.click('#graph-back');
  // Back to the latest step: live again, and the values moved on.
  await scrub.fill(String(max));
  await page.waitForFunction(() => document.documentElement.dataset.trainScrub === '');
  await page.click('#train-show-graph');
  await graphNode(page, '0.weight').click();
  assert.notDeepEqual(await inspectorNumbers(page, 'value'), w0, 'trained values');
  assertClean(page);
  await page.context().close();
});
