// Exports: the script as runnable PyTorch, the graph as DOT text, downloads.
import { nodeClass, nodeLabel } from './views/graph.js';

/** The script with `import torch` on top when it has none (it then runs in Python as is). */
export function asPyTorch(source) {
  const text = source.endsWith('\n') ? source : source + '\n';
  return /^\s*(import torch\b|from torch\b)/m.test(text) ? text : 'import torch\n\n' + text;
}

/** A DOT string literal: backslashes, quotes and line breaks escaped. */
export const dotString = (v) => '"' + String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"';

const DOT_STYLE = {
  param: 'shape=box, style="rounded,filled", fillcolor="#dbeafe", color="#2563eb"',
  leaf: 'shape=box, style="rounded,filled", fillcolor="#f1f5f9", color="#64748b"',
  inter: 'shape=box, style="rounded,filled", fillcolor="#fef3c7", color="#d97706"',
  op: 'shape=ellipse, style=filled, fillcolor="#ede9fe", color="#7c3aed"',
};

export function graphToDot(graph) {
  const lines = [`digraph ${dotString(graph.var || 'graph')} {`, '  rankdir=TB;', '  node [fontname="Helvetica", fontsize=11];', '  edge [color="#94a3b8"];'];
  for (const n of graph.nodes) {
    const [title, detail] = nodeLabel(n);
    const bold = n.id === graph.root ? ', penwidth=2.5' : '';
    lines.push(`  n${Number(n.id)} [label=${dotString(`${title}\n${detail}`)}, ${DOT_STYLE[nodeClass(n)]}${bold}];`);
  }
  for (const e of graph.edges) lines.push(`  n${Number(e.from)} -> n${Number(e.to)};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
