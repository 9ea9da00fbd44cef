// tensorlens: the engine in JavaScript. An idiomatic ESM wrapper over the handle-based bindings
// (wasm/bindings.cpp). Every op of the engine's op table becomes a function (`tl.exp(x)`), a
// method (`x.exp()`) or an `tl.F` function, by name; the boundary's tags, the expose flags, the
// dtypes and the nn/optim class names come from the engine too (constantsJson): nothing here
// lists ops or copies the engine's constants.
import createModule from './tensorlens_wasm.js';

/** Every engine or script error: the message, and for scripts the line and column. */
// `type` is Python's exception type of the same failure in PyTorch ('RuntimeError', 'IndexError',
// 'TypeError', ...): the engine's error JSON carries it; messages name it as their prefix
// ("IndexError: ..."), anything else is a RuntimeError (engine/lang exception_type()).
const exceptionType = (m) => {
  const r = /^([A-Z][A-Za-z0-9_]*(?:Error|Exception|Warning)|StopIteration|KeyboardInterrupt|SystemExit): /.exec(String(m));
  return r ? r[1] : 'RuntimeError';
};
export class TensorlensError extends Error {
  constructor(message, line = 0, col = 0, type = exceptionType(message)) {
    super(message);
    this.name = 'TensorlensError';
    this.line = line;
    this.col = col;
    this.type = type;
  }
}

const snake = (k) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()).replace(/_$/, 'InPlace');
const isPlainObject = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// Options objects of the JS-only entry points: an unknown key is an error, not a silent no-op.
function checkOptions(where, opts, allowed) {
  if (opts === undefined || opts === null) return {};
  if (!isPlainObject(opts)) throw new TensorlensError(`${where}: options must be a plain object, got ${Array.isArray(opts) ? 'an array' : typeof opts}`);
  for (const k of Object.keys(opts))
    if (!allowed.includes(k)) throw new TensorlensError(`${where}: unknown option '${k}' (expected ${allowed.map((a) => `'${a}'`).join(', ')})`);
  return opts;
}

let modulePromise = null;
let instance = null;

/**
 * Loads the wasm module once (no configuration: the binary is embedded) and returns the API.
 * options.wasm: the engine already compiled (a WebAssembly.Module of tensorlens_wasm.wasm), for a
 * host that compiles it itself — the playground compiles it while its worker starts.
 */
export async function init(options) {
  const { wasm } = checkOptions('init', options, ['wasm']);
  if (wasm !== undefined && !(wasm instanceof WebAssembly.Module))
    throw new TensorlensError('init: options.wasm must be a WebAssembly.Module');
  if (instance) return instance;
  if (!modulePromise) {
    if (!wasm) modulePromise = createModule();
    else {
      // Emscripten's hook: instantiate the given module with the loader's imports. A failure
      // rejects init (the loader itself would wait forever).
      let fail;
      const failed = new Promise((_, reject) => { fail = reject; });
      modulePromise = Promise.race([failed, createModule({
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(wasm, imports).then((inst) => receive(inst, wasm), fail);
          return {};
        },
      })]);
    }
  }
  const M = await modulePromise;
  if (!instance) instance = makeApi(M);
  return instance;
}

function makeApi(M) {
  const C = JSON.parse(M.constantsJson());
  const TAG = C.tags, EXPOSE = C.expose, DTYPES = C.dtypes, ARG_SLOTS = C.argSlots;
  // dtype -> the typed array data() returns with the tensor's own element bytes (others: Float64Array).
  const TYPED_ARRAYS = { float32: Float32Array, bool: Uint8Array, int32: Int32Array, int16: Int16Array,
                         int8: Int8Array, uint8: Uint8Array };
  const T_NONE = TAG.None, T_BOOL = TAG.Bool, T_INT = TAG.Int, T_FLOAT = TAG.Float, T_TENSOR = TAG.Tensor;
  const T_LIST = TAG.List, T_TUPLE = TAG.Tuple, T_DTYPE = TAG.DType, T_KEYWORD = TAG.Keyword, T_STR = TAG.Str;
  const METHOD = EXPOSE.method;
  const argBase = M.argBuffer() / 8;
  const resBase = M.resultBuffer() / 8;
  // Keyword names and string arguments are interned once in the engine; calls pass their ids.
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
  // `live` counts JS tensors whose engine handle is not yet released: dispose, tidy and the
  // registry's callback (a tensor the garbage collector took) all decrement it.
  let live = 0;
  const registry = new FinalizationRegistry((h) => {
    M._tl_release(h);
    live--;
  });
  const scopes = [];
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
    // owned: the wrapper belongs to another object (a tensor's .grad, a module's parameters) and
    // never joins a tidy scope; it is disposed with its owner (or by the registry).
    constructor(h, owned = false) {
      this.h = h;
      this.tracked = false;
      this.g = null;  // the stable wrapper of .grad, once read
      live++;
      // Inside tidy() the scope frees the tensor; the FinalizationRegistry (a safety net for
      // forgotten tensors, and not free to register with) only covers tensors outside scopes.
      if (scopes.length && !owned) scopes[scopes.length - 1].push(this);
      else track(this);
    }
    /** Frees the tensor now (idempotent); its .grad wrapper goes with it. */
    dispose() {
      if (this.h < 0) return;
      if (this.tracked) registry.unregister(this), (this.tracked = false);
      M._tl_release(this.h);
      this.h = -1;
      live--;
      if (this.g !== null) this.g.dispose(), (this.g = null);
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
    set requiresGrad(v) { this.requires_grad_(!!v); }
    get isLeaf() { return M._tl_is_leaf(this.#check()) !== 0; }
    get gradFn() { return M.gradFnName(this.#check()) || null; }
    /**
     * .grad: the same wrapper for as long as the gradient is the same tensor (backward
     * accumulates into it in place). The wrapper belongs to this tensor: it is disposed when the
     * gradient is replaced or cleared, or when this tensor is disposed (clone() it to keep it).
     */
    get grad() {
      const h = this.#check();
      const c = this.g;
      if (c !== null) {
        if (c.h >= 0) {
          const r = M._tl_grad_is(h, c.h);
          if (r === 1) return c;
          if (r === -2) fail();
          c.dispose();
        }
        this.g = null;
      }
      const g = M._tl_grad(h);
      if (g === -2) fail();
      return g < 0 ? null : (this.g = new Tensor(g, true));
    }
    set grad(g) {
      if (g !== null && g !== undefined && !(g instanceof Tensor)) throw new TensorlensError('grad must be a Tensor or null');
      if (M._tl_set_grad(this.#check(), g ? g.#check() : -1) !== 0) fail();
      if (this.g !== null && this.g !== g) this.g.dispose();
      this.g = null;
    }
    /**
     * A typed-array copy: Float32Array (float32), Float64Array (float64, int64), Uint8Array (bool,
     * uint8), Int32Array (int32), Int16Array (int16), Int8Array (int8).
     */
    data() {
      const h = this.#check();
      const dt = M._tl_dtype(h);
      const n = M._tl_numel(h);
      // dataPtr may grow wasm memory (it makes a copy), which replaces the HEAP views: take
      // the pointer first, then read through the current view.
      const Typed = TYPED_ARRAYS[DTYPES[dt]];  // the dtype's own bytes; int64/float64 as doubles
      const p = M._tl_data_ptr(h, Typed ? dt : -1);
      if (Typed) return new Typed(M.HEAPU8.buffer, p, n).slice();
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
    /** backward(gradient?, { retainGraph, createGraph }) or backward({ gradient, retainGraph, createGraph }). */
    backward(gradient = null, options) {
      if (isPlainObject(gradient) && options === undefined) {
        ({ gradient = null, ...options } = checkOptions('backward', gradient, ['gradient', 'retainGraph', 'createGraph']));
      }
      const { retainGraph = null, createGraph = false } = checkOptions('backward', options, ['retainGraph', 'createGraph']);
      call('backward', METHOD, [this, gradient, retainGraph, createGraph]);
    }
    /** PyTorch's repr: "tensor([1., 2.], requires_grad=True)". */
    toString() {
      const s = M.repr(this.#check());
      if (!s) fail();
      return s;
    }
    /** Writes toString() to the console, like print(t). */
    print() { console.log(this.toString()); }
    [inspectSymbol]() { return this.h < 0 ? 'tensor(<disposed>)' : this.toString(); }

    /**
     * x[items] in PyTorch's meaning, as a view where PyTorch makes one. Items: integers, null
     * (a new axis), an int64 or bool index tensor, or strings in Python's index syntax, several
     * comma-separated: x.index(':, 1:3'), x.index('..., -1'), x.index(0, '::2'), x.index(idx).
     */
    index(...items) { return indexTensor(this, items, null); }
    /** x[items] = value (in place; value: a number, a Tensor or nested arrays); returns x. */
    setIndex(...itemsThenValue) {
      if (itemsThenValue.length < 2) throw new TensorlensError('setIndex(...items, value): expected at least one index and a value');
      const value = itemsThenValue.pop();
      setIndexTensor(this, itemsThenValue, value);
      return this;
    }
  }

  // ---- argument encoding into the shared buffer ----
  // Writes one tagged value at slot i; returns the next slot. (No closures: this runs per op.)
  // The buffer holds ARG_SLOTS doubles; nothing is written past it.
  const room = (i) => {
    if (i + 2 > ARG_SLOTS) throw new TensorlensError(`arguments too large: more than ${ARG_SLOTS / 2 - 1} values in one call`);
  };
  function encode(v, i) {
    room(i);
    let tag, payload = 0;
    if (v instanceof Tensor) {
      if (v.h < 0) throw new TensorlensError('tensor was disposed');
      tag = T_TENSOR, payload = v.h;
    } else if (v === null || v === undefined) tag = T_NONE;
    else if (typeof v === 'boolean') tag = T_BOOL, payload = v ? 1 : 0;
    else if (typeof v === 'number') tag = Number.isInteger(v) ? T_INT : T_FLOAT, payload = v;
    else if (typeof v === 'string') {
      const d = DTYPES.indexOf(v);
      if (d >= 0) tag = T_DTYPE, payload = d;
      else tag = T_STR, payload = kwId(v);  // may grow memory: HEAPF64 is read below, after
    } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const H = M.HEAPF64;
      H[argBase + i] = T_LIST;
      H[argBase + i + 1] = v.length;
      i += 2;
      for (let k = 0; k < v.length; k++) i = encode(v[k], i);
      return i;
    } else throw new TensorlensError(`unsupported argument of type ${typeof v}${isPlainObject(v) ? ' (an options object goes last)' : ''}`);
    const H = M.HEAPF64;
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
      case T_NONE: return null;
      case T_BOOL: return p !== 0;
      case T_INT: case T_FLOAT: return p;
      case T_TENSOR: return new Tensor(p);
      case T_DTYPE: return DTYPES[p];
      case T_LIST: case T_TUPLE: {
        const out = [];
        for (let k = 0; k < p; k++) out.push(decode());
        return out;
      }
      default: throw new TensorlensError(`bad result tag ${tag}`);
    }
  }
  // Encodes self (undefined for functions) and args; a trailing plain object in args holds
  // keyword arguments (camelCase accepted). Returns the argument count.
  function encodeArgs(self, args) {
    let n = args.length, kw = null;
    if (n && isPlainObject(args[n - 1])) kw = args[--n];
    while (n && args[n - 1] === undefined) n--;
    let i = 0, argc = 0;
    if (self !== undefined) i = encode(self, i), argc++;
    for (let k = 0; k < n; k++) i = encode(args[k], i), argc++;
    if (kw) {
      for (const k in kw) {
        const v = kw[k];
        if (v === undefined) continue;
        const kid = kwId(snake(k));  // may grow memory: resolve before writing through HEAPF64
        room(i);
        M.HEAPF64[argBase + i] = T_KEYWORD;
        M.HEAPF64[argBase + i + 1] = kid;
        i = encode(v, i + 2);
        argc++;
      }
    }
    return argc;
  }
  // Op names resolve to ids once; calls then pass no strings.
  const opIds = new Map();
  const opId = (name) => {
    let id = opIds.get(name);
    if (id === undefined) opIds.set(name, (id = M.opNameId(name)));
    return id;
  };
  // Calls op `id` on self (a method's tensor; undefined for functions) and args.
  function callOp(id, where, self, args) {
    if (M._tl_call_op_id(id, where, encodeArgs(self, args)) !== 0) fail();
    resI = 0;
    return decode();
  }
  const call = (name, where, args) => callOp(opId(name), where, undefined, args);
  // In-place methods (returns "Tensor(inplace)") return the tensor they were called on: the
  // wrapper itself, not a second handle to it.
  function callInPlace(id, self, args) {
    if (M._tl_call_op_id(id, METHOD, encodeArgs(self, args)) !== 0) fail();
    const H = M.HEAPF64;
    if (H[resBase] === T_TENSOR) {
      const h = H[resBase + 1];
      if (M._tl_same(h, self.h) === 1) {
        M._tl_release(h);
        return self;
      }
    }
    resI = 0;
    return decode();
  }

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
    if (op.expose & METHOD && !(name in Tensor.prototype)) {
      const id = opId(name);
      const m = op.returns === 'Tensor(inplace)'
        ? function (...args) { return callInPlace(id, this, args); }
        : function (...args) { return callOp(id, METHOD, this, args); };
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

  // ---- indexing: x.index(...) / x.setIndex(..., value) ----
  // Composes the table's views as the script language does (select, slice, unsqueeze) and
  // index_select for one index tensor, so autograd records every step.
  const INTERNAL = EXPOSE.internal | EXPOSE.torch | METHOD;
  function parseIndexItems(items) {
    const out = [];
    const intRe = /^[+-]?\d+$/;
    const parseInt1 = (s, what) => {
      if (s === '') return null;
      if (!intRe.test(s)) throw new TensorlensError(`index: '${what}' is not an integer, a slice (1:3, ::2), '...' or None`);
      return Number(s);
    };
    for (const it of items) {
      if (it === null || it === undefined) out.push({ k: 'none' });
      else if (typeof it === 'number') {
        if (!Number.isInteger(it)) throw new TensorlensError(`index: ${it} is not an integer`);
        out.push({ k: 'int', v: it });
      } else if (it instanceof Tensor) out.push({ k: 'tensor', t: it });
      else if (typeof it === 'string') {
        for (const raw of it.split(',')) {
          const s = raw.trim();
          if (s === '' && it.trim() === '') throw new TensorlensError('index: empty index string');
          if (s === '') continue;  // a trailing comma, as in Python's x[0,]
          if (s === '...') out.push({ k: 'ellipsis' });
          else if (s === 'None') out.push({ k: 'none' });
          else if (s.includes(':')) {
            const parts = s.split(':');
            if (parts.length > 3) throw new TensorlensError(`index: bad slice '${s}'`);
            const [lo, hi, st] = parts.map((p) => parseInt1(p.trim(), s));
            if (st === 0) throw new TensorlensError('index: slice step cannot be zero');
            if (st !== null && st < 0) throw new TensorlensError('index: step must be greater than zero');
            out.push({ k: 'slice', lo, hi, step: st ?? 1 });
          } else out.push({ k: 'int', v: parseInt1(s, s) });
        }
      } else throw new TensorlensError(`index: unsupported index of type ${typeof it}`);
    }
    return out;
  }
  function indexTensor(x, items, advancedOut) {
    const parsed = parseIndexItems(items);
    const ndim = x.ndim;
    let consumed = 0, ellipsis = false;
    for (const p of parsed) {
      if (p.k === 'ellipsis') {
        if (ellipsis) throw new TensorlensError("index: an index can only have a single ellipsis ('...')");
        ellipsis = true;
      } else if (p.k === 'int' || p.k === 'slice') consumed++;
      else if (p.k === 'tensor') consumed += p.t.dtype === 'bool' ? p.t.ndim : 1;
    }
    if (consumed > ndim) throw new TensorlensError(`index: too many indices for tensor of dimension ${ndim}`);
    let cur = x, d = 0, tensors = 0;
    // Each step makes a view of the previous one; the intermediate wrappers are freed at once.
    const step = (next) => { if (cur !== x) cur.dispose(); cur = next; };
    try {
      for (const p of parsed) {
        if (p.k === 'none') step(cur.unsqueeze(d++));
        else if (p.k === 'ellipsis') d += ndim - consumed;
        else if (p.k === 'int') step(call('select', INTERNAL, [cur, d, p.v]));
        else if (p.k === 'slice') {
          if (!(p.lo === null && p.hi === null && p.step === 1)) step(call('slice', INTERNAL, [cur, d, p.lo, p.hi, p.step]));
          d++;
        } else {
          if (advancedOut) advancedOut.used = true;
          if (++tensors > 1) throw new TensorlensError('index: tensorlens supports one index tensor per index');
          const t = p.t;
          if (t.dtype === 'bool') {
            const k = t.ndim, cs = cur.shape, ts = t.shape;
            if (k === 0 || ts.some((s, j) => cs[d + j] !== s))
              throw new TensorlensError(`index: the shape of the mask [${ts}] does not match the shape of the indexed tensor [${cs}] at dimension ${d}`);
            if (k > 1) step(cur.flatten(d, d + k - 1));
            const m = t.data(), pos = [];
            for (let j = 0; j < m.length; j++) if (m[j]) pos.push(j);
            const pt = tl.tensor(pos, { dtype: 'int64' });
            try { step(cur.index_select(d, pt)); } finally { pt.dispose(); }
            d++;
          } else if (t.dtype === 'int64') {
            if (t.ndim === 0) step(call('select', INTERNAL, [cur, d, t.item()]));
            else {
              if (t.ndim > 1) throw new TensorlensError('index: index tensors with more than one dimension are not supported by tensorlens');
              step(cur.index_select(d, t));
              d++;
            }
          } else throw new TensorlensError(`index: index tensors must be int64 or bool (got ${t.dtype})`);
        }
      }
      // x.index(':') / x.index('...'): a new view of the same data, as PyTorch returns.
      if (cur === x) cur = x.ndim === 0 ? x.view([]) : call('slice', INTERNAL, [x, 0]);
      return cur;
    } catch (e) {
      if (cur !== x) cur.dispose();
      throw e;
    }
  }
  function setIndexTensor(x, items, value) {
    const adv = { used: false };
    const view = indexTensor(x, items, adv);
    let src = null;
    try {
      if (adv.used) throw new TensorlensError('setIndex: assignment through an index tensor is not supported by tensorlens');
      if (typeof value === 'number' || typeof value === 'boolean') {
        view.fill_(Number(value));
        return;
      }
      src = value instanceof Tensor ? value : tl.tensor(value, { dtype: view.dtype });
      // PyTorch records a CopySlices node when a tensor that requires grad is written into a
      // view; the engine has none, so the case is refused instead of giving wrong gradients.
      if (M._tl_grad_enabled() && src.requiresGrad)
        throw new TensorlensError('setIndex: tensorlens does not support writing a tensor that requires grad into part of another tensor; build the result out of place (tl.cat, tl.stack, tl.where)');
      view.copy_(src);
    } finally {
      view.dispose();
      if (src !== null && src !== value) src.dispose();
    }
  }

  // JS numbers carry no int/float distinction: creation defaults to float32 here.
  const withDtype = (opts, fallback = 'float32') => ({ dtype: fallback, ...(opts || {}) });
  const splitOpts = (args) => (args.length && isPlainObject(args[args.length - 1]) ? [args.slice(0, -1), args[args.length - 1]] : [args, {}]);

  // The dtype a typed array gives tl.tensor without a dtype option (Uint8Array: uint8, as torch.from_numpy).
  function typedDtype(data) {
    if (data instanceof Float64Array) return 'float64';
    if (data instanceof Int32Array) return 'int32';
    if (data instanceof Int16Array) return 'int16';
    if (data instanceof Int8Array) return 'int8';
    if (data instanceof Uint8Array) return 'uint8';
    return 'float32';
  }
  function flatten(data) {
    // Nested arrays or a typed array → flat values + shape (rectangularity checked here).
    if (ArrayBuffer.isView(data)) return { flat: data, shape: [data.length], bool: false };
    if (typeof data === 'number' || typeof data === 'boolean') return { flat: [Number(data)], shape: [], bool: typeof data === 'boolean' };
    if (!Array.isArray(data)) throw new TensorlensError(`tensor: expected nested arrays, a typed array or a number, got ${data === null ? 'null' : typeof data}`);
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
    if (typeof fn !== 'function') throw new TensorlensError(`${on ? 'enableGrad' : 'noGrad'}: expected a function`);
    const prev = M._tl_grad_enabled();
    M._tl_set_grad_enabled(on);
    try { return fn(); } finally { M._tl_set_grad_enabled(prev); }
  }

  // ---- torch.nn modules and torch.optim optimizers (engine/nn, engine/optim) ----
  const moduleRegistry = new FinalizationRegistry((id) => M.moduleFree(id));
  const optimRegistry = new FinalizationRegistry((id) => M.optimFree(id));
  const parseJson = (text) => {
    const out = JSON.parse(text);
    if (out.error) {
      const e = new TensorlensError(out.error.message, out.error.line, out.error.col, out.error.type);
      if (typeof out.error.stdout === 'string') e.stdout = out.error.stdout;  // printed before the error
      throw e;
    }
    return out;
  };
  // Reads a list of tensor handles from the result buffer as wrappers owned by their module.
  function decodeOwnedList() {
    const H = M.HEAPF64;
    const n = H[resBase + 1], out = new Array(n);
    for (let k = 0; k < n; k++) out[k] = new Tensor(H[resBase + 3 + 2 * k], true);
    return out;
  }

  /** A torch.nn module (a Linear, a Sequential, a loss, ...). */
  class Module {
    constructor(id, children = []) {
      this.id = id;
      this.childModules = children;
      this.params = null;  // the stable parameter wrappers, made on first use
      moduleRegistry.register(this, id, this);
      const info = this.#info();
      this.type = info.type;
      // Own parameters as properties (linear.weight, linear.bias; a None bias is null).
      for (const name of info.names)
        if (!name.includes('.')) Object.defineProperty(this, name, { get: () => this.namedParameters().find(([n]) => n === name)[1], enumerable: false });
      if (this.type === 'Linear' && !info.names.includes('bias')) Object.defineProperty(this, 'bias', { value: null });
    }
    #check() {
      if (this.id < 0) throw new TensorlensError('module was disposed');
      return this.id;
    }
    #info() { return parseJson(M.moduleInfo(this.#check())); }
    /** module(...inputs): losses take (input, target). */
    forward(...inputs) {
      const id = this.#check();
      let i = 0;
      for (const x of inputs) {
        if (!(x instanceof Tensor)) throw new TensorlensError(`${this.type}.forward(): expected Tensor arguments, got ${x === null ? 'null' : typeof x}`);
        i = encode(x, i);
      }
      if (M._tl_module_forward(id, inputs.length) !== 0) fail();
      resI = 0;
      return decode();
    }
    /** The same as forward (PyTorch's module(x)). */
    call(...inputs) { return this.forward(...inputs); }
    /** Parameters (depth first, registration order), the same wrappers on every call. */
    parameters() {
      const id = this.#check();
      if (this.params === null || this.params.some((p) => p.h < 0)) {
        if (this.params) for (const p of this.params) p.dispose();
        if (M.moduleParameters(id) !== 0) fail();
        this.params = decodeOwnedList();
      }
      return this.params.slice();
    }
    /** [qualified name, parameter] pairs: ["0.weight", w], ... */
    namedParameters() {
      const names = this.#info().names, ps = this.parameters();
      return names.map((n, k) => [n, ps[k]]);
    }
    /** Sub-modules in order (Sequential's layers). */
    children() { return this.childModules.slice(); }
    /** model.at(i): the i-th layer of a Sequential (negative i counts from the end). */
    at(i) {
      const n = this.childModules.length;
      const k = i < 0 ? i + n : i;
      if (!Number.isInteger(i) || k < 0 || k >= n) throw new TensorlensError(`index ${i} is out of range`);
      return this.childModules[k];
    }
    get length() { return this.childModules.length; }
    get training() { return this.#info().training; }
    /** Training mode on (default) or off, recursively; returns the module. */
    train(mode = true) {
      if (M.moduleTrain(this.#check(), !!mode) !== 0) fail();
      return this;
    }
    eval() { return this.train(false); }
    /** Zeroes every parameter's .grad in place ({ setToNone: true } drops them). */
    zeroGrad(options) {
      const { setToNone = false } = checkOptions('zeroGrad', options, ['setToNone']);
      if (M._tl_module_zero_grad(this.#check(), setToNone ? 1 : 0) !== 0) fail();
    }
    /** PyTorch's repr ("Sequential(\n  (0): Linear(in_features=2, ...)\n ...)"). */
    toString() { return this.id < 0 ? `${this.type}(<disposed>)` : this.#info().repr; }
    [inspectSymbol]() { return this.toString(); }
    /** Frees the module and its parameter wrappers (the layers of a Sequential stay usable). */
    dispose() {
      if (this.id < 0) return;
      if (this.params) for (const p of this.params) p.dispose();
      this.params = null;
      moduleRegistry.unregister(this);
      M.moduleFree(this.id);
      this.id = -1;
    }
  }

  function newModule(cls, args) {
    const id = M.moduleNew(cls, encodeArgs(undefined, args));
    if (id < 0) fail();
    return new Module(id);
  }
  const nn = { Module, functional: F };
  for (const cls of C.modules) {
    nn[cls] = cls === 'Sequential'
      ? function Sequential(...mods) {
        let i = 0;
        for (const m of mods) {
          if (!(m instanceof Module)) throw new TensorlensError('Sequential(): arguments must be modules');
          room(i);
          M.HEAPF64[argBase + i] = T_INT;
          M.HEAPF64[argBase + i + 1] = m.id < 0 ? -1 : m.id;
          i += 2;
        }
        const id = M.moduleSequential(mods.length);
        if (id < 0) fail();
        return new Module(id, mods);
      }
      : { [cls]: function (...args) { return newModule(cls, args); } }[cls];
  }

  /** A torch.optim optimizer over a list of parameters. */
  class Optimizer {
    constructor(cls, params, rest) {
      if (!Array.isArray(params) || !params.every((p) => p instanceof Tensor))
        throw new TensorlensError(`${cls}(): the first argument must be an array of tensors (model.parameters())`);
      const id = M.optimNew(cls, encodeArgs(undefined, [params, ...rest]));
      if (id < 0) fail();
      this.id = id;
      this.type = cls;
      optimRegistry.register(this, id, this);
    }
    #check() {
      if (this.id < 0) throw new TensorlensError('optimizer was disposed');
      return this.id;
    }
    /** One update of every parameter that has a .grad (PyTorch 1.13's rule, no recording). */
    step() { if (M._tl_optim_step(this.#check()) !== 0) fail(); }
    /** Zeroes every parameter's .grad in place ({ setToNone: true } drops them). */
    zeroGrad(options) {
      const { setToNone = false } = checkOptions('zeroGrad', options, ['setToNone']);
      if (M._tl_optim_zero_grad(this.#check(), setToNone ? 1 : 0) !== 0) fail();
    }
    /** The learning rate (param_groups[0]['lr']); schedulers set it. */
    get lr() {
      const v = M.optimLr(this.#check());
      if (Number.isNaN(v)) fail();
      return v;
    }
    set lr(v) { if (M.optimSetLr(this.#check(), Number(v)) !== 0) fail(); }
    dispose() {
      if (this.id < 0) return;
      optimRegistry.unregister(this);
      M.optimFree(this.id);
      this.id = -1;
    }
  }
  // Learning-rate schedulers: PyTorch 1.13's recursive ("chainable") forms, computed in doubles
  // as Python does: StepLR multiplies by gamma every stepSize epochs, ExponentialLR every epoch.
  class LRScheduler {
    constructor(optimizer, factor) {
      if (!(optimizer instanceof Optimizer)) throw new TensorlensError('scheduler: the first argument must be an optimizer');
      this.optimizer = optimizer;
      this.factor = factor;
      this.lastEpoch = 0;
      this.baseLr = optimizer.lr;
    }
    /** Advances one epoch and updates the optimizer's lr. */
    step() {
      this.lastEpoch++;
      const f = this.factor(this.lastEpoch);
      if (f !== 1) this.optimizer.lr = this.optimizer.lr * f;
    }
    getLastLr() { return [this.optimizer.lr]; }
  }
  const optimApi = { Optimizer, LRScheduler, lr_scheduler: {} };
  for (const cls of C.signatures.filter((s) => s.returns === 'Optimizer').map((s) => s.name))
    optimApi[cls] = { [cls]: function (params, ...rest) { return new Optimizer(cls, params, rest); } }[cls];
  optimApi.lr_scheduler.StepLR = function StepLR(optimizer, stepSize, options) {
    const { gamma = 0.1 } = checkOptions('StepLR', options, ['gamma']);
    if (!Number.isInteger(stepSize) || stepSize <= 0) throw new TensorlensError('StepLR: stepSize must be a positive integer');
    return new LRScheduler(optimizer, (e) => (e % stepSize === 0 ? gamma : 1));
  };
  optimApi.lr_scheduler.ExponentialLR = function ExponentialLR(optimizer, gamma) {
    if (typeof gamma !== 'number') throw new TensorlensError('ExponentialLR: gamma must be a number');
    return new LRScheduler(optimizer, () => gamma);
  };
  optimApi.StepLR = optimApi.lr_scheduler.StepLR;
  optimApi.ExponentialLR = optimApi.lr_scheduler.ExponentialLR;

  const tl = {
    Tensor,
    TensorlensError,
    ops,
    F,
    nn,
    optim: optimApi,
    autograd,
    ...api,

    /** tl.tensor(nested arrays | typed array | number, {requiresGrad, dtype}) */
    tensor(data, options) {
      if (Array.isArray(options)) throw new TensorlensError('tensor(data, options): a shape argument is not supported; give nested arrays or call .reshape(...)');
      const { requiresGrad = false, dtype } = checkOptions('tensor', options, ['requiresGrad', 'dtype']);
      const { flat, shape, bool } = flatten(data);
      const dt = DTYPES.indexOf(dtype || (bool ? 'bool' : typedDtype(data)));
      if (dt < 0) throw new TensorlensError(`tensor: unknown dtype '${dtype}'`);
      const n = flat.length;
      const buf = M._malloc(Math.max(8, 8 * (n + shape.length)));
      if (!buf) throw new TensorlensError(`tensor: out of memory for ${n} values`);
      try {
        M.HEAPF64.set(flat, buf / 8);
        M.HEAPF64.set(shape, buf / 8 + n);
        const h = M.fromData(buf, n, buf + 8 * n, shape.length, dt, !!requiresGrad);
        if (h < 0) fail();
        return new Tensor(h);
      } finally {
        M._free(buf);
      }
    },
    full: (...args) => { const [a, o] = splitOpts(args); return call('full', EXPOSE.torch, [...a, withDtype(o)]); },
    arange: (...args) => { const [a, o] = splitOpts(args); return call('arange', EXPOSE.torch, [...a, withDtype(o)]); },

    /** Runs fn with gradient recording off (torch.no_grad()). */
    noGrad: (fn) => withGradMode(0, fn),
    enableGrad: (fn) => withGradMode(1, fn),
    isGradEnabled: () => M._tl_grad_enabled() !== 0,

    /**
     * Frees every tensor made inside fn except those it returns (in arrays/objects too). fn must
     * be synchronous: an async function (or one returning a Promise) is an error at once, since
     * the scope would end before the awaited code runs.
     */
    tidy(fn) {
      if (typeof fn !== 'function') throw new TensorlensError('tidy: expected a function');
      if (fn.constructor && (fn.constructor.name === 'AsyncFunction' || fn.constructor.name === 'AsyncGeneratorFunction'))
        throw new TensorlensError('tidy: fn must be synchronous (got an async function); dispose tensors by hand across awaits');
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
        const outer = scopes.length ? scopes[scopes.length - 1] : null;
        for (const t of scope) {
          if (t.h < 0) continue;
          if (keep.has(t)) {  // returned: it moves to the enclosing scope (or the registry)
            if (outer) outer.push(t);
            else track(t);
            continue;
          }
          if (t.tracked) registry.unregister(t), (t.tracked = false);
          dead.push(t.h);
          t.h = -1;
          live--;
          if (t.g !== null && !keep.has(t.g)) t.g.dispose(), (t.g = null);
        }
        if (dead.length) releaseMany(dead);
      }
      if (result !== null && typeof result === 'object' && typeof result.then === 'function')
        throw new TensorlensError('tidy: fn returned a Promise; fn must be synchronous (the tensors it made are freed)');
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
    run(source) { return parseJson(M.run(String(source))); },
    /** The computation graph of a script (the CLI's graph JSON). */
    graph(source, options) {
      const { var: name = '' } = checkOptions('graph', options, ['var']);
      return parseJson(M.graph(String(source), name));
    },

    /** A persistent interpreter: globals survive between exec() calls (training mode). */
    session() {
      const id = M.sessionNew();
      let alive = true;
      const check = () => { if (!alive) throw new TensorlensError('session was disposed'); };
      return {
        exec(source) { check(); return parseJson(M.sessionExec(id, String(source))); },
        tensor(name) {
          check();
          const out = parseJson(M.sessionTensor(id, String(name)));
          return out.result ? out.result.tensors[name] : null;
        },
        graph(name) { check(); return parseJson(M.sessionGraph(id, String(name))); },
        dispose() { if (alive) { alive = false; M.sessionFree(id); } },
      };
    },

    /** Float64 finite-difference check of d(last backward root)/d(var) for a script. */
    gradcheck(source, varName) { return parseJson(M.gradcheck(String(source), String(varName))); },

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
