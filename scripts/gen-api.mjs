// Generates the npm package's typed surface from the engine itself:
//   dist/index.d.ts  — wasm/index.d.ts with each `@generated` line replaced by declarations made
//                      from the op table (opTableJson) and the nn/optim constructor schemas
//                      (constantsJson): every op with its parameters, option keys, return type;
//   docs/API.md      — the reference listing every function, method and option (with --docs).
// Run by scripts/build-wasm.sh after the wasm build; `node scripts/gen-api.mjs --check` exits 1
// when docs/API.md is not what the current engine generates.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { default: createModule } = await import(join(root, 'dist', 'tensorlens_wasm.js'));
const { init } = await import(join(root, 'dist', 'index.js'));
const M = await createModule();
const ops = JSON.parse(M.opTableJson());
const C = JSON.parse(M.constantsJson());
const tl = await init();

const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()).replace(/_$/, 'InPlace');
// Methods and functions the JS wrapper defines itself (hand-typed in wasm/index.d.ts): tolist is
// toArray, item is typed by dtype, size() returns the shape, backward takes an options object,
// tensor() takes JS data.
const HANDWRITTEN_METHODS = new Set(['backward', 'tolist', 'item', 'size']);
const HANDWRITTEN_FUNCTIONS = new Set(['tensor']);
// Ops whose result is a bool tensor (Tensor<'bool'>): the table's return type says only
// "Tensor(nograd)". Each name is checked against the table below.
const BOOL_RESULT = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logical_not', 'bool', 'logical_and', 'logical_or',
  'logical_xor', 'isclose', 'any', 'all']);
for (const n of BOOL_RESULT) if (!ops.some((o) => o.name === n)) throw new Error(`gen-api: BOOL_RESULT names unknown op '${n}'`);
// Conversions whose result dtype the name fixes (x.int() -> Tensor<'int32'>, x.byte() -> Tensor<'uint8'>).
const DTYPE_RESULT = { int: 'int32', short: 'int16', char: 'int8', byte: 'uint8', long: 'int64', double: 'float64' };
for (const n of Object.keys(DTYPE_RESULT))
  if (!ops.some((o) => o.name === n)) throw new Error(`gen-api: DTYPE_RESULT names unknown op '${n}'`);

const E = C.expose;
const T = 'AnyTensor';
// Schema parameter type -> TypeScript.
function tsType(p) {
  const base = {
    Tensor: T, 'Tensor[]': `${T}[]`, 'Number|Tensor': `number | boolean | ${T}`, Number: 'number', int: 'number',
    'int[]': 'number | number[]', float: 'number', bool: 'boolean', DType: 'DType', str: 'string',
  }[p.type];
  let t = base;
  if (p.type === 'Any') {
    // Constructor arguments tensorlens accepts only at their default (device, dtype, ...), except
    // Adam's betas and an optimizer's params.
    if (p.name === 'betas') t = '[number, number]';
    else if (p.name === 'params') t = `${T}[]`;
    else if (p.name === 'data') t = 'NestedArray';
    else if (p.name === 'padding') t = "number | number[] | 'same' | 'valid'";  // conv2d, Conv2d
    else if (p.name === 'output_size') t = 'number | (number | null)[]';  // adaptive_avg_pool2d
    // torch.autograd.grad / backward: a tensor or a sequence of them (gradients: null for implicit)
    else if (['outputs', 'inputs', 'tensors'].includes(p.name)) t = `${T} | ${T}[]`;
    else if (['grad_outputs', 'grad_tensors'].includes(p.name)) t = `${T} | (${T} | null)[] | null`;
    else t = 'null';
  }
  if (t === undefined) throw new Error(`gen-api: unknown parameter type '${p.type}'`);
  return p.optional && t !== 'null' ? `${t} | null` : t;
}
function tsReturn(op) {
  const r = op.returns;
  if (r === 'Tensor(inplace)') return 'this';
  if (BOOL_RESULT.has(op.name)) return "Tensor<'bool'>";
  if (DTYPE_RESULT[op.name] && r !== 'Tensor(inplace)') return `Tensor<'${DTYPE_RESULT[op.name]}'>`;
  if (r === 'Tensor' || r === 'Tensor(nograd)' || r === 'Tensor(view)') return 'Tensor';
  if (r === '(Tensor, Tensor(nograd))') return '[values: Tensor, indices: Tensor]';
  if (r === '(Tensor...)') return '(Tensor | null)[]';
  if (r === 'Tensor[](view)') return 'Tensor[]';  // split / chunk / unbind
  if (r === 'None') return 'void';
  if (r === 'DType') return 'DType';
  if (r === 'Number' || r === 'int') return 'number';
  if (r === 'bool') return 'boolean';
  if (r === 'list') return 'NestedArray';
  if (r === 'Module' || r === 'Optimizer') return r;
  throw new Error(`gen-api: unknown return type '${r}' of ${op.schema}`);
}
// { name?: T; camelName?: T } for keyword arguments (both spellings are accepted at run time).
function optionsType(params, required = new Set()) {
  const fields = [];
  for (const p of params) {
    const ty = tsType(p);
    if (required.has(p)) {  // one spelling can be required: the camelCase one
      fields.push(`${camel(p.name)}: ${ty}`);
      continue;
    }
    fields.push(`${p.name}?: ${ty}`);
    if (camel(p.name) !== p.name) fields.push(`${camel(p.name)}?: ${ty}`);
  }
  return `{ ${fields.join('; ')} }`;
}
const argName = (p) => {
  const n = camel(p.name);
  return ['default', 'function', 'var', 'in'].includes(n) ? `${n}_` : n;
};
// The TypeScript overloads of one schema row ("(a: number, options?: {...}): Tensor").
function signatures(op, dropSelf, allKeyword = true) {
  const ps = dropSelf ? op.params.slice(1) : op.params;
  const pos = ps.filter((p) => !p.kwOnly);
  const kwable = ps.filter((p) => p.hasDefault);
  const opts = kwable.length ? optionsType(kwable) : null;
  let generic = '';
  let ret = tsReturn(op);
  const dtypeParam = pos.find((p) => p.type === 'DType' && !p.optional && !p.hasDefault);
  if (dtypeParam && ret === 'Tensor') generic = '<T extends DType>', ret = 'Tensor<T>';
  const ty = (p) => (generic && p === dtypeParam ? 'T' : tsType(p));
  const out = [];
  const vararg = pos.find((p) => p.type === 'int...');
  if (vararg) {
    const before = pos.slice(0, pos.indexOf(vararg)).map((p) => `${argName(p)}: ${ty(p)}`);
    const pre = before.length ? before.join(', ') + ', ' : '';
    const n = argName(vararg);
    out.push(`(${pre}...${n}: number[]): ${ret}`);
    out.push(`(${pre}${n}: number[]${opts ? `, options?: ${opts}` : ''}): ${ret}`);
    if (opts) out.push(`(${pre}...args: [...${n}: number[], options: ${opts}]): ${ret}`);
    return out;
  }
  let lastRequired = -1;
  pos.forEach((p, k) => { if (!p.hasDefault) lastRequired = k; });
  const args = pos.map((p, k) => `${argName(p)}${p.hasDefault && k > lastRequired ? '?' : ''}: ${ty(p)}`);
  if (opts) args.push(`options?: ${opts}`);
  out.push(`${generic}(${args.join(', ')}): ${ret}`);
  // Required arguments, then the options: nn.Linear(2, 3, { bias: false }).
  if (opts && lastRequired < pos.length - 1) {
    const req = pos.slice(0, lastRequired + 1).map((p) => `${argName(p)}: ${ty(p)}`);
    out.push(`${generic}(${[...req, `options?: ${opts}`].join(', ')}): ${ret}`);
  }
  // Everything by keyword: x.sum({ dim: 1, keepdim: true }).
  const required = pos.filter((p) => !p.hasDefault);
  if (allKeyword && required.length && !generic) out.push(`(options: ${optionsType([...required, ...kwable], new Set(required))}): ${ret}`);
  return out;
}

// name -> overloads, for the rows exposed as `where`.
function members(where, dropSelf, skip) {
  const byName = new Map();
  for (const op of ops) {
    if (!(op.expose & where) || skip.has(op.name)) continue;
    if (!byName.has(op.name)) byName.set(op.name, { rows: [], sigs: [] });
    const m = byName.get(op.name);
    m.rows.push(op);
    for (const s of signatures(op, dropSelf)) if (!m.sigs.includes(s)) m.sigs.push(s);
  }
  return byName;
}
function render(byName, indent) {
  const lines = [];
  for (const [name, { rows, sigs }] of byName) {
    const doc = rows.map((r) => r.schema).join('  |  ');
    for (const n of camel(name) !== name ? [name, camel(name)] : [name]) {
      lines.push(`${indent}/** ${doc} */`);
      for (const s of sigs) lines.push(`${indent}${n}${s};`);
    }
  }
  return lines.join('\n');
}

const methods = members(E.method, true, HANDWRITTEN_METHODS);
const torchFns = members(E.torch, false, HANDWRITTEN_FUNCTIONS);
const functional = members(E.F, false, new Set());
const autograd = members(E.autograd, false, new Set());

// nn modules and optimizers: one interface per module class with its parameters as properties
// (found by constructing each class with small arguments), and the constructors' signatures.
const modules = C.signatures.filter((s) => s.returns === 'Module');
const optimizers = C.signatures.filter((s) => s.returns === 'Optimizer');
const moduleProps = new Map();
for (const s of modules) {
  // Required arguments (and optional ints such as Softmax's dim, which tensorlens requires).
  const make = (withOptionalInts) => {
    const kw = {};
    for (const p of s.params)
      if (!p.hasDefault || (withOptionalInts && p.optional && p.type === 'int')) kw[p.name] = p.type === 'int[]' ? [2] : 2;
    return tl.nn[s.name](kw);
  };
  let m;
  try { m = make(false); } catch { m = make(true); }
  const own = m.namedParameters().map(([n]) => n).filter((n) => !n.includes('.'));
  m.dispose();
  const nullable = new Set(s.params.some((p) => p.name === 'bias' && p.type === 'bool') ? ['bias'] : []);
  moduleProps.set(s.name, own.map((n) => `readonly ${n}: Tensor${nullable.has(n) ? ' | null' : ''};`));
}
const nnLines = [];
for (const s of modules) {
  const props = moduleProps.get(s.name);
  if (props.length) nnLines.push(`export interface ${s.name} extends Module { ${props.join(' ')} }`);
}
nnLines.push('/** torch.nn: the module classes of engine/nn (call without `new`, as in PyTorch). */');
nnLines.push('export interface NN {');
nnLines.push('  Module: Function;');
nnLines.push('  functional: Functional;');
nnLines.push('  /** nn.Sequential(*modules) */');
nnLines.push('  Sequential(...modules: Module[]): Module;');
for (const s of modules) {
  const r = moduleProps.get(s.name).length ? s.name : 'Module';
  nnLines.push(`  /** ${s.schema} */`);
  for (const sig of signatures({ ...s, returns: 'Module' }, false)) nnLines.push(`  ${s.name}${sig.replace(/: Module$/, `: ${r}`)};`);
}
nnLines.push('}');
nnLines.push('/** torch.optim: the optimizers of engine/optim, and learning-rate schedulers. */');
nnLines.push('export interface Optim extends LRSchedulers {');
nnLines.push('  Optimizer: Function;');
nnLines.push('  LRScheduler: Function;');
nnLines.push('  lr_scheduler: LRSchedulers;');
for (const s of optimizers) {
  nnLines.push(`  /** ${s.schema} */`);
  for (const sig of signatures(s, false, false)) nnLines.push(`  ${s.name}${sig};`);
}
nnLines.push('}');

let dts = readFileSync(join(root, 'wasm', 'index.d.ts'), 'utf8');
const replace = (marker, text) => {
  const re = new RegExp(`^[ \\t]*// @generated ${marker}$`, 'm');
  if (!re.test(dts)) throw new Error(`gen-api: marker '@generated ${marker}' missing in wasm/index.d.ts`);
  dts = dts.replace(re, () => text);
};
dts = dts.replace(/^\/\*\* @generated dtypes \*\/\nexport type DType = [^\n]*$/m,
  `/** The engine's dtypes. */\nexport type DType = ${C.dtypes.map((d) => `'${d}'`).join(' | ')};`);
replace('tensor-methods', render(methods, '  '));
replace('torch-functions', render(torchFns, '  '));
replace('functional', render(functional, '  '));
replace('autograd', render(autograd, '  '));
replace('nn-optim', nnLines.join('\n'));
dts = dts.replace(/^\/\/ Types for the tensorlens npm package\. This file is the template:[^]*?\n\n/m,
  '// Types for the tensorlens npm package, generated by scripts/gen-api.mjs from wasm/index.d.ts and\n// the engine\'s op table. Do not edit: edit the template or the table.\n\n');
writeFileSync(join(root, 'dist', 'index.d.ts'), dts);

// ---------------- docs/API.md ----------------
const md = [];
const fence = '```';
md.push(readFileSync(join(root, 'docs', 'api-intro.md'), 'utf8').trimEnd(), '');
const jsSig = (name, sig) => `${name}${sig}`.replace(/: (this|Tensor|Tensor<[^>]*>|void|number|DType|NestedArray|Module|Optimizer|\[[^\]]*\]|\(Tensor \| null\)\[\])$/, ' → $1');
function section(title, prefix, byName, intro) {
  md.push(`## ${title}`, '', intro, '');
  md.push('| JS | PyTorch schema |', '|---|---|');
  for (const [name, { rows, sigs }] of byName) {
    const names = camel(name) !== name ? `${prefix}${name}` + ` / ${prefix}${camel(name)}` : `${prefix}${name}`;
    const js = sigs.map((s) => `\`${jsSig('', s).replace(/\|/g, '\\|')}\``).join('<br>');
    md.push(`| **${names}** ${js} | ${rows.map((r) => `\`${r.schema.replace(/\|/g, '\\|')}\``).join('<br>')} |`);
  }
  md.push('');
}
section('Tensor methods', 'x.', methods, 'Every method of the op table (PyTorch name, and a camelCase alias; in-place methods ending in `_` also as `...InPlace`). Options are a trailing object; both `snake_case` and `camelCase` keys are accepted, unknown keys are errors. In-place methods return the tensor itself. Also hand-written: `shape`, `dtype`, `ndim`, `requiresGrad`, `isLeaf`, `gradFn`, `grad`, `data()`, `toArray()`/`tolist()`, `item()`, `size(dim?)`, `backward(gradient?, { retainGraph, createGraph })`, `index(...)`, `setIndex(...)`, `toString()`, `print()`, `dispose()`.');
section('Functions (torch.*)', 'tl.', torchFns, 'Every `torch.X` of the op table. `tl.tensor(data, { requiresGrad, dtype })` takes nested arrays, a typed array or a number (float32 unless the data are booleans or a Float64Array); creation functions default to float32.');
section('tl.F (torch.nn.functional)', 'tl.F.', functional, '`tl.nn.functional` is the same object.');
section('tl.autograd', 'tl.autograd.', autograd, 'Also `tl.grad(f)` and `tl.valueAndGrad(f)` (TensorFlow.js style, functional).');
md.push('## tl.nn modules', '', 'Called without `new`, as in PyTorch. Each module has `forward(...)` / `call(...)`, `parameters()` (stable wrappers), `namedParameters()`, `train()` / `eval()` / `training`, `zeroGrad({ setToNone })`, `toString()` (PyTorch\'s repr), `dispose()`; a `Sequential` also `at(i)`, `children()`, `length`. Options are PyTorch\'s keyword arguments; arguments tensorlens does not implement are accepted only at their default.', '');
md.push('| JS | PyTorch signature | parameters |', '|---|---|---|');
md.push('| **tl.nn.Sequential** `(...modules)` | `nn.Sequential(*modules)` | its layers\' |');
for (const s of modules) {
  const sigs = signatures({ ...s, returns: 'Module' }, false).map((x) => `\`${jsSig('', x).replace(/\|/g, '\\|')}\``).join('<br>');
  const props = moduleProps.get(s.name).map((p) => p.replace(/^readonly /, '').replace(/: .*/, '')).join(', ') || '—';
  md.push(`| **tl.nn.${s.name}** ${sigs} | \`${s.schema.replace(/\|/g, '\\|')}\` | ${props} |`);
}
md.push('');
md.push('## tl.optim', '', 'Optimizers take `model.parameters()` (an array of tensors) and options; `step()`, `zeroGrad({ setToNone })`, `lr` (get/set), `dispose()`. Schedulers: `tl.optim.lr_scheduler.StepLR(opt, stepSize, { gamma })`, `ExponentialLR(opt, gamma)` (also as `tl.optim.StepLR` / `tl.optim.ExponentialLR`), `step()` once per epoch.', '');
md.push('| JS | PyTorch signature |', '|---|---|');
for (const s of optimizers) {
  const sigs = signatures(s, false, false).map((x) => `\`${jsSig('', x).replace(/\|/g, '\\|')}\``).join('<br>');
  md.push(`| **tl.optim.${s.name}** ${sigs} | \`${s.schema.replace(/\|/g, '\\|')}\` |`);
}
md.push('');
void fence;
const apiMd = md.join('\n');
const apiPath = join(root, 'docs', 'API.md');
if (process.argv.includes('--check')) {
  const cur = readFileSync(apiPath, 'utf8');
  if (cur !== apiMd) {
    console.error('docs/API.md is out of date: run node scripts/gen-api.mjs --docs');
    process.exit(1);
  }
} else if (process.argv.includes('--docs')) {
  writeFileSync(apiPath, apiMd);
}
console.log(`gen-api: dist/index.d.ts (${methods.size} methods, ${torchFns.size} functions, ${functional.size} F, ${modules.length + 1} modules, ${optimizers.length} optimizers)${process.argv.includes('--docs') ? ' and docs/API.md' : ''}`);
