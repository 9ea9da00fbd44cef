// In-place ops. Each bumps the storage's version counter, so a tensor saved for backward and
// modified afterwards is caught when backward unpacks it (PyTorch's error). With grad recording,
// the tensor's history is rebased: its grad_fn becomes the in-place op's node.
#include <algorithm>
#include <cstring>

#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/kernels/elementwise.h"
#include "engine/ops/ops.h"

namespace tl {

// PyTorch's internal-overlap check of in-place arithmetic and copy_ (fill_, zero_ and index
// assignment of a number skip it): a dim of stride 0 and size > 1 (an expanded tensor) would have
// several elements written through one memory location.
void check_no_overlap(const Tensor& self) {
  if (self.numel() == 0) return;  // nothing is written
  for (int i = 0; i < self.dim(); ++i)
    TL_CHECK(!(self.strides()[i] == 0 && self.shape()[i] > 1), "unsupported operation: more than one element of ",
             "the written-to tensor refers to a single memory location. Please clone() the tensor before performing "
             "the operation.");
}

namespace {

void check_inplace(const char* op, const Tensor& self, bool recording) {
  TL_CHECK(self.defined(), op, ": undefined tensor");
  if (!recording) return;
  check_view_inplace(self);  // PyTorch checks the view first
  TL_CHECK(!inplace_on_leaf(self), "a leaf Variable that requires grad is being used in an in-place operation.");  // no op prefix in PyTorch
}

// Every write into an existing tensor: an inference tensor only inside inference_mode (PyTorch's
// error), never into an efficient zero.
void check_inference_write(const Tensor& self) {
  check_not_efficient_zero(self);
  TL_CHECK(!self.impl()->is_inference || inference_mode(),
           "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a "
           "normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.");
}

// src's elements (broadcast to self's shape; another dtype converted first, so that the strided
// copy only moves elements of one size) into self's memory, without a version bump.
void copy_elements(const Tensor& self, const Tensor& src) {
  Tensor sc = src;
  if (src.dtype() != self.dtype()) {
    NoGradGuard ng;
    sc = to_dtype(src.detach(), self.dtype());
  }
  TL_DISPATCH_BYSIZE(self.dtype(), T, [&] {
    Dims st[2] = {self.strides(), kernels::broadcast_strides(self.shape(), sc.shape(), sc.strides())};
    const int64_t base[2] = {0, 0};
    T* pd = self.data_ptr<T>();
    const T* ps = sc.data_ptr<T>();
    kernels::for_each_row<2>(self.shape(), st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
      for (int64_t j = 0; j < cnt; ++j) pd[off[0] + j * step[0]] = ps[off[1] + j * step[1]];
    });
  });
}

// Writes src (broadcast to self's shape, converted to self's dtype) into self's memory.
void write_into(const char* op, Tensor& self, const Tensor& src) {
  check_inference_write(self);
  Shape b = broadcast_shapes(op, self.shape(), src.shape());
  // (PyTorch's message names no op)
  TL_CHECK(b == self.shape(), "output with shape ", sizes_str(self.shape()), " doesn't match the broadcast shape ",
           sizes_str(b));
  if (self.dtype() == src.dtype() && self.is_contiguous() && (src.numel() == 1 || (src.is_contiguous() && src.shape() == self.shape()))) {
    // The common cases (an optimizer's update, zero_, fill_): one copy or one fill.
    TL_DISPATCH_BYSIZE(self.dtype(), T, [&] {
      T* pd = self.data_ptr<T>();
      const T* ps = src.data_ptr<T>();
      const int64_t n = self.numel();
      if (src.numel() == 1) std::fill(pd, pd + n, *ps);
      else if (pd != ps) std::memmove(pd, ps, size_t(n) * sizeof(T));
    });
    self.bump_version();
    return;
  }
  bool overlap = false;
  for (int i = 0; i < self.dim(); ++i) overlap = overlap || (self.strides()[i] == 0 && self.shape()[i] > 1);
  if (overlap && std::strcmp(op, "masked_fill_") == 0 && src.dtype() == self.dtype() && src.shape() == self.shape()) {
    // masked_fill_ of an expanded tensor writes the masked elements only: those that differ
    // (bitwise) from self's values (an unmasked element of the result is self's own value).
    Tensor sc = contiguous(src);
    TL_DISPATCH_BYSIZE(self.dtype(), T, [&] {
      const Tensor old_vals = contiguous(self.detach());
      const T* po = old_vals.data_ptr<T>();
      const T* ps = sc.data_ptr<T>();
      T* pd = self.data_ptr<T>();
      int64_t k = 0;
      std::vector<int64_t> ix(size_t(self.dim()), 0);
      for (k = 0; k < self.numel(); ++k) {
        if (std::memcmp(&po[k], &ps[k], sizeof(T)) != 0) {
          int64_t off = 0;
          for (int d = 0; d < self.dim(); ++d) off += ix[size_t(d)] * self.strides()[d];
          pd[off] = ps[k];
        }
        for (int d = self.dim() - 1; d >= 0; --d) {  // odometer over self's logical order
          if (++ix[size_t(d)] < self.shape()[d]) break;
          ix[size_t(d)] = 0;
        }
      }
    });
    self.bump_version();
    return;
  }
  copy_elements(self, src);
  self.bump_version();
}

}  // namespace

// After an in-place op rebased self onto a new node: retain_grad() follows the tensor, so the
// node that now makes self fills its .grad and the old one no longer does (PyTorch's retains_grad
// hook moves with the tensor's grad_fn).
void move_retained(Tensor& self, const std::shared_ptr<Node>&) { move_retain_hook(self.impl_ptr()); }

namespace {

// self <- result (computed from self), rebasing self's history onto the result's node when recording.
}  // namespace
bool needs_sequential(const Tensor& self, const Elementwise* ew);
void write_sequential(Tensor& self, const Elementwise& ew);
namespace {

Tensor& finish_inplace(const char* op, Tensor& self, const Tensor& result, bool recording,
                       const Elementwise* ew = nullptr) {
  if (recording && result.grad_fn()) {
    // The node saved `self` (mul_/div_ by a tensor that requires grad). As PyTorch, the first
    // saved `self` becomes a copy of its values before the write ("original_self"); any other
    // slot holding `self` (`y.mul_(y)`, addcdiv_'s tensor2 in `y.addcdiv_(a, y)`) stays a view
    // of it, saved output-style (no reference cycle through the node), so backward raises
    // PyTorch's in-place error for it.
    bool first = true;
    for (SavedTensor& st : result.grad_fn()->saved) {
      if (st.source != self.impl()) continue;
      if (first && !st.not_self) {
        // Recorded (PyTorch's original_self = self.clone()): a double backward differentiates
        // through the saved values back into self's previous history.
        Tensor copy = clone(self);
        st.impl = copy.impl_ptr();
        st.version = copy.version();
        first = false;
      } else {
        st.impl = data_alias(self);
        st.is_output = true;
      }
    }
  }
  // PyTorch's canCast: no float -> integer and no non-bool -> bool in an in-place result.
  TL_CHECK((is_floating(self.dtype()) || !is_floating(result.dtype())) &&
               (self.dtype() != DType::Bool || result.dtype() == DType::Bool),
           "result type ", dtype_kernel_name(result.dtype()), " can't be cast to the desired output type ",
           dtype_kernel_name(self.dtype()));
  if (!recording && needs_sequential(self, ew)) {
    check_inference_write(self);
    const Shape b = broadcast_shapes(op, self.shape(), result.shape());  // write_into's check
    TL_CHECK(b == self.shape(), "output with shape ", sizes_str(self.shape()), " doesn't match the broadcast shape ",
             sizes_str(b));
    write_sequential(self, *ew);
    self.bump_version();
    return self;
  }
  if (recording && result.dtype() == self.dtype() && result.shape() == self.shape() && result.is_contiguous() &&
      result.impl()->storage != self.impl()->storage && needs_sequential(self, ew)) {
    // Recorded, the values are the same element-after-element ones (v3 *= v3[..., -1] with v3
    // requiring grad): written into self, then taken as the recorded result's values (which
    // write_into below writes back unchanged, recording as usual).
    check_inference_write(self);
    write_sequential(self, *ew);
    copy_elements(result, self);  // (result: contiguous, its own storage, self's shape and dtype)
  }
  write_into(op, self, result);
  if (recording && result.grad_fn()) {
    // A node that saved its output (exp_, tanh_, sigmoid_) saved `result`, which now lives in
    // self: it refers to self's memory and version from here on, so a later in-place change of
    // self (or, through a view, of its base) is caught by backward (PyTorch saves self itself).
    for (SavedTensor& st : result.grad_fn()->saved)
      if (st.is_output && st.impl && st.impl->storage == result.impl()->storage) {
        st.impl = data_alias(self);
        st.version = self.version();
      }
  }
  if (recording && self.impl()->view_base && result.grad_fn() && result.dtype() != self.dtype()) {
    // PyTorch's node of an in-place op gives self's dtype: its gradient for a wider operand is cast
    // by the engine (ToCopyBackward0 under create_graph), not by the CopySlices before the node
    Tensor narrowed;
    {
      NoGradGuard ng;
      narrowed = to_dtype(result.detach(), self.dtype());
    }
    narrowed.impl()->grad_fn = result.grad_fn();
    narrowed.impl()->requires_grad = true;
    if (rebase_view(self, narrowed)) return self;
  }
  if (recording && rebase_view(self, result)) return self;
  if (recording && result.grad_fn()) {
    auto old_fn = self.impl()->grad_fn;
    self.impl()->grad_fn = result.grad_fn();
    self.impl()->requires_grad = true;
    move_retained(self, old_fn);
  }
  return self;
}

}  // namespace

// PyTorch's get_overlap_status(a, b) (ATen/MemoryOverlap.cpp): the same tensor is Full; an empty
// one None; one not non-overlapping-and-dense TooHard (no error); else by the element ranges in a
// shared storage: the same range with the same strides Full, intersecting ranges Partial.
Overlap overlap_status(const Tensor& a, const Tensor& b) {
  if (a.impl() == b.impl()) return Overlap::Full;
  if (a.numel() == 0 || b.numel() == 0) return Overlap::None;
  auto dense = [](const Tensor& t) {
    std::vector<std::pair<int64_t, int64_t>> ds;  // (stride, size) of the dims of size > 1
    for (int k = 0; k < t.dim(); ++k)
      if (t.shape()[k] > 1) ds.push_back({t.strides()[k], t.shape()[k]});
    std::sort(ds.begin(), ds.end());
    int64_t expect = 1;
    for (const auto& d : ds) {
      if (d.first != expect) return false;
      expect *= d.second;
    }
    return true;
  };
  if (!dense(a) || !dense(b)) return Overlap::TooHard;
  if (a.impl()->storage != b.impl()->storage) return Overlap::None;
  const int64_t a0 = a.impl()->offset, a1 = a0 + a.numel(), b0 = b.impl()->offset, b1 = b0 + b.numel();
  if (a0 == b0 && a1 == b1) return a.strides() == b.strides() && a.dim() == b.dim() ? Overlap::Full : Overlap::Partial;
  return a0 < b1 && b0 < a1 ? Overlap::Partial : Overlap::None;
}

// Partial overlap (TensorIterator's assert_no_partial_overlap between an output and an input).
bool partial_overlap(const Tensor& a, const Tensor& b) { return overlap_status(a, b) == Overlap::Partial; }

namespace {

// Whether t's elements share memory: false for non-overlapping-and-dense t and when, by stride,
// each dim steps past all the smaller ones (the usual sufficient test); else by the offsets.
bool internal_overlap(const Tensor& t) {
  if (t.numel() <= 1 || t.is_contiguous()) return false;
  std::vector<std::pair<int64_t, int64_t>> ds;  // (|stride|, size) of the dims of size > 1
  for (int k = 0; k < t.dim(); ++k)
    if (t.shape()[k] > 1) ds.push_back({std::abs(t.strides()[k]), t.shape()[k]});
  std::sort(ds.begin(), ds.end());
  int64_t reach = 0;  // the largest offset the smaller dims reach
  bool separated = true;
  for (const auto& d : ds) {
    if (d.first <= reach) separated = false;
    reach += d.first * (d.second - 1);
  }
  if (separated) return false;
  std::vector<int64_t> offs;
  offs.reserve(size_t(t.numel()));
  kernels::for_each_offset(t.shape(), t.strides(), 0, [&](int64_t o) { offs.push_back(o); });
  std::sort(offs.begin(), offs.end());
  return std::adjacent_find(offs.begin(), offs.end()) != offs.end();
}

// The element range [lo, hi] a tensor touches in its storage.
std::pair<int64_t, int64_t> element_range(const Tensor& t) {
  int64_t lo = t.impl()->offset, hi = lo;
  for (int k = 0; k < t.dim(); ++k) {
    const int64_t span = t.strides()[k] * (t.shape()[k] - 1);
    (span < 0 ? lo : hi) += span;
  }
  return {lo, hi};
}

}  // namespace

// PyTorch's overlap checks let these through (too hard to tell), and its kernel then reads each
// element after the writes before it: an elementwise op with a per-element form whose self
// overlaps itself, or whose input views self's memory other than position for position.
bool needs_sequential(const Tensor& self, const Elementwise* ew) {
  if (!ew || self.numel() == 0) return false;
  if (internal_overlap(self)) return true;
  const auto rs = element_range(self);
  for (size_t k = 1; k < ew->operands.size(); ++k) {
    const Tensor& o = ew->operands[k];
    if (!o.defined() || o.numel() == 0 || o.impl()->storage != self.impl()->storage) continue;
    if (o.impl() == self.impl() || overlap_status(self, o) != Overlap::TooHard) continue;
    const auto ro = element_range(o);
    if (ro.first <= rs.second && rs.first <= ro.second) return true;
  }
  return false;
}

// self[p] <- f(operands at p) for each position p in TensorIterator's order (self, the output,
// deciding it), each reading the memory as the positions before it left it. Shapes of one
// element keep each operand's rank (a 0-d operand stays 0-d), so the result type is the op's.
// (PyTorch's vectorized rows load 16 float32 elements before storing them: rows that long are
// taken element by element here too.)
void write_sequential(Tensor& self, const Elementwise& ew) {
  NoGradGuard ng;
  const size_t n = ew.operands.size();
  Shape shape = self.shape();
  std::vector<Dims> st(n);
  st[0] = self.strides();
  for (size_t k = 1; k < n; ++k) {
    const Tensor& o = ew.operands[k];
    st[k] = kernels::broadcast_strides(shape, o.shape(), o.strides());
  }
  kernels::ti_layout(shape, st.data(), int(n));
  // every position's offsets, in order (for_each_row takes a fixed operand count)
  std::vector<int64_t> offs;
  offs.reserve(size_t(self.numel()) * n);
  {
    const int nd = shape.n;
    int64_t idx[kMaxDims] = {};
    const int64_t total = self.numel();
    for (int64_t i = 0; i < total; ++i) {
      for (size_t k = 0; k < n; ++k) {
        int64_t o = 0;
        for (int d = 0; d < nd; ++d) o += idx[d] * st[k].d[d];
        offs.push_back(o);
      }
      for (int d = nd - 1; d >= 0; --d) {
        if (++idx[d] < shape.d[d]) break;
        idx[d] = 0;
      }
    }
  }
  auto element = [](const Tensor& t, int64_t off) {
    auto impl = std::make_shared<TensorImpl>();
    impl->storage = t.impl()->storage;
    impl->dtype = t.dtype();
    impl->offset = t.impl()->offset + off;
    for (int k = 0; k < t.dim(); ++k) impl->shape.push_back(1), impl->strides.push_back(1);
    return Tensor(impl);
  };
  std::vector<Tensor> views(n);
  const size_t es = dtype_size(self.dtype());
  char* base = static_cast<char*>(self.impl()->storage->data);
  for (size_t i = 0; i * n < offs.size(); ++i) {
    for (size_t k = 0; k < n; ++k) views[k] = element(ew.operands[k], offs[i * n + k]);
    Tensor r = ew.f(views);
    if (r.dtype() != self.dtype()) r = to_dtype(r, self.dtype());
    std::memcpy(base + size_t(self.impl()->offset + offs[i * n]) * es, r.contiguous().impl()->data<char>(), es);
  }
}

namespace {

// self <- f(self, o).
template <class F>
Tensor& binary_inplace(const char* op, char sym, Tensor& self, const Tensor& o0, F f) {
  // An in-place op sees an efficient zero operand as plain zeros (PyTorch's ZeroTensor fallback:
  // x.mul_(z) gives -0.0 for x < 0), also one that requires grad (an alias keeps its history).
  Tensor o = o0;
  if (o0.impl()->is_zero) o = o0.requires_grad() ? alias(o0) : o0.detach(), o.impl()->is_zero = false;
  const bool recording = grad_enabled() && (self.requires_grad() || o.requires_grad());
  check_inplace(op, self, recording);
  check_no_overlap(self);
  check_inference_write(self);
  TL_CHECK(!partial_overlap(self, o), "unsupported operation: some elements of the input tensor and the written-to "
           "tensor refer to a single memory location. Please clone() the tensor before performing the operation.");
  if (!recording && arith_into_self(sym, self, o)) return self;  // an optimizer's update: no temporary
  Tensor result;
  try {
    InplaceRecordGuard g;
    result = f(self, o);
  } catch (const PartialWriteError& e) {
    copy_elements(self, e.partial);  // what the kernel wrote before it raised (div_'s ZeroDivisionError)
    throw;
  }
  const Elementwise ew{{self, o}, [&](const std::vector<Tensor>& v) { return f(v[0], v[1]); }};
  return finish_inplace(op, self, result, recording, &ew);
}

}  // namespace

Tensor& inplace_apply(const char* op, Tensor& self, const std::function<Tensor()>& f, const OpDef* overwrite,
                      const Elementwise* ew) {
  TL_CHECK(self.defined(), op, ": undefined tensor");
  if (grad_enabled() && self.requires_grad()) check_inplace(op, self, true);
  Tensor result;
  try {
    InplaceRecordGuard g;
    result = f();
  } catch (const PartialWriteError& e) {
    // The kernel's own checks came first in PyTorch; then what it wrote stays in self.
    if (std::strcmp(op, "masked_fill_") != 0) check_no_overlap(self);  // (masked_fill_: a warning)
    check_inference_write(self);
    copy_elements(self, e.partial);
    throw;
  }
  const bool recording = grad_enabled() && (self.requires_grad() || result.requires_grad());
  check_inplace(op, self, recording);
  // masked_fill_ of an expanded tensor: PyTorch 1.13 only warns (deprecated), and writes.
  if (std::strcmp(op, "masked_fill_") != 0) check_no_overlap(self);
  finish_inplace(op, self, result, recording, ew);
  // New values that need no grad (random_): a non-view self gets the op's own node.
  if (recording && overwrite && !result.grad_fn() && !self.impl()->view_base) record_overwrite(self, *overwrite);
  return self;
}

Tensor& add_(Tensor& self, const Tensor& o) {
  return binary_inplace("add_", '+', self, o, [](const Tensor& a, const Tensor& b) { return add(a, b); });
}
Tensor& sub_(Tensor& self, const Tensor& o) {
  return binary_inplace("sub_", '-', self, o, [](const Tensor& a, const Tensor& b) { return sub(a, b); });
}
// self += alpha * o (self -= alpha * o): PyTorch's one fused kernel and one AddBackward0 /
// SubBackward0 node, as add_alpha (no MulBackward0 for the factor).
Tensor& add_alpha_(Tensor& self, const Tensor& o, double alpha, bool is_sub, bool int_alpha) {
  return binary_inplace(is_sub ? "sub_" : "add_", '\0', self, o,
                        [&](const Tensor& a, const Tensor& b) { return add_alpha(a, b, alpha, is_sub, int_alpha); });
}
Tensor& mul_(Tensor& self, const Tensor& o) {
  return binary_inplace("mul_", '*', self, o, [](const Tensor& a, const Tensor& b) { return mul(a, b); });
}
Tensor& div_(Tensor& self, const Tensor& o) {
  return binary_inplace("div_", '/', self, o, [](const Tensor& a, const Tensor& b) { return div(a, b); });
}
Tensor& div_mode_(Tensor& self, const Tensor& o, int mode) {
  return binary_inplace("div_", '\0', self, o, [mode](const Tensor& a, const Tensor& b) { return div_mode(a, b, mode); });
}

// The overwrite rows' backward: the previous values get a zero gradient (FillBackward2, ...).
void overwrite_bw(Node& n, const Tensor&, std::vector<Tensor>& gi) {
  for (size_t i = 0; i < gi.size(); ++i)
    if (n.needs_input_grad(i)) gi[i] = zeros(n.inputs[i].shape, n.inputs[i].dtype);
}

void record_overwrite(Tensor& self, const OpDef& row, const Tensor* param) {
  if (rebase_view(self, Tensor())) return;
  auto old_fn = self.impl()->grad_fn;
  // (reads self's previous edge before making the node its grad_fn)
  InplaceRecordGuard g;
  if (param) record(row, {&self, param}, self);
  else record(row, {&self}, self);
  move_retained(self, old_fn);
}

Tensor& fill_(Tensor& self, double v) { return fill_(self, Tensor::scalar(v, self.dtype())); }
Tensor& fill_(Tensor& self, const Tensor& value) {
  const bool recording = grad_enabled() && self.requires_grad();
  check_inplace("fill_", self, recording);
  write_into("fill_", self, value);
  if (recording) record_overwrite(self, TL_ROW("fill_.Scalar"));
  return self;
}
Tensor& zero_(Tensor& self) {
  const bool recording = grad_enabled() && self.requires_grad();
  check_inplace("zero_", self, recording);
  write_into("zero_", self, Tensor::scalar(0, self.dtype()));
  if (recording) record_overwrite(self, TL_ROW("zero_.node"));
  return self;
}

bool check_copy_overlap(const Tensor& self, const Tensor& src, bool fill) {
  // PyTorch 1.13's copy_impl returns before its memory checks when src is self itself (x.copy_(x),
  // x[...] = x on an expanded x); another view of the same data is checked (x[0:2].copy_(x)).
  if (self.same(src)) return false;
  if (!fill) check_no_overlap(self);
  TL_CHECK(!partial_overlap(self, src), "unsupported operation: some elements of the input tensor and the written-to "
           "tensor refer to a single memory location. Please clone() the tensor before performing the operation.");
  return true;
}

// ---- copy_ ----  d/dself = 0 (its previous values are gone); d/dsrc = 1 (summed back over
// broadcast dims by the engine). PyTorch's CopyBackwards.
void copy_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (n.needs_input_grad(0)) gi[0] = zeros_like(g);
  gi[1] = g;
}
Tensor& copy_(Tensor& self, const Tensor& src, bool fill) {
  // An integer or bool tensor gets no history (PyTorch records only for differentiable dtypes).
  const bool recording = grad_enabled() && (self.requires_grad() || src.requires_grad()) && self.is_floating_point();
  check_inplace("copy_", self, recording);
  const PinViewSource pin(recording ? src : Tensor(), self);
  if (check_copy_overlap(self, src, fill)) {
    write_into("copy_", self, src);
  } else {  // autograd still counts the write
    check_inference_write(self);
    self.bump_version();
  }
  pin.hold();
  if (recording && !rebase_view(self, src, true, true)) {
    auto old_fn = self.impl()->grad_fn;
    record(TL_ROW("copy_"), {&self, &src}, self);  // reads self's previous edge first
    move_retained(self, old_fn);
  }
  pin.done();
  return self;
}

}  // namespace tl
