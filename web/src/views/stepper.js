// Backward, step by step. Replays the engine's own backward order (graph.steps when the engine
// provides it, else graph.backward_order) as sub-steps: process a node, reduce a broadcast
// gradient ("summed over dims 0, 2"), send a gradient to an input, accumulate it into one already
// waiting. Each sub-step says in one line what happens and which local rule applies.
import { h, clear } from '../dom.js';
import { preview, shapeStr } from '../format.js';

const nodeTitle = (n) => (!n ? '?' : n.kind === 'op' ? n.op : n.name || '(unnamed)');

/** The k-th clause of a derivative text "grad_a = g * b; grad_b = g * a", if it has one per input. */
function clause(derivative, k, arity) {
  const parts = (derivative || '').split(';').map((x) => x.trim()).filter(Boolean);
  return parts.length === arity && parts.length > 1 ? parts[k] : '';
}

/** Builds the list of sub-steps from the graph JSON. */
export function buildSubsteps(graph) {
  if (!graph) return { subs: [], order: [] };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outOf = new Map(); // id -> ids it feeds (adjacency: linear time for graphs of any size)
  for (const e of graph.edges) {
    if (!outOf.has(e.from)) outOf.set(e.from, []);
    outOf.get(e.from).push(e.to);
  }
  const feeds = (a, b) => (outOf.get(a) || []).includes(b);
  const out = [];
  let engineSteps = Array.isArray(graph.steps) && graph.steps.length ? graph.steps : null;
  if (!engineSteps) {
    // Fallback (engines without "steps"): the backward order, inputs from the edges.
    const arrivals = new Map();
    const into = new Map();
    for (const e of graph.edges) {
      if (!into.has(e.to)) into.set(e.to, []);
      into.get(e.to).push(e);
    }
    engineSteps = (graph.backward_order || []).map((id) => {
      const n = byId.get(id);
      const inputs = n && n.kind === 'op'
        ? (into.get(id) || []).map((e, index) => {
          const count = (arrivals.get(e.from) || 0) + 1;
          arrivals.set(e.from, count);
          const t = byId.get(e.from);
          return { to: e.from, index, grad: t && t.is_leaf ? t.grad : null, shape: t ? t.shape : [], summed_dims: [], accumulated: count > 1 };
        })
        : [];
      return { node: id, grad: n && n.kind === 'tensor' ? n.grad : null, grad_shape: n ? n.shape : [], inputs };
    });
  }
  const order = engineSteps.map((st) => st.node);
  engineSteps.forEach((st, i) => {
    const n = byId.get(st.node);
    const head = `${i + 1}/${engineSteps.length}`;
    if (n && n.kind === 'op') {
      out.push({ kind: 'node', step: i, node: st.node, text: `${n.op}: ${n.derivative || n.grad_fn}`,
        detail: `${head} · ${n.grad_fn || n.op} receives grad_out g${st.grad ? ` = ${preview(st.grad)}` : ''} ${st.grad_shape ? shapeStr(st.grad_shape) : ''}`.trim() });
    } else {
      out.push({ kind: 'node', step: i, node: st.node, text: `${nodeTitle(n)}: leaf, AccumulateGrad — ${nodeTitle(n)}.grad += g`,
        detail: `${head} · ${nodeTitle(n)}.grad${st.grad || n?.grad ? ` = ${preview(st.grad || n.grad)}` : ''}` });
    }
    const arity = (st.inputs || []).length;
    for (const inp of st.inputs || []) {
      // The gradient goes to the input's autograd node (an op, or a leaf); where a named tensor
      // sits between the two, the user knows the input by that name.
      const via = (outOf.get(inp.to) || []).map((id) => byId.get(id))
        .find((m) => m && m.kind === 'tensor' && m.name && feeds(m.id, st.node));
      const t = via || byId.get(inp.to);
      const name = nodeTitle(t);
      const rule = n && n.kind === 'op' ? clause(n.derivative, inp.index ?? 0, arity) : '';
      // Chain rule, in the order it happens: upstream g × local derivative = the contribution (in
      // the shape the op produced), then the engine's unbroadcast (sum over the broadcast dims) as
      // its own step, then accumulation where the input already has a gradient waiting.
      const summed = inp.summed_dims && inp.summed_dims.length;
      out.push({ kind: 'flow', step: i, node: st.node, to: inp.to, via: via?.id, grad: summed ? inp.produced_grad || null : inp.grad,
        text: `${rule || `grad[${inp.index ?? 0}]`} → ${name}${!summed && inp.grad ? ` = ${preview(inp.grad)}` : ''}`,
        detail: `upstream g${st.grad ? ` ${preview(st.grad)}` : ''} × local ∂${n && n.kind === 'op' ? n.op : 'out'}/∂${name} = contribution ${shapeStr(summed ? inp.produced_shape : inp.shape)}` });
      if (summed) {
        out.push({ kind: 'reduce', step: i, node: st.node, to: inp.to, via: via?.id, grad: inp.grad,
          text: `broadcast: summed over dims ${inp.summed_dims.join(', ')} — ${shapeStr(inp.produced_shape)} → ${shapeStr(inp.shape)}${inp.grad ? ` = ${preview(inp.grad)}` : ''}`,
          detail: `unbroadcast: the contribution for ${name} had the broadcast shape; it is summed back to ${name}'s shape` });
      }
      if (inp.accumulated) {
        out.push({ kind: 'accumulate', step: i, node: st.node, to: inp.to, via: via?.id,
          text: `accumulate: ${name} is used more than once — this gradient is added to the one already waiting`,
          detail: `${name}: g_total = g_waiting + g_new` });
      }
    }
  });
  return { subs: out, order };
}

export function createStepper(root, { onHighlight = () => {} } = {}) {
  const $ = (id) => root.querySelector(`#${id}`);
  const counter = $('bw-counter'), current = $('bw-current'), log = $('bw-log');
  const btnReset = $('bw-reset'), btnStep = $('bw-step'), btnPlay = $('bw-play');
  // The sub-steps are built when first needed (Step or Play): a 10,000-node graph has ~13,000 of
  // them, and most runs are never stepped. `total` is counted without building them.
  let graph = null, subs = [], total = 0, pos = -1, timer = null;
  const ensureBuilt = () => { if (subs === null) { subs = buildSubsteps(graph).subs; total = subs.length; } };

  // Edges to light up between a step's node and an input (directly, or through a named tensor).
  let edgeSet = new Set(), into = new Map();
  function pathEdges(from, to) {
    if (!graph) return [];
    if (edgeSet.has(`${to}>${from}`)) return [[to, from]];
    for (const mid of into.get(from) || []) if (edgeSet.has(`${to}>${mid}`)) return [[to, mid], [mid, from]];
    return [];
  }

  function show() {
    const done = new Set();
    for (let i = 0; i <= pos; i++) done.add(subs[i].node);
    const sub = pos >= 0 ? subs[pos] : null;
    root.dataset.position = String(pos);
    root.dataset.activeNode = sub ? String(sub.node) : '';
    counter.textContent = total ? `${Math.max(0, pos + 1)} / ${total}` : '';
    btnStep.disabled = !total || pos >= total - 1;
    btnPlay.disabled = !total;
    btnReset.disabled = pos < 0;
    clear(current);
    if (!sub) {
      current.append(h('span', { class: 'muted' }, total ? 'Press Step (or Play) to replay backward in the engine’s order.' : graph ? 'Call .backward() in the script to replay it here.' : ''));
      onHighlight(null);
      return;
    }
    current.append(h('div', { class: `sub-text sub-${sub.kind}` }, sub.text), h('div', { class: 'sub-detail' }, sub.detail));
    const edges = sub.to !== undefined ? pathEdges(sub.node, sub.to) : [];
    onHighlight({
      active: sub.node,
      targets: sub.to !== undefined ? [sub.to, sub.via].filter((x) => x !== undefined) : [],
      done,
      edges,
      label: (sub.kind === 'flow' || sub.kind === 'reduce') && sub.grad && edges.length ? { from: edges[0][0], to: edges[0][1], text: `∂ ${preview(sub.grad)}` } : null,
    });
    [...log.children].forEach((li, i) => li.classList.toggle('current', i === pos));
    log.children[pos]?.scrollIntoView({ block: 'nearest' });
  }

  function appendLog(i) {
    const sub = subs[i];
    log.append(h('li', { class: `sub-${sub.kind}`, dataset: { node: String(sub.node), kind: sub.kind } }, sub.text));
  }

  function step() {
    if (pos >= total - 1) return pause();
    ensureBuilt();
    pos++;
    appendLog(pos);
    show();
  }
  function pause() {
    clearInterval(timer);
    timer = null;
    btnPlay.textContent = '▶ Play';
  }
  function play() {
    if (timer) return pause();
    if (pos >= total - 1) reset();
    btnPlay.textContent = '⏸ Pause';
    step();
    timer = setInterval(step, 900);
  }
  function reset() {
    pause();
    pos = -1;
    clear(log);
    show();
  }

  btnStep.addEventListener('click', () => { pause(); step(); });
  btnPlay.addEventListener('click', play);
  btnReset.addEventListener('click', reset);

  return {
    load(g) {
      graph = g;
      edgeSet = new Set((g ? g.edges : []).map((e) => `${e.from}>${e.to}`));
      into = new Map();
      for (const e of g ? g.edges : []) {
        if (!into.has(e.to)) into.set(e.to, []);
        into.get(e.to).push(e.from);
      }
      const steps = g && Array.isArray(g.steps) && g.steps.length ? g.steps : null;
      if (steps) {
        // Counted as buildSubsteps makes them: the node, then per input a flow, a reduce when
        // summed, an accumulate when accumulated.
        subs = null;
        total = 0;
        for (const st of steps) {
          total++;
          for (const inp of st.inputs || []) total += 1 + (inp.summed_dims && inp.summed_dims.length ? 1 : 0) + (inp.accumulated ? 1 : 0);
        }
        root.dataset.order = steps.map((st) => st.node).join(',');
      } else {
        const built = buildSubsteps(g);
        subs = built.subs;
        total = subs.length;
        root.dataset.order = built.order.join(',');
      }
      root.dataset.source = g && Array.isArray(g.steps) ? 'steps' : 'backward_order';
      reset();
    },
    reset,
  };
}
