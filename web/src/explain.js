// Explanations computed from the graph JSON (pure functions; the views render their results):
// the first NaN/Inf in forward and in backward, the chain rule of one op with its numbers, and the
// grad_fn of a tensor node.
import { num, shapeStr } from './format.js';

const nonFinite = (values) => Array.isArray(values) && values.some((v) => !Number.isFinite(num(v)));

/** Node ids in forward (topological) order: inputs before the ops that use them. No recursion. */
export function forwardOrder(graph) {
  const indeg = new Map(graph.nodes.map((n) => [n.id, 0]));
  const succ = new Map(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!succ.has(e.from) || !indeg.has(e.to)) continue;
    succ.get(e.from).push(e.to);
    indeg.set(e.to, indeg.get(e.to) + 1);
  }
  const queue = graph.nodes.filter((n) => !indeg.get(n.id)).map((n) => n.id);
  for (let i = 0; i < queue.length; i++) for (const w of succ.get(queue[i])) if (indeg.set(w, indeg.get(w) - 1).get(w) === 0) queue.push(w);
  return queue;
}

/**
 * The first node whose forward value holds a NaN/Inf, and the first backward step whose gradient
 * turned non-finite. Values: the engine's `nonfinite` flags when it sends them (all elements),
 * else the full values of named tensors (`tensors`, from the run) and the previews of the others.
 * Returns {forward: {id, where} | null, backward: {id, where} | null}.
 */
export function findNonFinite(graph, tensors = {}) {
  if (!graph) return { forward: null, backward: null };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const valueBad = (n) => {
    if (n.nonfinite && typeof n.nonfinite.value === 'boolean') return n.nonfinite.value;
    const t = n.kind === 'tensor' && n.name ? tensors[n.name] : null;
    if (t && t.data && t.shape.join(',') === n.shape.join(',')) return nonFinite(t.data);
    return nonFinite(n.value);
  };
  let forward = null;
  for (const id of forwardOrder(graph)) {
    const n = byId.get(id);
    if (n && valueBad(n)) { forward = { id, where: 'value' }; break; }
  }
  let backward = null;
  for (const st of graph.steps || []) {
    // The op whose backward produced a non-finite gradient from a finite one.
    const inBad = (st.inputs || []).some((i) => (i.nonfinite ?? nonFinite(i.grad)));
    const outBad = st.grad_nonfinite ?? nonFinite(st.grad);
    if (outBad || inBad) { backward = { id: st.node, where: outBad ? 'received' : 'produced' }; break; }
  }
  if (!backward && !(graph.steps || []).length) {
    // No step trace: the first node in backward order with a non-finite gradient preview.
    for (const id of graph.backward_order || []) {
      const n = byId.get(id);
      if (n && (n.nonfinite?.grad ?? nonFinite(n.grad))) { backward = { id, where: 'grad' }; break; }
    }
  }
  return { forward, backward };
}

/** The grad_fn to show for a node: its own, or for a tensor the producing op's (what print shows). */
export function gradFnOf(graph, node) {
  if (!node) return '';
  if (node.grad_fn) return node.grad_fn;
  if (node.kind !== 'tensor' || node.is_leaf || !graph) return '';
  const e = graph.edges.find((x) => x.to === node.id);
  const op = e && graph.nodes.find((m) => m.id === e.from && m.kind === 'op');
  return op ? op.grad_fn : '';
}

/** The k-th clause of a derivative text "grad_a = g * b; grad_b = g * a", if it has one per input. */
export function derivativeClause(derivative, k, arity) {
  const parts = (derivative || '').split(';').map((x) => x.trim()).filter(Boolean);
  if (parts.length === arity && parts.length > 1) return parts[k];
  return arity === 1 && parts.length === 1 ? parts[0] : '';
}

const sameShape = (a, b) => Array.isArray(a) && Array.isArray(b) && a.join(',') === b.join(',');

/**
 * The chain rule at one op, per input, with the numbers of the last backward (graph.steps):
 * upstream g (what reached the op) × local derivative = contribution, then — where the input was
 * broadcast — the unbroadcast (sum over the broadcast dims) as its own step.
 * Returns null when backward did not run through this op, else
 * {upstream: {values, shape}, inputs: [{to, index, rule, local, contribution: {values, shape},
 *  unbroadcast: {dims, from, to, values} | null, accumulated}]}.
 * local: element-wise local derivatives (contribution ÷ upstream) where they are defined by the
 * previews (same shape, no broadcast, non-zero upstream), else null (the rule says it).
 */
export function chainRule(graph, opId) {
  const st = (graph?.steps || []).find((x) => x.node === opId);
  const op = graph?.nodes.find((n) => n.id === opId);
  if (!st || !op) return null;
  const upstream = { values: st.grad || null, shape: st.grad_shape || op.shape };
  const arity = (st.inputs || []).length;
  return {
    upstream,
    inputs: (st.inputs || []).map((inp) => {
      const summed = inp.summed_dims && inp.summed_dims.length;
      const produced = inp.produced_shape || inp.shape;
      // Before the unbroadcast the contribution has the produced shape; the engine reports the
      // values after it (inp.grad) and, when it sends them, before (inp.produced_grad).
      const contribution = summed ? { values: inp.produced_grad || null, shape: produced } : { values: inp.grad, shape: inp.shape };
      let local = null;
      if (!summed && contribution.values && upstream.values && sameShape(upstream.shape, contribution.shape)) {
        local = contribution.values.map((c, i) => {
          const g = num(upstream.values[i]);
          return g === 0 || i >= upstream.values.length ? null : num(c) / g;
        });
        if (local.every((v) => v === null)) local = null;
      }
      return {
        to: inp.to,
        index: inp.index ?? 0,
        rule: derivativeClause(op.derivative, inp.index ?? 0, arity),
        local,
        contribution,
        unbroadcast: summed ? { dims: inp.summed_dims, from: produced, to: inp.shape, values: inp.grad } : null,
        accumulated: !!inp.accumulated,
      };
    }),
  };
}

export const shapeText = shapeStr;
