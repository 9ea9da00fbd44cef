// More shape, mask and creation ops the tutorials use: split / chunk / unbind / narrow, repeat /
// tile, masked_select / masked_fill / nonzero, movedim / unflatten, the *_as and new_* methods,
// one_hot, any / all / count_nonzero, and sampling (multinomial, random_, exponential_). All are
// composites of differentiable primitives (labelled with PyTorch's grad_fn names) or make no graph.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

namespace tl {
Tensor topk_indices(const Tensor& x, int64_t k);  // sort_scan.cpp

namespace {

Value tensors(const std::vector<Tensor>& ts, const Tensor& x, const OpDef& row) {
  std::vector<Value> r;
  for (Tensor t : ts) {
    label_node(t, row, {&x});
    // PyTorch refuses a recorded in-place op on the outputs of a multi-output view op.
    if (t.impl()->view_base && t.impl()->view_meta == TensorImpl::ViewMeta::Default)
      t.impl()->view_meta = TensorImpl::ViewMeta::MultiOutput, t.impl()->view_output = uint16_t(r.size());
    r.push_back(Value::tensor(t));
  }
  return Value::tuple(std::move(r));
}

// torch.split(x, int size) / (x, [sizes]) along dim: views.
Value split(const Tensor& x, const Value& spec, int64_t dim0) {
  TL_CHECK(x.dim() > 0, "split: a 0-d tensor cannot be split");
  const int64_t dim = wrap_dim("split", dim0, x.dim()), len = x.size(dim);
  std::vector<Tensor> parts;
  if (spec.is_seq()) {
    int64_t start = 0, total = 0;
    for (const Value& v : *spec.items) total += v.i;
    TL_CHECK(total == len, "split_with_sizes expects split_sizes to sum exactly to ", len, " (input tensor's size at dimension ",
             dim, "), but got split_sizes=", [&] {
               IntList sizes;
               for (const Value& v : *spec.items) sizes.push_back(v.i);
               return sizes_str(sizes);
             }());
    for (const Value& v : *spec.items) {
      parts.push_back(slice(x, dim, start, start + v.i));
      start += v.i;
    }
    return tensors(parts, x, TL_ROW("split_with_sizes"));
  }
  const int64_t size = spec.i;
  TL_CHECK(size > 0 || (size == 0 && len == 0), "split expects split_size be non-negative, but got split_size=", size);
  if (len == 0) parts.push_back(x);
  for (int64_t s = 0; s < len; s += size) parts.push_back(slice(x, dim, s, std::min(len, s + size)));
  return tensors(parts, x, TL_ROW("split"));
}

Value chunk(const Tensor& x, int64_t chunks, int64_t dim0) {
  TL_CHECK(x.dim() > 0, "chunk expects at least a 1-dimensional tensor");
  TL_CHECK(chunks > 0, "chunk expects `chunks` to be greater than 0, got: ", chunks);
  const int64_t dim = wrap_dim("chunk", dim0, x.dim()), len = x.size(dim);
  // PyTorch: an empty dim still gives `chunks` empty chunks (split_with_sizes of zeros).
  if (len == 0) return split(x, Value::list(std::vector<Value>(size_t(chunks), Value::integer(0))), dim);
  const int64_t size = (len + chunks - 1) / chunks;
  return split(x, Value::integer(std::max<int64_t>(size, 1)), dim);
}

// ---- repeat ----  PyTorch's repeat_backward: zeros if a repeat is 0; else the new leading dims
// summed away, then g reshaped to (r0, s0, r1, s1, ...) (a repeat of 1 adds no dim) and summed over
// the repeat dims in one call. Its result is a fresh sum, not a view of g (an in-place op on the
// gradient autograd.grad returns records like PyTorch's).
static void repeat_bw(Node& n, const Tensor& g0, std::vector<Tensor>& gi) {
  const Shape& in = n.attrs().shape;
  const Dims& reps = n.attrs().dims;
  for (int i = 0; i < reps.n; ++i)
    if (reps[i] == 0) {
      gi[0] = zeros(in, g0.dtype());
      return;
    }
  // PyTorch's grad.sum(dims): SumBackward1 under create_graph
  const auto sum_dims_of = [](const Tensor& t, const IntList& dims) {
    Tensor r = sum(t, dims);
    label_node(r, TL_ROW("sum.dim"), {&t});
    return r;
  };
  Tensor g = g0;
  const int lead = reps.n - in.n;
  for (int i = 0; i < lead; ++i) g = sum_dims_of(g, {0});
  IntList grad_size, sum_dims;
  for (int d = 0; d < in.n; ++d) {
    if (reps[lead + d] != 1) grad_size.push_back(reps[lead + d]), sum_dims.push_back(int64_t(grad_size.size()) - 1);
    grad_size.push_back(in[d]);
  }
  if (sum_dims.empty()) {
    gi[0] = g;
  } else if (grad_size.size() <= size_t(kMaxDims)) {
    gi[0] = sum_dims_of(reshape(g, grad_size), sum_dims);
  } else {  // more dims than a tensor here can have: one repeated dim at a time (same values)
    for (int d = 0; d < in.n; ++d) {
      const int64_t r = reps[lead + d];
      if (r == 1) continue;
      IntList s = g.shape().vec();
      s[size_t(d)] = in[d];
      s.insert(s.begin() + d, r);
      g = sum_dims_of(reshape(g, s), {d});
    }
    gi[0] = g;
  }
}
Tensor repeat(const Tensor& x, const IntList& reps) {
  TL_CHECK(int64_t(reps.size()) >= x.dim(),
           "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  for (int64_t r : reps) TL_CHECK(r >= 0, "Trying to create tensor with negative dimension ", r);
  TL_CHECK(reps.size() <= size_t(kMaxDims), "repeat: tensors have at most ", kMaxDims, " dimensions");
  const size_t n = reps.size(), lead = n - size_t(x.dim());
  Tensor r;
  {
    // x viewed with n dims, then each repeated dim gathered: index i of the output reads i % s.
    NoGradGuard ng;
    IntList padded;
    for (size_t i = 0; i < n; ++i) padded.push_back(i < lead ? 1 : x.size(int64_t(i - lead)));
    r = reshape(x, padded);
    for (size_t i = 0; i < n; ++i) {
      const int64_t s = padded[i], len = s * reps[i];
      if (reps[i] == 1) continue;
      std::vector<double> idx(static_cast<size_t>(len));
      for (int64_t k = 0; k < len; ++k) idx[size_t(k)] = double(k % s);
      r = index_select(r, int64_t(i), Tensor::from_data(idx, Shape{len}, DType::Int64));
    }
    r = r.impl()->storage == x.impl()->storage ? clone(r) : contiguous(r);  // always a copy (x.tile(()) too)
  }
  if (Node* node = record(TL_ROW("repeat"), {&x}, r)) {
    node->attrs().shape = x.shape();
    node->attrs().dims = Dims(reps);
  }
  return r;
}

Tensor masked_select(const Tensor& x, const Tensor& mask) {
  TL_CHECK(mask.dtype() == DType::Bool || mask.dtype() == DType::UInt8,
           "masked_select: expected BoolTensor or ByteTensor for mask");
  Shape s = broadcast_shapes("masked_select", x.shape(), mask.shape());
  IntList sv(s.begin(), s.end());
  Tensor xb, mb;
  {
    // Kernel-internal: the mask may require grad (a bool tensor written from one that does gets
    // CopySlices in PyTorch too), and expanding it must not record (isDifferentiableType).
    NoGradGuard ng;
    xb = reshape(expand(x, sv), {-1});
    mb = contiguous(expand(mask, sv));
  }
  if (mb.dtype() == DType::UInt8) {  // PyTorch: a uint8 mask (deprecated) of 0s and 1s
    for (int64_t v : mb.to_int_vector()) TL_CHECK(v <= 1, "Mask tensor can take 0 and 1 values only");
    mb = to_dtype(mb, DType::Bool);
  }
  std::vector<double> pos;
  const bool* m = mb.data_ptr<bool>();
  for (int64_t i = 0; i < mb.numel(); ++i)
    if (m[i]) pos.push_back(double(i));
  const Tensor p = Tensor::from_data(pos, Shape{int64_t(pos.size())}, DType::Int64);
  Tensor r;
  {
    NoGradGuard ng;
    r = index_select(xb, 0, p);
  }
  // PyTorch's MaskedSelectBackward0 saves self and mask (an in-place change of either fails it);
  // its gradient is masked_scatter(zeros of the broadcast shape, mask, g) summed to self's shape:
  // under create_graph a MaskedScatterBackward0 node (no edge for the zeros, one to g), whose own
  // gradient is masked_select(gg, mask).
  if (Node* n = record(TL_ROW("masked_select.node"), {&x}, r)) {
    save(n, x), save(n, mask), n->torch_saves = true;  // freed: fails before its formula
    n->attrs().custom = [p, mb, xs = x.shape()](const Tensor& g, std::vector<Tensor>& gi) {
      Tensor z = zeros(mb.shape(), g.dtype()), res;
      {
        NoGradGuard ng;
        // masked_scatter writes g (a -0.0 stays): a scatter at the distinct positions, no index_add
        res = reshape(scatter(reshape(z, {-1}), 0, p, g, false), mb.shape().vec());
      }
      if (Node* s = record(TL_ROW("masked_scatter.node"), {&z, &g}, res)) {
        save(s, mb), s->torch_saves = true;  // PyTorch's MaskedScatterBackward0 saves the mask
        s->attrs().custom = [mb](const Tensor& gg, std::vector<Tensor>& gs) { gs[1] = masked_select(gg, mb); };
      }
      gi[0] = sum_to(res, xs);
    };
  }
  return r;
}

// PyTorch 1.13 (x86, little-endian) accepts a mask of any dtype and reads the first byte of each
// element as a bool (its kernel reads the mask as uint8 with the mask's own strides): an integer
// mask acts by its value mod 256, a float mask by the low byte of its bits (0 for 1.0, 2.0, -1.0,
// 0.5: no fill); a byte other than 0 or 1 is an error. The bytes, row-major, in mask's shape.
static std::vector<unsigned char> mask_first_bytes(const Tensor& mask) {
  Tensor c = contiguous(mask.detach());
  std::vector<unsigned char> m(size_t(c.numel()));
  TL_DISPATCH(c.dtype(), T, [&] {
    const T* p = c.data_ptr<T>();
    for (size_t i = 0; i < m.size(); ++i) std::memcpy(&m[i], &p[i], 1);
  });
  return m;
}

// A mask byte other than 0 or 1: PyTorch's cpu_masked_fill_kernel checks each byte as its
// TensorIterator loop (self the output, the mask broadcast to self's shape) reaches it, having
// written value where the bytes before were 1. Throws that (x.masked_fill_ keeps those writes:
// PartialWriteError when x can be the destination, i.e. has the broadcast shape; out of place
// the written clone is lost).
[[noreturn]] static void masked_fill_bad_byte(const Tensor& x, const Tensor& mask0,
                                              const std::vector<unsigned char>& bytes, const Tensor& value) {
  const char* msg = "Mask tensor can take 0 and 1 values only";
  const Shape s = broadcast_shapes("masked_fill", x.shape(), mask0.shape());
  if (!(s == x.shape())) TL_FAIL(msg);
  NoGradGuard ng;
  std::vector<double> bd(bytes.begin(), bytes.end());
  const Tensor mb = Tensor::from_data(bd, mask0.shape(), DType::Int64);
  const Tensor me = expand(mb, s.vec());
  const Tensor mc = contiguous(me);
  const int64_t* p = mc.data_ptr<int64_t>();
  // the mask's strides as the kernel reads them: mask0's own, 0 where broadcast
  const Tensor mask_view = expand(mask0.detach(), s.vec());
  const std::vector<int64_t> order = iteration_order(s, {x.strides(), mask_view.strides()});
  // x's memory offset of each element (row-major): an expanded x (PyTorch only warns) has
  // elements sharing memory, all of which show a write to any of them.
  std::vector<int64_t> off(size_t(s.numel()), 0);
  for (int64_t lin = 0; lin < s.numel(); ++lin) {
    int64_t r = lin, o = 0;
    for (int d = s.n - 1; d >= 0; --d) o += (r % s[d]) * x.strides()[d], r /= s[d];
    off[size_t(lin)] = o;
  }
  std::vector<char> hit;  // by memory offset
  for (int64_t lin : order) {
    if (p[lin] > 1) break;
    if (p[lin] == 1) {
      if (size_t(off[size_t(lin)]) >= hit.size()) hit.resize(size_t(off[size_t(lin)]) + 1, 0);
      hit[size_t(off[size_t(lin)])] = 1;
    }
  }
  std::vector<double> written(size_t(s.numel()), 0.0);
  for (int64_t lin = 0; lin < s.numel(); ++lin)
    written[size_t(lin)] = size_t(off[size_t(lin)]) < hit.size() && hit[size_t(off[size_t(lin)])];
  const Tensor w = Tensor::from_data(written, s, DType::Bool);
  const Tensor v = value.dtype() == x.dtype() ? value.detach() : to_dtype(value.detach(), x.dtype());
  throw PartialWriteError(msg, where(w, v, x.detach()));
}

Tensor masked_fill(const Tensor& x, const Tensor& mask0, const Tensor& value) {
  TL_CHECK(value.dim() == 0, "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ",
           value.dim(), " dimension(s).");
  check_number_fits(item_number(value), x.dtype());  // the kernel converts value.item() first
  // (An empty result reads no mask byte: nothing to check.)
  const bool empty = broadcast_shapes("masked_fill", x.shape(), mask0.shape()).numel() == 0;
  Tensor mask = mask0;
  if (mask0.dtype() != DType::Bool) {
    if (empty) {
      mask = zeros(mask0.shape(), DType::Bool);
    } else {
      const std::vector<unsigned char> bytes = mask_first_bytes(mask0);
      for (unsigned char b : bytes)
        if (b > 1) masked_fill_bad_byte(x, mask0, bytes, value);
      mask = Tensor::from_data(std::vector<double>(bytes.begin(), bytes.end()), mask0.shape(), DType::Bool);
    }
  }
  Tensor v = value.dtype() == x.dtype() ? value : to_dtype(value, x.dtype());
  // Out of place, PyTorch broadcasts x and the mask together (expand_outplace): the result may be
  // larger than x (masked_fill_ in place checks that it is not).
  if (!is_floating(x.dtype()) && value.requires_grad() && grad_enabled()) {
    // An integer x and a value that requires grad: PyTorch records MaskedFillBackward1 on the
    // integer result: in place (x.masked_fill_) x then requires grad; out of place it fails
    // set_history's isDifferentiableType assert (record() raises it).
    Tensor r;
    {
      NoGradGuard ng;
      r = where(mask, v, x);
    }
    r.impl()->ti_strides.reset();  // PyTorch's self.clone(at::MemoryFormat::Contiguous), filled: row-major
    record(TL_ROW("masked_fill.Tensor"), {&x, &value}, r);
    return r;
  }
  Tensor r = where(mask, v, x);
  r.impl()->ti_strides.reset();  // PyTorch's self.clone(at::MemoryFormat::Contiguous), filled: row-major
  // PyTorch's MaskedFillBackward1 takes value's gradient as masked_select(grad, mask), which
  // raises for a mask that is neither bool nor uint8 (the forward takes any dtype): where_bw checks.
  if (value.requires_grad() && r.grad_fn() && mask0.dtype() != DType::Bool && mask0.dtype() != DType::UInt8)
    r.grad_fn()->attrs().b0 = true;
  // PyTorch saves the mask it was given (a later in-place change of it, x.masked_fill_(x, v) then
  // x.random_(), fails backward); `mask` above is a converted copy: keep the original too.
  if (r.grad_fn() && mask.impl() != mask0.impl())
    save_not_self(r.grad_fn().get(), mask0);  // (in place into the mask itself: not original_self)
  label_node(r, TL_ROW("masked_fill"), {&x, &value});
  return r;
}

Tensor nonzero(const Tensor& x) {
  Tensor c = contiguous(x.detach());
  std::vector<double> idx;
  int64_t count = 0;
  const int nd = x.dim();
  std::vector<int64_t> coord(size_t(std::max(nd, 1)), 0);
  TL_DISPATCH(c.dtype(), T, [&] {
    const T* p = c.data_ptr<T>();
    for (int64_t i = 0; i < c.numel(); ++i) {
      if (p[i] != T(0)) {
        int64_t rem = i;
        for (int d = nd - 1; d >= 0; --d) coord[size_t(d)] = rem % x.size(d), rem /= x.size(d);
        for (int d = 0; d < nd; ++d) idx.push_back(double(coord[size_t(d)]));
        ++count;
      }
    }
  });
  // PyTorch's CPU result is column-major: strides (1, count), so it is not contiguous (view(-1)
  // fails, in-place random fills run down the columns).
  std::vector<double> cols(idx.size());
  for (int64_t i = 0; i < count; ++i)
    for (int d = 0; d < nd; ++d) cols[size_t(d * count + i)] = idx[size_t(i * nd + d)];
  Tensor r = Tensor::from_data(cols, Shape{int64_t(nd), count}, DType::Int64);
  r.impl()->shape = Shape{count, int64_t(nd)};
  r.impl()->strides = Dims{1, count};
  return r;
}

Tensor movedim(const Tensor& x, const IntList& src0, const IntList& dst0) {
  TL_CHECK(src0.size() == dst0.size(), "movedim: Invalid source or destination dims: source (", src0.size(),
           " dims) should contain the same number of dims as destination (", dst0.size(), " dims)");
  const int nd = x.dim();
  // PyTorch's order: every source dim wrapped, every destination dim, then each list's repeats;
  // a 0-d tensor is then itself, as a view.
  IntList src, dst;
  for (int64_t d : src0) src.push_back(wrap_dim("movedim", d, nd));
  for (int64_t d : dst0) dst.push_back(wrap_dim("movedim", d, nd));
  auto unique = [](IntList v) {
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) == v.end();
  };
  TL_CHECK(unique(src), "movedim: repeated dim in `source` (", shape_str(Shape(src0)), ")");
  TL_CHECK(unique(dst), "movedim: repeated dim in `destination` (", shape_str(Shape(dst0)), ")");
  if (nd == 0) return alias(x);  // PyTorch: self.alias() (AliasBackward0)
  std::vector<int64_t> perm(size_t(nd), -1);
  std::vector<bool> used(size_t(nd), false), taken(size_t(nd), false);
  for (size_t k = 0; k < src.size(); ++k) perm[size_t(dst[k])] = src[k], used[size_t(src[k])] = true, taken[size_t(dst[k])] = true;
  int64_t next = 0;
  for (int d = 0; d < nd; ++d) {
    if (taken[size_t(d)]) continue;
    while (used[size_t(next)]) ++next;
    perm[size_t(d)] = next++;
  }
  return permute(x, perm);
}

Tensor one_hot(const Tensor& x, int64_t num_classes) {
  TL_CHECK(x.dtype() == DType::Int64, "one_hot is only applicable to index tensor.");
  std::vector<int64_t> v = x.to_int_vector();
  // PyTorch: an empty input needs num_classes > 0 (any other value, -1 too, is refused).
  TL_CHECK(!v.empty() || num_classes > 0, "Can not infer total number of classes from empty tensor.");
  int64_t mx = -1;
  for (int64_t c : v) {
    TL_CHECK(c >= 0, "Class values must be non-negative.");
    mx = std::max(mx, c);
  }
  if (num_classes == -1) num_classes = mx + 1;
  TL_CHECK(mx < num_classes, "Class values must be smaller than num_classes.");
  Shape s = x.shape();
  s.push_back(num_classes);
  Tensor out = zeros(s, DType::Int64);  // checks the size before any allocation
  int64_t* p = out.data_ptr<int64_t>();
  for (size_t i = 0; i < v.size(); ++i) p[i * size_t(num_classes) + size_t(v[i])] = 1;
  return out;
}

// any / all over all elements or one dim (bool results).
Tensor any_all(bool is_any, const Tensor& x, std::optional<int64_t> dim, bool keepdim) {
  NoGradGuard ng;
  Tensor b = to_dtype(x.dtype() == DType::Bool ? x : ne(x, Tensor::scalar(0, x.dtype())), DType::Int64);
  // uint8 input: a uint8 result (PyTorch keeps uint8 for any/all).
  auto u8 = [&](const Tensor& r) { return x.dtype() == DType::UInt8 ? to_dtype(r, DType::UInt8) : r; };
  // Counts of the true elements (a sum: defined over empty tensors and empty dims, where
  // any is False and all is True, as PyTorch): any = count > 0, all = count == n.
  if (!dim) {
    Tensor c = sum(b);
    return u8(is_any ? gt(c, Tensor::scalar(0, DType::Int64)) : eq(c, Tensor::scalar(double(x.numel()), DType::Int64)));
  }
  const int d = wrap_dim(is_any ? "any" : "all", *dim, x.dim());
  const int64_t n = x.dim() == 0 ? 1 : x.shape()[d];
  Tensor c = x.dim() == 0 ? b : sum(b, {d}, keepdim);
  return u8(is_any ? gt(c, Tensor::scalar(0, DType::Int64)) : eq(c, Tensor::scalar(double(n), DType::Int64)));
}

// ---- sampling (PyTorch 1.13's CPU algorithms, drawing from the default generator) ----
// exponential_(lambd): -1/lambd * log(1 - u), u a uniform double (at::exponential_distribution).
Tensor& exponential_(Tensor& self, double lambd) {
  TL_CHECK(lambd >= 0, "exponential_ expects lambda >= 0.0, but found lambda=", lambd);  // 0: +inf
  TL_CHECK(self.is_floating_point(), "exponential_: expected a floating point tensor");
  const bool recording = grad_enabled() && self.requires_grad();
  if (recording) {  // before any number is drawn (a refused call leaves the generator as it was)
    check_view_inplace(self);
    TL_CHECK(!inplace_on_leaf(self), "a leaf Variable that requires grad is being used in an in-place operation.");
  }
  check_no_overlap(self);  // before any number is drawn, as PyTorch's TensorIterator
  Generator& g = default_generator();
  // Drawn in self's memory order (PyTorch's TensorIterator loop over a transposed self).
  Tensor drawn = drawn_in_memory_order(self, [&](const Shape& s) {
    std::vector<double> v(static_cast<size_t>(s.numel()));
    for (double& e : v) e = -1.0 / lambd * std::log(1.0 - g.uniform_double(0, 1));
    return Tensor::from_data(v, s, self.dtype());
  });
  {
    NoGradGuard ng;
    copy_(self, drawn);
  }
  if (recording) record_overwrite(self, TL_ROW("exponential_.node"));
  return self;
}

// multinomial: without replacement: argmax / topk of p / q with q ~ Exp(1) (the
// Gumbel trick PyTorch uses); with replacement: per sample a uniform double and a binary search in
// the row's normalised cumulative sums (accumulated in the input's dtype, as PyTorch).
Tensor multinomial(const Tensor& p, int64_t n_sample, bool replacement) {
  TL_CHECK(p.dim() == 1 || p.dim() == 2, "prob_dist must be 1 or 2 dim");
  TL_CHECK(p.is_floating_point(), "multinomial only supports floating-point dtypes for input, got: ",
           dtype_name(p.dtype()));
  TL_CHECK(n_sample > 0, "cannot sample n_sample <= 0 samples");
  const int64_t n_cat = p.size(-1), n_dist = p.dim() == 2 ? p.size(0) : 1;
  TL_CHECK(replacement || n_sample <= n_cat, "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  NoGradGuard ng;
  Tensor pc = contiguous(p.detach());
  if (!replacement) {  // (PyTorch 1.13 takes this path only without replacement; later versions also for one sample)
    std::vector<double> v = pc.to_vector();
    for (double x : v)
      TL_CHECK(x >= 0 && std::isfinite(x), "probability tensor contains either `inf`, `nan` or element < 0");
    for (int64_t r = 0; r < n_dist; ++r) {
      double s = 0;
      for (int64_t j = 0; j < n_cat; ++j) s += v[size_t(r * n_cat + j)];
      TL_CHECK(s != 0, "invalid multinomial distribution (sum of probabilities <= 0)");
    }
    Tensor q = Tensor::empty(pc.shape(), pc.dtype());
    exponential_(q, 1);
    Tensor ratio = div(pc, q);
    if (n_sample == 1) return argmax(ratio, -1, true);
    return topk_indices(ratio, n_sample);
  }
  Tensor out = Tensor::empty(p.dim() == 2 ? Shape{n_dist, n_sample} : Shape{n_sample}, DType::Int64);
  int64_t* o = out.data_ptr<int64_t>();
  Generator& g = default_generator();
  TL_DISPATCH_FLOAT(pc.dtype(), T, [&] {
    const T* src = pc.data_ptr<T>();
    std::vector<T> cum(static_cast<size_t>(n_cat));
    for (int64_t r = 0; r < n_dist; ++r) {
      T s = 0;
      for (int64_t j = 0; j < n_cat; ++j) {
        const T x = src[r * n_cat + j];
        TL_CHECK(x >= 0, "invalid multinomial distribution (encountering probability entry < 0)");
        TL_CHECK(std::isfinite(x), "invalid multinomial distribution (encountering probability entry = infinity or NaN)");
        s += x;
        cum[size_t(j)] = s;
      }
      TL_CHECK(s > 0, "invalid multinomial distribution (sum of probabilities <= 0)");
      for (int64_t j = 0; j < n_cat; ++j) cum[size_t(j)] /= s;
      for (int64_t k = 0; k < n_sample; ++k) {
        const double u = g.uniform_double(0, 1);
        cum[size_t(n_cat - 1)] = 1;
        int64_t lo = 0, hi = n_cat;
        while (hi - lo > 0) {
          const int64_t mid = lo + (hi - lo) / 2;
          if (double(cum[size_t(mid)]) < u) lo = mid + 1;
          else hi = mid;
        }
        o[r * n_sample + k] = lo;
      }
    }
  });
  return out;
}

}  // namespace

void register_shape_more_ops(std::vector<OpDef>& t) {
  const unsigned TM = kTorch | kMethod;
  t.push_back({"split(Tensor input, Any split_size_or_sections, int dim=0) -> Tensor[](view)", TM, [](const Args& a) {
                 const Value& s = a.v[1];
                 TL_CHECK(s.kind == Value::Kind::Int || s.is_seq(),
                          "split(): argument 'split_size_or_sections' must be int or a list of ints, not ", s.type_name());
                 return split(a.t(0), s, a.i(2));
               }, nullptr, "composite: slices"});
  t.push_back({"chunk(Tensor input, int chunks, int dim=0) -> Tensor[](view)", TM,
               [](const Args& a) { return chunk(a.t(0), a.i(1), a.i(2)); }, nullptr, "composite: slices"});
  t.push_back({"unbind(Tensor input, int dim=0) -> Tensor[](view)", TM, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 TL_CHECK(x.dim() > 0, "IndexError: Dimension specified as 0 but tensor has no dimensions");
                 const int64_t d = wrap_dim("unbind", a.i(1), x.dim());
                 std::vector<Tensor> parts;
                 for (int64_t k = 0; k < x.size(d); ++k) parts.push_back(select(x, d, k));
                 return tensors(parts, x, TL_ROW("unbind"));
               }, nullptr, "composite: selects"});
  t.push_back({"narrow(Tensor input, int dim, int start, int length) -> Tensor(view)", TM, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 TL_CHECK(x.dim() > 0, "narrow() cannot be applied to a 0-dim tensor.");
                 const int64_t d = wrap_dim("narrow", a.i(1), x.dim()), len = x.size(d);
                 int64_t start = a.i(2);
                 const int64_t length = a.i(3);
                 // PyTorch's order: start wrapped as a dim (maybe_wrap_dim: a size of 0 counts as 1;
                 // start == size is left as is), then the length and the end.
                 if (start != len) {
                   const int64_t lim = std::max<int64_t>(len, 1);
                   TL_CHECK(start >= -lim && start < lim, "IndexError: Dimension out of range (expected to be in range of [",
                            -lim, ", ", lim - 1, "], but got ", start, ")");
                   if (start < 0) start += lim;
                 }
                 TL_CHECK(length >= 0 && start + length <= len, "start (", start, ") + length (", length,
                          ") exceeds dimension size (", len, ").");
                 return Value::tensor(slice(x, d, start, start + length));
               }, nullptr, "composite: slice"});
  t.push_back({"repeat(Tensor input, int... repeats) -> Tensor", kMethod,
               [](const Args& a) { return Value::tensor(repeat(a.t(0), a.ints(1))); }, repeat_bw,
               "grad = g reshaped to (r0, s0, r1, s1, ...) and summed over the repeats"});
  t.push_back({"tile(Tensor input, int... dims) -> Tensor", TM, [](const Args& a) {
                 IntList d = a.ints(1);
                 while (int64_t(d.size()) < a.t(0).dim()) d.insert(d.begin(), 1);
                 return Value::tensor(repeat(a.t(0), d));
               }, nullptr, "composite: repeat"});
  t.push_back({"masked_select(Tensor input, Tensor(nograd) mask) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(masked_select(a.t(0), a.t(1))); }, nullptr,
               "recorded as masked_select.node (MaskedSelectBackward0)"});
  t.push_back({"masked_fill(Tensor input, Tensor(nograd) mask, Number|Tensor value) -> Tensor", TM,
               [](const Args& a) {
                 // A Python number is converted to x's dtype first (c10::checked_convert), before the
                 // mask's checks: masked_fill(float32, mask, 1e300) overflows.
                 check_number_fits(a.v[2], a.t(0).dtype());
                 return Value::tensor(masked_fill(a.t(0), a.t(1), a.num_or_t(2, 0)));
               }, nullptr,
               "composite: where(mask, value, x)"});
  t.push_back({"nonzero(Tensor input) -> Tensor(nograd)", TM, [](const Args& a) { return Value::tensor(nonzero(a.t(0))); }});
  t.push_back({"count_nonzero(Tensor input, int? dim=None) -> Tensor(nograd)", TM, [](const Args& a) {
                 NoGradGuard ng;
                 const Tensor& x = a.t(0);
                 Tensor nz = to_dtype(x.dtype() == DType::Bool ? x : ne(x, Tensor::scalar(0, x.dtype())), DType::Int64);
                 if (a.is_none(1)) return Value::tensor(sum(nz));
                 return Value::tensor(sum(nz, {wrap_dim("count_nonzero", a.i(1), x.dim())}));
               }});
  for (bool is_any : {true, false}) {
    const std::string nm = is_any ? "any" : "all";
    t.push_back({nm + "(Tensor input) -> Tensor(nograd)", TM,
                 [is_any](const Args& a) { return Value::tensor(any_all(is_any, a.t(0), std::nullopt, false)); }});
    t.push_back({nm + ".dim(Tensor input, int dim, bool keepdim=False) -> Tensor(nograd)", TM,
                 [is_any](const Args& a) { return Value::tensor(any_all(is_any, a.t(0), a.i(1), a.b(2))); }});
  }
  t.push_back({"movedim(Tensor input, int[] source, int[] destination) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(movedim(a.t(0), a.ints(1), a.ints(2))); }, nullptr,
               "composite: permute"});
  t.push_back({"unflatten(Tensor input, int dim, int[] sizes) -> Tensor(view)", TM, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 IntList sizes = a.ints(2);
                 // ATen's order: wrap dim (a 0-d tensor has range [-1, 0]), sizes non-empty, size(dim)
                 // (Tensor.unflatten checks sizes first: in the interpreter's method call).
                 const int64_t d = wrap_dim("unflatten", a.i(1), x.dim());
                 TL_CHECK(!sizes.empty(), "unflatten: sizes must be non-empty");
                 TL_CHECK(x.dim() > 0, "IndexError: Dimension specified as ", d, " but tensor has no dimensions");
                 IntList s(x.shape().begin(), x.shape().end());
                 int64_t prod = 1, infer = 0;
                 for (int64_t v : sizes) v == -1 ? ++infer : prod *= v;
                 const bool fits = infer ? (prod != 0 && s[size_t(d)] % prod == 0) : prod == s[size_t(d)];
                 TL_CHECK(infer <= 1 && fits, "unflatten: Provided sizes ", shape_str(Shape(sizes)),
                          " don't multiply up to the size of dim ", d, " (", s[size_t(d)], ") in the input tensor");
                 s.erase(s.begin() + d);
                 s.insert(s.begin() + d, sizes.begin(), sizes.end());
                 return Value::tensor(view(x, s));
               }, nullptr, "composite: view"});
  t.push_back({"expand_as(Tensor input, Tensor(nograd) other) -> Tensor(view)", kMethod, [](const Args& a) {
                 const Shape& s = a.t(1).shape();  // expand: a new view even to the same shape
                 return Value::tensor(expand(a.t(0), IntList(s.begin(), s.end())));
               }, nullptr, "composite: expand"});
  t.push_back({"view_as(Tensor input, Tensor(nograd) other) -> Tensor(view)", kMethod, [](const Args& a) {
                 const Shape& s = a.t(1).shape();
                 return Value::tensor(view(a.t(0), IntList(s.begin(), s.end())));
               }, nullptr, "composite: view"});
  t.push_back({"reshape_as(Tensor input, Tensor(nograd) other) -> Tensor(view)", kMethod, [](const Args& a) {
                 const Shape& s = a.t(1).shape();
                 return Value::tensor(reshape(a.t(0), IntList(s.begin(), s.end())));
               }, nullptr, "composite: reshape"});
  t.push_back({"type_as(Tensor input, Tensor(nograd) other) -> Tensor", kMethod, [](const Args& a) {
                 return Value::tensor(a.t(0).dtype() == a.t(1).dtype() ? a.t(0) : to_dtype(a.t(0), a.t(1).dtype()));
               }, nullptr, "composite: to(other.dtype)"});
  // new_*: a new tensor with the input's dtype unless dtype= says otherwise.
  const struct {
    const char* name;
    int fill;  // 0, 1, or -1: the fill_value argument
  } news[] = {{"new_zeros", 0}, {"new_ones", 1}, {"new_empty", 0}};
  for (const auto& e : news) {
    const int fill = e.fill;
    t.push_back({std::string(e.name) + "(Tensor input, int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
                 kMethod, [fill](const Args& a) {
                   Tensor r = full(Shape(a.ints(1)), fill, a.dtype(2).value_or(a.t(0).dtype()));
                   if (a.b(3)) r.requires_grad_(true);
                   return Value::tensor(r);
                 }});
  }
  t.push_back({"new_full(Tensor input, int[] size, Number fill_value, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kMethod, [](const Args& a) {
                 const DType dt = a.dtype(3).value_or(a.t(0).dtype());
                 check_number_fits(a.v[2], dt);
                 Tensor r = full(Shape(a.ints(1)), a.f(2), dt);
                 if (a.b(4)) r.requires_grad_(true);
                 return Value::tensor(r);
               }});
  t.push_back({"new_tensor(Tensor input, Any data, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kMethod, [](const Args& a) {
                 // The input's dtype unless dtype= says otherwise, for tensor data too.
                 const DType dt = a.dtype(2).value_or(a.t(0).dtype());
                 Tensor r = a.v[1].kind == Value::Kind::Tensor ? clone(a.t(1).detach()) : tensor_from_value(a.v[1], dt);
                 if (r.dtype() != dt) r = to_dtype(r, dt);
                 if (a.b(3)) r.requires_grad_(true);
                 return Value::tensor(r);
               }});
  t.push_back({"one_hot(Tensor input, int num_classes=-1) -> Tensor(nograd)", kF,
               [](const Args& a) { return Value::tensor(one_hot(a.t(0), a.i(1))); }});
  t.push_back({"multinomial(Tensor input, int num_samples, bool replacement=False) -> Tensor(nograd)", TM,
               [](const Args& a) { return Value::tensor(multinomial(a.t(0), a.i(1), a.b(2))); }});
  t.push_back({"exponential_(Tensor input, float lambd=1) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 exponential_(x, a.f(1));
                 return a.v[0];
               }});
  // random_: PyTorch's three overloads random_() / random_(to) / random_(from, to) (to may be None:
  // up to the dtype's limit); anything else (random_(to=None), from_or_to=) is a TypeError.
  // random_() draws as PyTorch's random_kernel: base 0, range 2^mantissa + 1 for floats, else
  // max + 1 (bool: 2), the draw 64-bit for int64/float64.
  auto random_fill = [](Tensor& x, int64_t from, std::optional<int64_t> to, const OpDef& row) {
    check_no_overlap(x);  // before any number is drawn
    inplace_apply("random_", x, [&] {
      return drawn_in_memory_order(x, [&](const Shape& s) { return random_from_to(from, to, s, x.dtype()); });
    }, &row);
  };
  t.push_back({"random_(Tensor input) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 check_no_overlap(x);  // before any number is drawn
                 uint64_t range = 2;
                 TL_DISPATCH(x.dtype(), T, [&] {
                   if constexpr (std::is_floating_point<T>::value) range = (uint64_t(1) << std::numeric_limits<T>::digits) + 1;
                   else if constexpr (!std::is_same<T, bool>::value) range = uint64_t(std::numeric_limits<T>::max()) + 1;
                 });
                 const bool wide = x.dtype() == DType::Int64 || x.dtype() == DType::Float64;
                 inplace_apply("random_", x, [&] {
                   return drawn_in_memory_order(x, [&](const Shape& s) {
                     Tensor r = Tensor::empty(s, x.dtype());
                     Generator& g = default_generator();
                     TL_DISPATCH(x.dtype(), T, [&] {
                       T* p = r.data_ptr<T>();
                       for (int64_t i = 0, n = r.numel(); i < n; ++i)
                         p[i] = static_cast<T>((wide ? g.random64() : uint64_t(g.random())) % range);
                     });
                     return r;
                   });
                 }, &TL_ROW("random_.node"));
                 return a.v[0];
               }});
  t.push_back({"random_.to(Tensor input, int to) -> Tensor(inplace)", kMethod, [random_fill](const Args& a) {
                 Tensor x = a.t(0);
                 random_fill(x, 0, a.i(1), TL_ROW("random_.to_node"));
                 return a.v[0];
               }});
  t.push_back({"random_.from(Tensor input, int from, int? to) -> Tensor(inplace)", kMethod, [random_fill](const Args& a) {
                 Tensor x = a.t(0);
                 random_fill(x, a.i(1), a.is_none(2) ? std::nullopt : std::optional<int64_t>(a.i(2)), TL_ROW("random_.from_node"));
                 return a.v[0];
               }});
}

}  // namespace tl
