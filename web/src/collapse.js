// Repeated loop bodies, collapsed: a loop that runs its body many times leaves the same ops (same
// source position) once per iteration; the graph view draws the first and the last iteration and
// one group node for everything between ("× 3331 iterations, line 4"), expandable on demand.
// Pure function of the graph JSON; no recursion (forward order by Kahn's algorithm).
import { forwardOrder } from './explain.js';

export const MIN_REPEATS = 8; // a body must repeat at least this often to be collapsed

const keyOf = (n) => (n.span ? `${n.kind}:${n.op || ''}@${n.span.line}:${n.span.col}` : null);

/**
 * Returns {graph, groups} where graph is the graph JSON with the middle iterations of the most
 * repeated loop body replaced by one node {id, kind: 'group', name, op: '', count, hidden, lines,
 * shape: [], ...}, and groups maps the group id to the hidden node ids; or {graph (unchanged),
 * groups: empty} when nothing repeats MIN_REPEATS times.
 */
export function collapseLoops(graph) {
  const none = { graph, groups: new Map() };
  if (!graph || graph.nodes.length < 3 * MIN_REPEATS) return none;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const count = new Map();
  for (const n of graph.nodes) {
    const k = keyOf(n);
    if (k) count.set(k, (count.get(k) || 0) + 1);
  }
  let best = null;
  for (const [k, c] of count) if (c >= MIN_REPEATS && (!best || c > count.get(best))) best = k;
  if (!best) return none;
  const reps = count.get(best);
  // The keys that repeat exactly as often as the best one form the loop body.
  const body = new Set([...count].filter(([, c]) => c === reps).map(([k]) => k));
  // Iterations in forward order: each occurrence of the body's first key starts one.
  const order = forwardOrder(graph);
  let startKey = null;
  for (const id of order) {
    const k = keyOf(byId.get(id));
    if (body.has(k)) { startKey = k; break; }
  }
  const iter = new Map(); // id -> iteration index
  let it = -1;
  for (const id of order) {
    const k = keyOf(byId.get(id));
    if (!body.has(k)) continue;
    if (k === startKey) it++;
    iter.set(id, Math.max(0, it));
  }
  const last = it;
  if (last < MIN_REPEATS - 1) return none;
  const hidden = new Set([...iter].filter(([, i]) => i > 0 && i < last).map(([id]) => id));
  if (hidden.has(graph.root)) return none;
  const gid = graph.nodes.reduce((m, n) => Math.max(m, n.id), 0) + 1;
  const lines = [...new Set([...body].map((k) => Number(k.split('@')[1].split(':')[0])))].sort((a, b) => a - b);
  const group = {
    id: gid, kind: 'group', name: `× ${last - 1} iterations`, op: '', grad_fn: '', shape: [], dtype: '',
    requires_grad: false, is_leaf: false, value: null, grad: null, numel: 0, backward_order: -1, derivative: '',
    span: { line: lines[0], col: 1 }, count: last - 1, hidden: hidden.size, lines,
  };
  const nodes = graph.nodes.filter((n) => !hidden.has(n.id));
  nodes.push(group);
  const seen = new Set();
  const edges = [];
  for (const e of graph.edges) {
    const from = hidden.has(e.from) ? gid : e.from, to = hidden.has(e.to) ? gid : e.to;
    if (from === to) continue;
    const k = `${from}>${to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    edges.push({ from, to });
  }
  return { graph: { ...graph, nodes, edges }, groups: new Map([[gid, [...hidden]]]) };
}
