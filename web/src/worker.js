// The engine's worker: runs the npm module and answers the controller's requests. Everything
// crossing back is plain JSON-like data. 'tensorlens-engine' is the npm module's wrapper with the
// wasm loader split from its binary (scripts/split-wasm.mjs), bundled into this file by
// scripts/build-web.sh: one request, not a chain of three module fetches before the engine starts.
import { init } from 'tensorlens-engine';
import { trainHandlers, errorData, toNum } from './train/worker-train.js';
import { TORCH_DEFAULT_SEED, MAX_INJECT, findUse, probeSource, checkSource, userLine } from './gradcheck-plan.js';

// Start-up timing (epoch ms), sent with 'ready' for the bench: worker start, wasm module at hand, engine ready.
const timing = { start: Date.now(), module: 0, ready: 0 };
// For boot.js, which starts main.js once this worker runs (EngineClient ignores it: no id).
postMessage({ type: 'started' });
// The page sends the engine's wasm compiled (boot.js) as the first message {type: 'wasm', module};
// module null: this worker fetches and compiles engine/tensorlens_wasm.wasm itself.
let takeWasm;
const wasmModule = new Promise((resolve) => { takeWasm = resolve; });
const wasmUrl = new URL('./engine/tensorlens_wasm.wasm', import.meta.url);
const compileOwn = () => (typeof WebAssembly.compileStreaming === 'function'
  ? WebAssembly.compileStreaming(fetch(wasmUrl))
  : fetch(wasmUrl).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)));
const enginePromise = wasmModule
  .then((wasm) => wasm || compileOwn())
  .then((wasm) => { timing.module = Date.now(); return init({ wasm }); });


function graphOf(tl, source, name, run) {
  // A variable that no longer exists after an edit falls back to the engine's default.
  const wanted = name && run.tensors[name] ? name : '';
  try {
    return { graph: tl.graph(source, { var: wanted }), graphError: null };
  } catch (e) {
    return { graph: null, graphError: errorData(e) };
  }
}

// A script run starts from the random state of a fresh PyTorch process (torch's default seed), as
// the CLI does: an unseeded torch.randn draws the same numbers on every run, and the graph (which
// runs the script again) shows the same values as the run.
const freshRng = (tl) => tl.manualSeed(TORCH_DEFAULT_SEED);

const handlers = {
  ...trainHandlers,
  analyze(tl, { source, var: name }) {
    freshRng(tl);
    const run = tl.run(source);
    freshRng(tl);
    // Always asked: tensors made inside a function are no variables, yet their graph (the root of
    // the last backward) exists; the engine says when there is nothing to draw.
    const { graph, graphError } = graphOf(tl, source, name, run);
    return { run, graph, graphError };
  },
  graph(tl, { source, var: name }) {
    freshRng(tl);
    return tl.graph(source, { var: name });
  },
  /** Gradcheck of the gradient the inspector shows for `name` (see gradcheck-plan.js). */
  gradcheck(tl, { source, var: name }) {
    if (typeof tl.gradcheck !== 'function') throw new Error('gradcheck is not available in this engine build');
    freshRng(tl);
    const run = tl.run(source);
    const shown = run.tensors[name];
    if (!shown) throw new Error(`gradcheck: no tensor variable named '${name}'`);
    if (!shown.grad) return { cannot: `${name}.grad is None: there is no gradient to check` };
    freshRng(tl);
    const use = findUse(source, tl.graph(source, { var: '' }), name);
    if (use.reason) return { cannot: use.reason };
    let probe;
    try {
      probe = tl.run(probeSource(source, use, name));
    } catch (e) {
      return { cannot: `the script could not be re-run with a probe before line ${use.line} (${errorData(e).message})` };
    }
    const k = Number(probe.tensors.tl_gc_k.data[0]);
    const v = probe.tensors.tl_gc_v;
    const values = v && v.data.length <= MAX_INJECT && v.data.every((x) => typeof x === 'number') ? v.data : null;
    let r;
    try {
      r = tl.gradcheck(checkSource(source, use, name, k, values), 'tl_gc_x');
    } catch (e) {
      const d = errorData(e);
      throw Object.assign(new Error(d.message.replaceAll('tl_gc_x', name)), { line: userLine(d.line, use), col: d.col });
    }
    // The float64 re-run's analytic gradient must be the one shown (float32), else the check is of
    // something else: say so instead of reporting a pass or a failure of the shown gradient.
    let worst = 0;
    r.analytic.forEach((a, i) => {
      const g = toNum(shown.grad[i]);
      worst = Math.max(worst, Math.abs(toNum(a) - g) / Math.max(1, Math.abs(g)));
    });
    r.var = name;
    r.matchesShown = worst <= 1e-3;
    r.shownDiff = worst;
    r.how = `re-ran in float64 from torch.manual_seed(${TORCH_DEFAULT_SEED}); perturbed ${name} where the last backward's graph uses it (line ${use.line}${k > 1 ? `, its ${k}th run` : ''})${values ? ' at the values it had there' : ''}`;
    return r;
  },
};

enginePromise.then(
  (tl) => postMessage({ type: 'ready', timing: { ...timing, ready: Date.now() }, features: { gradcheck: typeof tl.gradcheck === 'function' } }),
  (e) => postMessage({ type: 'init-error', message: `could not load the engine: ${errorData(e).message}` }),
);

self.onmessage = async (e) => {
  if (e.data && e.data.type === 'wasm') return takeWasm(e.data.module || null);
  const { id, type, ...payload } = e.data;
  try {
    const tl = await enginePromise;
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request ${type}`);
    postMessage({ id, ok: true, result: handler(tl, payload) });
  } catch (err) {
    postMessage({ id, ok: false, error: errorData(err) });
  }
};
