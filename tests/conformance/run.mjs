#!/usr/bin/env node
// Native conformance runner: runs every tests/conformance/scripts/*.py through
// `tensorlens run SCRIPT --json` and compares the result with its PyTorch golden.
//
//   node tests/conformance/run.mjs [SUBSTRING ...]     (only scripts whose name contains one)
//   TENSORLENS_BIN=/path/to/tensorlens node tests/conformance/run.mjs
//
// Prints one line per failing script, then exactly `N passed, N failed`; exits 1 on any failure.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compare, parseCliResult } from "./compare.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const scriptsDir = join(here, "scripts");
const goldensDir = join(here, "goldens");
const bin = resolve(root, process.env.TENSORLENS_BIN || "build/native/tensorlens");
const TIMEOUT_MS = 60_000;

const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const names = readdirSync(scriptsDir)
  .filter((n) => n.endsWith(".py"))
  .map((n) => n.slice(0, -3))
  .filter((n) => filters.length === 0 || filters.some((f) => n.includes(f)))
  .sort();

function runOne(name) {
  const script = relative(root, join(scriptsDir, `${name}.py`));
  return new Promise((done) => {
    execFile(bin, ["run", script, "--json"],
             { cwd: root, timeout: TIMEOUT_MS, maxBuffer: 256 << 20, encoding: "utf8" },
             (err, stdout, stderr) => {
               if (err && typeof err.code !== "number" && !err.signal) {
                 done({ ok: false, crash: `could not run ${bin}: ${err.message}` });
                 return;
               }
               done(parseCliResult({
                 status: err ? (typeof err.code === "number" ? err.code : null) : 0,
                 signal: err && err.signal ? err.signal : null,
                 timedOut: Boolean(err && err.killed && err.signal === "SIGTERM"),
                 stdout, stderr,
               }));
             });
  });
}

async function main() {
  if (names.length === 0) {
    console.log(`no conformance script matches ${JSON.stringify(filters)}`);
    console.log("0 passed, 0 failed");
    return 1;
  }
  if (!existsSync(bin)) {
    console.log(`FAIL tensorlens binary not found at ${bin} (build it, or set TENSORLENS_BIN)`);
    console.log(`0 passed, ${names.length} failed`);
    return 1;
  }
  const results = new Map();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      const goldenPath = join(goldensDir, `${name}.json`);
      if (!existsSync(goldenPath)) {
        results.set(name, ["no golden; run `npm run conformance:regen`"]);
        continue;
      }
      let golden;
      try {
        golden = JSON.parse(readFileSync(goldenPath, "utf8"));
      } catch (e) {
        results.set(name, [`unreadable golden: ${e.message}`]);
        continue;
      }
      results.set(name, compare(golden, await runOne(name)));
    }
  };
  const jobs = Math.max(1, Math.min(4, availableParallelism()));
  await Promise.all(Array.from({ length: jobs }, worker));

  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const problems = results.get(name);
    if (problems.length === 0) {
      passed++;
      continue;
    }
    failed++;
    console.log(`FAIL ${name}: ${problems.join("; ")}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
