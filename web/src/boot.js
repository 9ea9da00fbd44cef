// Starts the engine worker before the main bundle (CodeMirror, the views) is evaluated, so that
// loading and compiling the engine (~3.3 MB of wasm, most of page load → interactive) overlaps the
// rest of start-up instead of following it. Messages that arrive before EngineClient takes the
// worker over are kept and replayed (see EngineClient). A separate tiny module: it runs first
// (module scripts run in document order) and shares nothing with main.js but these globals.
//
// The wasm itself is compiled here, while the worker starts (streaming: compiled as it arrives),
// and handed to the worker as a compiled WebAssembly.Module (cloneable into a worker); a worker
// restarted after Stop gets the same module, so it need not compile again. The worker waits for
// this one {type: 'wasm'} message (module null: it loads the wasm itself).
const wasm = typeof WebAssembly.compileStreaming === 'function'
  ? WebAssembly.compileStreaming(fetch(new URL('./engine/tensorlens_wasm.wasm', import.meta.url))).catch(() => null)
  : Promise.resolve(null);
const sendWasm = (w) => wasm.then((module) => w.postMessage({ type: 'wasm', module }));
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
sendWasm(worker);
const early = { worker, messages: [], errors: [] };
worker.onmessage = (e) => early.messages.push(e);
worker.onerror = (e) => { e.preventDefault?.(); early.errors.push(e); };
globalThis.__tlEarlyWorker = early;
globalThis.__tlSendWasm = sendWasm;
