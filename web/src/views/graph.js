// The computation graph, drawn as SVG with createElementNS and textContent only. Colours are SVG
// presentation attributes (so an exported SVG keeps them); the page's CSS adds selection and
// backward-highlight states on top. Pan by dragging, zoom with the wheel or the buttons.
//
// Any size: the layout (./layout.js) never recurses; graphs beyond MOUNT_ALL nodes mount only the
// nodes and edges inside the viewport (re-checked once per frame while panning or zooming), and
// below LOD_ZOOM the labels are hidden (level of detail). Fit-to-view shows the whole graph when
// that needs no zoom below FIT_MIN_ZOOM; a bigger graph is shown at LEGIBLE_ZOOM around its root,
// and the wheel (or −) zooms out further for the overview.
import { s, clear } from '../dom.js';
import { shapeStr, preview } from '../format.js';
import { layout } from './layout.js';

const STYLE = {
  param: { fill: '#dbeafe', stroke: '#2563eb', kind: 'parameter' },
  leaf: { fill: '#f1f5f9', stroke: '#64748b', kind: 'constant' },
  inter: { fill: '#fef3c7', stroke: '#d97706', kind: 'intermediate' },
  op: { fill: '#ede9fe', stroke: '#7c3aed', kind: 'op' },
  group: { fill: '#f8fafc', stroke: '#475569', kind: 'collapsed loop' },
  module: { fill: '#ecfdf5', stroke: '#047857', kind: 'module call (collapsed)' },
};

export const MOUNT_ALL = 1500; // graphs up to this many nodes are mounted whole
export const LEGIBLE_ZOOM = 0.6; // a graph that does not fit at FIT_MIN_ZOOM is shown at this zoom
const FIT_MIN_ZOOM = 0.25; // fit() shows the whole graph down to this zoom (the shape of it, at least)
const LOD_ZOOM = 0.3; // below: no labels (they would be < 4 px)
const MIN_ZOOM = 0.02, MAX_ZOOM = 4;

/** 'param' | 'leaf' | 'inter' | 'op' for a graph-JSON node. */
export function nodeClass(n) {
  if (n.kind === 'op') return 'op';
  if (n.kind === 'group') return 'group';
  if (n.kind === 'module') return 'module';
  if (n.is_leaf) return n.requires_grad ? 'param' : 'leaf';
  return 'inter';
}

/** Whether a gradient preview is all zeros (a computed zero, not a missing gradient). */
const allZero = (g) => Array.isArray(g) && g.length > 0 && g.every((v) => Number(v) === 0);

/** The label lines of a node: [title, detail]. A tensor's detail says whether its grad exists. */
export function nodeLabel(n) {
  if (n.kind === 'op') return [n.op || n.grad_fn || 'op', n.grad_fn || ''];
  if (n.kind === 'group') return [n.name, `line${n.lines.length > 1 ? 's' : ''} ${n.lines.join(', ')} · ${n.hidden} nodes collapsed`];
  if (n.kind === 'module') return [n.name, `${n.members.length} nodes · collapsed`];
  let grad = '';
  if (n.grad) grad = allZero(n.grad) ? ' · grad 0' : ' · grad ✓';
  else if (n.requires_grad && n.is_leaf) grad = ' · grad –';
  return [n.name || (n.constant ? 'constant' : '(unnamed)'), `${shapeStr(n.shape)} ${n.dtype}${grad}`];
}

const CHAR_W = { title: 8.6, detail: 7 };

export function createGraphView(container, { onSelect = () => {}, onHover = () => {}, onToggleCluster = () => {} } = {}) {
  const svgEl = s('svg', { class: 'graph-svg', role: 'group', 'aria-label': 'Computation graph' });
  const defs = s('defs', {},
    s('marker', { id: 'tl-arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#94a3b8' })),
    s('marker', { id: 'tl-arrow-hot', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#dc2626' })));
  const world = s('g', { class: 'world' });
  svgEl.append(defs, world);
  const empty = document.createElement('div');
  empty.className = 'graph-empty';
  container.append(svgEl, empty);

  let tf = { x: 0, y: 0, k: 1 };
  let size = { w: 0, h: 0 };
  let graph = null;
  let lay = null; // {pos, edges, width, height, engine}
  let byId = new Map();
  let edgeLayer = null, nodeLayer = null, labelLayer = null, clusterLayer = null;
  let nodeEls = new Map(); // mounted: id -> <g>
  let edgeEls = new Map(); // mounted: edge index -> <path>
  let culled = false;
  const marks = new Map(); // id -> Set of classes (selected, bw-*, hover-line, nan-*)
  let edgeHot = new Set(); // "from>to"
  let flowLabel = null;
  let selected = null;

  // ---- transform, culling and level of detail ----
  let frame = 0;
  const applyTf = () => {
    world.setAttribute('transform', `translate(${tf.x},${tf.y}) scale(${tf.k})`);
    svgEl.classList.toggle('lod-low', tf.k < LOD_ZOOM);
    svgEl.dataset.zoom = tf.k.toFixed(3);
    if (culled && !frame) frame = requestAnimationFrame(() => { frame = 0; mountVisible(); });
  };

  function viewRect(margin = 200) {
    const r = container.getBoundingClientRect();
    return { x0: (-tf.x - margin) / tf.k, y0: (-tf.y - margin) / tf.k, x1: (r.width - tf.x + margin) / tf.k, y1: (r.height - tf.y + margin) / tf.k };
  }

  function mountVisible() {
    if (!graph || !lay) return;
    const v = viewRect();
    const inView = (p) => p.x + p.width / 2 >= v.x0 && p.x - p.width / 2 <= v.x1 && p.y + p.height / 2 >= v.y0 && p.y - p.height / 2 <= v.y1;
    const wantNodes = new Set();
    for (const n of graph.nodes) if (inView(lay.pos.get(n.id))) wantNodes.add(n.id);
    if (selected !== null) wantNodes.add(selected); // keyboard focus and tests find the selection
    for (const [id, el] of nodeEls) if (!wantNodes.has(id)) { el.remove(); nodeEls.delete(id); }
    for (const id of wantNodes) if (!nodeEls.has(id)) mountNode(byId.get(id));
    graph.edges.forEach((e, i) => {
      const pts = lay.edges[i];
      if (!pts || !pts.length) return;
      const a = pts[0], b = pts[pts.length - 1];
      const vis = Math.max(a.y, b.y) >= v.y0 && Math.min(a.y, b.y) <= v.y1 && Math.max(a.x, b.x) >= v.x0 && Math.min(a.x, b.x) <= v.x1;
      const el = edgeEls.get(i);
      if (vis && !el) mountEdge(e, i);
      else if (!vis && el) { el.remove(); edgeEls.delete(i); }
    });
    svgEl.dataset.mounted = String(nodeEls.size);
  }

  function fit() {
    const r = container.getBoundingClientRect();
    if (!size.w || !r.width || !r.height) return;
    const pad = 24;
    const kFit = Math.min(1.2, (r.width - pad * 2) / size.w, (r.height - pad * 2) / size.h);
    if (kFit >= FIT_MIN_ZOOM) {
      tf = { k: kFit, x: (r.width - size.w * kFit) / 2, y: Math.max(pad, (r.height - size.h * kFit) / 2) };
    } else {
      // Too big to fit legibly: readable zoom, centred on the root (where backward starts).
      const k = LEGIBLE_ZOOM;
      const p = lay?.pos.get(graph?.root) || { x: size.w / 2, y: size.h };
      tf = { k, x: r.width / 2 - p.x * k, y: Math.min(pad, r.height - pad - (p.y + 30) * k) };
    }
    svgEl.dataset.fit = kFit >= FIT_MIN_ZOOM ? 'all' : 'legible';
    applyTf();
  }

  function zoomAt(factor, cx, cy) {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, tf.k * factor));
    const f = k / tf.k;
    tf = { k, x: cx - (cx - tf.x) * f, y: cy - (cy - tf.y) * f };
    applyTf();
  }
  function zoomBy(factor) {
    const r = container.getBoundingClientRect();
    zoomAt(factor, r.width / 2, r.height / 2);
  }
  /** Pans so that node `id` is in view (it is mounted then). */
  function reveal(id) {
    const p = lay?.pos.get(id);
    if (!p) return;
    const r = container.getBoundingClientRect();
    const sx = p.x * tf.k + tf.x, sy = p.y * tf.k + tf.y;
    if (sx > 20 && sx < r.width - 20 && sy > 20 && sy < r.height - 20) return;
    tf = { ...tf, x: r.width / 2 - p.x * tf.k, y: r.height / 2 - p.y * tf.k };
    applyTf();
    if (culled) mountVisible();
  }

  // ---- pan (drag) / select (click) / zoom (wheel) / hover ----
  let drag = null;
  svgEl.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, tx: tf.x, ty: tf.y, moved: false, node: e.target.closest('[data-node-id]') };
  });
  window.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svgEl.setPointerCapture?.(e.pointerId);
    drag.moved = true;
    svgEl.classList.add('panning');
    tf.x = drag.tx + dx;
    tf.y = drag.ty + dy;
    applyTf();
  });
  window.addEventListener('pointerup', (e) => {
    const cluster = drag && !drag.moved && !drag.node && e.target.closest?.('[data-cluster-id]');
    if (cluster) onToggleCluster(Number(cluster.dataset.clusterId));
    if (drag && !drag.moved && drag.node) onSelect(Number(drag.node.dataset.nodeId));
    drag = null;
    svgEl.classList.remove('panning');
  });
  svgEl.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svgEl.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  svgEl.addEventListener('keydown', (e) => {
    const g = e.target.closest?.('[data-node-id]');
    if (g && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onSelect(Number(g.dataset.nodeId));
    }
    const c = e.target.closest?.('[data-cluster-id]');
    if (c && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onToggleCluster(Number(c.dataset.clusterId));
    }
  });
  let hovered = null;
  const hover = (id) => { if (id !== hovered) { hovered = id; onHover(id); } };
  svgEl.addEventListener('pointerover', (e) => {
    const g = e.target.closest?.('[data-node-id]');
    hover(g ? Number(g.dataset.nodeId) : null);
  });
  svgEl.addEventListener('pointerleave', () => hover(null));
  svgEl.addEventListener('focusin', (e) => {
    const g = e.target.closest?.('[data-node-id]');
    if (g) hover(Number(g.dataset.nodeId));
  });
  new ResizeObserver(() => size.w && fit()).observe(container);

  function edgePath(points) {
    if (points.length < 3) return `M${points[0].x},${points[0].y} L${points[points.length - 1].x},${points[points.length - 1].y}`;
    let d = `M${points[0].x},${points[0].y}`;
    for (let i = 1; i < points.length - 1; i++) {
      const p = points[i], q = points[i + 1];
      const mx = i === points.length - 2 ? q.x : (p.x + q.x) / 2, my = i === points.length - 2 ? q.y : (p.y + q.y) / 2;
      d += ` Q${p.x},${p.y} ${mx},${my}`;
    }
    return d;
  }

  function applyMarks(id, el) {
    const m = marks.get(id);
    for (const c of ['selected', 'bw-active', 'bw-target', 'bw-done', 'hover-line', 'nan-forward', 'nan-backward']) el.classList.toggle(c, !!m && m.has(c));
  }
  function mark(id, cls, on) {
    let m = marks.get(id);
    if (!m) { if (!on) return; m = new Set(); marks.set(id, m); }
    if (on) m.add(cls); else m.delete(cls);
    const el = nodeEls.get(id);
    if (el) el.classList.toggle(cls, on);
  }

  function mountNode(n) {
    const { x, y, width, height } = lay.pos.get(n.id);
    const cls = nodeClass(n);
    const st = STYLE[cls];
    const [title, detail] = nodeLabel(n);
    const root = n.id === graph.root;
    const notComputed = n.kind === 'tensor' && n.requires_grad && !n.grad && n.is_leaf;
    // A composite op (dist = sub + abs + norm) is drawn as one op with a double outline.
    const shape = n.kind === 'op'
      ? s('ellipse', { class: 'shape', cx: 0, cy: 0, rx: width / 2, ry: height / 2, fill: st.fill, stroke: st.stroke, 'stroke-width': n.parts ? '3' : '1.5',
        'stroke-dasharray': null })
      : s('rect', { class: 'shape', x: -width / 2, y: -height / 2, width, height, rx: 7, fill: st.fill, stroke: st.stroke, 'stroke-width': root || cls === 'module' ? '3' : '1.5',
        'stroke-dasharray': cls === 'group' ? '6 3' : n.constant ? '3 2' : null });
    // Not interactive children inside the focusable <g>: the <g> itself is the one control.
    // Its accessible name is the <title> child (kind, label, values), which contains the visible text.
    const el = s('g', { class: `node node-${cls}${root ? ' node-root' : ''}${notComputed ? ' grad-missing' : ''}`, transform: `translate(${x},${y})`, tabindex: '0', role: 'button' },
      s('title', { text: `${title} ${detail} (${n.constant ? 'constant: needs no gradient' : n.parts ? `composite of ${n.parts.join(', ')}` : st.kind})${n.value ? `\nvalue ${preview(n.value, n.numel)}` : ''}${n.grad ? `\ngrad ${preview(n.grad, n.numel)}` : notComputed ? '\ngrad not computed yet (backward has not reached it)' : ''}` }),
      shape,
      s('text', { class: 'label-title', x: 0, y: -3, 'text-anchor': 'middle', 'font-size': '14', 'font-weight': '600', fill: '#0f172a', 'font-family': 'ui-sans-serif, system-ui, sans-serif', text: title }),
      s('text', { class: 'label-detail', x: 0, y: 13, 'text-anchor': 'middle', 'font-size': '11', fill: '#475569', 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace', text: detail }));
    el.dataset.nodeId = n.id;
    el.dataset.kind = cls;
    applyMarks(n.id, el);
    nodeLayer.append(el);
    nodeEls.set(n.id, el);
  }

  function mountEdge(e, i) {
    const pts = lay.edges[i];
    const on = edgeHot.has(`${e.from}>${e.to}`);
    const el = s('path', { class: `edge${on ? ' hot' : ''}`, d: edgePath(pts), fill: 'none', stroke: '#94a3b8', 'stroke-width': '1.5' });
    el.setAttribute(on ? 'marker-start' : 'marker-end', on ? 'url(#tl-arrow-hot)' : 'url(#tl-arrow)');
    el.dataset.from = e.from;
    el.dataset.to = e.to;
    edgeLayer.append(el);
    edgeEls.set(i, el);
  }

  /** Shapes on edges: the shape of what flows along each edge, in the gap between the two nodes. */
  function drawEdgeLabels() {
    clear(labelLayer);
    if (culled) return;
    graph.edges.forEach((e, i) => {
      const from = byId.get(e.from), to = byId.get(e.to);
      const pts = lay.edges[i];
      if (!from || !to || !pts || pts.length < 2) return;
      // Only op -> op edges carry an unnamed tensor; tensor -> op edges already show the shape on the box.
      if (from.kind !== 'op' || to.kind !== 'op') return;
      const a = pts[pts.length - 2], b = pts[pts.length - 1];
      labelLayer.append(s('text', { class: 'edge-shape', x: (a.x + b.x) / 2 + 6, y: (a.y + b.y) / 2 + 3, 'font-size': '10', fill: '#475569',
        'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace', text: shapeStr(from.shape) }));
    });
  }

  /** Module clusters: a box per expanded module call, its label a toggle that collapses it. */
  function drawClusters(clusters) {
    clear(clusterLayer);
    for (const c of [...clusters].sort((a, b) => a.depth - b.depth)) {
      const b = lay.clusters.get(c.id);
      if (!b) continue;
      const w = Math.min(b.width - 8, (c.label.length + 2) * 7.3 + 12);
      clusterLayer.append(s('g', { class: 'cluster', 'data-module': String(c.id) },
        s('rect', { class: 'cluster-box', x: b.x, y: b.y, width: b.width, height: b.height, rx: 9, fill: c.depth % 2 ? '#f0fdf4' : '#f7fee7', 'fill-opacity': '0.55', stroke: '#16a34a', 'stroke-width': '1.2', 'stroke-dasharray': '5 3' }),
        s('g', { class: 'cluster-label', tabindex: '0', role: 'button', 'data-cluster-id': String(c.id), transform: `translate(${b.x + 4},${b.y + 3})` },
          s('title', { text: `${c.label}: module call (${c.nodes.length} nodes) — click to collapse` }),
          s('rect', { x: 0, y: 0, width: Math.max(40, w), height: 16, rx: 4, fill: '#dcfce7', stroke: 'none' }),
          s('text', { x: 6, y: 12, 'font-size': '12', 'font-weight': '600', fill: '#14532d', 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace', text: `▾ ${c.label}` }))));
    }
  }

  function render(g, message = '', { clusters = [], clusterOf = new Map() } = {}) {
    graph = g;
    clear(world);
    nodeEls = new Map();
    edgeEls = new Map();
    marks.clear();
    edgeHot = new Set();
    selected = null;
    flowLabel = null;
    lay = null;
    empty.textContent = message;
    empty.hidden = !message;
    if (!g || !g.nodes.length) {
      size = { w: 0, h: 0 };
      delete svgEl.dataset.nodes;
      return;
    }
    byId = new Map(g.nodes.map((n) => [n.id, n]));
    const sized = g.nodes.map((n) => {
      const [title, detail] = nodeLabel(n);
      const w = Math.max(title.length * CHAR_W.title, detail.length * CHAR_W.detail) + (n.kind === 'op' ? 40 : 26);
      return { id: n.id, width: Math.max(70, w), height: n.kind === 'op' ? 34 : 42 };
    });
    lay = layout(sized, g.edges, { clusters, clusterOf });
    svgEl.dataset.layout = lay.engine;
    svgEl.dataset.nodes = String(g.nodes.length);
    edgeLayer = s('g', { class: 'edges' });
    labelLayer = s('g', { class: 'edge-labels' });
    nodeLayer = s('g', { class: 'nodes' });
    clusterLayer = s('g', { class: 'clusters' });
    world.append(clusterLayer, edgeLayer, labelLayer, nodeLayer);
    drawClusters(clusters);
    svgEl.dataset.clusters = String(clusters.length);
    culled = g.nodes.length > MOUNT_ALL;
    size = { w: lay.width, h: lay.height };
    if (!culled) {
      g.edges.forEach((e, i) => lay.edges[i] && lay.edges[i].length && mountEdge(e, i));
      for (const n of g.nodes) mountNode(n);
      svgEl.dataset.mounted = String(nodeEls.size);
    }
    drawEdgeLabels();
    fit();
    if (culled) mountVisible();
  }

  function select(id) {
    if (selected !== null) mark(selected, 'selected', false);
    selected = byId.has(id) ? id : null;
    if (selected !== null) {
      mark(selected, 'selected', true);
      if (culled && !nodeEls.has(selected)) mountVisible();
    }
  }

  /** Marks a set of nodes with a class (hover-line, nan-forward, nan-backward), clearing the others. */
  function markSet(cls, ids) {
    const want = new Set(ids);
    for (const [id, m] of marks) if (m.has(cls) && !want.has(id)) mark(id, cls, false);
    for (const id of want) if (byId.has(id)) mark(id, cls, true);
  }

  /** Backward highlight: {active, targets: [ids], done: Set, edges: [[from, to]], label: {from, to, text}}. */
  function highlight({ active = null, targets = [], done = new Set(), edges = [], label = null } = {}) {
    if (!graph) return;
    for (const n of graph.nodes) {
      mark(n.id, 'bw-active', n.id === active);
      mark(n.id, 'bw-target', targets.includes(n.id));
      mark(n.id, 'bw-done', done.has(n.id) && n.id !== active);
    }
    edgeHot = new Set(edges.map(([a, b]) => `${a}>${b}`));
    graph.edges.forEach((e, i) => {
      const el = edgeEls.get(i);
      if (!el) return;
      const on = edgeHot.has(`${e.from}>${e.to}`);
      el.classList.toggle('hot', on);
      // A hot edge carries a gradient: the arrow points the way backward goes (output -> input).
      el.removeAttribute(on ? 'marker-end' : 'marker-start');
      el.setAttribute(on ? 'marker-start' : 'marker-end', on ? 'url(#tl-arrow-hot)' : 'url(#tl-arrow)');
    });
    flowLabel?.remove();
    flowLabel = null;
    if (label) {
      const i = graph.edges.findIndex((x) => x.from === label.from && x.to === label.to);
      const pts = i >= 0 ? lay.edges[i] : null;
      if (pts && pts.length) {
        // In the gap above the consumer, right of the edge: it never covers a node's text.
        const b = pts[pts.length - 1];
        const w = label.text.length * 6.4 + 12;
        flowLabel = s('g', { class: 'flow-label', transform: `translate(${b.x + 10},${b.y - 24})` },
          s('rect', { x: 0, y: -10, width: w, height: 19, rx: 4, fill: '#fff1f2', stroke: '#dc2626', 'stroke-width': '1' }),
          s('text', { x: 6, y: 3.5, 'font-size': '10.5', fill: '#991b1b', 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace', text: label.text }));
        // Below the nodes' layer would hide it under a box; it is small and placed in the gap.
        world.append(flowLabel);
      }
    }
  }

  /** A standalone SVG document of the whole graph (presentation attributes carry the colours). */
  function exportSvg() {
    if (culled) {
      // Mount everything for the export, then go back to the visible part.
      graph.edges.forEach((e, i) => { if (!edgeEls.has(i) && lay.edges[i]?.length) mountEdge(e, i); });
      for (const n of graph.nodes) if (!nodeEls.has(n.id)) mountNode(n);
    }
    const clone = svgEl.cloneNode(true);
    if (culled) mountVisible();
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.querySelector('.flow-label')?.remove();
    const w = clone.querySelector('.world');
    w.setAttribute('transform', 'translate(0,0)');
    clone.setAttribute('width', Math.ceil(size.w));
    clone.setAttribute('height', Math.ceil(size.h));
    clone.setAttribute('viewBox', `0 0 ${Math.ceil(size.w)} ${Math.ceil(size.h)}`);
    for (const a of ['class', 'role', 'aria-label']) clone.removeAttribute(a);
    for (const k of Object.keys(clone.dataset)) delete clone.dataset[k];
    for (const el of clone.querySelectorAll('[class]')) el.removeAttribute('class');
    for (const el of clone.querySelectorAll('path[marker-start]')) {
      el.removeAttribute('marker-start');
      el.setAttribute('marker-end', 'url(#tl-arrow)');
    }
    const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) bg.setAttribute(k, v);
    clone.insertBefore(bg, clone.firstChild.nextSibling);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
  }

  return { render, select, highlight, markSet, reveal, fit, zoomBy, exportSvg, get graph() { return graph; } };
}
