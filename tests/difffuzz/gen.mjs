// Seeded generator of random straight-line PyTorch programs over the op table.
//
// The ops come from the op table itself (`tensorlens ops`: every row's schema and where it is
// exposed); this file keeps no list of ops, only argument generators per parameter *kind*
// (Tensor, int[], float, ...) refined by parameter *name* (dim, size, index, ...), plus a short
// list of rows that cannot be compared at all (see SKIP). Each program is a pure function of
// (seed, index): `generate(seed, index)` returns {source, stmts}, where stmts[i] describes line
// i + 1 (for classifying mismatches by the op that made them).
//
// Programs: 2-4 leaves (random shapes incl. rank 0, size-1 and size-0 dims, broadcast-compatible
// most of the time; float32/float64/int64/bool; values incl. -0.0, nan, inf), then 4-12 statements:
// op calls (torch.X / x.X / F.X with positional or keyword arguments and defaults sometimes
// spelled out), in-place ops, views, indexing and index assignment, backward with retain_graph,
// torch.autograd.grad with create_graph, retain_grad, detach. Each statement after the leaves sits
// in `try:` / `except Exception as e: print(LINE, type(e).__name__, MESSAGE)`, so one failing statement
// does not end the program and both sides' exception types are compared through stdout.

// Rows not generated, and why. Everything else in the table is.
export const SKIP = {
  empty: 'uninitialised values', empty_like: 'uninitialised values', new_empty: 'uninitialised values',
  set_default_dtype: 'global state beyond the program (the oracle resets it, kept out for speed)',
  get_default_dtype: 'returns a dtype, nothing to compare', manual_seed: 'emitted at the top of every program',
  slice_backward: 'internal gradient helper', tolist: 'nested lists: compared through tensors instead',
  item: 'Python float repr: compared through tensors instead',
};

export function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// "add.Tensor(Tensor input, Number|Tensor other, *, float alpha=1) -> Tensor"
export function parseSchema(schema) {
  const lp = schema.indexOf('('), arrow = schema.indexOf(' -> '), rp = schema.lastIndexOf(')', arrow);
  const key = schema.slice(0, lp), name = key.split('.')[0];
  const params = [];
  let kwOnly = false;
  for (let item of schema.slice(lp + 1, rp).split(',')) {
    item = item.trim();
    if (!item) continue;
    if (item === '*') { kwOnly = true; continue; }
    const sp = item.indexOf(' ');
    let type = item.slice(0, sp);
    const rest = item.slice(sp + 1).trim();
    const eq = rest.indexOf('=');
    const p = { name: (eq < 0 ? rest : rest.slice(0, eq)).trim(), kwOnly, hasDefault: eq >= 0,
      def: eq >= 0 ? rest.slice(eq + 1).trim() : undefined, nograd: false, optional: false };
    if (type.endsWith('(nograd)')) { p.nograd = true; type = type.slice(0, -8); }
    if (type.endsWith('?')) { p.optional = true; type = type.slice(0, -1); }
    p.type = type;
    params.push(p);
  }
  return { key, name, params, returns: schema.slice(arrow + 4).trim(), schema };
}

const EXPOSE = { torch: 1, method: 2, F: 4, internal: 8, autograd: 16 };
const DTYPES = ['float32', 'float64', 'int64', 'bool'];
// The narrower integer dtypes: drawn for leaves (their values in range), not for dtype= arguments.
const NARROW_INTS = ['int32', 'int16', 'int8', 'uint8'];

export function makeGenerator(rows) {
  const ops = [];
  for (const r of rows) {
    const s = parseSchema(r.schema);
    if (SKIP[s.name] || r.expose === EXPOSE.internal || !(r.expose & (1 | 2 | 4 | 16))) continue;
    if (s.params.some((p) => p.type === 'Any' && p.name !== 'data')) continue;
    ops.push({ ...s, expose: r.expose });
  }
  return { ops, generate: (seed, index) => generate(ops, seed, index) };
}

function generate(ops, seed, index) {
  const rnd = mulberry32((seed * 0x9e3779b1) ^ (index * 0x85ebca6b) ^ 0x1234567);
  const R = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[R(a.length)];
  const chance = (p) => rnd() < p;
  const lines = [], stmts = [];
  const vars = []; // {name, shape: int[]|null, dtype: string|null, leaf, grad}
  let nextVar = 0;
  const emit = (text, info) => {
    info.names = (text.match(/\bv\d+\b/g) || []).filter((n, i, a) => a.indexOf(n) === i && info.kind !== 'except');
    lines.push(text);
    stmts.push(info);
  };
  const guarded = (text, info) => {
    const line = lines.length + 1;
    emit(`try: ${text}`, info);
    // The type is compared; the message's first line only explains (the allow-list matches it).
    emit(`except Exception as e: print(${line}, type(e).__name__, str(e).split('\\n')[0][:100])`, { op: info.op, kind: 'except' });
  };

  emit('import torch', { op: 'import' });
  emit('import torch.nn.functional as F', { op: 'import' });
  emit(`torch.manual_seed(${R(1000)})`, { op: 'manual_seed' });

  // Shapes: a base shape, leaves take suffixes of it with some dims set to 1 (broadcastable).
  const rank = pick([0, 1, 1, 2, 2, 2, 3, 3, 4]);
  const base = [];
  for (let i = 0; i < rank; i++) base.push(pick([0, 1, 1, 2, 2, 3, 3, 4, 5]));
  const randShape = () => {
    if (chance(0.1)) { const r = R(4); return Array.from({ length: r }, () => R(5)); } // unrelated
    const k = R(base.length + 1);
    return base.slice(base.length - k).map((d) => (chance(0.2) ? 1 : d));
  };
  const floatLit = () => {
    const x = rnd();
    if (x < 0.03) return "float('nan')";
    if (x < 0.06) return pick(["float('inf')", "-float('inf')"]);
    if (x < 0.1) return pick(['0.0', '-0.0']);
    if (x < 0.13) return pick(['1e30', '-1e-30', '3e38', '1e-45']);
    return (Math.round((rnd() * 6 - 3) * 100) / 100).toFixed(R(3) + 1);
  };
  const intLit = () => {
    const x = rnd();
    if (x < 0.03) return pick(['9007199254740993', '-9223372036854775807', '4611686018427387904']);
    return String(R(11) - 4);
  };
  const nested = (shape, elem) => {
    if (shape.length === 0) return elem();
    const inner = [];
    for (let i = 0; i < shape[0]; i++) inner.push(nested(shape.slice(1), elem));
    return `[${inner.join(', ')}]`;
  };
  const literal = (shape, dtype) => {
    const elem = dtype === 'bool' ? () => pick(['True', 'False']) : dtype === 'int64' ? intLit
      : NARROW_INTS.includes(dtype) ? () => String(dtype === 'uint8' ? R(11) : R(11) - 4) : floatLit;
    if (shape.some((d) => d === 0)) return `torch.zeros(${shape.join(', ')}, dtype=torch.${dtype})`;
    return `torch.tensor(${nested(shape, elem)}, dtype=torch.${dtype})`;
  };
  const newVar = (v) => { v.name = `v${nextVar++}`; vars.push(v); return v; };

  // Leaves.
  const nLeaves = 2 + R(3);
  for (let i = 0; i < nLeaves; i++) {
    const dtype = chance(0.08) ? pick(NARROW_INTS) : pick(['float32', 'float32', 'float32', 'float64', 'int64', 'bool']);
    const shape = randShape();
    const grad = dtype.startsWith('float') && chance(0.75);
    const v = newVar({ shape, dtype, leaf: true, grad });
    let text = literal(shape, dtype);
    if (grad) text = text.replace(/\)$/, ', requires_grad=True)');
    emit(`${v.name} = ${text}`, { op: 'leaf', v: v.name });
  }

  const tensorVar = (pred = () => true) => {
    const c = vars.filter(pred);
    return c.length ? pick(c) : null;
  };
  const dimFor = (v) => {
    const r = v && v.shape ? v.shape.length : 2;
    if (chance(0.05)) return r + 1;
    return r === 0 ? pick([0, -1]) : R(2 * r) - r;
  };
  const shapeExpr = (v) => {
    const n = v && v.shape ? v.shape.reduce((a, b) => a * b, 1) : null;
    const x = rnd();
    if (x < 0.3) return '-1';
    if (x < 0.5 && n !== null) return `${n}`;
    if (x < 0.7) return pick(['1, -1', '-1, 1', '2, -1']);
    if (x < 0.8 && v && v.shape) return v.shape.slice().reverse().join(', ') || '()';
    return pick(['()', '0', '2, 3', '1']);
  };
  const indexTensor = (v) => {
    const n = v && v.shape && v.shape.length ? v.shape[0] : 2;
    const len = R(4);
    const vals = Array.from({ length: len }, () => R(Math.max(n, 1) + 1) - (chance(0.1) ? n + 1 : 0));
    return `torch.tensor([${vals.join(', ')}], dtype=torch.int64)`;
  };
  const tensorArg = (p, self) => {
    if (/index|target/.test(p.name) && p.nograd) {
      if (chance(0.3)) { const t = tensorVar((v) => v.dtype === 'int64'); if (t) return t.name; }
      return indexTensor(self);
    }
    if (/condition|mask/.test(p.name)) {
      const t = tensorVar((v) => v.dtype === 'bool');
      if (t && chance(0.7)) return t.name;
      if (self && chance(0.5)) return `${self.name} > 0`;
    }
    if (chance(0.85) && vars.length) {
      const sameDtype = self && chance(0.6) ? tensorVar((v) => v.dtype === self.dtype) : null;
      return (sameDtype || pick(vars)).name;
    }
    return literal(randShape(), pick(DTYPES));
  };
  const number = () => pick([intLit, floatLit, floatLit, () => pick(['True', 'False'])])();

  const argFor = (p, self, op) => {
    if (p.optional && chance(0.3)) return 'None';
    switch (p.type) {
      case 'Tensor': return tensorArg(p, self);
      case 'Tensor[]': {
        const n = 1 + R(3);
        return `[${Array.from({ length: n }, () => tensorArg(p, self)).join(', ')}]`;
      }
      case 'Number|Tensor': return chance(0.5) ? number() : tensorArg(p, self);
      case 'Number': return number();
      case 'float':
        if (/^p$/.test(p.name)) return pick(['0.0', '0.5', '1.0', '0.25']);
        if (/eps/.test(p.name)) return pick(['1e-05', '0.1']);
        if (/std/.test(p.name)) return pick(['0.0', '1.0', '2.5']);
        return chance(0.8) ? floatLit() : intLit();
      case 'int':
        if (/dim/.test(p.name)) return String(dimFor(self));
        if (/^(n|m|steps|high|low|size)$/.test(p.name)) return String(R(5) - (chance(0.05) ? 1 : 0));
        if (/index/.test(p.name)) return String(R(5) - 2);
        if (/start|end|step/.test(p.name)) return String(R(7) - 3);
        if (/seed/.test(p.name)) return String(R(100));
        return String(R(7) - 3);
      case 'int[]':
        if (/dim/.test(p.name)) return chance(0.5) ? String(dimFor(self)) : `[${dimFor(self)}, ${dimFor(self)}]`;
        if (/normalized_shape/.test(p.name) && self && self.shape) return `[${self.shape.slice(self.shape.length - R(self.shape.length + 1)).join(', ')}]`;
        return `[${randShape().join(', ')}]`;
      case 'int...':
        if (/dims/.test(p.name) && self && self.shape) {
          const d = self.shape.map((_, i) => i);
          for (let i = d.length - 1; i > 0; i--) { const j = R(i + 1); [d[i], d[j]] = [d[j], d[i]]; }
          return d.join(', ') || '()';
        }
        if (/size/.test(p.name) && op.name === 'expand' && self && self.shape) {
          const s = self.shape.map((d) => (d === 1 && chance(0.5) ? R(4) : chance(0.2) ? -1 : d));
          return (chance(0.3) ? [R(3) + 1, ...s] : s).join(', ') || '()';
        }
        if (op.name === 'view' || op.name === 'reshape') return shapeExpr(self);
        return randShape().join(', ') || '()';
      case 'bool': return pick(['True', 'False']);
      case 'DType': return `torch.${pick(DTYPES)}`;
      case 'str':
        if (/rounding_mode/.test(p.name)) return pick(['None', "'trunc'", "'floor'"]);
        if (p.hasDefault && chance(0.5)) return p.def.replace(/^'|'$/g, "'");
        if (/reduction/.test(p.name)) return pick(["'mean'", "'sum'", "'none'"]);
        if (/approximate/.test(p.name)) return pick(["'none'", "'tanh'"]);
        return p.hasDefault ? p.def : "'mean'";
      case 'Any': return literal(randShape(), pick(DTYPES)).replace(/^torch\.tensor\((.*), dtype=.*\)$/, '$1');
      default: return 'None';
    }
  };

  const callOp = () => {
    const op = pick(ops);
    const forms = [];
    if (op.expose & EXPOSE.torch) forms.push('torch');
    if (op.expose & EXPOSE.method && op.params.length && op.params[0].type === 'Tensor') forms.push('method');
    if (op.expose & EXPOSE.F) forms.push('F');
    if (op.expose & EXPOSE.autograd) forms.push('autograd');
    if (!forms.length) return null;
    const form = pick(forms);
    const params = op.params.slice();
    let self = null, recv = '';
    if (params.length && params[0].type === 'Tensor')
      self = (chance(0.7) ? tensorVar((v) => v.dtype === null || v.dtype.startsWith('float')) : null) || tensorVar() || null;
    if (form === 'method') { recv = self ? self.name : 'None'; params.shift(); }
    const args = [];
    let positional = true;
    const first = form === 'method' ? null : params[0];
    for (const p of params) {
      const given = !p.hasDefault || chance(0.35);
      if (!given) { positional = false; continue; }
      let a = p === first && self && p.type === 'Tensor' ? self.name : argFor(p, self, op);
      if (p.type === 'int...' && (p.kwOnly || !positional)) a = `(${a},)`.replace(',,)', ',)').replace('((),)', '()');
      if (p.kwOnly || !positional || (p.hasDefault && chance(0.5))) {
        positional = false;
        if (p.type === 'int...') { if (a !== '()') args.push(`${p.name}=${a}`); else args.push(`${p.name}=()`); }
        else args.push(`${p.name}=${a}`);
      } else args.push(a);
    }
    const prefix = form === 'torch' ? 'torch.' : form === 'F' ? 'F.' : form === 'autograd' ? 'torch.autograd.' : `${recv}.`;
    let call = `${prefix}${op.name}(${args.join(', ')})`;
    const ret = op.returns;
    const inplace = ret.includes('inplace') || op.name.endsWith('_');
    let shape = null, dtype = null;
    if (self && /^(neg|abs|exp|log|sqrt|sin|cos|tanh|sigmoid|relu|gelu|erf|clone|contiguous|sign|leaky_relu|softplus|softmax|log_softmax|clamp|detach)$/.test(op.name)) { shape = self.shape; dtype = self.dtype; }
    if (op.name === 'grad') call += '[0]';
    if (/^(\(Tensor, Tensor|\(Tensor\.\.\.\))/.test(ret) && op.name !== 'grad') call += `[${R(2)}]`;
    if (/Tensor|\(/.test(ret) || inplace) {
      const v = newVar({ shape: inplace && self ? self.shape : shape, dtype: inplace && self ? self.dtype : dtype, leaf: false });
      guarded(`${v.name} = ${call}`, { op: op.key, v: v.name });
    } else if (/^(int|bool|Number)$/.test(ret)) {
      guarded(`print(${lines.length + 1}, ${call})`, { op: op.key });  // tagged with its line
    } else {
      guarded(call, { op: op.key });
    }
    return true;
  };

  const indexExpr = (v) => {
    const r = v && v.shape ? v.shape.length : 2;
    const one = () => {
      const x = rnd();
      if (x < 0.35) return String(R(5) - 2);
      if (x < 0.6) return pick([':', '1:', ':-1', '::2', '1::2', '-2:', '0:0', '5:']);
      if (x < 0.7) return 'None';
      if (x < 0.78) return '...';
      if (x < 0.88) return indexTensor(v);
      return `${v.name} > 0`;
    };
    const n = 1 + R(Math.max(1, Math.min(r, 3)));
    return Array.from({ length: n }, one).join(', ');
  };

  const nStmts = 4 + R(9);
  for (let s = 0; s < nStmts; s++) {
    const x = rnd();
    const v = (chance(0.75) ? tensorVar((u) => u.dtype === null || u.dtype.startsWith('float')) : null) || tensorVar();
    if (x < 0.55 || !v) { callOp(); continue; }
    if (x < 0.65) { // indexing (a view or a copy)
      const w = newVar({ shape: null, dtype: v.dtype, leaf: false });
      guarded(`${w.name} = ${v.name}[${indexExpr(v)}]`, { op: 'getitem', v: w.name });
    } else if (x < 0.72) { // index assignment (in place, through a view)
      const val = chance(0.5) ? number() : (tensorVar() || v).name;
      guarded(`${v.name}[${indexExpr(v)}] = ${val}`, { op: 'setitem' });
    } else if (x < 0.8) { // backward
      const rg = chance(0.5) ? `retain_graph=${pick(['True', 'False'])}` : '';
      const red = chance(0.7) ? `.${pick(['sum', 'mean', 'prod', 'abs().sum', 'pow(2).sum'])}()` : '';
      guarded(`${v.name}${red}.backward(${rg})`, { op: 'backward' });
    } else if (x < 0.87) { // autograd.grad, maybe twice differentiable
      const leaves = vars.filter((u) => u.grad);
      const inp = leaves.length ? pick(leaves).name : v.name;
      const cg = chance(0.5) ? ', create_graph=True' : '';
      const rg = chance(0.5) ? `, retain_graph=${pick(['True', 'False'])}` : '';
      const au = chance(0.3) ? ', allow_unused=True' : '';
      const w = newVar({ shape: null, dtype: null, leaf: false });
      guarded(`${w.name} = torch.autograd.grad(${v.name}.sum(), [${inp}]${cg}${rg}${au})[0]`, { op: 'autograd.grad', v: w.name });
    } else if (x < 0.91) {
      guarded(`${v.name}.retain_grad()`, { op: 'retain_grad' });
    } else if (x < 0.95) { // in-place arithmetic through Python operators
      const o = chance(0.5) ? number() : (tensorVar() || v).name;
      guarded(`${v.name} ${pick(['+=', '-=', '*=', '/='])} ${o}`, { op: 'augassign' });
    } else { // Python operators
      const o = chance(0.5) ? number() : (tensorVar() || v).name;
      const w = newVar({ shape: null, dtype: null, leaf: false });
      const opx = pick(['+', '-', '*', '/', '**', '@', '==', '<', '>=', '//', '%']);
      guarded(`${w.name} = ${chance(0.8) ? `${v.name} ${opx} ${o}` : `${o} ${opx} ${v.name}`}`, { op: `operator${opx}`, v: w.name });
    }
  }
  return { source: lines.join('\n') + '\n', stmts };
}
