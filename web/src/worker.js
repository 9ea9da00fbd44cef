// The engine's worker: loads the npm module (copied to ./engine/ by scripts/build-web.sh) and
// answers the controller's requests. Everything crossing back is plain JSON-like data.
const enginePromise = import(new URL('./engine/index.js', import.meta.url).href).then((m) => m.init());

const errorData = (e) => ({
  message: String(e && e.message ? e.message : e),
  line: Number(e && e.line) || 0,
  col: Number(e && e.col) || 0,
  name: (e && e.name) || 'Error',
});

function graphOf(tl, source, name, run) {
  // A variable that no longer exists after an edit falls back to the engine's default.
  const wanted = name && run.tensors[name] ? name : '';
  try {
    return { graph: tl.graph(source, { var: wanted }), graphError: null };
  } catch (e) {
    return { graph: null, graphError: errorData(e) };
  }
}

const handlers = {
  analyze(tl, { source, var: name }) {
    const run = tl.run(source);
    const { graph, graphError } = Object.keys(run.tensors).length
      ? graphOf(tl, source, name, run)
      : { graph: null, graphError: { message: 'The script made no tensors yet.', line: 0, col: 0 } };
    return { run, graph, graphError };
  },
  graph(tl, { source, var: name }) {
    return tl.graph(source, { var: name });
  },
  gradcheck(tl, { source, var: name }) {
    if (typeof tl.gradcheck !== 'function') throw new Error('gradcheck is not available in this engine build');
    return tl.gradcheck(source, name);
  },
};

enginePromise.then(
  (tl) => postMessage({ type: 'ready', features: { gradcheck: typeof tl.gradcheck === 'function' } }),
  (e) => postMessage({ type: 'init-error', message: `could not load the engine: ${errorData(e).message}` }),
);

self.onmessage = async (e) => {
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
