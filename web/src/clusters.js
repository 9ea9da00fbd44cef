// Structure from the engine's graph JSON, for the graph view (pure functions, no recursion):
// - composite ops drawn as one op: the nodes one composite call made (dist = sub + abs + norm,
//   nn.Linear = transpose + mm + add) carry the same `composite` id; they become their output op,
//   labelled with the composite's name and PyTorch's grad_fn (dist · DistBackward0);
// - module clusters: nodes made inside an nn.Module call carry the call's `module` id
//   (graph.modules: {id, parent, name, type, extra}); the view boxes them, labelled like
//   `fc1: Linear(4, 8)`, and a collapsed call is one node.
// A module's parameters join its cluster when every use of them is inside it.

/** `fc1: Linear(4, 8)`: the name under the parent, the type, and the leading arguments of PyTorch's
 * extra_repr ("in_features=4, out_features=8, bias=True" -> "4, 8"; keyword flags are dropped). */
export function moduleLabel(m) {
  if (!m) return '';
  const args = [];
  // Top-level ", " separators only: "kernel_size=(3, 3)" stays one part.
  const parts = [];
  let depth = 0, start = 0;
  const text = m.extra || '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { parts.push(text.slice(start, i).trim()); start = i + 1; }
  }
  parts.push(text.slice(start).trim());
  for (const part of parts) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const v = eq < 0 ? part : part.slice(eq + 1);
    if (/^-?[\d.e+-]+$/.test(v) || /^\(.*\)$/.test(v)) args.push(v);
    else if (eq < 0) args.push(part);
  }
  const type = `${m.type}${args.length ? `(${args.join(', ')})` : ''}`;
  return m.name ? `${m.name}: ${type}` : type;
}

/**
 * graph: the engine's graph JSON (or a collapsed one). opts.expandComposites: draw composites'
 * parts; opts.collapsed: Set of module ids drawn as one node.
 * Returns {graph, alias: Map(hidden id -> drawn id), clusters: [{id, parent, label, depth, nodes: [drawn ids]}]}.
 */
export function structure(graph, { expandComposites = false, collapsed = new Set() } = {}) {
  const alias = new Map();
  // Nothing to group (a plain script, e.g. a 10,000-node loop): the graph as it is.
  if (!graph || (!(graph.modules || []).length && !(graph.composites || []).length)) return { graph, alias, clusters: [], clusterOf: new Map() };
  const modules = new Map((graph.modules || []).map((m) => [m.id, m]));
  const composites = new Map((graph.composites || []).map((c) => [c.id, c]));
  let nodes = graph.nodes;
  let edges = graph.edges;

  // ---- composites: members -> their output op ----
  if (!expandComposites && composites.size) {
    const parts = new Map(); // composite id -> [op names of the parts]
    for (const n of nodes) {
      const c = n.composite && composites.get(n.composite);
      if (!c || c.head < 0 || n.kind !== 'op') continue;
      if (n.id !== c.head) alias.set(n.id, c.head);
      if (!parts.has(c.id)) parts.set(c.id, []);
      parts.get(c.id).push(n.op);
    }
    nodes = nodes.filter((n) => !alias.has(n.id)).map((n) => {
      const c = n.kind === 'op' && n.composite && composites.get(n.composite);
      if (!c || c.head !== n.id || (parts.get(c.id) || []).length < 2) return n;
      return { ...n, op: c.op || n.op, grad_fn: c.grad_fn || n.grad_fn, derivative: '', parts: [...parts.get(c.id)].reverse() }; // ids run output -> inputs
    });
    edges = remap(edges, alias);
  }

  // ---- module of each drawn node (parameters join the cluster that alone uses them) ----
  const moduleOf = new Map(nodes.map((n) => [n.id, n.module || 0]));
  const consumers = new Map();
  for (const e of edges) {
    if (!consumers.has(e.from)) consumers.set(e.from, []);
    consumers.get(e.from).push(e.to);
  }
  for (const n of nodes) {
    if (n.module || n.kind !== 'tensor' || !n.is_leaf || !n.requires_grad || n.constant) continue;
    const uses = consumers.get(n.id) || [];
    const ms = new Set(uses.map((u) => moduleOf.get(u) || 0));
    if (uses.length && ms.size === 1 && !ms.has(0)) moduleOf.set(n.id, [...ms][0]);
  }
  const chain = (m) => { // m and its enclosing calls, innermost first (bounded: ids are finite)
    const out = [];
    for (let k = 0; m && modules.has(m) && k < 64; k++, m = modules.get(m).parent) out.push(m);
    return out;
  };

  // ---- collapsed module calls: their nodes -> one node ----
  if (collapsed.size) {
    let nextId = nodes.reduce((mx, n) => Math.max(mx, n.id), 0) + 1;
    const moduleNode = new Map(); // module id -> drawn node
    const keep = [];
    for (const n of nodes) {
      const outer = chain(moduleOf.get(n.id)).reverse().find((m) => collapsed.has(m));
      if (!outer || n.id === graph.root) { keep.push(n); continue; }
      let g = moduleNode.get(outer);
      if (!g) {
        const m = modules.get(outer);
        g = { id: nextId++, kind: 'module', module: m.parent || 0, moduleId: outer, name: moduleLabel(m), op: '', grad_fn: '', shape: [], dtype: '',
          requires_grad: false, is_leaf: false, value: null, grad: null, numel: 0, backward_order: -1, derivative: '', span: n.span, members: [] };
        moduleNode.set(outer, g);
        keep.push(g);
        moduleOf.set(g.id, m.parent || 0);
      }
      g.members.push(n.id);
      if (!g.span || (n.span && n.span.line < g.span.line)) g.span = n.span;
      alias.set(n.id, g.id);
    }
    for (const [hid, to] of alias) if (alias.has(to)) alias.set(hid, alias.get(to)); // composite -> module node
    nodes = keep;
    edges = remap(edges, alias);
  }

  // ---- clusters: the expanded module calls that contain drawn nodes ----
  const byModule = new Map();
  for (const n of nodes) {
    for (const m of chain(moduleOf.get(n.id))) {
      if (collapsed.has(m)) continue;
      if (!byModule.has(m)) byModule.set(m, []);
      byModule.get(m).push(n.id);
    }
  }
  const clusters = [...byModule].map(([id, ids]) => {
    const m = modules.get(id);
    return { id, parent: chain(m.parent).find((p) => byModule.has(p)) || 0, label: moduleLabel(m), depth: chain(id).length, nodes: ids };
  });
  // The innermost expanded cluster of each drawn node (for the layout's compound graph).
  const clusterOf = new Map();
  for (const n of nodes) {
    const c = chain(moduleOf.get(n.id)).find((m) => byModule.has(m));
    if (c) clusterOf.set(n.id, c);
  }
  return { graph: { ...graph, nodes, edges }, alias, clusters, clusterOf };
}

function remap(edges, alias) {
  const seen = new Set();
  const out = [];
  for (const e of edges) {
    const from = alias.get(e.from) ?? e.from, to = alias.get(e.to) ?? e.to;
    if (from === to) continue;
    const k = `${from}>${to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...e, from, to });
  }
  return out;
}
