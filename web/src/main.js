// The controller: wires the views to the engine worker and keeps the state (and the URL) in sync.
// Views only render what they are given; the worker does all the computing.
import { $, h, clear } from './dom.js';
import { createState, stateToHash, hashToState } from './state.js';
import { EngineClient } from './engine-client.js';
import { EXAMPLES, DEFAULT_EXAMPLE } from './examples.js';
import { createEditor } from './views/editor.js';
import { createGraphView } from './views/graph.js';
import { createInspector } from './views/inspector.js';
import { createStepper } from './views/stepper.js';
import { asPyTorch, graphToDot, download } from './export.js';

const state = createState();
const root = document.documentElement;
let runToken = 0;
let runs = 0;
const gradchecks = new Map(); // `${source}\u0000${name}` -> result | {pending} | {error}

// ---- views ----
const editor = createEditor($('editor'), { onRun: () => run() });
const graphView = createGraphView($('graph'), { onSelect: (id) => selectNode(id) });
const inspector = createInspector($('inspector'), {
  onLine: (span) => editor.highlightLine(span.line, span.col),
  onGradcheck: (node) => gradcheck(node),
});
const stepper = createStepper($('stepper'), { onHighlight: (hl) => graphView.highlight(hl || {}) });

function setStatus(text, kind = '') {
  const el = $('status');
  el.textContent = text;
  el.className = `status ${kind}`;
}

const client = new EngineClient({
  timeoutMs: 10000,
  onBusy: (busy) => {
    state.running = busy;
    $('stop').disabled = !busy;
    root.dataset.busy = busy ? '1' : '0';
  },
  onReady: (msg) => {
    root.dataset.gradcheck = msg.features.gradcheck ? '1' : '0';
    setStatus('Engine ready');
  },
});

// ---- examples ----
const exampleSelect = $('examples');
exampleSelect.append(h('option', { value: '', disabled: true }, 'Your script'));
for (const ex of EXAMPLES) exampleSelect.append(h('option', { value: ex.file }, ex.title));
exampleSelect.addEventListener('change', () => {
  const ex = EXAMPLES.find((e) => e.file === exampleSelect.value);
  if (!ex) return;
  state.var = '';
  state.selectedName = '';
  editor.setValue(ex.source);
  run();
});
const syncExampleSelect = () => {
  const ex = EXAMPLES.find((e) => e.source === editor.getValue());
  exampleSelect.value = ex ? ex.file : '';
};

// ---- running ----
function showError(err) {
  const box = $('error');
  clear(box);
  if (!err) {
    box.hidden = true;
    editor.setError(null);
    return;
  }
  const where = err.line ? `Line ${err.line}, column ${err.col}` : err.kind === 'timeout' || err.kind === 'stopped' ? 'Stopped' : 'Error';
  box.append(h('div', { class: 'error-head' }, h('span', { class: 'error-where' }, where), h('span', { class: 'error-msg' }, err.message)));
  if (err.line) {
    const text = state.source.split('\n')[err.line - 1] ?? '';
    const caret = ' '.repeat(Math.max(0, err.col - 1)) + '^';
    box.append(h('button', { class: 'error-src', title: 'Show in the editor', onclick: () => editor.highlightLine(err.line, err.col) },
      h('code', {}, text), h('code', { class: 'caret' }, caret)));
  }
  box.dataset.line = String(err.line || 0);
  box.dataset.col = String(err.col || 0);
  box.hidden = false;
  editor.setError(err);
}

function finishRun(status) {
  runs++;
  root.dataset.runs = String(runs);
  root.dataset.status = status;
}

async function run() {
  const source = editor.getValue();
  state.source = source;
  syncExampleSelect();
  const token = ++runToken;
  const t0 = performance.now();
  setStatus('Running…', 'busy');
  try {
    const result = await client.request('analyze', { source, var: state.var });
    if (token !== runToken) return;
    state.error = null;
    state.result = result;
    showError(null);
    renderResult();
    setStatus(`Ran in ${Math.round(performance.now() - t0)} ms`, 'ok');
    finishRun('ok');
  } catch (err) {
    if (token !== runToken) return;
    state.error = { message: err.message, line: err.line || 0, col: err.col || 0, kind: err.kind };
    state.result = null;
    showError(state.error);
    $('stdout').textContent = '';
    $('stdout').classList.add('empty');
    renderVars();
    graphView.render(null, 'Fix the error to see the graph.');
    stepper.load(null);
    inspector.render(null);
    setStatus(err.kind ? err.message.split(':')[0] : 'Error', 'bad');
    finishRun('error');
  }
  updateHash();
}

function renderVars() {
  const box = $('vars');
  clear(box);
  const r = state.result;
  if (!r || !r.graph) return;
  const chip = (value, label, title) => {
    const active = value === (state.var || '');
    const b = h('button', { class: `chip${active ? ' active' : ''}`, role: 'option', 'aria-selected': String(active), title, onclick: () => switchVar(value) }, label);
    b.dataset.var = value;
    return b;
  };
  box.append(chip('', r.graph.var && !state.var ? `default: ${r.graph.var}` : 'default', 'The tensor backward() was called on, else the last assigned'));
  for (const name of Object.keys(r.run.tensors)) box.append(chip(name, name, `Draw the graph of ${name}`));
}

function renderGraph() {
  const r = state.result;
  graphView.render(r.graph, r.graph ? '' : r.graphError?.message || 'No graph');
  stepper.load(r.graph);
  // Keep the selection by name across runs; else the first parameter, else the root.
  const nodes = r.graph ? r.graph.nodes : [];
  const pick = (state.selectedName && nodes.find((n) => n.kind === 'tensor' && n.name === state.selectedName))
    || nodes.find((n) => n.kind === 'tensor' && n.is_leaf && n.requires_grad && n.name)
    || nodes.find((n) => n.id === r.graph?.root);
  selectNode(pick ? pick.id : null, { keepName: true });
}

function renderResult() {
  const r = state.result;
  $('stdout').textContent = r.run.stdout || '';
  $('stdout').classList.toggle('empty', !r.run.stdout);
  if (state.var && !r.run.tensors[state.var]) state.var = '';
  renderVars();
  renderGraph();
}

async function switchVar(name) {
  if (!state.result) return;
  state.var = name;
  try {
    state.result.graph = await client.request('graph', { source: state.source, var: name });
    state.result.graphError = null;
  } catch (err) {
    state.result.graph = null;
    state.result.graphError = err;
  }
  renderVars();
  renderGraph();
  updateHash();
}

function nodeById(id) {
  return state.result?.graph?.nodes.find((n) => n.id === id) || null;
}

function fullValues(node) {
  const t = node && node.kind === 'tensor' && node.name ? state.result.run.tensors[node.name] : null;
  if (!t || t.shape.join(',') !== node.shape.join(',')) return null;
  return { data: t.data, grad: t.grad };
}

function renderInspector() {
  const node = nodeById(state.selected);
  const key = node && node.name ? `${state.source}\u0000${node.name}` : '';
  inspector.render(node, { full: fullValues(node), source: state.source, features: client.features, gradcheck: gradchecks.get(key) || null });
}

function selectNode(id, { keepName = false } = {}) {
  const node = nodeById(id);
  state.selected = node ? node.id : null;
  if (!keepName || node) state.selectedName = node && node.kind === 'tensor' ? node.name : '';
  graphView.select(state.selected);
  renderInspector();
  if (!keepName) updateHash();
}

async function gradcheck(node) {
  const key = `${state.source}\u0000${node.name}`;
  gradchecks.set(key, { pending: true });
  renderInspector();
  try {
    gradchecks.set(key, await client.request('gradcheck', { source: state.source, var: node.name }));
  } catch (err) {
    gradchecks.set(key, { error: err.message });
  }
  renderInspector();
}

// ---- URL state and sharing ----
async function updateHash() {
  const hash = await stateToHash(state);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function showSharePanel(title, text) {
  $('share-panel-title').textContent = title;
  const out = $('share-output');
  out.value = text;
  out.rows = Math.min(12, text.split('\n').length);
  $('share-panel').hidden = false;
  out.focus();
  out.select();
}

/** Shows the text (selected, ready to copy) and tries the clipboard; the panel says which worked. */
async function share(titleCopied, titlePlain, text) {
  showSharePanel(titlePlain, text);
  $('share-panel').dataset.ready = '1';
  try {
    await Promise.race([navigator.clipboard.writeText(text), new Promise((_, reject) => setTimeout(reject, 1500))]);
    if ($('share-output').value === text) $('share-panel-title').textContent = titleCopied;
  } catch {
    // No clipboard permission (or no focus): the text stays selected in the panel.
  }
}

$('share-link').addEventListener('click', async () => {
  state.source = editor.getValue();
  await updateHash();
  await share('Link copied:', 'Share this link:', location.href);
});
$('copy-pytorch').addEventListener('click', () => share('Copied as PyTorch:', 'PyTorch script:', asPyTorch(editor.getValue())));
const needGraph = () => {
  const g = state.result?.graph;
  if (!g) setStatus('Run a script with a graph first', 'bad');
  return g;
};
const baseName = () => `tensorlens-${state.result?.graph?.var || 'graph'}`.replace(/[^\w.-]/g, '_');
$('export-svg').addEventListener('click', () => needGraph() && download(`${baseName()}.svg`, graphView.exportSvg(), 'image/svg+xml'));
$('export-dot').addEventListener('click', () => needGraph() && download(`${baseName()}.dot`, graphToDot(state.result.graph), 'text/vnd.graphviz'));
$('export-json').addEventListener('click', () => needGraph() && download(`${baseName()}.json`, JSON.stringify(state.result.graph, null, 2) + '\n', 'application/json'));
$('share-close').addEventListener('click', () => { $('share-panel').hidden = true; });

// ---- toolbar ----
$('run').addEventListener('click', () => run());
$('stop').addEventListener('click', () => client.restart());
$('zoom-in').addEventListener('click', () => graphView.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => graphView.zoomBy(0.8));
$('zoom-fit').addEventListener('click', () => graphView.fit());

// ---- start: a shared link, else the default example ----
/** 'restored' | 'none' | 'corrupt' */
async function restoreFromHash() {
  try {
    const restored = await hashToState(location.hash);
    if (!restored) return 'none';
    state.var = restored.var;
    state.selectedName = restored.node;
    editor.setValue(restored.source);
    return 'restored';
  } catch (err) {
    return 'corrupt';
  }
}

window.addEventListener('hashchange', async () => {
  if ((await restoreFromHash()) === 'restored') run();
});

(async () => {
  const restored = await restoreFromHash();
  if (restored !== 'restored') editor.setValue(EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE).source);
  syncExampleSelect();
  if (restored === 'corrupt') {
    // Not run, so that the message stays until the user runs something.
    showError({ message: 'Could not open the share link (it is damaged or truncated); here is an example instead. Press Run.', line: 0, col: 0 });
    setStatus('Share link damaged', 'bad');
    await client.ready.catch(() => {});
    finishRun('link-error');
    root.dataset.ready = '1';
    return;
  }
  try {
    await client.ready;
  } catch (err) {
    setStatus('Engine failed to load', 'bad');
    showError({ message: err.message, line: 0, col: 0 });
    return;
  }
  await run();
  root.dataset.ready = '1';
})();
