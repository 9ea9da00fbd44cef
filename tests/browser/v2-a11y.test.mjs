// Playground v2, layout and accessibility: axe-core (run inside the page) finds no serious or
// critical violations in script mode (with a graph, a selected node and the stepper log) and in
// training mode; the toolbar is one row at 1280 px; variable chips are not clipped; Tab indents in
// the editor; the server's CSP forbids framing (frame-ancestors works only as a header).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { setup, teardown, openPage, afterRun, assertClean, setEditorText, editorText, graphNode, shot } from './helpers.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

/** axe-core's serious and critical violations on the page, as "rule: target" lines. */
async function axe(page) {
  // Injected through the DevTools protocol (page.evaluate), so the page's CSP is not involved.
  await page.evaluate(axeSource);
  const res = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1] || ''}`));
}

test('axe-core: no serious violations in script mode and training mode', async () => {
  const page = await openPage(env.browser, env.url);
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '04_broadcasting.py'));
  await graphNode(page, 'x').click();
  await page.click('#bw-step');
  await page.click('#bw-step');
  assert.deepEqual(await axe(page), [], 'script mode');
  await page.click('[data-testid=mode-train]');
  await page.waitForFunction(() => document.documentElement.dataset.trainPhase === 'paused', null, { timeout: 20000 });
  assert.deepEqual(await axe(page), [], 'training mode');
  assert.equal(await page.locator('h1').count(), 1);
  assertClean(page);
  await page.context().close();
});

test('toolbar on one row at 1280 px, chips not clipped, stepper log readable, Tab indents', async () => {
  const page = await openPage(env.browser, env.url);
  const mids = await page.$$eval('.topbar > *', (els) => els.filter((e) => e.offsetParent && e.offsetWidth).map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2); }));
  const bar = await page.locator('.topbar').boundingBox();
  assert.ok(bar.height <= 52, `toolbar height ${bar.height}`);
  assert.ok(Math.max(...mids) - Math.min(...mids) <= 6, `one row: ${mids}`);
  const cut = await page.$$eval('.topbar button, .topbar select', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.id || e.textContent));
  assert.deepEqual(cut, [], 'no toolbar control is cut');
  const status = await page.locator('#status').boundingBox();
  assert.ok(status.width >= 60, 'the status keeps some room');
  // Many variables: every chip is fully visible (or reachable by scrolling the chip box vertically), none under the zoom buttons.
  await setEditorText(page, `import torch\n${Array.from({ length: 12 }, (_, i) => `variable_${i} = torch.ones(2, requires_grad=True)`).join('\n')}\nloss = (variable_0 * variable_1).sum()\nloss.backward()\n`);
  await afterRun(page, () => page.click('[data-testid=run]'));
  const zoom = await page.locator('.zoom').boundingBox();
  const chips = await page.$$eval('#vars .chip', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { l: r.left, r: r.right, w: e.scrollWidth, cw: e.clientWidth }; }));
  assert.equal(chips.length, 14, "default + 12 variables + loss");
  for (const c of chips) {
    assert.ok(c.r <= zoom.x + 1, `chip ends at ${c.r}, zoom buttons start at ${zoom.x}`);
    assert.ok(c.w <= c.cw + 1, 'chip text not cut');
  }
  await shot(page, 'v2-toolbar-chips-1280');
  // Stepper log: a two-digit step number is inside the log box.
  await afterRun(page, () => page.selectOption('[data-testid=examples]', '04_broadcasting.py'));
  for (let i = 0; i < 12; i++) await page.click('#bw-step');
  const log = await page.locator('#bw-log').boundingBox();
  assert.ok(log.height >= 100, `log height ${log.height}`);
  const li = await page.locator('#bw-log li').nth(10).evaluate((el) => {
    const r = el.getBoundingClientRect(), p = el.parentElement.getBoundingClientRect();
    return { markerRoom: r.left - p.left };
  });
  assert.ok(li.markerRoom >= 30, `room for the step number ${li.markerRoom}`);
  await shot(page, 'v2-stepper-log');
  // Tab indents inside the editor.
  await setEditorText(page, 'x = 1');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.equal(await editorText(page), '    x = 1');
  assertClean(page);
  await page.context().close();
});

test('the server sends a CSP with frame-ancestors (a meta tag cannot carry it)', async () => {
  const res = await fetch(env.url);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  // Framed by another origin: Chromium refuses to render it.
  const page = await (await env.browser.newContext()).newPage();
  await page.setContent(`<iframe src="${env.url}" width="400" height="300"></iframe>`);
  await page.waitForTimeout(1000);
  const framed = page.frames().find((f) => f.url().startsWith(env.url));
  const loaded = framed ? await framed.evaluate(() => !!document.querySelector('[data-testid=editor]')).catch(() => false) : false;
  assert.equal(loaded, false, 'the playground does not render inside a frame');
  await page.context().close();
});
