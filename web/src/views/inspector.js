// The inspector: everything about one graph node. Values and gradients as tables (a heatmap for
// 2-D), truncated with summary statistics for large tensors.
import { h, clear } from '../dom.js';
import { fmt, num, shapeStr, stats, preview } from '../format.js';
import { nodeClass } from './graph.js';

const MAX_ROWS = 8;
const MAX_COLS = 8;
const KIND = { param: 'parameter (leaf, requires grad)', leaf: 'constant (leaf, no grad)', inter: 'intermediate tensor', op: 'op', group: 'collapsed loop iterations', module: 'module call (collapsed)' };

/** A diverging colour for v in [-m, m]: blue for negative, red for positive. */
function heat(v, m) {
  const x = num(v);
  if (!Number.isFinite(x) || m === 0) return null;
  const t = Math.min(1, Math.abs(x) / m);
  const [r, g, b] = x >= 0 ? [239, 68, 68] : [59, 130, 246];
  return `rgba(${r}, ${g}, ${b}, ${(0.08 + 0.55 * t).toFixed(3)})`;
}

/** Indices to show along an axis of length n: all, or the first and last few with a gap (-1). */
function axis(n, max) {
  if (n <= max) return [...Array(n).keys()];
  const head = Math.ceil((max - 1) / 2), tail = max - 1 - head;
  return [...Array(head).keys(), -1, ...Array.from({ length: tail }, (_, i) => n - tail + i)];
}

/** A 2-D (rows × cols) table over flat row-major values starting at offset. */
function matrix(values, rows, cols, offset, maxAbs, heatmap) {
  const body = h('tbody');
  const ri = axis(rows, MAX_ROWS), ci = axis(cols, MAX_COLS);
  body.append(h('tr', {}, h('th', { class: 'corner' }), ci.map((c) => h('th', { scope: 'col' }, c < 0 ? '…' : String(c)))));
  for (const r of ri) {
    const tr = h('tr', {}, h('th', { scope: 'row' }, r < 0 ? '⋮' : String(r)));
    for (const c of ci) {
      if (r < 0 || c < 0) {
        tr.append(h('td', { class: 'gap' }, r < 0 && c < 0 ? '⋱' : r < 0 ? '⋮' : '…'));
        continue;
      }
      const v = values[offset + r * cols + c];
      const td = h('td', { title: `[${r}, ${c}] = ${fmt(v)}` }, fmt(v));
      const bg = heatmap ? heat(v, maxAbs) : null;
      if (bg) td.style.backgroundColor = bg;
      tr.append(td);
    }
    body.append(tr);
  }
  return h('table', { class: `tensor-table${heatmap ? ' heatmap' : ''}` }, body);
}

/** Values (flat, row-major) of a tensor of `shape` as tables; `partial` when only a preview is known. */
export function tensorTable(values, shape, { partial = false, numel = values.length, heat = false } = {}) {
  const wrap = h('div', { class: 'tensor-view' });
  if (!values || !values.length) return wrap.append(h('div', { class: 'muted' }, 'empty')), wrap;
  const st = stats(values);
  const maxAbs = Math.max(Math.abs(st.min), Math.abs(st.max));
  if (partial) {
    wrap.append(h('div', { class: 'note' }, `Preview: the first ${values.length} of ${numel} values (this tensor has no variable name).`));
    wrap.append(matrix(values, 1, values.length, 0, maxAbs, false));
    return wrap;
  }
  if (shape.length === 0) {
    wrap.append(h('div', { class: 'scalar' }, fmt(values[0])));
    return wrap;
  }
  if (shape.length === 1) wrap.append(matrix(values, 1, shape[0], 0, maxAbs, heat));
  else if (shape.length === 2) wrap.append(matrix(values, shape[0], shape[1], 0, maxAbs, true));
  else {
    const rows = shape[shape.length - 2], cols = shape[shape.length - 1];
    const lead = shape.slice(0, -2);
    const count = lead.reduce((a, b) => a * b, 1);
    for (const k of axis(count, 3)) {
      if (k < 0) { wrap.append(h('div', { class: 'muted slice' }, '⋮')); continue; }
      const idx = [];
      for (let d = lead.length - 1, r = k; d >= 0; d--) { idx.unshift(r % lead[d]); r = Math.floor(r / lead[d]); }
      wrap.append(h('div', { class: 'slice' }, `[${idx.join(', ')}, :, :]`), matrix(values, rows, cols, k * rows * cols, maxAbs, true));
    }
  }
  if (values.length > 8 || shape.length > 1) {
    const truncated = shape.some((n, i) => n > (i === shape.length - 1 ? MAX_COLS : MAX_ROWS)) || shape.length > 3;
    wrap.append(h('div', { class: `summary${truncated ? ' truncated' : ''}` },
      truncated ? h('span', { class: 'badge' }, 'truncated') : null,
      ...[['min', st.min], ['max', st.max], ['mean', st.mean], ['norm', st.norm]].map(([k, v]) => h('span', { class: 'stat' }, h('b', {}, k), ' ', fmt(v))),
      st.nan ? h('span', { class: 'stat' }, h('b', {}, 'nan'), ` ${st.nan}`) : null));
  }
  return wrap;
}

/** The chain rule of an op (explain.chainRule) as a small table per input. */
function chainRuleView(chain, nameOf) {
  const sec = h('section', { class: 'insp-section chain', 'data-section': 'chain' }, h('h3', {}, 'Chain rule (last backward)'));
  const up = `${preview(chain.upstream.values)} ${shapeStr(chain.upstream.shape)}`;
  for (const inp of chain.inputs) {
    const rows = [
      ['upstream g', up],
      ['× local', `${inp.rule || `∂out/∂input ${inp.index}`}${inp.local ? ` = ${preview(inp.local.map((v) => (v === null ? NaN : v)))}` : ''}`],
      ['= contribution', inp.contribution.values ? `${preview(inp.contribution.values)} ${shapeStr(inp.contribution.shape)}` : `${shapeStr(inp.contribution.shape)} (values before the unbroadcast: not reported by this engine)`],
    ];
    if (inp.unbroadcast) rows.push(['unbroadcast', `sum over dims ${inp.unbroadcast.dims.join(', ')}: ${shapeStr(inp.unbroadcast.from)} → ${shapeStr(inp.unbroadcast.to)} = ${preview(inp.unbroadcast.values)}`]);
    if (inp.accumulated) rows.push(['accumulate', 'added to the gradient already waiting there']);
    sec.append(h('div', { class: 'chain-input', 'data-input': String(inp.index) },
      h('div', { class: 'chain-to' }, `→ ${nameOf(inp.to)}`),
      h('table', { class: 'props chain-table' }, h('tbody', {}, rows.map(([k, v]) => h('tr', { 'data-row': k.replace(/[^a-z]/g, '') }, h('th', { scope: 'row' }, k), h('td', {}, v)))))));
  }
  return sec;
}

/** Gradcheck as a heatmap: analytic − numeric per checked element, in the tensor's shape. */
function gradcheckView(gc, shape) {
  const diff = gc.analytic.map((a, i) => num(a) - num(gc.numeric[i]));
  const whole = gc.checked === gc.numel;
  const sec = h('div', { class: 'gc-heat', 'data-section': 'gradcheck-heatmap' },
    h('div', { class: 'note' }, `analytic − numeric per element${whole ? '' : ` (the first ${gc.checked} of ${gc.numel})`}`));
  sec.append(tensorTable(diff, whole ? shape : [diff.length], { heat: true }));
  return sec;
}

export function createInspector(el, { onLine = () => {}, onGradcheck = () => {}, onExpand = () => {}, onExpandModule = () => {}, onExpandComposites = () => {} } = {}) {
  function render(node, { full = null, source = '', features = {}, gradcheck = null, gradFn = '', chain = null, nameOf = (id) => `#${id}` } = {}) {
    clear(el);
    if (!node) {
      el.append(h('p', { class: 'muted empty-state' }, 'Click a node of the graph to inspect its values and gradient.'));
      return;
    }
    const cls = nodeClass(node);
    if (cls === 'group') {
      el.append(h('div', { class: 'insp-head' }, h('span', { class: 'kind-dot kind-group' }), h('span', { class: 'insp-title' }, node.name), h('span', { class: 'insp-kind' }, KIND.group)),
        h('p', {}, `The loop body on line${node.lines.length > 1 ? 's' : ''} ${node.lines.join(', ')} ran ${node.count + 2} times; the first and the last iteration are drawn, the ${node.count} between (${node.hidden} nodes) are collapsed here.`),
        h('button', { class: 'btn small', 'data-action': 'expand', onclick: () => onExpand(node) }, 'Expand: draw all nodes'));
      return;
    }
    if (cls === 'module') {
      el.append(h('div', { class: 'insp-head' }, h('span', { class: 'kind-dot kind-module' }), h('span', { class: 'insp-title' }, node.name), h('span', { class: 'insp-kind' }, KIND.module)),
        h('p', {}, `The ${node.members.length} nodes this module call made are drawn as this one node.`),
        h('button', { class: 'btn small', 'data-action': 'expand-module', onclick: () => onExpandModule(node.moduleId) }, 'Expand: draw its nodes'));
      return;
    }
    const title = node.kind === 'op' ? node.op : node.name || (node.constant ? 'constant' : '(unnamed tensor)');
    el.append(h('div', { class: 'insp-head' },
      h('span', { class: `kind-dot kind-${cls}` }),
      h('span', { class: 'insp-title' }, title),
      h('span', { class: 'insp-kind' }, KIND[cls])));

    const props = [
      ['shape', shapeStr(node.shape)],
      ['dtype', node.dtype],
      ['requires_grad', String(node.requires_grad)],
      ['is_leaf', String(node.is_leaf)],
      ['grad_fn', gradFn || node.grad_fn || 'None'],
      ['numel', String(node.numel ?? '')],
      ['backward order', node.backward_order >= 0 ? `#${node.backward_order + 1}` : 'not reached'],
    ];
    if (node.kind === 'op' && node.derivative) props.push(['derivative', `${node.op}: ${node.derivative}`]);
    if (node.parts) props.push(['composite of', node.parts.join(', ')]);
    if (node.constant) props.push(['in the graph as', 'a constant: an input that needs no gradient']);
    el.append(h('table', { class: 'props' }, h('tbody', {}, props.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))));

    if (node.span && node.span.line) {
      const lineText = (source.split('\n')[node.span.line - 1] || '').trim();
      el.append(h('button', { class: 'source-line', title: 'Highlight this line in the editor', onclick: () => onLine(node.span) },
        h('span', { class: 'source-lno' }, `line ${node.span.line}`), h('code', {}, lineText)));
    }

    if (node.requires_grad) {
      const named = node.kind === 'tensor' && node.name;
      const can = features.gradcheck && !features.gradcheckReason && named && node.is_leaf;
      const why = features.gradcheckReason ? features.gradcheckReason : !features.gradcheck ? 'gradcheck is not available in this engine build'
        : !named ? 'gradcheck needs a named tensor' : !node.is_leaf ? 'gradcheck checks leaf tensors (parameters)' : '';
      const row = h('div', { class: 'gradcheck' },
        h('button', { class: 'btn small', 'data-action': 'gradcheck', disabled: !can, title: why || 'float64 finite-difference check of this gradient', onclick: () => onGradcheck(node) }, '✓ Gradcheck'));
      if (gradcheck) {
        if (gradcheck.pending) row.append(h('span', { class: 'muted' }, 'checking…'));
        else if (gradcheck.error) row.append(h('span', { class: 'gc-bad' }, gradcheck.error));
        else if (gradcheck.cannot) row.append(h('span', { class: 'gc-cannot', 'data-gc': 'cannot' }, `cannot check: ${gradcheck.cannot}`));
        else if (gradcheck.matchesShown === false) {
          row.append(h('span', { class: 'gc-cannot', 'data-gc': 'mismatch' },
            `cannot confirm the shown gradient: the float64 re-run's gradient differs from it by ${fmt(gradcheck.shownDiff)} (relative) — e.g. .grad summed over several backward() calls, or random tensors drawn differently in float64`));
          if (gradcheck.how) row.append(h('div', { class: 'muted small gc-how' }, gradcheck.how));
        } else {
          const ok = gradcheck.maxAbsError <= 1e-5 || gradcheck.maxRelError <= 1e-3; // PyTorch's atol / rtol
          row.append(h('span', { class: ok ? 'gc-ok' : 'gc-bad', 'data-gc': ok ? 'passed' : 'failed' },
            `${ok ? 'passed' : 'FAILED'} · max abs error ${fmt(gradcheck.maxAbsError)} · max rel error ${fmt(gradcheck.maxRelError)}${gradcheck.checked ? ` · ${gradcheck.checked} entries` : ''}`));
          if (gradcheck.how) row.append(h('div', { class: 'muted small gc-how' }, gradcheck.how));
          if (gradcheck.analytic && gradcheck.analytic.length) row.append(gradcheckView(gradcheck, node.shape));
        }
      } else if (why) row.append(h('span', { class: 'muted small' }, why));
      el.append(row);
    }

    if (node.parts) el.append(h('div', { class: 'gradcheck' }, h('button', { class: 'btn small', 'data-action': 'expand-composites', title: 'Draw the ops composites are made of', onclick: () => onExpandComposites() }, `Show its parts (${node.parts.join(', ')})`)));
    if (chain) el.append(chainRuleView(chain, nameOf));

    const data = full ? full.data : node.value;
    const grad = full ? full.grad : node.grad;
    const partial = !full && node.numel > (node.value ? node.value.length : 0);
    const valueSec = h('section', { class: 'insp-section', 'data-section': 'value' }, h('h3', {}, 'Value'));
    const gradSec = h('section', { class: 'insp-section', 'data-section': 'grad' }, h('h3', {}, 'Gradient'));
    el.append(valueSec, gradSec);
    if (data) valueSec.append(tensorTable(data, node.shape, { partial, numel: node.numel }));
    else valueSec.append(h('div', { class: 'muted' }, 'not kept (an intermediate the engine has freed)'));
    if (grad) {
      // A computed gradient that is zero everywhere is not the same as no gradient yet.
      if (grad.every((v) => num(v) === 0)) gradSec.append(h('div', { class: 'grad-zero', 'data-grad-state': 'zero' }, 'computed: zero everywhere (the output does not depend on it here)'));
      gradSec.append(tensorTable(grad, node.shape, { partial: !full && node.numel > grad.length, numel: node.numel }));
    } else gradSec.append(h('div', { class: 'muted grad-missing-note', 'data-grad-state': 'missing' }, node.requires_grad
      ? (node.is_leaf ? 'not computed yet — None (backward has not reached it)' : 'None (non-leaf: PyTorch keeps .grad only for leaves, unless retain_grad())')
      : 'None (does not require grad)'));
  }
  return { render };
}
