// Types for the tensorlens npm package. This file is the template: scripts/gen-api.mjs writes
// dist/index.d.ts from it, replacing each `@generated` line with declarations made from the
// engine's op table and nn/optim constructor schemas (every op with its real parameters, option
// keys and return type). Only what the JS wrapper itself defines is written here by hand.

/** @generated dtypes */
export type DType = 'float32' | 'float64' | 'int64' | 'bool' | 'int32' | 'int16' | 'int8' | 'uint8';
export type NumericDType = Exclude<DType, 'bool'>;
/** The typed array data() returns for a dtype. */
export type DataArray<D extends DType> = [D] extends ['float32'] ? Float32Array : [D] extends ['bool' | 'uint8'] ? Uint8Array
  : [D] extends ['int32'] ? Int32Array : [D] extends ['int16'] ? Int16Array : [D] extends ['int8'] ? Int8Array
  : [D] extends ['float64' | 'int64'] ? Float64Array
  : Float32Array | Float64Array | Uint8Array | Int32Array | Int16Array | Int8Array;
export type NestedArray = number | boolean | NestedArray[];
/** A tensor of any dtype (parameters accept every dtype; results default to numeric). */
export type AnyTensor = Tensor<DType>;

export declare class TensorlensError extends Error {
  readonly line: number;
  readonly col: number;
  /** tl.run: what the script printed before the error. */
  readonly stdout?: string;
  /** Python's exception type of the same failure in PyTorch: 'RuntimeError', 'IndexError', 'TypeError', ... */
  readonly type: string;
}

/**
 * A tensor. D is its dtype where the types know it (comparisons give Tensor<'bool'>, `tl.tensor`
 * of booleans too); item() is a boolean for bool tensors and a number otherwise.
 */
export interface Tensor<D extends DType = NumericDType> {
  readonly shape: number[];
  readonly dtype: D;
  readonly ndim: number;
  requiresGrad: boolean;
  readonly isLeaf: boolean;
  /** PyTorch-style name of the node that made it ("MulBackward0"), or null for leaves. */
  readonly gradFn: string | null;
  /**
   * .grad, or null: the same wrapper while the gradient is the same tensor; owned by this tensor
   * (disposed when the gradient is replaced or cleared, or this tensor is disposed). Assign null
   * to clear.
   */
  grad: Tensor | null;
  readonly isDisposed: boolean;
  dispose(): void;
  /**
   * A copy: Float32Array for float32, Float64Array for float64/int64, Uint8Array for bool/uint8,
   * Int32Array/Int16Array/Int8Array for int32/int16/int8.
   */
  data(): DataArray<D>;
  toArray(): NestedArray;
  tolist(): NestedArray;
  /** The value of a one-element tensor: a boolean for bool tensors, else a number. */
  item(): D extends 'bool' ? boolean : D extends NumericDType ? number : number | boolean;
  /** size(): the shape; size(dim): one dimension (negative dims count from the end). */
  size(): number[];
  size(dim: number): number;
  backward(gradient?: AnyTensor | null, options?: { retainGraph?: boolean | null; createGraph?: boolean }): void;
  backward(options: { gradient?: AnyTensor | null; retainGraph?: boolean | null; createGraph?: boolean }): void;
  /** PyTorch's repr: "tensor([1., 2.], requires_grad=True)". Also util.inspect and String(t). */
  toString(): string;
  /** console.log(this.toString()). */
  print(): void;
  /**
   * x[items]: integers, null (new axis), an int64/bool index tensor, or strings in Python's index
   * syntax, comma-separated: x.index(':, 1:3'), x.index('..., -1'), x.index(0, '::2').
   */
  index(...items: IndexItem[]): Tensor<D>;
  /** x[items] = value, in place; returns x. */
  setIndex(...itemsThenValue: [...IndexItem[], number | boolean | AnyTensor | NestedArray]): this;

  // @generated tensor-methods
}
export type IndexItem = number | string | null | AnyTensor;

/** One row of the engine's op table (parsed schema). */
export interface OpInfo {
  name: string;
  key: string;
  schema: string;
  expose: number;
  differentiable: boolean;
  returns: string;
  derivative: string;
  params: { name: string; type: string; optional: boolean; kwOnly: boolean; hasDefault: boolean; default?: number | boolean | string | null | [] }[];
}

/** The CLI's --json object. */
export interface RunResult {
  tensors: Record<string, { shape: number[]; dtype: DType; requires_grad: boolean; data: (number | boolean | string)[]; grad: (number | string)[] | null }>;
  stdout: string;
}

export interface GraphNode {
  id: number | string;
  kind: 'tensor' | 'op';
  name: string;
  op: string;
  shape: number[];
  dtype: DType;
  requires_grad: boolean;
  is_leaf: boolean;
  [field: string]: unknown;
}
export interface GraphJson {
  nodes: GraphNode[];
  edges: { from: number | string; to: number | string }[];
  [field: string]: unknown;
}

/** A torch.nn module. Call it with forward(...) or call(...) (PyTorch's module(x)). */
export interface Module {
  /** The class name: "Linear", "Sequential", ... */
  readonly type: string;
  forward(...inputs: AnyTensor[]): Tensor;
  call(...inputs: AnyTensor[]): Tensor;
  /** Parameters, depth first in registration order; the same wrappers on every call. */
  parameters(): Tensor[];
  namedParameters(): [string, Tensor][];
  children(): Module[];
  /** The i-th layer of a Sequential (negative i counts from the end). */
  at<M extends Module = Module>(i: number): M;
  readonly length: number;
  readonly training: boolean;
  train(mode?: boolean): this;
  eval(): this;
  zeroGrad(options?: { setToNone?: boolean }): void;
  toString(): string;
  /** Frees the module and its parameter wrappers. */
  dispose(): void;
}

/** A torch.optim optimizer. */
export interface Optimizer {
  readonly type: string;
  step(): void;
  zeroGrad(options?: { setToNone?: boolean }): void;
  /** The learning rate (param_groups[0]['lr']); schedulers and users may set it. */
  lr: number;
  dispose(): void;
}
/** A learning-rate schedule: step() once per epoch. */
export interface LRScheduler {
  readonly optimizer: Optimizer;
  readonly lastEpoch: number;
  step(): void;
  getLastLr(): number[];
}
export interface LRSchedulers {
  /** lr *= gamma every stepSize epochs (torch.optim.lr_scheduler.StepLR). */
  StepLR(optimizer: Optimizer, stepSize: number, options?: { gamma?: number }): LRScheduler;
  /** lr *= gamma every epoch (torch.optim.lr_scheduler.ExponentialLR). */
  ExponentialLR(optimizer: Optimizer, gamma: number): LRScheduler;
}

// @generated nn-optim

/** Every torch.X function of the op table (and its camelCase alias). */
export interface TorchFunctions {
  // @generated torch-functions
}
/** torch.nn.functional. */
export interface Functional {
  // @generated functional
}
/** torch.autograd. */
export interface Autograd {
  // @generated autograd
}

export interface Tensorlens extends TorchFunctions {
  Tensor: Function;
  TensorlensError: typeof TensorlensError;
  ops: OpInfo[];
  F: Functional;
  nn: NN;
  optim: Optim;
  autograd: Autograd;

  /** Nested arrays, a typed array or a number; booleans make a bool tensor. */
  tensor(data: boolean | boolean[] | boolean[][] | boolean[][][], options?: { requiresGrad?: boolean; dtype?: 'bool' }): Tensor<'bool'>;
  tensor<T extends DType = 'float32'>(data: NestedArray | Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array, options?: { requiresGrad?: boolean; dtype?: T }): Tensor<T extends 'bool' ? 'bool' : T>;

  noGrad<T>(fn: () => T): T;
  enableGrad<T>(fn: () => T): T;
  isGradEnabled(): boolean;
  /** Frees every tensor made inside fn except those it returns. fn must be synchronous. */
  tidy<T>(fn: () => T): T;
  keep<T extends AnyTensor>(t: T): T;
  /**
   * liveTensors: JS tensors not yet freed (dispose, tidy or the garbage collector). engineTensors:
   * tensors alive in the engine (also graph-internal ones, and up to 4 cached 0-d tensors of the
   * numbers last used in `t.op(number)`). heapBytes: the wasm memory size (it only grows).
   * tensorBytes: bytes of live tensor data.
   */
  memory(): { liveTensors: number; engineTensors: number; heapBytes: number; tensorBytes: number };

  run(source: string): RunResult;
  graph(source: string, options?: { var?: string }): GraphJson;
  session(): {
    exec(source: string): { stdout: string };
    tensor(name: string): RunResult['tensors'][string] | null;
    graph(name: string): GraphJson;
    dispose(): void;
  };
  gradcheck(source: string, varName: string): {
    var: string; numel: number; checked: number; maxAbsError: number; maxRelError: number; analytic: number[]; numeric: number[];
  };

  grad(f: (...xs: Tensor[]) => AnyTensor): (...xs: AnyTensor[]) => Tensor[];
  valueAndGrad(f: (...xs: Tensor[]) => AnyTensor): (...xs: AnyTensor[]) => { value: Tensor; grads: Tensor[] };
}

/**
 * Loads the engine once and returns the API. No configuration: the wasm is embedded. `wasm`: the
 * engine already compiled (tensorlens_wasm.wasm as a WebAssembly.Module), for hosts that compile it
 * themselves.
 */
export declare function init(options?: { wasm?: WebAssembly.Module }): Promise<Tensorlens>;
export default init;
