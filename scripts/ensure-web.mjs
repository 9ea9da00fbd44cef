// Builds build/web (scripts/build-web.sh) when it is missing or older than web/ or dist/, under a
// lock directory, so that parallel test files and a bench run never build at once: one builds,
// the others wait for it. Used by tests/browser/helpers.mjs and bench/browser/playground_bench.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Returns once build/web is up to date; throws if scripts/build-web.sh fails. */
export function ensureWebBuilt({ log = () => {}, stdio = 'inherit' } = {}) {
  const index = path.join(repo, 'build', 'web', 'index.html');
  const stale = () => !fs.existsSync(index)
    || fs.statSync(index).mtimeMs < Math.max(newestMtime(path.join(repo, 'web')), newestMtime(path.join(repo, 'dist')));
  if (!stale()) return;
  const lock = path.join(repo, 'build', 'web.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let i = 0; ; i++) {
    try { fs.mkdirSync(lock); break; } catch (e) {
      if (e.code !== 'EEXIST' || i > 600) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!stale()) return;
    log('building build/web (scripts/build-web.sh) …');
    const r = spawnSync('bash', [path.join(repo, 'scripts', 'build-web.sh')], { stdio });
    if (r.status !== 0) throw new Error('scripts/build-web.sh failed');
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
