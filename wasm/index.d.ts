// Types for the tensorlens npm package (hand-written: Emscripten 3.1.6 has no --embind-emit-tsd).

export type DType = 'float32' | 'float64' | 'int64' | 'bool';
export type NestedArray = number | boolean | NestedArray[];
export type TensorLike = Tensor | number | boolean;
/** Keyword arguments by PyTorch name, camelCase accepted: { dim: 1, keepdim: true }. */
export type Options = { [name: string]: unknown };

export declare class TensorlensError extends Error {
  readonly line: number;
  readonly col: number;
}

export interface Tensor {
  readonly shape: number[];
  readonly dtype: DType;
  readonly ndim: number;
  requiresGrad: boolean;
  readonly isLeaf: boolean;
  /** PyTorch-style name of the node that made it ("MulBackward0"), or null for leaves. */
  readonly gradFn: string | null;
  /** .grad (a new handle each read), or null. Assign null to clear. */
  grad: Tensor | null;
  readonly isDisposed: boolean;
  dispose(): void;
  /** A copy: Float32Array for float32, Float64Array for float64/int64, Uint8Array for bool. */
  data(): Float32Array | Float64Array | Uint8Array;
  toArray(): NestedArray;
  tolist(): NestedArray;
  item(): number | boolean;
  backward(gradient?: Tensor | null, options?: { retainGraph?: boolean | null; createGraph?: boolean }): void;

  // Arithmetic and elementwise
  add(other: TensorLike, options?: { alpha?: number }): Tensor;
  sub(other: TensorLike, options?: { alpha?: number }): Tensor;
  mul(other: TensorLike): Tensor;
  div(other: TensorLike): Tensor;
  neg(): Tensor;
  pow(exponent: TensorLike): Tensor;
  exp(): Tensor;
  log(): Tensor;
  sqrt(): Tensor;
  abs(): Tensor;
  sin(): Tensor;
  cos(): Tensor;
  tanh(): Tensor;
  sigmoid(): Tensor;
  relu(): Tensor;
  erf(): Tensor;
  sign(): Tensor;
  clamp(min?: number | null, max?: number | null): Tensor;
  maximum(other: Tensor): Tensor;
  minimum(other: Tensor): Tensor;
  eq(other: TensorLike): Tensor;
  ne(other: TensorLike): Tensor;
  lt(other: TensorLike): Tensor;
  le(other: TensorLike): Tensor;
  gt(other: TensorLike): Tensor;
  ge(other: TensorLike): Tensor;
  logical_not(): Tensor;
  to(dtype: DType): Tensor;
  float(): Tensor;
  double(): Tensor;
  long(): Tensor;
  bool(): Tensor;

  // Reductions
  sum(dim?: number | number[] | Options, keepdim?: boolean | Options): Tensor;
  mean(dim?: number | number[] | Options, keepdim?: boolean | Options): Tensor;
  var(dim?: number | number[] | boolean | Options, ...rest: unknown[]): Tensor;
  std(dim?: number | number[] | boolean | Options, ...rest: unknown[]): Tensor;
  prod(dim?: number | Options, keepdim?: boolean): Tensor;
  max(): Tensor;
  max(dim: number, keepdim?: boolean): [Tensor, Tensor];
  max(other: Tensor): Tensor;
  min(): Tensor;
  min(dim: number, keepdim?: boolean): [Tensor, Tensor];
  min(other: Tensor): Tensor;
  amax(dim?: number | number[], keepdim?: boolean): Tensor;
  amin(dim?: number | number[], keepdim?: boolean): Tensor;
  argmax(dim?: number | null, keepdim?: boolean): Tensor;
  argmin(dim?: number | null, keepdim?: boolean): Tensor;
  logsumexp(dim: number | number[], keepdim?: boolean): Tensor;

  // Linear algebra
  mm(other: Tensor): Tensor;
  bmm(other: Tensor): Tensor;
  matmul(other: Tensor): Tensor;
  t(): Tensor;

  // Shape
  view(...shape: number[]): Tensor;
  view(shape: number[]): Tensor;
  reshape(...shape: number[]): Tensor;
  reshape(shape: number[]): Tensor;
  flatten(startDim?: number, endDim?: number): Tensor;
  squeeze(dim?: number): Tensor;
  unsqueeze(dim: number): Tensor;
  transpose(dim0: number, dim1: number): Tensor;
  permute(...dims: number[]): Tensor;
  expand(...size: number[]): Tensor;
  contiguous(): Tensor;
  clone(): Tensor;
  select(dim: number, index: number): Tensor;
  index_select(dim: number, index: Tensor): Tensor;
  indexSelect(dim: number, index: Tensor): Tensor;
  gather(dim: number, index: Tensor): Tensor;
  softmax(dim: number): Tensor;
  log_softmax(dim: number): Tensor;
  logSoftmax(dim: number): Tensor;

  // Autograd and in-place
  detach(): Tensor;
  requires_grad_(requiresGrad?: boolean): Tensor;
  requiresGradInPlace(requiresGrad?: boolean): Tensor;
  retain_grad(): void;
  retainGrad(): void;
  size(dim?: number): number | number[];
  dim(): number;
  numel(): number;
  add_(other: TensorLike, options?: { alpha?: number }): Tensor;
  addInPlace(other: TensorLike, options?: { alpha?: number }): Tensor;
  sub_(other: TensorLike, options?: { alpha?: number }): Tensor;
  subInPlace(other: TensorLike, options?: { alpha?: number }): Tensor;
  mul_(other: TensorLike): Tensor;
  mulInPlace(other: TensorLike): Tensor;
  div_(other: TensorLike): Tensor;
  divInPlace(other: TensorLike): Tensor;
  zero_(): Tensor;
  zeroInPlace(): Tensor;
  fill_(value: number): Tensor;
  fillInPlace(value: number): Tensor;
  copy_(src: Tensor): Tensor;
  copyInPlace(src: Tensor): Tensor;

  /** Any other op-table method, by PyTorch name. */
  [method: string]: unknown;
}

/** One row of the engine's op table. */
export interface OpInfo {
  name: string;
  key: string;
  schema: string;
  expose: number;
  differentiable: boolean;
  derivative: string;
  params: { name: string; kwOnly: boolean; hasDefault: boolean }[];
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

export type Fn = (...args: any[]) => any;

export interface Tensorlens {
  Tensor: Function;
  TensorlensError: typeof TensorlensError;
  ops: OpInfo[];
  F: Record<string, Fn>;
  nn: { functional: Record<string, Fn> };
  autograd: { grad: Fn; backward: Fn };

  tensor(data: NestedArray | Float32Array | Float64Array, options?: { requiresGrad?: boolean; dtype?: DType }): Tensor;
  zeros(...shapeThenOptions: (number | number[] | Options)[]): Tensor;
  ones(...shapeThenOptions: (number | number[] | Options)[]): Tensor;
  full(size: number[], value: number, options?: Options): Tensor;
  eye(n: number, m?: number, options?: Options): Tensor;
  arange(...args: (number | Options)[]): Tensor;
  linspace(start: number, end: number, steps: number, options?: Options): Tensor;
  zeros_like(x: Tensor, options?: Options): Tensor;
  zerosLike(x: Tensor, options?: Options): Tensor;
  ones_like(x: Tensor, options?: Options): Tensor;
  onesLike(x: Tensor, options?: Options): Tensor;
  fullLike(x: Tensor, value: number, options?: Options): Tensor;
  rand(...shapeThenOptions: (number | number[] | Options)[]): Tensor;
  randn(...shapeThenOptions: (number | number[] | Options)[]): Tensor;
  cat(tensors: Tensor[], dim?: number): Tensor;
  stack(tensors: Tensor[], dim?: number): Tensor;
  where(condition: Tensor, input: TensorLike, other: TensorLike): Tensor;
  manualSeed(seed: number): void;

  noGrad<T>(fn: () => T): T;
  enableGrad<T>(fn: () => T): T;
  isGradEnabled(): boolean;
  tidy<T>(fn: () => T): T;
  keep<T extends Tensor>(t: T): T;
  /**
   * liveTensors: JS tensors not yet disposed. engineTensors: tensors alive in the engine (also
   * graph-internal ones, and up to 4 cached 0-d tensors of the numbers last used in `t.op(number)`).
   * heapBytes: the wasm memory size (it only grows). tensorBytes: bytes of live tensor data.
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

  grad(f: (...xs: Tensor[]) => Tensor): (...xs: Tensor[]) => Tensor[];
  valueAndGrad(f: (...xs: Tensor[]) => Tensor): (...xs: Tensor[]) => { value: Tensor; grads: Tensor[] };

  /** Every torch.* op of the engine's table, by PyTorch name (and camelCase alias). */
  [op: string]: unknown;
}

export declare function init(): Promise<Tensorlens>;
export default init;
