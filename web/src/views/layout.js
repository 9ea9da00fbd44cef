// Graph layout for the graph view: top-down layers, inputs above the ops that use them, the root at
// the bottom. Small graphs go through dagre (network-simplex ranks, good crossing reduction); dagre
// recurses once per rank, which ends in "Maximum call stack size exceeded" near 2,000 nodes, so
// bigger graphs get layeredLayout below: iterative throughout (Kahn's topological order, no
// recursion), O((V + E) log V) per sweep. Measured in Chromium: a 10,000-node chain in ~30 ms.
import dagre from '@dagrejs/dagre';

/** Graphs with more nodes than this start with their outermost module calls collapsed. */
export const DAGRE_MAX_NODES = 300;

/**
 * Graphs with more nodes than this skip dagre (its recursion and its O(V·E) passes): dagre takes
 * ~80 ms for a 100-node graph in Chromium here (most of the 100 ms "Run → graph drawn" budget),
 * the layered layout below well under 1 ms; below this size dagre's nicer edge routing is cheap.
 * Graphs with module clusters keep dagre up to DAGRE_MAX_NODES (its compound layout).
 */
export const DAGRE_LAYOUT_MAX_NODES = 60;

/** Room above a cluster's first row of nodes for its label. */
export const CLUSTER_LABEL_H = 18;

/**
 * nodes: [{id, width, height}], edges: [{from, to}] (input -> consumer). opts.clusters:
 * [{id, parent}] (module clusters, parent 0 = none) and opts.clusterOf: Map(node id -> innermost
 * cluster id), both optional.
 * Returns {pos: Map(id -> {x, y, width, height}) (centres), edges: [[{x, y}, ...] per edge], width,
 * height, clusters: Map(cluster id -> {x, y, width, height}) (top-left corner)}.
 */
export function layout(nodes, edges, opts = {}) {
  // Module clusters need dagre's compound layout (members kept together) up to the collapse size.
  const dagreMax = opts.clusters && opts.clusters.length ? DAGRE_MAX_NODES : DAGRE_LAYOUT_MAX_NODES;
  const lay = nodes.length <= dagreMax ? dagreLayout(nodes, edges, opts) : layeredLayout(nodes, edges, opts);
  if (!lay.clusters) lay.clusters = boundingBoxes(lay.pos, opts);
  return lay;
}

function dagreLayout(nodes, edges, { ranksep = 34, nodesep = 24, clusters = [], clusterOf = new Map() } = {}) {
  const compound = clusters.length > 0;
  const dg = new dagre.graphlib.Graph({ multigraph: true, compound });
  dg.setGraph({ rankdir: 'TB', nodesep, ranksep: compound ? ranksep + CLUSTER_LABEL_H : ranksep, edgesep: 14, marginx: 8, marginy: 8 + CLUSTER_LABEL_H * (compound ? 1 : 0) });
  dg.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) dg.setNode(String(n.id), { width: n.width, height: n.height });
  // Module clusters as dagre's compound nodes: it keeps their members together and sizes them.
  for (const c of clusters) dg.setNode(`c${c.id}`, {});
  for (const c of clusters) if (c.parent) dg.setParent(`c${c.id}`, `c${c.parent}`);
  for (const [id, c] of clusterOf) if (dg.hasNode(String(id))) dg.setParent(String(id), `c${c}`);
  edges.forEach((e, i) => dg.setEdge(String(e.from), String(e.to), {}, `e${i}`));
  dagre.layout(dg);
  const pos = new Map();
  for (const n of nodes) {
    const p = dg.node(String(n.id));
    pos.set(n.id, { x: p.x, y: p.y, width: n.width, height: n.height });
  }
  const boxes = new Map();
  for (const c of clusters) {
    const b = dg.node(`c${c.id}`);
    // The label sits in the box's top strip: grow the box upwards by its height.
    if (b && b.width) boxes.set(c.id, { x: b.x - b.width / 2, y: b.y - b.height / 2 - CLUSTER_LABEL_H, width: b.width, height: b.height + CLUSTER_LABEL_H });
  }
  const gi = dg.graph();
  return { pos, edges: edges.map((e, i) => dg.edge(String(e.from), String(e.to), `e${i}`).points), width: gi.width, height: gi.height, clusters: boxes, engine: 'dagre' };
}

/** Cluster boxes from their members' positions (the layered layout knows no clusters), outer last. */
function boundingBoxes(pos, { clusters = [], clusterOf = new Map() } = {}) {
  const boxes = new Map();
  if (!clusters.length) return boxes;
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const grow = (id, x0, y0, x1, y1) => {
    for (let k = 0; id && k < 64; k++, id = byId.get(id)?.parent) {
      const b = boxes.get(id);
      const pad = 8;
      if (!b) boxes.set(id, { x0: x0 - pad, y0: y0 - pad - CLUSTER_LABEL_H, x1: x1 + pad, y1: y1 + pad });
      else Object.assign(b, { x0: Math.min(b.x0, x0 - pad), y0: Math.min(b.y0, y0 - pad - CLUSTER_LABEL_H), x1: Math.max(b.x1, x1 + pad), y1: Math.max(b.y1, y1 + pad) });
      ({ x0, y0, x1, y1 } = boxes.get(id));
    }
  };
  for (const [id, c] of clusterOf) {
    const p = pos.get(id);
    if (p) grow(c, p.x - p.width / 2, p.y - p.height / 2, p.x + p.width / 2, p.y + p.height / 2);
  }
  for (const [id, b] of boxes) boxes.set(id, { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 });
  return boxes;
}

/** A layered (Sugiyama-style) layout without recursion, for graphs of any size. */
export function layeredLayout(nodes, edges, { ranksep = 34, nodesep = 18, margin = 8, sweeps = 4 } = {}) {
  const n = nodes.length;
  const index = new Map(nodes.map((v, i) => [v.id, i]));
  const succ = Array.from({ length: n }, () => []);
  const pred = Array.from({ length: n }, () => []);
  const indeg = new Int32Array(n);
  for (const e of edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    succ[a].push(b);
    pred[b].push(a);
    indeg[b]++;
  }
  // Kahn's algorithm: a topological order with an explicit queue.
  const topo = [];
  const queue = [];
  for (let i = 0; i < n; i++) if (!indeg[i]) queue.push(i);
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h];
    topo.push(v);
    for (const w of succ[v]) if (--indeg[w] === 0) queue.push(w);
  }
  if (topo.length < n) for (let i = 0; i < n; i++) if (indeg[i] > 0) topo.push(i); // a cycle: never from autograd, but never loop
  // Ranks: longest path from the sources; then a source sits right above its first consumer
  // (a weight used deep in the graph is drawn next to that use, not at the very top).
  const rank = new Int32Array(n);
  for (const v of topo) for (const w of succ[v]) rank[w] = Math.max(rank[w], rank[v] + 1);
  for (const v of topo) {
    if (pred[v].length || !succ[v].length) continue;
    let r = Infinity;
    for (const w of succ[v]) r = Math.min(r, rank[w]);
    rank[v] = r - 1;
  }
  let maxRank = 0;
  for (let i = 0; i < n; i++) maxRank = Math.max(maxRank, rank[i]);
  const layers = Array.from({ length: maxRank + 1 }, () => []);
  for (const v of topo) layers[rank[v]].push(v);
  // Order within layers: barycentre sweeps (down using predecessors, up using successors).
  const order = new Float64Array(n);
  const renumber = (layer) => layer.forEach((v, i) => { order[v] = i; });
  layers.forEach(renumber);
  const bary = (v, nb) => {
    if (!nb[v].length) return order[v];
    let s = 0;
    for (const u of nb[v]) s += order[u];
    return s / nb[v].length;
  };
  for (let s = 0; s < sweeps; s++) {
    const down = s % 2 === 0;
    for (let k = 0; k <= maxRank; k++) {
      const r = down ? k : maxRank - k;
      const layer = layers[r];
      if (layer.length < 2) continue;
      const key = new Map(layer.map((v) => [v, bary(v, down ? pred : succ)]));
      layer.sort((a, b) => key.get(a) - key.get(b) || order[a] - order[b]);
      renumber(layer);
    }
  }
  // x: each node wants the mean x of its neighbours in the previous layer of the sweep; nodes keep
  // their order and at least `nodesep` between them (a left-to-right and a right-to-left pass).
  const x = new Float64Array(n);
  const w = (v) => nodes[v].width;
  for (const layer of layers) {
    let at = 0;
    for (const v of layer) { x[v] = at + w(v) / 2; at += w(v) + nodesep; }
  }
  // Each layer's x: the positions closest (least squares) to what the nodes want, keeping their order
  // and the separations — blocks of touching nodes merge left to right and sit at their mean wish
  // (the pool-adjacent-violators algorithm of isotonic regression).
  const place = (layer, nb) => {
    if (!layer.length) return;
    if (layer.length === 1) {
      const v = layer[0];
      if (nb[v].length) { let s = 0; for (const u of nb[v]) s += x[u]; x[v] = s / nb[v].length; }
      return;
    }
    const want = layer.map((v) => {
      if (!nb[v].length) return x[v];
      let s = 0;
      for (const u of nb[v]) s += x[u];
      return s / nb[v].length;
    });
    const sep = (i) => (w(layer[i - 1]) + w(layer[i])) / 2 + nodesep; // between layer[i-1] and layer[i]
    const rel = new Float64Array(layer.length); // x of a node minus x of its block's first node
    const blocks = []; // {first, last, sum: Σ(want - rel), cnt}
    for (let i = 0; i < layer.length; i++) {
      let blk = { first: i, last: i, sum: want[i], cnt: 1 };
      for (;;) {
        const prev = blocks[blocks.length - 1];
        if (!prev) break;
        const pPrev = prev.sum / prev.cnt, p = blk.sum / blk.cnt;
        const gap = rel[prev.last] + sep(blk.first);
        if (pPrev + gap <= p) break;
        for (let j = blk.first; j <= blk.last; j++) { rel[j] += gap; }
        let moved = 0;
        for (let j = blk.first; j <= blk.last; j++) moved += want[j] - rel[j];
        blk = { first: prev.first, last: blk.last, sum: prev.sum + moved, cnt: prev.cnt + blk.cnt };
        blocks.pop();
      }
      blocks.push(blk);
    }
    for (const b of blocks) {
      const p = b.sum / b.cnt;
      for (let j = b.first; j <= b.last; j++) x[layer[j]] = p + rel[j];
    }
  };
  for (let s = 0; s < 4; s++) {
    const down = s % 2 === 0;
    for (let k = 0; k <= maxRank; k++) place(layers[down ? k : maxRank - k], down ? pred : succ);
  }
  let minX = Infinity, maxX = -Infinity;
  for (let i = 0; i < n; i++) { minX = Math.min(minX, x[i] - w(i) / 2); maxX = Math.max(maxX, x[i] + w(i) / 2); }
  // y: layer by layer, each as tall as its tallest node.
  const layerY = new Float64Array(maxRank + 1);
  let y = margin;
  for (let r = 0; r <= maxRank; r++) {
    let hmax = 0;
    for (const v of layers[r]) hmax = Math.max(hmax, nodes[v].height);
    layerY[r] = y + hmax / 2;
    y += hmax + ranksep;
  }
  const pos = new Map();
  for (let i = 0; i < n; i++) {
    pos.set(nodes[i].id, { x: x[i] - minX + margin, y: layerY[rank[i]], width: nodes[i].width, height: nodes[i].height });
  }
  const edgePts = edges.map((e) => {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) return [];
    const y0 = a.y + a.height / 2, y1 = b.y - b.height / 2;
    return [{ x: a.x, y: y0 }, { x: (a.x + b.x) / 2, y: (y0 + y1) / 2 }, { x: b.x, y: y1 }];
  });
  return { pos, edges: edgePts, width: maxX - minX + 2 * margin, height: y - ranksep + margin, engine: 'layered' };
}
