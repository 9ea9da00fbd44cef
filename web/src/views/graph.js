// The computation graph: laid out top-down by dagre, drawn as SVG with createElementNS and
// textContent only. Colours are SVG presentation attributes (so an exported SVG keeps them);
// the page's CSS adds selection and backward-highlight states on top. Pan by dragging, zoom with
// the wheel or the buttons.
import dagre from '@dagrejs/dagre';
import { s, clear } from '../dom.js';
import { shapeStr, preview } from '../format.js';

const STYLE = {
  param: { fill: '#dbeafe', stroke: '#2563eb', kind: 'parameter' },
  leaf: { fill: '#f1f5f9', stroke: '#64748b', kind: 'constant leaf' },
  inter: { fill: '#fef3c7', stroke: '#d97706', kind: 'intermediate' },
  op: { fill: '#ede9fe', stroke: '#7c3aed', kind: 'op' },
};

/** 'param' | 'leaf' | 'inter' | 'op' for a graph-JSON node. */
export function nodeClass(n) {
  if (n.kind === 'op') return 'op';
  if (n.is_leaf) return n.requires_grad ? 'param' : 'leaf';
  return 'inter';
}

/** The label lines of a node: [title, detail]. */
export function nodeLabel(n) {
  if (n.kind === 'op') return [n.op || n.grad_fn || 'op', n.grad_fn || ''];
  const grad = n.grad ? ' · grad ✓' : '';
  return [n.name || '(unnamed)', `${shapeStr(n.shape)} ${n.dtype}${grad}`];
}

const CHAR_W = { title: 8.6, detail: 7 };

export function createGraphView(container, { onSelect = () => {} } = {}) {
  const svgEl = s('svg', { class: 'graph-svg', role: 'img', 'aria-label': 'Computation graph' });
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
  let nodeEls = new Map(); // id -> <g>
  let edgeEls = []; // {from, to, el}
  let graph = null;
  let selected = null;
  let flowLabel = null;

  const applyTf = () => world.setAttribute('transform', `translate(${tf.x},${tf.y}) scale(${tf.k})`);

  function fit() {
    const r = container.getBoundingClientRect();
    if (!size.w || !r.width || !r.height) return;
    const pad = 24;
    const k = Math.min(1.2, (r.width - pad * 2) / size.w, (r.height - pad * 2) / size.h);
    tf = { k, x: (r.width - size.w * k) / 2, y: Math.max(pad, (r.height - size.h * k) / 2) };
    applyTf();
  }

  function zoomAt(factor, cx, cy) {
    const k = Math.min(4, Math.max(0.15, tf.k * factor));
    const f = k / tf.k;
    tf = { k, x: cx - (cx - tf.x) * f, y: cy - (cy - tf.y) * f };
    applyTf();
  }
  function zoomBy(factor) {
    const r = container.getBoundingClientRect();
    zoomAt(factor, r.width / 2, r.height / 2);
  }

  // ---- pan (drag) / select (click) / zoom (wheel) ----
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
  window.addEventListener('pointerup', () => {
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

  function render(g, message = '') {
    graph = g;
    clear(world);
    nodeEls = new Map();
    edgeEls = [];
    selected = null;
    flowLabel = null;
    empty.textContent = message;
    empty.hidden = !message;
    if (!g || !g.nodes.length) {
      size = { w: 0, h: 0 };
      return;
    }
    const dg = new dagre.graphlib.Graph({ multigraph: true });
    dg.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 22, edgesep: 14, marginx: 8, marginy: 8 });
    dg.setDefaultEdgeLabel(() => ({}));
    for (const n of g.nodes) {
      const [title, detail] = nodeLabel(n);
      const w = Math.max(title.length * CHAR_W.title, detail.length * CHAR_W.detail) + (n.kind === 'op' ? 40 : 26);
      dg.setNode(String(n.id), { width: Math.max(70, w), height: n.kind === 'op' ? 34 : 42 });
    }
    g.edges.forEach((e, i) => dg.setEdge(String(e.from), String(e.to), {}, `e${i}`));
    dagre.layout(dg);

    const edgeLayer = s('g', { class: 'edges' });
    const nodeLayer = s('g', { class: 'nodes' });
    world.append(edgeLayer, nodeLayer);
    g.edges.forEach((e, i) => {
      const pts = dg.edge(String(e.from), String(e.to), `e${i}`).points;
      const el = s('path', { class: 'edge', d: edgePath(pts), fill: 'none', stroke: '#94a3b8', 'stroke-width': '1.5', 'marker-end': 'url(#tl-arrow)' });
      el.dataset.from = e.from;
      el.dataset.to = e.to;
      edgeLayer.append(el);
      edgeEls.push({ from: e.from, to: e.to, el, pts });
    });
    for (const n of g.nodes) {
      const { x, y, width, height } = dg.node(String(n.id));
      const cls = nodeClass(n);
      const st = STYLE[cls];
      const [title, detail] = nodeLabel(n);
      const root = n.id === g.root;
      const shape = n.kind === 'op'
        ? s('ellipse', { class: 'shape', cx: 0, cy: 0, rx: width / 2, ry: height / 2, fill: st.fill, stroke: st.stroke, 'stroke-width': '1.5' })
        : s('rect', { class: 'shape', x: -width / 2, y: -height / 2, width, height, rx: 7, fill: st.fill, stroke: st.stroke, 'stroke-width': root ? '3' : '1.5' });
      const el = s('g', { class: `node node-${cls}${root ? ' node-root' : ''}`, transform: `translate(${x},${y})`, tabindex: '0', role: 'button',
        'aria-label': `${st.kind} ${title} ${detail}` },
        s('title', { text: `${st.kind}: ${title}\n${detail}${n.value ? `\nvalue ${preview(n.value, n.numel)}` : ''}${n.grad ? `\ngrad ${preview(n.grad, n.numel)}` : ''}` }),
        shape,
        s('text', { class: 'label-title', x: 0, y: -3, 'text-anchor': 'middle', 'font-size': '14', 'font-weight': '600', fill: '#0f172a', 'font-family': 'ui-sans-serif, system-ui, sans-serif', text: title }),
        s('text', { class: 'label-detail', x: 0, y: 13, 'text-anchor': 'middle', 'font-size': '11', fill: '#475569', 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace', text: detail }));
      el.dataset.nodeId = n.id;
      el.dataset.kind = cls;
      nodeLayer.append(el);
      nodeEls.set(n.id, el);
    }
    const gi = dg.graph();
    size = { w: gi.width, h: gi.height };
    fit();
  }

  function select(id) {
    if (selected !== null) nodeEls.get(selected)?.classList.remove('selected');
    selected = nodeEls.has(id) ? id : null;
    if (selected !== null) nodeEls.get(selected).classList.add('selected');
  }

  /** Backward highlight: {active, targets: [ids], done: Set, edges: [[from, to]], label: {from, to, text}}. */
  function highlight({ active = null, targets = [], done = new Set(), edges = [], label = null } = {}) {
    for (const [id, el] of nodeEls) {
      el.classList.toggle('bw-active', id === active);
      el.classList.toggle('bw-target', targets.includes(id));
      el.classList.toggle('bw-done', done.has(id) && id !== active);
    }
    const hot = new Set(edges.map(([a, b]) => `${a}>${b}`));
    for (const e of edgeEls) {
      const on = hot.has(`${e.from}>${e.to}`);
      e.el.classList.toggle('hot', on);
      // A hot edge carries a gradient: the arrow points the way backward goes (output -> input).
      if (on) {
        e.el.removeAttribute('marker-end');
        e.el.setAttribute('marker-start', 'url(#tl-arrow-hot)');
      } else {
        e.el.removeAttribute('marker-start');
        e.el.setAttribute('marker-end', 'url(#tl-arrow)');
      }
    }
    flowLabel?.remove();
    flowLabel = null;
    if (label) {
      const e = edgeEls.find((x) => x.from === label.from && x.to === label.to);
      if (e) {
        const p = e.pts[Math.floor(e.pts.length / 2)];
        const w = label.text.length * 6.4 + 12;
        flowLabel = s('g', { class: 'flow-label', transform: `translate(${p.x + 8},${p.y - 10})` },
          s('rect', { x: 0, y: -10, width: w, height: 19, rx: 4, fill: '#fff1f2', stroke: '#dc2626', 'stroke-width': '1' }),
          s('text', { x: 6, y: 3.5, 'font-size': '10.5', fill: '#991b1b', 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace', text: label.text }));
        world.append(flowLabel);
      }
    }
  }

  /** A standalone SVG document of the current graph (presentation attributes carry the colours). */
  function exportSvg() {
    const clone = svgEl.cloneNode(true);
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.querySelector('.flow-label')?.remove();
    const w = clone.querySelector('.world');
    w.setAttribute('transform', 'translate(0,0)');
    clone.setAttribute('width', Math.ceil(size.w));
    clone.setAttribute('height', Math.ceil(size.h));
    clone.setAttribute('viewBox', `0 0 ${Math.ceil(size.w)} ${Math.ceil(size.h)}`);
    clone.removeAttribute('class');
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

  return { render, select, highlight, fit, zoomBy, exportSvg, get graph() { return graph; } };
}
