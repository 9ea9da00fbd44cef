// tensorlens: the engine in JavaScript. An idiomatic ESM wrapper over the handle-based Embind
// bindings (wasm/bindings.cpp). Every op of the engine's op table becomes a function
// (`tl.exp(x)`), a method (`x.exp()`) or an `tl.F` function, by name; nothing here lists ops.
import createModule from './tensorlens_wasm.js';

const TAG = { None: 0, Bool: 1, Int: 2, Float: 3, Tensor: 4, List: 5, Tuple: 6, DType: 7, Keyword: 8 };
const EXPOSE = { torch: 1, method: 2, F: 4, internal: 8, autograd: 16 };
const DTYPES = ['float32', 'float64', 'int64', 'bool'];

/** Every engine or script error: the message, and for scripts the line and column. */
export class TensorlensError extends Error {
  constructor(message, line = 0, col = 0) {
    super(message);
    this.name = 'TensorlensError';
    this.line = line;
    this.col = col;
  }
}

const snake = (k) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()).replace(/_$/, 'InPlace');
const isPlainObject = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

let modulePromise = null;
let instance = null;

/** Loads the wasm module once (no configuration: the binary is embedded) and returns the API. */
export async function init() {
  if (instance) return instance;
  if (!modulePromise) modulePromise = createModule();
  const M = await modulePromise;
  if (!instance) instance = makeApi(M);
  return instance;
}

function makeApi(M) {
  const argBase = M.argBuffer() / 8;
  const resBase = M.resultBuffer() / 8;
  const kwIds = new Map();
  const kwId = (name) => {
    let id = kwIds.get(name);
    if (id === undefined) kwIds.set(name, (id = M.keywordId(name)));
    return id;
  };
  const fail = () => {
    throw new TensorlensError(M.lastError(), M.lastErrorLine(), M.lastErrorCol());
  };

  // ---- lifetimes: tidy scopes + a FinalizationRegistry safety net ----
  const registry = new FinalizationRegistry((h) => M._tl_release(h));
  const scopes = [];
  let live = 0;
  const track = (t) => { registry.register(t, t.h, t); t.tracked = true; };
  // Frees many handles in one call (the end of a tidy scope): the handles go through a buffer in
  // wasm memory, grown as needed.
  let relPtr = 0, relCap = 0;
  function releaseMany(handles) {
    if (handles.length > relCap) {
      if (relPtr) M._free(relPtr);
      relCap = Math.max(1024, handles.length);
      relPtr = M._malloc(4 * relCap);
      if (!relPtr) {
        relCap = 0;
        for (const h of handles) M._tl_release(h);  // no room for the list: one call each
        return;
      }
    }
    M.HEAP32.set(handles, relPtr >> 2);
    M._tl_release_many(relPtr, handles.length);
  }

  class Tensor {
    constructor(h) {
      this.h = h;
      this.tracked = false;
      live++;
      // Inside tidy() the scope frees the tensor; the FinalizationRegistry (a safety net for
      // forgotten tensors, and not free to register with) only covers tensors outside scopes.
      if (scopes.length) scopes[scopes.length - 1].push(this);
      else track(this);
    }
    /** Frees the tensor now (idempotent). */
    dispose() {
      if (this.h < 0) return;
      if (this.tracked) registry.unregister(this), (this.tracked = false);
      M._tl_release(this.h);
      this.h = -1;
      live--;
    }
    get isDisposed() { return this.h < 0; }
    #check() {
      if (this.h < 0) throw new TensorlensError('tensor was disposed');
      return this.h;
    }
    get shape() {
      const h = this.#check();
      const n = M._tl_ndim(h);
      const p = M._tl_shape_ptr(h) / 8;
      const out = new Array(n);
      const heap = new BigInt64Array(M.HEAPF64.buffer);
      for (let i = 0; i < n; i++) out[i] = Number(heap[p + i]);
      return out;
    }
    get dtype() { return DTYPES[M._tl_dtype(this.#check())]; }
    get ndim() { return M._tl_ndim(this.#check()); }
    get requiresGrad() { return M._tl_requires_grad(this.#check()) !== 0; }
    set requiresGrad(v) { call('requires_grad_', EXPOSE.method, [this, !!v]); }
    get isLeaf() { return M._tl_is_leaf(this.#check()) !== 0; }
    get gradFn() { return M.gradFnName(this.#check()) || null; }
    get grad() {
      const g = M._tl_grad(this.#check());
      if (g === -2) fail();
      return g < 0 ? null : new Tensor(g);
    }
    set grad(g) {
      if (M._tl_set_grad(this.#check(), g ? g.h : -1) !== 0) fail();
    }
    /** A typed-array copy: Float32Array (float32), Float64Array (float64, int64), Uint8Array (bool). */
    data() {
      const h = this.#check();
      const dt = M._tl_dtype(h);
      const n = M._tl_numel(h);
      // dataPtr may grow wasm memory (it makes a copy), which replaces the HEAP views: take
      // the pointer first, then read through the current view.
      const p = M._tl_data_ptr(h, dt === 0 ? 0 : dt === 3 ? 3 : -1);
      if (dt === 0) return new Float32Array(M.HEAPF32.buffer, p, n).slice();
      if (dt === 3) return new Uint8Array(M.HEAPU8.buffer, p, n).slice();
      return new Float64Array(M.HEAPF64.buffer, p, n).slice();
    }
    /** Nested arrays (a number for a 0-d tensor). */
    toArray() {
      const flat = Array.from(this.data(), this.dtype === 'bool' ? (x) => x !== 0 : (x) => x);
      const shape = this.shape;
      if (shape.length === 0) return flat[0];
      let level = flat;
      for (let d = shape.length - 1; d > 0; d--) {
        const len = shape[d];
        const up = [];
        for (let i = 0; i < level.length; i += len) up.push(level.slice(i, i + len));
        level = up;
      }
      return level;
    }
    tolist() { return this.toArray(); }
    item() { return call('item', EXPOSE.method, [this]); }
    backward(gradient = null, { retainGraph = null, createGraph = false } = {}) {
      call('backward', EXPOSE.method, [this, gradient, retainGraph, createGraph]);
    }
    toString() { return `Tensor(shape=[${this.shape}], dtype=${this.dtype}${this.requiresGrad ? ', requiresGrad' : ''})`; }
  }

  // ---- argument encoding into the shared buffer ----
  // Writes one tagged value at slot i; returns the next slot. (No closures: this runs per op.)
  // The buffer holds ARG_SLOTS doubles (kSlots in wasm/adapters.h); nothing is written past it.
  const ARG_SLOTS = 1 << 14;
  const room = (i) => {
    if (i + 2 > ARG_SLOTS) throw new TensorlensError(`arguments too large: more than ${ARG_SLOTS / 2 - 1} values in one call`);
  };
  function encode(v, i) {
    room(i);
    const H = M.HEAPF64;
    let tag, payload = 0;
    if (v instanceof Tensor) {
      if (v.h < 0) throw new TensorlensError('tensor was disposed');
      tag = TAG.Tensor, payload = v.h;
    } else if (v === null || v === undefined) tag = TAG.None;
    else if (typeof v === 'boolean') tag = TAG.Bool, payload = v ? 1 : 0;
    else if (typeof v === 'number') tag = Number.isInteger(v) ? TAG.Int : TAG.Float, payload = v;
    else if (typeof v === 'string') {
      const d = DTYPES.indexOf(v);
      if (d < 0) throw new TensorlensError(`unsupported string argument '${v}'`);
      tag = TAG.DType, payload = d;
    } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      H[argBase + i] = TAG.List;
      H[argBase + i + 1] = v.length;
      i += 2;
      for (let k = 0; k < v.length; k++) i = encode(v[k], i);
      return i;
    } else throw new TensorlensError(`unsupported argument of type ${typeof v}`);
    H[argBase + i] = tag;
    H[argBase + i + 1] = payload;
    return i + 2;
  }
  let resI = 0;  // read position in the result buffer
  function decode() {
    const H = M.HEAPF64;
    const tag = H[resBase + resI], p = H[resBase + resI + 1];
    resI += 2;
    switch (tag) {
      case TAG.None: return null;
      case TAG.Bool: return p !== 0;
      case TAG.Int: case TAG.Float: return p;
      case TAG.Tensor: return new Tensor(p);
      case TAG.DType: return DTYPES[p];
      case TAG.List: case TAG.Tuple: {
        const out = [];
        for (let k = 0; k < p; k++) out.push(decode());
        return out;
      }
      default: throw new TensorlensError(`bad result tag ${tag}`);
    }
  }
  // Op names resolve to ids once; calls then pass no strings.
  const opIds = new Map();
  const opId = (name) => {
    let id = opIds.get(name);
    if (id === undefined) opIds.set(name, (id = M.opNameId(name)));
    return id;
  };
  // Calls op `id` on self (a method's tensor; undefined for functions) and args; a trailing plain
  // object in args holds keyword arguments (camelCase accepted).
  function callOp(id, where, self, args) {
    let n = args.length, kw = null;
    if (n && isPlainObject(args[n - 1])) kw = args[--n];
    while (n && args[n - 1] === undefined) n--;
    let i = 0, argc = 0;
    if (self !== undefined) i = encode(self, i), argc++;
    for (let k = 0; k < n; k++) i = encode(args[k], i), argc++;
    if (kw) {
      for (const [k, v] of Object.entries(kw)) {
        if (v === undefined) continue;
        const kid = kwId(snake(k));  // may grow memory: resolve before writing through HEAPF64
        room(i);
        M.HEAPF64[argBase + i] = TAG.Keyword;
        M.HEAPF64[argBase + i + 1] = kid;
        i = encode(v, i + 2);
        argc++;
      }
    }
    if (M._tl_call_op_id(id, where, argc) !== 0) fail();
    resI = 0;
    return decode();
  }
  const call = (name, where, args) => callOp(opId(name), where, undefined, args);

  // ---- the op table → functions and methods ----
  const ops = JSON.parse(M.opTableJson());
  const api = {};
  const F = {};
  const autograd = {};
  const seen = new Set();
  for (const op of ops) {
    const key = `${op.name}:${op.expose}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = op.name;
    if (op.expose & EXPOSE.method && !(name in Tensor.prototype)) {
      const id = opId(name);
      const m = function (...args) { return callOp(id, EXPOSE.method, this, args); };
      Tensor.prototype[name] = m;
      if (camel(name) !== name && !(camel(name) in Tensor.prototype)) Tensor.prototype[camel(name)] = m;
    }
    if (op.expose & EXPOSE.torch && !(name in api)) {
      api[name] = (...args) => call(name, EXPOSE.torch, args);
      if (camel(name) !== name) api[camel(name)] = api[name];
    }
    if (op.expose & EXPOSE.F && !(name in F)) {
      F[name] = (...args) => call(name, EXPOSE.F, args);
      if (camel(name) !== name) F[camel(name)] = F[name];
    }
    if (op.expose & EXPOSE.autograd && !(name in autograd)) autograd[name] = (...args) => call(name, EXPOSE.autograd, args);
  }

  // Fast path for the four arithmetic methods with one tensor-or-number argument (the bulk of
  // small-graph code): one bound call, no argument encoding. Other forms use the table path.
  ['add', 'sub', 'mul', 'div'].forEach((name, code) => {
    const general = Tensor.prototype[name];
    Tensor.prototype[name] = function (other, ...rest) {
      if (rest.length === 0 && this.h >= 0) {
        let h = -2;
        if (typeof other === 'number') h = M._tl_arith(code, this.h, -1, other, Number.isInteger(other) ? 1 : 0);
        else if (other instanceof Tensor && other.h >= 0) h = M._tl_arith(code, this.h, other.h, 0, 0);
        if (h >= 0) return new Tensor(h);
        if (h === -1) fail();
      }
      return general.call(this, other, ...rest);
    };
  });

  // JS numbers carry no int/float distinction: creation defaults to float32 here.
  const withDtype = (opts, fallback = 'float32') => ({ dtype: fallback, ...(opts || {}) });
  const splitOpts = (args) => (args.length && isPlainObject(args[args.length - 1]) ? [args.slice(0, -1), args[args.length - 1]] : [args, {}]);

  function flatten(data) {
    // Nested arrays or a typed array → flat values + shape (rectangularity checked here).
    if (ArrayBuffer.isView(data)) return { flat: data, shape: [data.length], bool: false };
    if (typeof data === 'number' || typeof data === 'boolean') return { flat: [Number(data)], shape: [], bool: typeof data === 'boolean' };
    const shape = [];
    let level = [data];
    while (Array.isArray(level[0]) || ArrayBuffer.isView(level[0])) {
      const len = level[0].length;
      shape.push(len);
      const next = [];
      for (const x of level) {
        if (!(Array.isArray(x) || ArrayBuffer.isView(x)))
          throw new TensorlensError(`tensor: expected a sequence at dim ${shape.length - 1}`);
        if (x.length !== len)
          throw new TensorlensError(`tensor: expected sequence of length ${len} at dim ${shape.length - 1} (got ${x.length})`);
        for (const y of x) next.push(y);
      }
      level = next;
      if (len === 0) break;
    }
    let bool = level.length > 0;
    for (const x of level) {
      if (typeof x === 'boolean') continue;
      bool = false;
      if (typeof x !== 'number') throw new TensorlensError(`tensor: could not convert a value of type ${typeof x} to a number`);
    }
    return { flat: level.map(Number), shape, bool };
  }

  // Runs fn with grad mode on (1) or off (0), restoring the previous mode after.
  function withGradMode(on, fn) {
    const prev = M._tl_grad_enabled();
    M._tl_set_grad_enabled(on);
    try { return fn(); } finally { M._tl_set_grad_enabled(prev); }
  }

  const tl = {
    Tensor,
    TensorlensError,
    ops,
    F,
    nn: { functional: F },
    autograd,
    ...api,

    /** tl.tensor(nested arrays | typed array | number, {requiresGrad, dtype}) */
    tensor(data, { requiresGrad = false, dtype } = {}) {
      const { flat, shape, bool } = flatten(data);
      const dt = DTYPES.indexOf(dtype || (bool ? 'bool' : data instanceof Float64Array ? 'float64' : 'float32'));
      if (dt < 0) throw new TensorlensError(`tensor: unknown dtype '${dtype}'`);
      const n = flat.length;
      const buf = M._malloc(Math.max(8, 8 * (n + shape.length)));
      if (!buf) throw new TensorlensError(`tensor: out of memory for ${n} values`);
      try {
        M.HEAPF64.set(flat, buf / 8);
        M.HEAPF64.set(shape, buf / 8 + n);
        const h = M.fromData(buf, n, buf + 8 * n, shape.length, dt, requiresGrad);
        if (h < 0) fail();
        return new Tensor(h);
      } finally {
        M._free(buf);
      }
    },
    full: (size, value, opts) => call('full', EXPOSE.torch, [size, value, withDtype(opts)]),
    arange: (...args) => { const [a, o] = splitOpts(args); return call('arange', EXPOSE.torch, [...a, withDtype(o)]); },
    fullLike: (x, value, opts) => call('full_like', EXPOSE.torch, [x, value, opts || {}]),

    /** Runs fn with gradient recording off (torch.no_grad()). */
    noGrad: (fn) => withGradMode(0, fn),
    enableGrad: (fn) => withGradMode(1, fn),
    isGradEnabled: () => M._tl_grad_enabled() !== 0,
    manualSeed: (s) => M.manualSeed(s),

    /** Frees every tensor made inside fn except those it returns (in arrays/objects too). */
    tidy(fn) {
      const scope = [];
      scopes.push(scope);
      let result;
      try {
        result = fn();
      } finally {
        scopes.pop();
        const keep = new Set();
        const collect = (v, depth = 0) => {
          if (v instanceof Tensor) keep.add(v);
          else if (depth < 8 && Array.isArray(v)) v.forEach((x) => collect(x, depth + 1));
          else if (depth < 8 && isPlainObject(v)) Object.values(v).forEach((x) => collect(x, depth + 1));
        };
        collect(result);
        const dead = [];
        for (const t of scope) {
          if (t.h < 0 || keep.has(t)) continue;
          if (t.tracked) registry.unregister(t), (t.tracked = false);
          dead.push(t.h);
          t.h = -1;
          live--;
        }
        if (dead.length) releaseMany(dead);
        for (const t of keep) {
          if (t.h < 0) continue;
          if (scopes.length) scopes[scopes.length - 1].push(t);
          else track(t);
        }
      }
      return result;
    },
    /** Moves a tensor out of the enclosing tidy scopes (it must then be disposed by hand). */
    keep(t) {
      let found = false;
      for (const s of scopes) { const i = s.indexOf(t); if (i >= 0) { s.splice(i, 1); found = true; } }
      if (found && t.h >= 0) track(t);
      return t;
    },
    memory: () => ({ liveTensors: live, engineTensors: M.liveTensors(), heapBytes: M.HEAPU8.length, tensorBytes: M.storageBytes() }),

    /** Runs a script; returns the CLI's --json object. Throws TensorlensError with line/col. */
    run(source) {
      const out = JSON.parse(M.run(String(source)));
      if (out.error) throw new TensorlensError(out.error.message, out.error.line, out.error.col);
      return out;
    },
    /** The computation graph of a script (the CLI's graph JSON). */
    graph(source, { var: name = '' } = {}) {
      const out = JSON.parse(M.graph(String(source), name));
      if (out.error) throw new TensorlensError(out.error.message, out.error.line, out.error.col);
      return out;
    },

    /** A persistent interpreter: globals survive between exec() calls (training mode). */
    session() {
      const id = M.sessionNew();
      const parse = (text) => {
        const out = JSON.parse(text);
        if (out.error) throw new TensorlensError(out.error.message, out.error.line, out.error.col);
        return out;
      };
      let alive = true;
      const check = () => { if (!alive) throw new TensorlensError('session was disposed'); };
      return {
        exec(source) { check(); return parse(M.sessionExec(id, String(source))); },
        tensor(name) {
          check();
          const out = parse(M.sessionTensor(id, String(name)));
          return out.result ? out.result.tensors[name] : null;
        },
        graph(name) { check(); return parse(M.sessionGraph(id, String(name))); },
        dispose() { if (alive) { alive = false; M.sessionFree(id); } },
      };
    },

    /** Float64 finite-difference check of d(last backward root)/d(var) for a script. */
    gradcheck(source, varName) {
      const out = JSON.parse(M.gradcheck(String(source), String(varName)));
      if (out.error) throw new TensorlensError(out.error.message, out.error.line, out.error.col);
      return out;
    },

    /** tl.grad(f)(...xs) → [df/dx...] for scalar-valued f (TF.js style). */
    grad(f) {
      const vg = tl.valueAndGrad(f);
      return (...xs) => {
        const { value, grads } = vg(...xs);
        value.dispose();
        return grads;
      };
    },
    /** tl.valueAndGrad(f)(...xs) → { value, grads }. */
    valueAndGrad(f) {
      return (...xs) =>
        tl.tidy(() => {
          const leaves = xs.map((x) => x.detach().requires_grad_(true));
          const value = tl.enableGrad(() => f(...leaves));
          if (!(value instanceof Tensor)) throw new TensorlensError('valueAndGrad: f must return a Tensor');
          const grads = call('grad', EXPOSE.autograd, [[value], leaves, null, null, false, true]);
          return { value: value.detach(), grads: grads.map((g, i) => g ?? tl.zerosLike(leaves[i])) };
        });
    },
  };
  return tl;
}

export default init;
