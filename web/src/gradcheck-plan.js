// Gradcheck of exactly the gradient the inspector shows (runs in the worker, on the engine's
// tl.gradcheck, which perturbs the *first* binding of a variable in a float64 re-run).
//
// The gradient shown for a leaf `w` is d(root of the last backward)/d(w as the last backward's graph
// used it). Two things made the plain check compare other numbers:
//  - randomness: each re-run continued the engine's random stream (an unseeded torch.randn drew
//    new numbers); every run here starts with torch.manual_seed(TORCH_DEFAULT_SEED);
//  - which w: in a training loop the first binding is the initial w, not the one the last graph
//    used. The graph of the root tells where that graph first uses w (the ops w feeds, with their
//    source lines); a float32 run counts how often that statement runs (K) and captures w's value
//    at the K-th time; the float64 re-run then, at the K-th time, sets w to those exact values and
//    binds it to a fresh variable, which tl.gradcheck perturbs at that moment.
// Statements are inserted before the statement that first uses w (its line and indentation), so
// that loops work; inside a def body this is refused with the reason.

export const TORCH_DEFAULT_SEED = 67280421310721;
export const MAX_INJECT = 4096; // elements of w written into the re-run's source

/** For each line (0-based), whether a statement starts there (bracket depth 0, no continuation). */
function statementStarts(lines) {
  const starts = [];
  let depth = 0, cont = false, quote = '';
  for (const text of lines) {
    starts.push(depth === 0 && !cont && !quote);
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (text.startsWith(quote, i)) { i += quote.length - 1; quote = ''; }
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") { quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c; i += quote.length - 1; continue; }
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    }
    if (quote.length === 1) quote = ''; // an unterminated one-line string: the engine will say so
    cont = /\\\s*$/.test(text);
  }
  return starts;
}

const indentOf = (text) => /^[ \t]*/.exec(text)[0];

/** Whether 0-based line `at` sits (at any depth) inside a def or class body. */
function insideDef(lines, at) {
  let ind = indentOf(lines[at]).length;
  for (let i = at - 1; i >= 0 && ind > 0; i--) {
    const t = lines[i];
    if (!t.trim() || t.trim().startsWith('#')) continue;
    const d = indentOf(t).length;
    if (d < ind) {
      if (/^\s*(async\s+)?(def|class)\b/.test(t)) return true;
      ind = d;
    }
  }
  return false;
}

/**
 * Where to perturb `name`: {line (1-based statement start), indent} or {reason}.
 * graph: the graph JSON of the backward root (var '').
 */
export function findUse(source, graph, name) {
  const leaf = graph.nodes.find((n) => n.kind === 'tensor' && n.is_leaf && n.name === name);
  if (!leaf) return { reason: `${name} is not in the graph of the last backward() call, so that call gives it no gradient to check` };
  const ops = new Set(graph.edges.filter((e) => e.from === leaf.id).map((e) => e.to));
  const lines = graph.nodes.filter((n) => ops.has(n.id) && n.span && n.span.line).map((n) => n.span.line);
  if (!lines.length) return { reason: `the engine gave no source line for the ops that use ${name}` };
  const src = source.split('\n');
  const starts = statementStarts(src);
  let at = Math.min(...lines) - 1;
  while (at > 0 && !starts[at]) at--;
  if (insideDef(src, at)) return { reason: `${name} is first used inside a function body (line ${at + 1}); gradcheck can only re-run top-level code and loops` };
  return { line: at + 1, indent: indentOf(src[at]) };
}

const prefix = `import torch; torch.manual_seed(${TORCH_DEFAULT_SEED}); tl_gc_n = 0\n`;

function insert(source, use, stmts) {
  const src = source.split('\n');
  src.splice(use.line - 1, 0, ...stmts.map((s) => use.indent + s));
  return prefix + src.join('\n') + '\n';
}

/** The float32 probe: counts the statement's executions and keeps name's value at the last one. */
export function probeSource(source, use, name) {
  return insert(source, use, ['tl_gc_n = tl_gc_n + 1', `tl_gc_v = ${name}.detach().clone()`]) + 'tl_gc_k = torch.tensor(tl_gc_n)\n';
}

const lit = (v) => {
  const x = Number(v);
  return Number.isInteger(x) ? `${x}.` : String(x);
};

/** The float64 re-run for tl.gradcheck(…, 'tl_gc_x'): at the k-th time, name gets `values` and a new binding. */
export function checkSource(source, use, name, k, values) {
  const set = values ? `${name}.detach().copy_(torch.tensor([${values.map(lit).join(', ')}]).reshape(${name}.shape)); ` : '';
  return insert(source, use, ['tl_gc_n = tl_gc_n + 1', `if tl_gc_n == ${k}: ${set}tl_gc_x = ${name}`]);
}

/** Maps a line of a rewritten source back to the user's (1 prefix line, 2 inserted before `use`). */
export function userLine(line, use) {
  if (!line) return 0;
  const l = line - 1;
  return l >= use.line + 2 ? l - 2 : Math.min(l, use.line);
}
