// Starts the engine worker before the main bundle (CodeMirror, the views) is evaluated, so that
// loading and compiling the engine (~3.6 MB, most of page load → interactive) overlaps the rest of
// start-up instead of following it. Messages that arrive before EngineClient takes the worker over
// are kept and replayed (see EngineClient). A separate tiny module: it runs first (module scripts
// run in document order) and shares nothing with main.js but this one global.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const early = { worker, messages: [], errors: [] };
worker.onmessage = (e) => early.messages.push(e);
worker.onerror = (e) => { e.preventDefault?.(); early.errors.push(e); };
globalThis.__tlEarlyWorker = early;
