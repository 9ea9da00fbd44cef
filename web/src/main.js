// The controller: wires the views to the engine worker and keeps the state (and the URL) in sync.
// Views only render what they are given; the worker does all the computing.
import { $, h, clear } from './dom.js';
import { createState, stateToHash, hashToState, ShareLinkTooLarge } from './state.js';
import { EngineClient } from './engine-client.js';
import { EXAMPLES, DEFAULT_EXAMPLE } from './examples.js';
import { createEditor } from './views/editor.js';
import { createGraphView } from './views/graph.js';
import { createInspector } from './views/inspector.js';
import { createStepper } from './views/stepper.js';
import { asPyTorch, graphToDot, download } from './export.js';
import { createTrainPanel } from './train/panel.js';
import { STEPS_PER_FRAME } from './train/controller.js';
import { normalizeDataOptions } from './train/datasets.js';
import { templateFor } from './train/program.js';
import { fmt } from './format.js';
import { findNonFinite, gradFnOf, chainRule } from './explain.js';
import { collapseLoops } from './collapse.js';
import { structure } from './clusters.js';
import { DAGRE_MAX_NODES } from './views/layout.js';

const state = createState();
const root = document.documentElement;
let runToken = 0;
let runs = 0;
const gradchecks = new Map(); // `${source}\u0000${name}` -> result | {pending} | {error}

// ---- views ----
const editor = createEditor($('editor'), { onRun: () => run(), onHoverLine: (line) => linkLine(line) });
const graphView = createGraphView($('graph'), { onSelect: (id) => selectNode(id), onHover: (id) => linkNode(id), onToggleCluster: (id) => toggleModule(id) });
const inspector = createInspector($('inspector'), {
  onLine: (span) => editor.highlightLine(span.line, span.col),
  onGradcheck: (node) => gradcheck(node),
  onExpand: () => expandGroups(),
  onExpandModule: (id) => toggleModule(id),
  onExpandComposites: () => { structureOpts.expandComposites = true; rerender(); },
});
const stepper = createStepper($('stepper'), { onHighlight: (hl) => graphView.highlight(drawnHighlight(hl || {})) });

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

// ---- failures: one display path for every kind (engine error, a view that failed, a bad link) ----
/**
 * Shows a failure in the error box (and inline in the editor when it has a line), or clears it
 * (null). {message, line, col, kind}: kind 'timeout' | 'stopped' | 'view' | 'link' | engine errors.
 * It never touches the printed output: what the script printed stays visible whatever failed.
 */
function showFailure(err) {
  const box = $('error');
  clear(box);
  if (!err) {
    box.hidden = true;
    editor.setError(null);
    return;
  }
  const where = err.line ? `Line ${err.line}, column ${err.col}`
    : err.kind === 'timeout' || err.kind === 'stopped' ? 'Stopped'
      : err.kind === 'view' ? 'Display' : err.kind === 'link' ? 'Share link' : 'Error';
  box.append(h('div', { class: 'error-head' }, h('span', { class: 'error-where' }, where), h('span', { class: 'error-msg' }, err.message)));
  if (err.line) {
    const text = state.source.split('\n')[err.line - 1] ?? '';
    const caret = ' '.repeat(Math.max(0, err.col - 1)) + '^';
    box.append(h('button', { class: 'error-src', title: 'Show in the editor', onclick: () => editor.highlightLine(err.line, err.col) },
      h('code', {}, text), h('code', { class: 'caret' }, caret)));
  }
  box.dataset.line = String(err.line || 0);
  box.dataset.col = String(err.col || 0);
  box.dataset.kind = err.kind || 'error';
  box.hidden = false;
  editor.setError(err.line ? err : null);
}
// The message as Python prints it: `TypeName: message` (the CLI's form).
const typed = (err) => (err.type && !String(err.message).startsWith(`${err.type}:`) ? `${err.type}: ${err.message}` : err.message);
const failureOf = (err, kind) => ({ message: typed(err), line: err.line || 0, col: err.col || 0, kind: kind || err.kind });

/**
 * Runs one view's render; a view that throws is reported (kind 'view') instead of taking the rest
 * of the page down with it. window.__tlTestFailView (set only by the browser tests) names a view to
 * fail, to prove the output survives.
 */
function guardView(name, fn) {
  try {
    if (window.__tlTestFailView === name) throw new Error('test-injected failure');
    fn();
    return null;
  } catch (e) {
    console.warn(`tensorlens: the ${name} view failed`, e);
    return { message: `The ${name} view could not be drawn (${e.message}). The script ran; its printed output is shown.`, line: 0, col: 0, kind: 'view' };
  }
}

function showStdout(text) {
  $('stdout').textContent = text || '';
  $('stdout').classList.toggle('empty', !text);
}

function clearViews(message) {
  renderVars();
  $('nan-finder').hidden = true;
  guardView('graph', () => graphView.render(null, message));
  stepper.load(null);
  inspector.render(null);
}

function finishRun(status) {
  runs++;
  root.dataset.runs = String(runs);
  root.dataset.status = status;
}

async function run() {
  if (state.mode === 'train') return trainPanel.reset();
  const source = editor.getValue();
  state.source = source;
  syncExampleSelect();
  const token = ++runToken;
  const t0 = performance.now();
  setStatus('Running…', 'busy');
  let result;
  try {
    // A Run while the engine is busy cancels what it is doing (see EngineClient.request).
    result = await client.request('analyze', { source, var: state.var }, { supersede: true });
  } catch (err) {
    if (token !== runToken || err.kind === 'superseded') return;
    state.error = failureOf(err);
    state.result = null;
    showFailure(state.error);
    showStdout(err.stdout || '');
    clearViews('Fix the error to see the graph.');
    setStatus(err.kind ? err.message.split(':')[0] : 'Error', 'bad');
    finishRun('error');
    updateHash();
    return;
  }
  if (token !== runToken) return;
  state.error = null;
  state.result = result;
  expanded = false;
  structureOpts = { expandComposites: false, collapsed: null };
  showFailure(null);
  const failed = renderResult();
  setStatus(failed ? 'Ran; a view failed' : `Ran in ${Math.round(performance.now() - t0)} ms`, failed ? 'bad' : 'ok');
  finishRun(failed ? 'view-error' : 'ok');
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

/** Draws state.result's graph; returns a failure ({kind: 'view'}) or null. */
// What the graph view draws: the graph with repeated loop bodies collapsed into group nodes, until
// the user expands them (per run). nodeIndex finds any node, drawn, hidden or group.
// Before that, structure (clusters.js): composite ops drawn as one op, module calls boxed (a
// collapsed call is one node); `alias` maps a node that is not drawn to the node drawn for it.
let shown = { graph: null, groups: new Map() };
let expanded = false;
let nodeIndex = new Map();
let structured = { graph: null, alias: new Map(), clusters: [], clusterOf: new Map() };
let structureOpts = { expandComposites: false, collapsed: null }; // collapsed: null = not decided for this run yet

const drawnId = (id) => (id === null || id === undefined ? id : structured.alias.get(id) ?? id);
function drawnHighlight(hl) {
  const m = (ids) => ids.map(drawnId);
  return { ...hl, active: drawnId(hl.active ?? null), targets: m(hl.targets || []), done: new Set(m([...(hl.done || [])])),
    edges: (hl.edges || []).map(([a, b]) => [drawnId(a), drawnId(b)]).filter(([a, b]) => a !== b),
    label: hl.label ? { ...hl.label, from: drawnId(hl.label.from), to: drawnId(hl.label.to) } : null };
}

function renderGraph() {
  const r = state.result;
  if (!structureOpts.collapsed) {
    // Big graphs start with their outermost module calls collapsed (one node per call).
    const all = structure(r.graph, { expandComposites: structureOpts.expandComposites });
    const top = all.graph && all.graph.nodes.length > DAGRE_MAX_NODES ? all.clusters.filter((c) => !c.parent).map((c) => c.id) : [];
    structureOpts.collapsed = new Set(top);
    structured = top.length ? structure(r.graph, structureOpts) : all;
  } else structured = structure(r.graph, structureOpts);
  shown = !structured.graph || expanded ? { graph: structured.graph, groups: new Map() } : collapseLoops(structured.graph);
  nodeIndex = new Map([...(r.graph ? r.graph.nodes : []), ...(shown.graph ? shown.graph.nodes : [])].map((n) => [n.id, n]));
  const drawnIds = new Set(shown.graph ? shown.graph.nodes.map((n) => n.id) : []);
  const clusters = structured.clusters.map((c) => ({ ...c, nodes: c.nodes.filter((id) => drawnIds.has(id)) })).filter((c) => c.nodes.length);
  const kept = new Set(clusters.map((c) => c.id));
  const clusterOf = new Map([...structured.clusterOf].filter(([id, c]) => drawnIds.has(id) && kept.has(c)));
  for (const c of clusters) while (c.parent && !kept.has(c.parent)) c.parent = structured.clusters.find((p) => p.id === c.parent)?.parent || 0;
  const failed = guardView('graph', () => graphView.render(shown.graph, r.graph ? '' : r.graphError?.message || 'No graph', { clusters, clusterOf }));
  if (failed) guardView('graph', () => graphView.render(null, failed.message));
  stepper.load(failed ? null : r.graph);
  if (!failed) guardView('NaN finder', renderNanFinder);
  // Keep the selection by name across runs; else the first parameter, else the root.
  const nodes = shown.graph ? shown.graph.nodes : [];
  const pick = (state.selectedName && nodes.find((n) => n.kind === 'tensor' && n.name === state.selectedName))
    || nodes.find((n) => n.kind === 'tensor' && n.is_leaf && n.requires_grad && n.name)
    || nodes.find((n) => n.id === r.graph?.root);
  selectNode(pick ? pick.id : null, { keepName: true });
  return failed;
}

/** Shows a successful run: the printed output first (never lost), then the views, each guarded. */
function renderResult() {
  const r = state.result;
  showStdout(r.run.stdout);
  if (state.var && !r.run.tensors[state.var]) state.var = '';
  const failed = guardView('variables', renderVars) || renderGraph();
  if (failed) showFailure(failed);
  return failed;
}

async function switchVar(name) {
  if (!state.result) return;
  state.var = name;
  if (state.mode === 'train') return trainPanel.inspect();
  try {
    expanded = false;
    structureOpts = { expandComposites: false, collapsed: null };
    state.result.graph = await client.request('graph', { source: state.source, var: name });
    state.result.graphError = null;
  } catch (err) {
    state.result.graph = null;
    state.result.graphError = err;
  }
  renderVars();
  const failed = renderGraph();
  showFailure(failed || state.error);
  updateHash();
}

function nodeById(id) {
  return nodeIndex.get(id) || null;
}

/** Collapses or expands one module call's cluster; keeps the selection (or selects the call). */
function toggleModule(id) {
  const c = structureOpts.collapsed || new Set();
  if (c.has(id)) c.delete(id); else c.add(id);
  structureOpts.collapsed = c;
  rerender();
}
function rerender() {
  if (!state.result) return;
  const keep = state.selected;
  const failed = renderGraph();
  if (failed) showFailure(failed);
  const id = drawnId(keep);
  if (id !== null && nodeIndex.has(id)) { selectNode(id); graphView.reveal(id); }
}

/** Draws every node: the loop groups of this run are expanded. */
function expandGroups(selectId = null) {
  expanded = true;
  const failed = renderGraph();
  if (failed) showFailure(failed);
  if (selectId !== null) { selectNode(selectId); graphView.reveal(selectId); }
}
const isHidden = (id) => [...shown.groups.values()].some((ids) => ids.includes(id));

function fullValues(node) {
  const t = node && node.kind === 'tensor' && node.name ? state.result.run.tensors[node.name] : null;
  if (!t || t.shape.join(',') !== node.shape.join(',')) return null;
  return { data: t.data, grad: t.grad };
}

function renderInspector() {
  const failed = guardView('inspector', renderInspectorNow);
  if (failed) showFailure(failed);
}
function renderInspectorNow() {
  let node = nodeById(state.selected);
  if (state.mode === 'train') {
    // Session nodes' source positions point into the engine's chunks, not the editor: not shown.
    inspector.render(node && { ...node, span: null }, { ...explainOptions(node), full: fullValues(node), source: '', features: { gradcheckReason: 'gradcheck works on scripts (script mode)' } });
    return;
  }
  const key = node && node.name ? `${state.source}\u0000${node.name}` : '';
  inspector.render(node, { ...explainOptions(node), full: fullValues(node), source: state.source, features: client.features, gradcheck: gradchecks.get(key) || null });
}

/** What the inspector shows beyond the node itself: grad_fn as print() shows it, the chain rule. */
function explainOptions(node) {
  const g = state.result?.graph;
  const nameOf = (id) => {
    const n = nodeById(id);
    return !n ? `#${id}` : n.kind === 'op' ? n.op : n.name || '(unnamed)';
  };
  return { gradFn: gradFnOf(g, node), chain: node && node.kind === 'op' && g ? chainRule(g, node.id) : null, nameOf };
}

// ---- editor <-> graph hover linking ----
function linkLine(line) {
  const g = state.mode === 'script' ? state.result?.graph : null;
  const ids = g && line ? [...new Set(g.nodes.filter((n) => n.span && n.span.line === line).map((n) => drawnId(n.id)))] : [];
  graphView.markSet('hover-line', ids);
  $('graph').dataset.linkedLine = String(line || 0);
}
function linkNode(id) {
  const n = state.mode === 'script' ? nodeById(id) : null;
  editor.markLines(n && n.span ? [n.span.line] : []);
  $('graph').dataset.linkedNode = n ? String(n.id) : '';
}

// ---- the first NaN/Inf, forward and backward ----
function renderNanFinder() {
  const box = $('nan-finder');
  clear(box);
  const r = state.result;
  const found = r && r.graph ? findNonFinite(r.graph, r.run.tensors) : { forward: null, backward: null };
  graphView.markSet('nan-forward', found.forward ? [drawnId(found.forward.id)] : []);
  graphView.markSet('nan-backward', found.backward ? [drawnId(found.backward.id)] : []);
  box.hidden = !found.forward && !found.backward;
  box.dataset.forward = found.forward ? String(found.forward.id) : '';
  box.dataset.backward = found.backward ? String(found.backward.id) : '';
  const link = (label, hit) => {
    if (!hit) return null;
    const n = nodeById(hit.id);
    const title = n.kind === 'op' ? n.op : n.name || '(unnamed)';
    return h('button', { class: `nan-link nan-${label}`, 'data-node': String(hit.id), title: 'Select this node and show its line',
      onclick: () => { if (isHidden(drawnId(hit.id))) expandGroups(); selectNode(drawnId(hit.id)); graphView.reveal(drawnId(hit.id)); if (n.span && state.mode === 'script') editor.highlightLine(n.span.line, n.span.col); } },
    `${label === 'forward' ? 'first NaN/Inf in forward' : 'first NaN/Inf in backward'}: ${title}${n.span ? ` (line ${n.span.line})` : ''}`);
  };
  // (append() would write a missing link as the text "null")
  box.append(...[h('span', { class: 'nan-icon', 'aria-hidden': 'true' }, '⚠'), link('forward', found.forward), link('backward', found.backward)].filter(Boolean));
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
$('copy-pytorch').addEventListener('click', () => share('Copied as PyTorch:', 'PyTorch script:',
  state.mode === 'train' ? trainPanel.script(editor.getValue()) : asPyTorch(editor.getValue())));
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
$('stop').addEventListener('click', () => {
  if (state.mode === 'train') trainPanel.stop();
  client.restart();
  if (state.mode === 'train') setStatus('Stopped: press Reset to train again', 'bad');
});
$('zoom-in').addEventListener('click', () => graphView.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => graphView.zoomBy(0.8));
$('zoom-fit').addEventListener('click', () => graphView.fit());

// ---- start: a shared link, else the default example ----
/** 'restored' | 'none' | {failure}: a link that could not be opened. */
async function restoreFromHash() {
  try {
    const restored = await hashToState(location.hash);
    if (!restored) return 'none';
    state.var = restored.var;
    state.selectedName = restored.node;
    if (restored.mode === 'train') {
      state.train = { ...normalizeDataOptions(restored.train), spf: STEPS_PER_FRAME.includes(Number(restored.train.spf)) ? Number(restored.train.spf) : 10 };
      state.trainSource = restored.source;
    } else state.scriptSource = restored.source;
    if (state.mode !== restored.mode) setMode(restored.mode, { start: false });
    else editor.setValue(restored.source);
    trainPanel.syncControls();
    return 'restored';
  } catch (err) {
    const message = err instanceof ShareLinkTooLarge ? `${err.message} Here is an example instead.`
      : 'Could not open the share link (it is damaged or truncated); here is an example instead. Press Run.';
    return { failure: { message, line: 0, col: 0, kind: 'link' } };
  }
}

// ---- training mode: its own panel module ----
const trainPanel = createTrainPanel({
  client, editor, state, setStatus, showFailure, showStdout, finishRun, clearViews, updateHash, failureOf,
  renderGraph: () => { renderVars(); renderGraph(); },
  fitGraph: () => graphView.fit(),
});

/** Switches between script mode and training mode; each keeps its own editor text. */
function setMode(mode, { start = true } = {}) {
  if (state.mode === mode) return;
  if (state.mode === 'train') state.trainSource = editor.getValue();
  else state.scriptSource = editor.getValue();
  state.mode = mode;
  state.var = '';
  state.selectedName = '';
  state.result = null;
  root.dataset.mode = mode;
  for (const b of document.querySelectorAll('.mode-tab')) b.setAttribute('aria-selected', String(b.dataset.mode === mode));
  $('editor-title').textContent = mode === 'train' ? 'Model' : 'Script';
  $('run').textContent = mode === 'train' ? '↻ Apply' : '▶ Run';
  $('run').title = mode === 'train' ? 'Rebuild the model from the code and the dataset (Ctrl+Enter)' : 'Run (Ctrl+Enter)';
  trainPanel.showGraph(false);
  if (mode === 'train') {
    editor.setValue(state.trainSource || templateFor(state.train.dataset));
    trainPanel.syncControls();
    if (start) trainPanel.reset();
  } else {
    trainPanel.stop();
    editor.setValue(state.scriptSource || EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE).source);
    syncExampleSelect();
    if (start) run();
  }
}
$('mode-script').addEventListener('click', () => setMode('script'));
$('mode-train').addEventListener('click', () => setMode('train'));
root.dataset.mode = 'script';
trainPanel.syncControls();

window.addEventListener('hashchange', async () => {
  if ((await restoreFromHash()) === 'restored') run();
});

(async () => {
  const restored = await restoreFromHash();
  if (restored !== 'restored') editor.setValue(EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE).source);
  syncExampleSelect();
  if (restored.failure) {
    // Not run, so that the message stays until the user runs something.
    showFailure(restored.failure);
    setStatus('Share link not opened', 'bad');
    await client.ready.catch(() => {});
    finishRun('link-error');
    root.dataset.ready = '1';
    return;
  }
  try {
    await client.ready;
  } catch (err) {
    setStatus('Engine failed to load', 'bad');
    showFailure({ message: err.message, line: 0, col: 0, kind: 'engine' });
    return;
  }
  await run();
  root.dataset.ready = '1';
})();
