// `npm pack` → a brand-new project installs the tarball → the README example works in Node and
// in a Chromium page (Debian's chromium through playwright-core; no browser download).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = `
import { init } from 'tensorlens';
const tl = await init();
const a = tl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
const b = tl.tensor([[5, 6], [7, 8]], { requiresGrad: true });
const e = a.mm(b).relu().add(a).sum();
e.backward();
const out = { loss: e.item(), grad: a.grad.toArray(), run: tl.run('import torch\\nx = torch.ones(2) * 3\\n').tensors.x.data };
`;

test('the packed tarball installs into a new project and works in Node and in Chromium', { timeout: 180000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-pack-'));
  try {
    const tgzName = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: repo, encoding: 'utf8' }).trim().split('\n').pop();
    const files = execFileSync('tar', ['-tzf', join(dir, tgzName)], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const f of ['dist/tensorlens_wasm.js', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'LICENSE', 'CHANGELOG.md', 'docs/API.md'])
      assert.ok(files.includes(`package/${f}`), `${f} missing: ${files.join(' ')}`);
    assert.ok(!files.some((f) => f.startsWith('package/engine/') || f.startsWith('package/tests/')), 'only what users need');
    const proj = join(dir, 'app');
    execFileSync('mkdir', ['-p', proj]);
    writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(dir, tgzName)], { cwd: proj, stdio: 'pipe' });

    // Node
    writeFileSync(join(proj, 'main.mjs'), example + 'console.log(JSON.stringify(out));\n');
    const nodeOut = JSON.parse(execFileSync('node', ['main.mjs'], { cwd: proj, encoding: 'utf8' }));
    assert.deepEqual(nodeOut.grad, [[12, 16], [12, 16]]);
    assert.deepEqual(nodeOut.run, [3, 3]);
    // CommonJS: require() (no ESM loader involved)
    writeFileSync(join(proj, 'main.cjs'), `const { init } = require('tensorlens');
init().then((tl) => { const a = tl.tensor([1, 2], { requiresGrad: true }); a.mul(a).sum().backward(); console.log(JSON.stringify(a.grad.toArray())); });\n`);
    assert.equal(execFileSync('node', ['main.cjs'], { cwd: proj, encoding: 'utf8' }).trim(), '[2,4]');

    // Chromium: a static page importing the installed package (an import map resolves the bare name).
    writeFileSync(join(proj, 'index.html'), `<!doctype html><meta charset="utf-8">
<script type="importmap">{"imports": {"tensorlens": "./node_modules/tensorlens/dist/index.js"}}</script>
<script type="module">${example}
document.title = 'done';
document.body.textContent = JSON.stringify(out);
</script>`);
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };
    const server = createServer((req, res) => {
      const p = normalize(join(proj, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
      if (!p.startsWith(proj)) return res.writeHead(403).end();
      try {
        const body = readFileSync(p.endsWith('/') ? join(p, 'index.html') : p);
        res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      await page.waitForFunction(() => document.title === 'done', null, { timeout: 60000 });
      const pageOut = JSON.parse(await page.textContent('body'));
      assert.deepEqual(pageOut.grad, [[12, 16], [12, 16]]);
      assert.deepEqual(pageOut.run, [3, 3]);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
