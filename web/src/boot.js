// Starts the engine worker, then the main bundle (CodeMirror, the views), so that loading and
// compiling the engine (~5 MB of wasm, most of page load → interactive) overlaps the rest of
// start-up instead of following it. Messages that arrive before EngineClient takes the worker over
// are kept and replayed (see EngineClient). A separate tiny module, the page's only script: it
// imports main.js itself, at the end, which is what makes it run first. (Two module scripts, an
// async boot.js and main.js, ran in whichever order they arrived in: when main.js came first its
// EngineClient started a worker of its own, and boot.js's compiled a second engine for nothing.)
//
// The wasm itself is compiled here, while the worker starts (streaming: compiled as it arrives),
// and handed to the worker as a compiled WebAssembly.Module (cloneable into a worker); a worker
// restarted after Stop gets the same module, so it need not compile again. The worker waits for
// this one {type: 'wasm'} message (module null: it loads the wasm itself).
//
// The bytes come gzipped (engine/tensorlens_wasm.wasm.gz, ~1 MB instead of ~5 MB; index.html
// preloads it) and are inflated here on their way into compileStreaming: in Chromium, moving 5 MB
// from the network service into the page took longer than anything else in start-up (bench:
// roughly 50-60 ms per MB on this 2-core VM; inflating costs a fraction). Hosts differ: one that
// serves the .gz with Content-Encoding: gzip hands over the inflated bytes already, so the first
// bytes decide (gzip's 1f 8b, or wasm's \0asm). Without DecompressionStream, or if any of this
// fails, the plain tensorlens_wasm.wasm; if that fails too, null (the worker's loader tries itself).
const engineFile = (name) => new URL(`./engine/${name}`, import.meta.url);
const asWasm = (body) => new Response(body, { headers: { 'Content-Type': 'application/wasm' } });

async function gzippedWasm() {
  const res = await fetch(engineFile('tensorlens_wasm.wasm.gz'));
  if (!res.ok || !res.body) throw new Error(`engine/tensorlens_wasm.wasm.gz: HTTP ${res.status}`);
  const reader = res.body.getReader();
  // Read until the first two bytes are known; those chunks are put back in front of the rest.
  const head = [];
  let have = 0;
  while (have < 2) {
    const { done, value } = await reader.read();
    if (done) break;
    head.push(value);
    have += value.length;
  }
  const first = head.length ? head[0] : new Uint8Array(0);
  const second = first.length > 1 ? first[1] : head[1]?.[0];
  const body = new ReadableStream({
    start(c) { for (const chunk of head) c.enqueue(chunk); },
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) c.close(); else c.enqueue(value);
    },
    cancel(reason) { return reader.cancel(reason); },
  });
  const gzip = first[0] === 0x1f && second === 0x8b;
  return WebAssembly.compileStreaming(asWasm(gzip ? body.pipeThrough(new DecompressionStream('gzip')) : body));
}

const plainWasm = () => WebAssembly.compileStreaming(fetch(engineFile('tensorlens_wasm.wasm')));

const wasm = typeof WebAssembly.compileStreaming !== 'function'
  ? Promise.resolve(null)
  : (typeof DecompressionStream === 'function' ? gzippedWasm().catch(plainWasm) : plainWasm()).catch(() => null);
const sendWasm = (w) => wasm.then((module) => w.postMessage({ type: 'wasm', module }));
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
sendWasm(worker);
const early = { worker, messages: [], errors: [] };
worker.onmessage = (e) => early.messages.push(e);
worker.onerror = (e) => { e.preventDefault?.(); early.errors.push(e); };
globalThis.__tlEarlyWorker = early;
globalThis.__tlSendWasm = sendWasm;

// Then main.js (index.html preloads it: fetched and compiled meanwhile). It needs the parsed
// document, and it waits for the worker's first message {type: 'started'} (at most 400 ms): in
// Chromium a dedicated worker's start needs this thread, and evaluating main.js and building the
// editor (~200-500 ms of this thread here) held it back by as much — the engine, which is the
// longer path to "interactive", then started that much later. A URL, not a literal: esbuild would
// inline a literal import into this bundle.
let mainStarted = false;
const startMain = () => {
  if (mainStarted) return;
  mainStarted = true;
  import(new URL('./main.js', import.meta.url).href).catch((e) => {
    const status = document.getElementById('status');
    if (status) status.textContent = `Could not load the page's code: ${e.message}`;
    throw e;
  });
};
const afterWorker = () => {
  worker.addEventListener('message', (e) => { if (e.data?.type === 'started') startMain(); });
  setTimeout(startMain, 400);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterWorker, { once: true });
else afterWorker();
