// Training mode: the moons example trains to >= 95% training accuracy in the page, the loss curve
// and the decision boundary render, pause / step / reset behave, lr changes re-create the
// optimizer, "Copy as PyTorch" gives the whole run, and nothing logs errors or violates the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { setup, teardown, openPage, assertClean, shot, editorText, setEditorText } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

const ds = (page) => page.evaluate(() => ({ ...document.documentElement.dataset }));
const waitIdle = (page) => page.waitForFunction(() => {
  const d = document.documentElement.dataset;
  return d.trainPhase === 'paused' && d.trainBusy === '0';
}, null, { timeout: 20000 });

async function openTrain(page) {
  await page.click('[data-testid=mode-train]');
  await waitIdle(page);
  assert.match(await editorText(page), /model = nn\.Sequential\(/);
}

test('moons trains to >= 95% accuracy; loss curve and boundary render; the page stays responsive', async () => {
  const page = await openPage(env.browser, env.url);
  await openTrain(page);
  const start = await ds(page);
  assert.equal(start.trainStep, '0');
  assert.ok(Number(start.trainLoss) > 0.3, `fresh loss ${start.trainLoss}`);
  await page.selectOption('[data-testid=train-spf]', '50');
  await page.click('[data-testid=train-play]');
  // While the worker trains, the main thread answers quickly (it only renders).
  let worst = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.evaluate(() => 1);
    worst = Math.max(worst, Date.now() - t0);
    await page.waitForTimeout(50);
  }
  assert.ok(worst < 500, `page round trip while training: ${worst} ms`);
  await page.waitForFunction(() => Number(document.documentElement.dataset.trainAcc) >= 0.95 || Number(document.documentElement.dataset.trainStep) >= 2000, null, { timeout: 40000 });
  await page.click('[data-testid=train-play]');
  await waitIdle(page);
  const d = await ds(page);
  assert.ok(Number(d.trainAcc) >= 0.95, `accuracy ${d.trainAcc} after ${d.trainStep} steps`);
  assert.ok(Number(d.trainStep) <= 2050, `steps ${d.trainStep}`);
  assert.ok(Number(d.trainLoss) < Number(start.trainLoss) / 2, 'the loss fell');
  assert.ok(Number(await page.locator('[data-testid=train-loss] svg').getAttribute('data-points')) > 10, 'loss curve has points');
  assert.equal(await page.locator('[data-testid=train-loss] path.loss-train').count(), 1);
  assert.ok(Number(await page.locator('[data-testid=train-boundary]').getAttribute('data-frames')) > 2, 'the boundary was redrawn while training');
  // The heatmap has both class colours (blue-ish and orange-ish pixels).
  const colours = await page.locator('[data-testid=train-boundary]').evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let blue = 0, orange = 0;
    for (let i = 0; i < data.length; i += 4 * 37) {
      if (data[i + 2] > data[i] + 30) blue++;
      if (data[i] > data[i + 2] + 30) orange++;
    }
    return { blue, orange };
  });
  assert.ok(colours.blue > 100 && colours.orange > 100, `heatmap colours ${JSON.stringify(colours)}`);
  assert.match(await page.locator('[data-testid=train-metrics]').textContent(), /acc \d+/);
  await shot(page, 'train-moons');

  // The graph panel shows the loss's graph; the inspector shows parameters with grads.
  await page.click('#train-show-graph');
  await page.locator('[data-testid=graph] [data-node-id]').first().waitFor();
  const names = await page.$$eval('[data-testid=graph] .label-title', (els) => els.map((e) => e.textContent));
  for (const n of ['loss', '0.weight', '0.bias', '4.weight']) assert.ok(names.includes(n), `graph has ${n}: ${names}`);
  await page.locator('[data-testid=graph] [data-node-id]').filter({ has: page.locator('.label-title', { hasText: /^0\.weight$/ }) }).click();
  await page.locator('[data-testid=inspector] .insp-title', { hasText: '0.weight' }).waitFor();
  assert.equal(await page.locator('[data-testid=inspector] [data-section=grad] table.tensor-table').count(), 1, 'the grad is shown');
  await shot(page, 'train-graph');
  await page.click('#graph-back');
  assertClean(page);
  await page.context().close();
});

test('pause, single step, reset, learning rate and Copy as PyTorch', async () => {
  const page = await openPage(env.browser, env.url);
  await openTrain(page);
  const fresh = (await ds(page)).trainLoss;
  await page.selectOption('[data-testid=train-spf]', '5');
  await page.click('[data-testid=train-play]');
  await page.waitForFunction(() => Number(document.documentElement.dataset.trainStep) >= 20);
  await page.click('[data-testid=train-play]');
  await waitIdle(page);
  const paused = Number((await ds(page)).trainStep);
  assert.equal(paused % 5, 0, 'whole chunks of steps-per-frame');
  await page.waitForTimeout(500);
  assert.equal(Number((await ds(page)).trainStep), paused, 'paused: the step counter stands still');

  for (let i = 1; i <= 3; i++) {
    await page.click('[data-testid=train-step]');
    await page.waitForFunction((k) => Number(document.documentElement.dataset.trainStep) === k && document.documentElement.dataset.trainBusy === '0', paused + i);
  }
  assert.equal(await page.locator('[data-testid=train-step-count]').textContent(), `step ${paused + 3}`);

  // A new learning rate rewrites the optimizer line and re-creates opt in the session.
  await page.selectOption('[data-testid=train-lr]', '0.03');
  assert.match(await editorText(page), /opt = torch\.optim\.Adam\(model\.parameters\(\), lr=0\.03\)/);
  await page.click('[data-testid=train-step]');
  await page.waitForFunction((k) => Number(document.documentElement.dataset.trainStep) === k && document.documentElement.dataset.trainBusy === '0', paused + 4);
  const lossAfter = Number((await ds(page)).trainLoss);

  // Copy as PyTorch: the whole run, which PyTorch itself reproduces.
  await page.click('#copy-pytorch');
  await page.waitForFunction(() => document.getElementById('share-output').value.includes('for step in range('));
  const script = await page.locator('#share-output').inputValue();
  assert.match(script, /torch\.manual_seed\(0\)/);
  assert.match(script, new RegExp(`for step in range\\(${paused + 3}\\):`));
  assert.match(script, /lr=0\.03\)  # learning rate changed at step/);
  assert.match(script, /for step in range\(1\):/);
  if (fs.existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import torch']).status === 0) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-train-')), 'run.py');
    fs.writeFileSync(file, script + 'print("last step loss:", loss.item())\n');
    const r = spawnSync('/usr/bin/python3', [file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`steps: ${paused + 4}`));
    const py = Number(/last step loss: (\S+)/.exec(r.stdout)[1]);
    assert.ok(Math.abs(py - lossAfter) <= 1e-4 * Math.max(1, Math.abs(py)) + 1e-5, `PyTorch ${py} vs page ${lossAfter}`);
  }

  // Reset: step 0 and the same fresh loss (the seed rebuilds the same data and initialisation).
  await page.click('[data-testid=train-reset]');
  await page.waitForFunction(() => document.documentElement.dataset.trainStep === '0' && document.documentElement.dataset.trainPhase === 'paused');
  await waitIdle(page);
  assert.equal((await ds(page)).trainLoss, fresh);
  assert.equal(Number(await page.locator('[data-testid=train-loss] svg').getAttribute('data-points')), 1);
  assertClean(page);
  await page.context().close();
});

test('every dataset builds; a test split adds a test loss; errors in the model code are positioned; the URL restores', async () => {
  const page = await openPage(env.browser, env.url);
  await openTrain(page);
  for (const dsName of ['circles', 'spirals', 'xor', 'regression', 'moons']) {
    await page.selectOption('[data-testid=train-dataset]', dsName);
    await page.waitForFunction(() => document.documentElement.dataset.trainStep === '0');
    await waitIdle(page);
    await page.click('[data-testid=train-step]');
    await page.waitForFunction(() => document.documentElement.dataset.trainStep === '1' && document.documentElement.dataset.trainBusy === '0');
    assert.ok(await page.locator('[data-testid=error]').isHidden(), `${dsName}: no error`);
    if (dsName === 'regression') {
      assert.match(await editorText(page), /nn\.MSELoss\(\)/);
      await shot(page, 'train-regression');
    }
  }
  await page.selectOption('#train-split', '0.3');
  await waitIdle(page);
  await page.selectOption('[data-testid=train-spf]', '20');
  await page.click('[data-testid=train-play]');
  await page.waitForFunction(() => Number(document.documentElement.dataset.trainStep) >= 200, null, { timeout: 20000 });
  await page.click('[data-testid=train-play]');
  await waitIdle(page);
  assert.match(await page.locator('[data-testid=train-metrics]').textContent(), /test loss .* test acc/);
  assert.equal(await page.locator('[data-testid=train-loss] path.loss-test').count(), 1);
  await shot(page, 'train-split');

  // The URL holds the training state; reloading it restores the mode, the dataset and the code.
  const url = page.url();
  assert.match(url, /mode=train/);
  assert.match(url, /split=0\.3/);
  const page2 = await openPage(env.browser, url);
  await page2.waitForFunction(() => document.documentElement.dataset.mode === 'train' && document.documentElement.dataset.trainPhase === 'paused');
  assert.equal(await page2.locator('#train-split').inputValue(), '0.3');
  assert.equal(await page2.locator('[data-testid=train-dataset]').inputValue(), 'moons');
  assertClean(page2);
  await page2.context().close();

  // A typo in the model code: an error at its line; a model that does not fit the data: the
  // engine's message (no line: it fails in the training loop); fixing it trains again.
  const code = await editorText(page);
  const err = page.locator('[data-testid=error]');
  await setEditorText(page, code.replace('nn.CrossEntropyLoss()', 'nn.CrossEntropyLos()'));
  await page.click('[data-testid=run]');
  await err.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.documentElement.dataset.trainPhase === 'idle');
  assert.match(await err.textContent(), /Line 5/);
  assert.equal(await err.getAttribute('data-line'), '5');
  await setEditorText(page, code.replace('nn.ReLU(), nn.Linear(16, 2)', 'nn.ReLU(), nn.Linear(17, 2)'));
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => /loss_fn\(model\(X\), y\).*shapes cannot be multiplied/.test(document.querySelector('[data-testid=error]').textContent));
  assert.equal(await err.getAttribute('data-line'), '0');
  await shot(page, 'train-error');
  await setEditorText(page, code);
  await page.keyboard.press('Control+Enter');
  await waitIdle(page);
  assert.ok(await err.isHidden());

  // Back to script mode: the script is back and runs.
  await page.click('#mode-script');
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'script');
  await page.locator('[data-testid=graph] [data-node-id]').first().waitFor();
  assertClean(page);
  await page.context().close();
});
