// Share links (round trip, exact restore), "copy as PyTorch", graph exports, and security: user
// text never becomes HTML (an XSS payload in a script and in a link executes nothing), the CSP
// holds, and the page requests nothing beyond its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { setup, teardown, openPage, afterRun, assertClean, editorText, setEditorText, waitRuns, graphNode, shot } from './helpers.mjs';

const XSS = '<img src=x onerror=alert(1)>';
let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

/** Clicks a share button and returns the text the share panel then shows. */
async function shareText(page, buttonSelector) {
  await page.$eval('#share-output', (el) => { el.value = ''; });
  await page.click(buttonSelector);
  await page.waitForFunction(() => document.getElementById('share-output').value !== '');
  return page.locator('#share-output').inputValue();
}

async function readDownload(page, buttonSelector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(buttonSelector)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

test('a share link restores the script exactly', async () => {
  const page = await openPage(env.browser, env.url);
  const script = 'import torch\n# unicode ✓ — naïve "quotes" & <tags>\nq = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)\nr = (q ** 2).mean()\nr.backward()\n\n  \n';
  await setEditorText(page, script);
  await afterRun(page, () => page.click('[data-testid=run]'));
  await graphNode(page, 'q').click();
  const link = await shareText(page, '#share-link');
  assert.match(link, /#code=(z|b)\./);
  await shot(page, 'share-panel');

  const page2 = await openPage(env.browser, link);
  assert.equal(await editorText(page2), script, 'editor text restored exactly');
  assert.equal(await page2.locator('[data-testid=inspector] .insp-title').textContent(), 'q', 'selection restored');
  assert.ok((await page2.locator('[data-testid=graph] [data-node-id]').count()) > 0);
  assertClean(page);
  assertClean(page2);
  await page.context().close();
  await page2.context().close();
});

test('copy as PyTorch and the SVG, DOT and JSON exports', async () => {
  const page = await openPage(env.browser, env.url);
  const body = 'x = torch.tensor([1., 2.], requires_grad=True)\ny = (x * x).sum()\ny.backward()\n';
  await setEditorText(page, body);
  const py = await shareText(page, '#copy-pytorch');
  assert.equal(py, 'import torch\n\n' + body, 'import torch on top');
  await setEditorText(page, py);
  assert.equal(await shareText(page, '#copy-pytorch'), py, 'no second import');
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.ok(await page.locator('[data-testid=error]').isHidden());

  const svg = await readDownload(page, '#export-svg');
  assert.match(svg.name, /\.svg$/);
  assert.match(svg.text, /^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(!/<script|onerror|onload/i.test(svg.text));
  const labels = [...svg.text.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  assert.ok(labels.includes('x') && labels.includes('mul'), `svg labels: ${labels}`);

  const dot = await readDownload(page, '#export-dot');
  assert.match(dot.text, /^digraph "y" \{/);
  assert.match(dot.text, /label="x\\n\[2\] float32/);
  assert.match(dot.text, /n\d+ -> n\d+;/);
  if (fs.existsSync('/usr/bin/dot')) {
    const r = spawnSync('/usr/bin/dot', ['-Tsvg'], { input: dot.text, encoding: 'utf8' });
    assert.equal(r.status, 0, `Graphviz accepts the DOT export: ${r.stderr}`);
  }

  const json = JSON.parse((await readDownload(page, '#export-json')).text);
  assert.equal(json.nodes.length, await page.locator('[data-testid=graph] [data-node-id]').count());
  assertClean(page);
  await page.context().close();
});

test('an XSS payload in a script and in a share link executes nothing', async () => {
  const page = await openPage(env.browser, env.url);
  const script = `import torch\n# ${XSS}\nx = torch.tensor([1.], requires_grad=True)\nprint("${XSS}")\n(x * 2).sum().backward()\nprint("</pre><script>alert(2)</script>")\n`;
  await setEditorText(page, script);
  await afterRun(page, () => page.click('[data-testid=run]'));
  assert.equal(await page.locator('#stdout').textContent(), `${XSS}\n</pre><script>alert(2)</script>\n`, 'printed as text');
  // An engine error quoting the payload.
  await setEditorText(page, `import torch\nx = torch.tensor([1.])\ny = x.${'img'}(1)  # ${XSS}\nz = torch.ones(2, 3).mm(torch.ones(2, 3))\n`);
  await afterRun(page, () => page.click('[data-testid=run]'));

  // A crafted link: the payload as the script, the variable and the selected node.
  const base = (await shareText(page, '#share-link')).split('#')[0];
  const code = await page.evaluate(async (text) => {
    const bytes = new TextEncoder().encode(text);
    return 'b.' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, `import torch\n${XSS} = 1\n`);
  const evil = `${base}#code=${code}&var=${encodeURIComponent(XSS)}&node=${encodeURIComponent(XSS)}`;
  const page2 = await openPage(env.browser, evil);
  assert.match(await editorText(page2), /<img src=x onerror=alert\(1\)> = 1/);
  await page2.locator('[data-testid=error]').waitFor({ state: 'visible' });
  // Also a hash that is not a share link at all, and a corrupt one.
  const page3 = await openPage(env.browser, `${base}#${XSS}`);
  const page4 = await openPage(env.browser, `${base}#code=z.${encodeURIComponent(XSS)}`);
  await page4.locator('[data-testid=error]', { hasText: 'share link' }).waitFor();
  for (const p of [page, page2, page3, page4]) {
    await p.waitForTimeout(100);
    assert.equal(await p.locator('img[src="x"]').count(), 0, 'no <img> from user text');
    assert.equal(await p.locator('[data-testid] script, pre script').count(), 0, 'no <script> from user text');
    assertClean(p, 'with XSS payloads');
    await p.context().close();
  }
});

test('the CSP meta tag is strict and the page loads only its own files', async () => {
  const page = await openPage(env.browser, env.url);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  // Scripts: no eval, no inline. Styles may be inline (CodeMirror sets style attributes when
  // text is replaced wholesale, e.g. by a paste over a selection).
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.doesNotMatch(scriptSrc, /[^-]unsafe-eval|unsafe-inline/);
  assert.doesNotMatch(csp, /[^-]unsafe-eval/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline scripts');
  const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)));
  assert.deepEqual(handlers, [], 'no inline event handlers');
  assertClean(page);
  await page.context().close();
});
