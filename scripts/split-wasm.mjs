// The playground's flavour of the engine: the npm package's single-file loader (dist/tensorlens_wasm.js,
// the wasm embedded as base64 so that it loads with zero configuration) split into a small loader
// and a separate tensorlens_wasm.wasm beside it.
//
//   node scripts/split-wasm.mjs dist/tensorlens_wasm.js OUT_DIR   -> OUT_DIR/tensorlens_wasm.{js,wasm,wasm.gz}
//
// Why: the page's load -> interactive is mostly the engine. From a separate file served as
// application/wasm, Emscripten's loader compiles with WebAssembly.instantiateStreaming (compiling
// while the bytes arrive) instead of downloading ~4.5 MB of JS, parsing it, decoding ~3.4 MB of
// base64 and compiling only then. The loader needs no other change: for a wasmBinaryFile that is
// not a data: URI it fetches locateFile(name) (next to the loader: import.meta.url) and streams it.
// Fails loudly if the loader does not have exactly the one embedded binary this expects.
//
// Also tensorlens_wasm.wasm.gz, the same bytes gzipped (~5 MB -> ~1 MB), which the page fetches
// and inflates itself (DecompressionStream, web/src/boot.js) into compileStreaming: on any static
// host, with or without Content-Encoding on its side. In Chromium moving the bytes from the network
// service into the page costs roughly 50-60 ms per MB here (2 cores), far more than inflating them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [src, outDir] = process.argv.slice(2);
if (!src || !outDir) {
  console.error('usage: node scripts/split-wasm.mjs dist/tensorlens_wasm.js OUT_DIR');
  process.exit(2);
}
const js = fs.readFileSync(src, 'utf8');
// Emscripten 3.1.6, -sSINGLE_FILE=1: var wasmBinaryFile;wasmBinaryFile="data:application/octet-stream;base64,...";
const re = /wasmBinaryFile\s*=\s*"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
const hits = [...js.matchAll(re)];
if (hits.length !== 1) {
  console.error(`split-wasm: expected one embedded wasm binary in ${src}, found ${hits.length}`);
  process.exit(1);
}
const wasm = Buffer.from(hits[0][1], 'base64');
// \0asm, version 1
if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) {
  console.error(`split-wasm: the embedded data in ${src} is not a wasm module`);
  process.exit(1);
}
const name = 'tensorlens_wasm.wasm';
const loader = js.slice(0, hits[0].index) + `wasmBinaryFile="${name}"` + js.slice(hits[0].index + hits[0][0].length);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, name), wasm);
fs.writeFileSync(path.join(outDir, `${name}.gz`), zlib.gzipSync(wasm, { level: 9 }));
fs.writeFileSync(path.join(outDir, 'tensorlens_wasm.js'), loader);
console.log(`split-wasm: ${path.join(outDir, 'tensorlens_wasm.js')} (${(loader.length / 1024).toFixed(0)} KB) + ${name} (${(wasm.length / 1024).toFixed(0)} KB)`);
