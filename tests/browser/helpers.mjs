// Shared set-up for the playground tests: builds build/web if it is missing, serves it on a free
// port, drives Debian's Chromium through playwright-core, and records everything a page must not
// do (console errors, uncaught errors, CSP violations, dialogs, foreign requests).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { ensureWebBuilt } from '../../scripts/ensure-web.mjs';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const examplesDir = path.join(repo, 'web', 'examples');
export const shotsDir = path.join(repo, 'tests', 'browser', 'screenshots');
export const cliPath = path.join(repo, 'build', 'native', 'tensorlens');

export const exampleFiles = () => fs.readdirSync(examplesDir).filter((f) => f.endsWith('.py')).sort();

/** Builds build/web (scripts/build-web.sh) when it is missing or older than web/ or dist/. */
export const ensureBuilt = () => ensureWebBuilt();

export async function setup() {
  ensureBuilt();
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { server, browser, url: server.url };
}

export async function teardown({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/** A new page with listeners; `page.problems` collects what must never happen. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, waitRuns = 1 } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const origin = new URL(url).origin;
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning' && /Content.Security.Policy/i.test(m.text())) page.problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { page.problems.push(`dialog (${d.type()}): ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) page.problems.push(`foreign request: ${u}`);
  });
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') page.problems.push(`worker console.error: ${m.text()}`); }));
  await page.exposeBinding('__tlViolation', (_src, text) => page.problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__tlViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  await page.goto(url);
  if (waitRuns) await waitRuns_(page, waitRuns);
  return page;
}

const runsOf = (page) => page.evaluate(() => Number(document.documentElement.dataset.runs || 0));
async function waitRuns_(page, n) {
  await page.waitForFunction((k) => Number(document.documentElement.dataset.runs || 0) >= k, n, { timeout: 20000 });
}
export { waitRuns_ as waitRuns, runsOf };

/** Does `action` and waits for the run it triggers to finish. */
export async function afterRun(page, action) {
  const before = await runsOf(page);
  await action();
  await waitRuns_(page, before + 1);
}

export function assertClean(page, what = '') {
  assert.deepEqual(page.problems, [], `page problems ${what}`);
}

/** The native CLI's view of a script: {run} or {error: {line, col, message}}, plus {graph}. */
export function cli(file) {
  assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: build it with 'bash scripts/build-native.sh' (the browser tests compare against the native CLI)`);
  const r = spawnSync(cliPath, ['run', file, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) {
    const m = /:(\d+):(\d+): error: (.*)/.exec(r.stderr);
    assert.ok(m, `unexpected CLI failure for ${file}: ${r.stderr}`);
    return { error: { line: Number(m[1]), col: Number(m[2]), message: m[3] } };
  }
  const graph = JSON.parse(execFileSync(cliPath, ['graph', file, '--format', 'json'], { encoding: 'utf8' }));
  return { run: JSON.parse(r.stdout), graph };
}

/** Numbers of the inspector's table for a section ('value' | 'grad'), row-major. */
export async function inspectorNumbers(page, section) {
  return page.$$eval(`[data-testid=inspector] [data-section=${section}] table.tensor-table td:not(.gap), [data-testid=inspector] [data-section=${section}] .scalar`,
    (tds) => tds.map((td) => Number(td.textContent.replace('inf', 'Infinity'))));
}

export function assertClose(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length ${actual.length} != ${expected.length} (${actual} vs ${expected})`);
  expected.forEach((e, i) => {
    const x = Number(typeof e === 'string' ? e.replace('inf', 'Infinity') : e);
    assert.ok(Math.abs(actual[i] - x) <= 1e-4 * Math.max(1, Math.abs(x)), `${what}[${i}]: ${actual[i]} != ${x}`);
  });
}

/** The editor's text, line by line from CodeMirror's DOM (inside its shadow root). */
export async function editorText(page) {
  return page.locator('[data-testid=editor] .cm-content').evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
}

/** Replaces the editor's text by typing (select all + insertText). */
export async function setEditorText(page, text) {
  await page.locator('[data-testid=editor] .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export async function shot(page, name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** The drawn graph node whose title (variable name or op) is exactly `label`. */
export function graphNode(page, label) {
  return page.locator('[data-testid=graph] [data-node-id]').filter({ has: page.locator('.label-title', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
}
