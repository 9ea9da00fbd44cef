// Subscripts: Python sequences, dicts, and tensor indexing (get and set).
#include "engine/lang/interp.h"
#include "engine/ops/op_table.h"
#include "engine/lang/numpy.h"
#include "engine/kernels/loops.h"

namespace tl::lang::detail {

void Interp::py_slice(const SliceObj& s, int64_t len, int64_t& start, int64_t& stop, int64_t& step, int64_t& count, Pos at) {
  step = s.step.is_none() ? 1 : to_index(s.step, at);
  if (step == 0) fail(at, "ValueError: slice step cannot be zero");
  const int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? len - 1 : len;
  auto fix = [&](const Value& v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t x = to_index(v, at);
    if (x < 0) {
      x += len;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    return x;
  };
  start = fix(s.lower, step < 0 ? upper : lower);
  stop = fix(s.upper, step < 0 ? lower : upper);
  if (step > 0) count = start < stop ? (stop - start - 1) / step + 1 : 0;
  else count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
}

std::vector<Value> Interp::index_items(const std::vector<Value>& idx, bool is_tuple) {
  if (idx.size() == 1 && !is_tuple && idx[0].kind == K::Tuple) return *idx[0].items;
  return idx;
}

// A range used as a tensor index is the list of its integers (x[range(n), y]).
static std::vector<Value> ranges_as_lists(const std::vector<Value>& idx) {
  std::vector<Value> out = idx;
  for (Value& v : out)
    if (auto r = as<RangeObj>(v, Tag::Range)) {
      std::vector<Value> xs;
      int64_t x = r->start;
      for (int64_t k = 0; k < r->len(); ++k, x += r->step) xs.push_back(Value::integer(x));
      v = Value::list(std::move(xs));
    }
  return out;
}

Value Interp::get_item(const Value& obj, const std::vector<Value>& idx0, bool is_tuple, Pos at) {
  if (is_nd(obj)) return np_get_item(*this, obj, ranges_as_lists(idx0), is_tuple, at);
  const std::vector<Value> idx = obj.kind == K::Tensor ? ranges_as_lists(idx0) : idx0;
  if (obj.kind == K::Tensor) {
    // PyTorch's getitem slices a bare x[a:b] always (get_item disables applySlice's shortcut).
    const bool bare_slice = !is_tuple && idx.size() == 1 && as<SliceObj>(idx[0], Tag::Slice);
    return Value::tensor(tensor_index(obj.t, index_items(idx, is_tuple), at, nullptr, bare_slice));
  }
  if (class_of(obj)) {
    Value out;
    const Value key = idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx);
    if (call_dunder(obj, "__getitem__", {key}, out, at)) return out;
  }
  if (auto m = as<NNModuleObj>(obj, Tag::NNModule); m && std::dynamic_pointer_cast<ContainerModule>(m->m)) {
    auto cm = std::static_pointer_cast<ContainerModule>(m->m);
    if (idx.size() != 1 || is_tuple) fail(at, "TypeError: " + cm->type_name() + " indices must be integers, slices or keys");
    auto& kids = cm->kids();
    if (cm->is_dict) {
      if (idx[0].kind != K::Str) fail(at, "KeyError: " + repr(idx[0]));
      for (auto& [k, c] : kids)
        if (k == idx[0].s) return make_obj<NNModuleObj>(c);
      fail(at, "KeyError: " + repr(idx[0]));
    }
    if (auto sl = as<SliceObj>(idx[0], Tag::Slice)) {
      int64_t start, stop, step, count;
      py_slice(*sl, int64_t(kids.size()), start, stop, step, count, at);
      auto c = std::make_shared<ContainerModule>(false);
      for (int64_t k = 0; k < count; ++k) c->add(std::to_string(k), kids[size_t(start + k * step)].second);
      return make_obj<NNModuleObj>(nn::ModulePtr(c));
    }
    int64_t i = to_index(idx[0], at), n = int64_t(kids.size());
    if (i < -n || i >= n) fail(at, "IndexError: index " + std::to_string(i) + " is out of range");
    return make_obj<NNModuleObj>(kids[size_t(i < 0 ? i + n : i)].second);
  }
  if (auto g = as<GeneratorObj>(obj, Tag::Generator)) {
    (void)g;
    fail(at, "TypeError: 'generator' object is not subscriptable");
  }
  if (auto m = as<NNModuleObj>(obj, Tag::NNModule)) {
    auto sq = std::dynamic_pointer_cast<nn::Sequential>(m->m);
    if (!sq) fail(at, "TypeError: '" + obj.type_name() + "' object is not subscriptable");
    if (auto sl = idx.size() == 1 && !is_tuple ? as<SliceObj>(idx[0], Tag::Slice) : nullptr) {
      int64_t start, stop, step, count;  // model[a:b]: a Sequential of those children, names kept
      py_slice(*sl, int64_t(sq->size()), start, stop, step, count, at);
      std::vector<std::pair<std::string, nn::ModulePtr>> kids;
      for (int64_t k = 0; k < count; ++k) kids.push_back(sq->children()[size_t(start + k * step)]);
      return make_obj<NNModuleObj>(nn::ModulePtr(nn::Sequential::make_named(std::move(kids))));
    }
    if (idx.size() != 1 || is_tuple || !(is_int_like(idx[0]) || idx[0].kind == K::Tensor))
      fail(at, "TypeError: tensorlens indexes a Sequential with an integer only");
    const int64_t i = to_index(idx[0], at), n = int64_t(sq->size());
    if (i < -n || i >= n) fail(at, "IndexError: index " + std::to_string(i) + " is out of range");
    return make_obj<NNModuleObj>(sq->at(i));
  }
  if (auto d = as<DictObj>(obj, Tag::Dict)) {
    Value key = idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx);
    const Value* v = dict_get(*d, key, at);
    if (!v) fail(at, "KeyError: " + repr(key));
    return *v;
  }
  const bool seq = obj.is_seq() || obj.kind == K::Str;
  auto r = as<RangeObj>(obj, Tag::Range);
  if (!seq && !r) fail(at, "TypeError: '" + obj.type_name() + "' object is not subscriptable");
  if (idx.size() != 1 || is_tuple)
    fail(at, "TypeError: " + obj.type_name() + " indices must be integers or slices, not tuple");
  std::vector<std::string> chars;
  if (obj.kind == K::Str) chars = utf8_chars(obj.s);
  const int64_t len = r ? r->len() : obj.kind == K::Str ? int64_t(chars.size()) : int64_t(obj.items->size());
  if (auto s = as<SliceObj>(idx[0], Tag::Slice)) {
    int64_t start, stop, step, count;
    py_slice(*s, len, start, stop, step, count, at);
    if (r) return make_obj<RangeObj>(r->start + start * r->step, r->start + stop * r->step, r->step * step);
    if (obj.kind == K::Str) {
      std::string out;
      for (int64_t k = 0, i = start; k < count; ++k, i += step) out += chars[size_t(i)];
      return Value::str(out);
    }
    std::vector<Value> out;
    for (int64_t k = 0, i = start; k < count; ++k, i += step) out.push_back((*obj.items)[size_t(i)]);
    Value v = obj.kind == K::List ? Value::list(std::move(out)) : Value::tuple(std::move(out));
    v.s = obj.s;  // a slice of a torch.Size is a torch.Size
    return v;
  }
  if (!is_int_like(idx[0]) && !(idx[0].kind == K::Tensor && idx[0].t.numel() == 1 && !idx[0].t.is_floating_point()))
    fail(at, "TypeError: " + obj.type_name() + " indices must be integers or slices, not " + idx[0].type_name());
  int64_t i = to_index(idx[0], at);
  if (i < 0) i += len;
  if (i < 0 || i >= len) fail(at, "IndexError: " + obj.type_name() + " index out of range");
  if (r) return Value::integer(r->start + i * r->step);
  if (obj.kind == K::Str) return Value::str(chars[size_t(i)]);
  return (*obj.items)[size_t(i)];
}

// PyTorch 1.13's applySlice returns the tensor itself for start 0, stop == size(d), step 1 before
// slice() checks d, and several ellipses can carry d past the tensor's dims (x[..., ..., 0:0]):
// it then reads past the tensor's size list, into the unused slots of its inline storage (5 sizes,
// then 5 strides, zero-initialized). The value read there, or -1 where it is unknown.
static int64_t size_past_dims(const Tensor& t, int64_t d) {
  const int n = t.dim();
  if (n > 5) return d < 2 * n ? t.strides()[int(d - n)] : -1;  // sizes, then strides, on the heap
  if (d < 5) return 0;
  return d < 10 ? (d - 5 < n ? t.strides()[int(d - 5)] : 0) : -1;
}

// Basic indexing (ints, slices, None, ...) applied as views, as PyTorch's applySlicing; each index
// tensor (a mask too) is left in place as one dim and recorded in `pending` (expand_indices turns
// them into int64 index tensors). The views share x's memory, so the same plan serves reads and
// writes.
Value Interp::index_basic(const Tensor& x, std::vector<Value>& items, Pos at, std::vector<AdvIndex>& pending,
                          bool* is_self, bool skip_full) {
  bool self = true;
  int consumed = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    Value& v = items[i];
    if (v.kind == K::List) v = Value::tensor(at_pos(at, [&] { return tensor_from_value(v); }));
    if (v.kind == K::Bool) v = Value::tensor(Tensor::scalar(v.b ? 1 : 0, DType::Bool));  // x[True]: a 0-d mask
    if (v.is_none()) continue;
    // PyTorch: a uint8 index tensor is a mask (deprecated, still accepted).
    if (v.kind == K::Tensor && v.t.dtype() == DType::UInt8) v = Value::tensor(at_pos(at, [&] { return to_dtype(v.t, DType::Bool); }));
    if (as<EllipsisObj>(v, Tag::Ellipsis)) {
      // PyTorch 1.13 accepts several: each one skips the dims no other index names (numpy raises).
    } else if (v.kind == K::Int || as<SliceObj>(v, Tag::Slice)) {
      ++consumed;
    } else if (v.kind == K::Tensor) {  // a mask consumes its dims; any other tensor one (its dtype is checked later)
      consumed += v.t.dtype() == DType::Bool ? v.t.dim() : 1;
    } else {
      fail(at, "IndexError: only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
               "valid indices (got " + v.type_name() + ")");
    }
  }
  if (consumed > x.dim())
    fail(at, "IndexError: too many indices for tensor of dimension " + std::to_string(x.dim()));
  Value cur = Value::tensor(x);
  int64_t d = 0;
  for (const Value& v : items) {
    if (v.is_none()) {
      cur = call1("unsqueeze", kAnyOp, {cur, Value::integer(d)}, at);
      ++d;
      self = false;
    } else if (as<EllipsisObj>(v, Tag::Ellipsis)) {
      d += x.dim() - consumed;
    } else if (v.kind == K::Int) {
      cur = call1("select", kAnyOp, {cur, Value::integer(d), v}, at);
      self = false;
    } else if (auto s = as<SliceObj>(v, Tag::Slice)) {
      const int64_t step = s->step.is_none() ? 1 : to_index(s->step, at);
      if (step <= 0) fail(at, "ValueError: step must be greater than zero");
      Value lo = s->lower.is_none() ? Value::none() : Value::integer(to_index(s->lower, at));
      Value hi = s->upper.is_none() ? Value::none() : Value::integer(to_index(s->upper, at));
      // PyTorch's applySlice keeps the tensor itself for 0:size(d) (start 0, stop size(d), step 1 as
      // written: `:`'s stop is INT64_MAX, so `:` slices), except in getitem's bare x[a:b]. This
      // decides the nodes' names (m[0, :] is SliceBackward0, m[0, 0:4] SelectBackward0) and which
      // writes are into x itself (x[0:n] = x copies nothing, x[:] = x checks x's memory).
      const int64_t size = d < cur.t.dim() ? cur.t.shape()[int(d)] : size_past_dims(cur.t, d);
      const bool full = (lo.is_none() || lo.i == 0) && !hi.is_none() && hi.i == size && step == 1;
      self = self && full;
      if (!(full && skip_full)) cur = call1("slice", kAnyOp, {cur, Value::integer(d), lo, hi, Value::integer(step)}, at);
      ++d;
    } else {  // an index tensor
      const Tensor& ix = v.t;
      if (ix.dtype() == DType::Bool && ix.dim() == 0) {
        // PyTorch: a new dim of size 1 (as None), then an index tensor on it: [0] for True, [] for
        // False (so the result is a copy, empty for False).
        cur = call1("unsqueeze", kAnyOp, {cur, Value::integer(d)}, at);
        self = false;
        std::vector<double> pick;
        if (ix.item() != 0) pick.push_back(0);
        pending.push_back({d, at_pos(at, [&] { return Tensor::from_data(pick, Shape({int64_t(pick.size())}), DType::Int64); })});
      } else if (ix.dim() == 0 && is_int(ix.dtype())) {  // a 0-d integer tensor selects, as an int does
        cur = call1("select", kAnyOp, {cur, Value::integer(d), Value::integer(int64_t(ix.item()))}, at);
        self = false;
        continue;
      } else {
        // PyTorch's applySlicing records a mask at one position and moves on by one dim (the
        // items after it are placed as if it consumed one dim); its k dims are matched against
        // the view's dims from that position only once all items are applied (expandTensors).
        pending.push_back({d, ix});
      }
      ++d;
    }
  }
  if (is_self) *is_self = self;
  return cur;
}

// index() / index_put_'s first check: the index list (up to the last index tensor) must fit the
// view's dims (several ellipses can carry it past them).
static void check_index_count(const Tensor& view, const std::vector<Interp::AdvIndex>& pending, Pos at) {
  const int64_t n = pending.back().dim + 1;
  if (n > view.dim())
    Interp::fail(at, "IndexError: too many indices for tensor of dimension " + std::to_string(view.dim()) + " (got " +
                         std::to_string(n) + ")");
}

// PyTorch's make_info, first steps (checkIndexTensorTypes, expandTensors): the index tensors
// must be int64 or masks; a mask of k dims becomes its k nonzero columns, at the mask's position
// and the k - 1 dims after it (each later index shifts by k - 1); each mask dim must match the
// view's.
std::vector<Interp::AdvIndex> Interp::expand_indices(const Tensor& c, const std::vector<AdvIndex>& pending, Pos at) {
  for (const AdvIndex& e : pending)
    if (e.idx.dtype() != DType::Int64 && e.idx.dtype() != DType::Bool)
      fail(at, "IndexError: tensors used as indices must be long, byte or bool tensors");
  std::vector<AdvIndex> adv;
  int64_t shift = 0;
  for (const AdvIndex& e : pending) {
    const Tensor& ix = e.idx;
    const int64_t p = e.dim + shift;
    if (ix.dtype() != DType::Bool) {
      adv.push_back({p, ix});
      continue;
    }
    const int k = ix.dim();
    for (int j = 0; j < k; ++j) {
      const int64_t src = p + j;
      if (src >= c.dim())
        fail(at, "IndexError: Dimension out of range (expected to be in range of [" + std::to_string(-c.dim()) + ", " +
                     std::to_string(c.dim() - 1) + "], but got " + std::to_string(src) + ")");
      if (ix.shape()[j] != c.shape()[int(src)])
        fail(at, "IndexError: The shape of the mask " + sizes_str(ix.shape()) + " at index " + std::to_string(j) +
                     " does not match the shape of the indexed tensor " + sizes_str(c.shape()) + " at index " +
                     std::to_string(src));
    }
    // The mask's nonzero positions, one int64 index tensor per mask dim.
    std::vector<std::vector<double>> cols(static_cast<size_t>(k));
    std::vector<int64_t> m = ix.to_int_vector();
    for (size_t q = 0; q < m.size(); ++q) {
      if (!m[q]) continue;
      int64_t rem = int64_t(q);
      for (int j = k - 1; j >= 0; --j) {
        cols[size_t(j)].push_back(double(rem % ix.shape()[j]));
        rem /= ix.shape()[j];
      }
    }
    for (int j = 0; j < k; ++j) {
      const std::vector<double>& col = cols[size_t(j)];
      adv.push_back({p + j, at_pos(at, [&] { return Tensor::from_data(col, Shape({int64_t(col.size())}), DType::Int64); })});
    }
    shift += k - 1;
  }
  return adv;
}

// Advanced indexing (PyTorch's rules): the index tensors broadcast to one shape B; the indexed dims
// are replaced by B, in place when they were adjacent, else in front. Each index is wrapped and
// bounds-checked; `lin` gets the row-major position of each selected combination among the
// indexed dims (sizes in `sizes`).
// PyTorch's make_info / AdvancedIndex: the index tensors must broadcast together (IndexError), and
// none may index a dim of size 0 unless it is empty.
static Shape check_adv_indices(const Tensor& cur, const std::vector<Interp::AdvIndex>& adv, Pos at) {
  Shape B = adv[0].idx.shape();
  bool ok = true;
  for (size_t j = 1; j < adv.size() && ok; ++j) {
    const Shape& s = adv[j].idx.shape();
    Shape r;
    const int n = std::max(B.n, s.n);
    for (int k = 0; k < n && ok; ++k) {
      const int64_t a = k - n + B.n >= 0 ? B[k - n + B.n] : 1, b = k - n + s.n >= 0 ? s[k - n + s.n] : 1;
      ok = a == b || a == 1 || b == 1;
      r.push_back(a == 1 ? b : a);
    }
    B = r;
  }
  if (!ok) {
    std::string shapes;
    for (size_t j = 0; j < adv.size(); ++j) shapes += (j ? ", " : "") + sizes_str(adv[j].idx.shape());
    Interp::fail(at, "IndexError: shape mismatch: indexing tensors could not be broadcast together with shapes " + shapes);
  }
  // (an indexed dim of size 0 with a non-empty broadcast index shape)
  bool size0 = false;
  for (const Interp::AdvIndex& a : adv) size0 = size0 || cur.shape()[int(a.dim)] == 0;
  if (size0 && B.numel() > 0) Interp::fail(at, "IndexError: index is out of bounds for dimension with size 0");
  return B;
}

void Interp::adv_positions(const Tensor& cur, const std::vector<AdvIndex>& adv, Pos at, Shape& B,
                           std::vector<int64_t>& lin, std::vector<int64_t>& sizes) {
  B = check_adv_indices(cur, adv, at);
  lin.assign(size_t(B.numel()), 0);
  sizes.clear();
  IntList bv(B.begin(), B.end());
  // PyTorch checks the bounds in its kernel, per element of the result: an empty result (an empty
  // index or an empty non-indexed dim) checks none.
  int64_t rest = 1;
  for (int k = 0; k < cur.dim(); ++k) {
    bool indexed = false;
    for (const AdvIndex& a : adv) indexed = indexed || a.dim == k;
    if (!indexed) rest *= cur.shape()[k];
  }
  const bool empty_result = B.numel() * rest == 0;
  for (const AdvIndex& a : adv) {
    const int64_t size = cur.shape()[int(a.dim)];
    sizes.push_back(size);
    std::vector<int64_t> v = at_pos(at, [&] { return expand(a.idx, bv).to_int_vector(); });
    for (size_t e = 0; e < v.size(); ++e) {
      int64_t p = v[e];
      if (empty_result && (p < -size || p >= size)) p = 0;
      if (p < -size || p >= size)
        fail(at, "IndexError: index " + std::to_string(p) + " is out of bounds for dimension " + std::to_string(a.dim) +
                     " with size " + std::to_string(size));
      lin[e] = lin[e] * size + (p < 0 ? p + size : p);
    }
  }
}

static Tensor with_index_layout(const Tensor& out, const Tensor& view, const std::vector<Interp::AdvIndex>& adv,
                                const Shape& B);
Tensor Interp::tensor_index(const Tensor& x, std::vector<Value> items, Pos at, bool* has_index_tensor, bool bare_slice) {
  std::vector<AdvIndex> pending;
  Value cur = index_basic(x, items, at, pending, nullptr, !bare_slice);
  if (!pending.empty()) {
    check_index_count(cur.t, pending, at);
    const std::vector<AdvIndex> adv = expand_indices(cur.t, pending, at);
    if (has_index_tensor) *has_index_tensor = true;
    Shape B;
    std::vector<int64_t> lin, sizes;
    adv_positions(cur.t, adv, at, B, lin, sizes);
    // src (shaped as cur) at the advanced indices: a composite of permute, reshape, index_select.
    const auto gather = [&](const Tensor& src) -> Tensor {
      // src with the indexed dims first, flattened into one: (prod(sizes), rest...).
      const int nd = cur.t.dim();
      std::vector<Value> perm, flat, rest;
      std::vector<bool> is_adv(size_t(nd), false);
      int64_t indexed = 1;  // the product of the indexed dims (not -1: a 0 among the other dims makes -1 ambiguous)
      for (const AdvIndex& a : adv) is_adv[size_t(a.dim)] = true, perm.push_back(Value::integer(a.dim)), indexed *= cur.t.shape()[int(a.dim)];
      flat.push_back(Value::integer(indexed));
      for (int k = 0; k < nd; ++k)
        if (!is_adv[size_t(k)]) perm.push_back(Value::integer(k)), rest.push_back(Value::integer(cur.t.shape()[k]));
      flat.insert(flat.end(), rest.begin(), rest.end());
      Value t = call1("permute", kAnyOp, {Value::tensor(src), Value::tuple(perm)}, at);
      t = call1("reshape", kAnyOp, {t, Value::tuple(flat)}, at);
      std::vector<double> ld(lin.begin(), lin.end());
      int64_t out_n = B.numel();
      for (const Value& r : rest) out_n *= r.i;
      if (out_n == 0) {  // an empty result: no index is read (nor checked), as PyTorch's kernel
        t = call1("slice", kAnyOp, {t, Value::integer(0), Value::integer(0), Value::integer(0)}, at);
        const Tensor none = Tensor::from_data(std::vector<double>{}, Shape({0}), DType::Int64);
        t = call1("index_select", kAnyOp, {t, Value::integer(0), Value::tensor(none)}, at);
      } else {
        Tensor li = at_pos(at, [&] { return Tensor::from_data(ld, Shape({int64_t(ld.size())}), DType::Int64); });
        t = call1("index_select", kAnyOp, {t, Value::integer(0), Value::tensor(li)}, at);
      }
      std::vector<Value> shape;
      for (int64_t s : B) shape.push_back(Value::integer(s));
      shape.insert(shape.end(), rest.begin(), rest.end());
      t = call1("reshape", kAnyOp, {t, Value::tuple(shape)}, at);
      bool adjacent = true;
      for (size_t j = 1; j < adv.size(); ++j) adjacent = adjacent && adv[j].dim == adv[j - 1].dim + 1;
      const int64_t p0 = adv[0].dim, nb = B.n;
      if (adjacent && p0 > 0) {  // put B where the indexed dims were
        std::vector<Value> back;
        for (int64_t k = 0; k < p0; ++k) back.push_back(Value::integer(nb + k));
        for (int64_t k = 0; k < nb; ++k) back.push_back(Value::integer(k));
        for (int64_t k = nb + p0; k < int64_t(shape.size()); ++k) back.push_back(Value::integer(k));
        t = call1("permute", kAnyOp, {t, Value::tuple(back)}, at);
      }
      return t.t;
    };
    Tensor out;
    {
      NoGradGuard ng;
      out = with_index_layout(gather(cur.t), cur.t, adv, B);
      // Advanced indexing copies (an empty index list took a 0-length slice of x's memory).
      if (out.impl()->storage == x.impl()->storage) out = clone(out);
    }
    // PyTorch's index result is a new tensor, not a view (here it can be a reshape of the gathered
    // values): an in-place op on it records on it, as on any root.
    TensorImpl* o = out.impl();
    o->view_base.reset();
    o->is_view = false;
    // One node, PyTorch's IndexBackward0, saving the positions in cur of out's elements (as
    // PyTorch saves the indices: a second backward without retain_graph fails).
    // (record raises PyTorch's isDifferentiableType assert for a non-float result that requires grad)
    if (Node* n = at_pos(at, [&] { return record(TL_ROW("index"), {&cur.t}, out); })) {
      Tensor pos = at_pos(at, [&] {
        NoGradGuard ng;
        std::vector<double> off(size_t(cur.t.numel()));
        for (size_t i = 0; i < off.size(); ++i) off[i] = double(i);
        Tensor p = contiguous(gather(Tensor::from_data(off, cur.t.shape(), DType::Int64)));
        return reshape(p, {p.numel()});
      });
      save(n, pos);
      n->attrs().custom = [n, shape = cur.t.shape()](const Tensor& g, std::vector<Tensor>& gi) {
        // PyTorch's formula: index_put_ of g into zeros, whose node under create_graph is
        // IndexPutImplBackward0 (a new tensor, not a view of the flat scatter).
        const Tensor flat = index_add(zeros(Shape({shape.numel()}), g.dtype()), 0, n->saved_tensor(0), reshape(g, {g.numel()}));
        gi[0] = reshape(flat, shape.vec());
        gi[0].impl()->view_base.reset();
        gi[0].impl()->is_view = false;
        label_node(gi[0], TL_ROW("_index_put_impl_"), {&g});
      };
    }
    return out;
  }
  // x[...]: a new view of the same data (PyTorch's alias, AliasBackward0)
  if (cur.t.same(x)) return at_pos(at, [&] { return alias(x); });
  return cur.t;
}

// PyTorch's overflow check of a number converted to x's dtype (check_number_fits), positioned.
static void check_scalar_fits(const Value& v, DType dt, Pos at) {
  try {
    check_number_fits(v, dt);
  } catch (const tl::Error& e) {
    Interp::fail(at, e.what());
  }
}

// PyTorch's slicePrefix1sSize: the value without its leading size-1 dims (a view). index_put_
// views only a value that has such dims; copy_to views any value it expands (always_view: a
// ViewBackward0 under its ExpandBackward0).
static Tensor slice_prefix_1s(const Tensor& src, Pos at, bool always_view = false) {
  if (src.dim() == 0 || (!always_view && src.shape()[0] != 1)) return src;
  IntList s;
  int k = 0;
  while (k < src.dim() && src.shape()[k] == 1) ++k;
  for (int d = k; d < src.dim(); ++d) s.push_back(src.shape()[d]);
  try {
    return tl::view(src, s);
  } catch (const tl::Error& e) {
    Interp::fail(at, e.what());
  }
}

// x[...] = v: the value's kind, and a number's conversion to x's dtype (PyTorch's valueToTensor).
static void check_set_value(const Value& v, DType dt, Pos at) {
  if (!(v.kind == K::Tensor || v.is_number() || v.kind == K::List))
    Interp::fail(at, "TypeError: can't assign a " + v.type_name() + " to a Tensor");
  if (v.is_number()) check_scalar_fits(v, dt, at);
}

void Interp::set_item(const Value& obj, const std::vector<Value>& idx, bool is_tuple, const Value& v, Pos at) {
  if (is_nd(obj)) return np_set_item(*this, obj, ranges_as_lists(idx), is_tuple, v, at);
  if (obj.kind == K::Tensor) {
    if (idx.size() == 1 && !is_tuple && idx[0].kind == K::Bool) {
      // PyTorch's setitem takes a lone True as None (a copy into x.unsqueeze(0)); a lone False
      // does nothing once the value is converted.
      if (idx[0].b) return tensor_set(obj.t, {Value::none()}, v, at);
      check_set_value(v, obj.t.dtype(), at);
      return;
    }
    if (obj.t.dim() == 0 && idx.size() == 1 && !is_tuple) {
      if (auto s = as<SliceObj>(idx[0], Tag::Slice)) {
        check_set_value(v, obj.t.dtype(), at);  // the value is converted first
        // PyTorch 1.13's set_item takes a lone slice to applySlice, which reads sizes[0] of the
        // 0-d tensor (past its empty size list: 0, or the size left there when the tensor was
        // made 0-d in place, see TensorImpl::size0_left) before slicing: x0d[0:n] = v (start 0,
        // stop n, step 1 after Python's slice unpacking) copies v into the whole tensor when n
        // is that size; any other slice meets slice()'s 0-d check.
        const int64_t step = s->step.is_none() ? 1 : to_index(s->step, at);
        if (step == 0) fail(at, "ValueError: slice step cannot be zero");
        const bool whole = (s->lower.is_none() || to_index(s->lower, at) == 0) && !s->upper.is_none() &&
                           to_index(s->upper, at) == obj.t.impl()->size0_left && step == 1;
        if (!whole) fail(at, "IndexError: slice() cannot be applied to a 0-dim tensor.");
        return tensor_set(obj.t, {make_obj<EllipsisObj>()}, v, at);
      }
    }
    return tensor_set(obj.t, index_items(idx, is_tuple), v, at);
  }
  if (class_of(obj)) {
    Value out;
    const Value key = idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx);
    if (call_dunder(obj, "__setitem__", {key, v}, out, at)) return;
  }
  if (auto m = as<NNModuleObj>(obj, Tag::NNModule); m && std::dynamic_pointer_cast<ContainerModule>(m->m)) {
    auto cm = std::static_pointer_cast<ContainerModule>(m->m);
    auto c = as<NNModuleObj>(v, Tag::NNModule);
    if (!c) fail(at, "TypeError: " + v.type_name() + " is not a Module subclass");
    if (idx.size() != 1 || is_tuple) fail(at, "TypeError: " + cm->type_name() + " indices must be integers or keys");
    if (cm->is_dict) {
      if (idx[0].kind != K::Str) fail(at, "TypeError: module name should be a string");
      cm->add(idx[0].s, c->m);
      return;
    }
    int64_t i = to_index(idx[0], at), n = int64_t(cm->kids().size());
    if (i < -n || i >= n) fail(at, "IndexError: index " + std::to_string(i) + " is out of range");
    cm->add(std::to_string(i < 0 ? i + n : i), c->m);
    return;
  }
  if (auto d = as<DictObj>(obj, Tag::Dict)) {
    if (d->owner_kind) module_dict_store(*d, idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx), v, at);
    dict_set(*const_cast<DictObj*>(d), idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx), v, at);
    return;
  }
  if (obj.kind != K::List) fail(at, "TypeError: '" + obj.type_name() + "' object does not support item assignment");
  if (idx.size() != 1 || is_tuple) fail(at, "TypeError: list indices must be integers or slices, not tuple");
  std::vector<Value>& items = *obj.items;
  const int64_t len = int64_t(items.size());
  if (auto s = as<SliceObj>(idx[0], Tag::Slice)) {
    int64_t start, stop, step, count;
    py_slice(*s, len, start, stop, step, count, at);
    if (step != 1) fail(at, "ValueError: extended slice assignment is not supported by tensorlens");
    std::vector<Value> add = to_vector(v, at);
    for (const Value& x : add) check_insert(x, obj.items.get(), at);
    stop = std::max(stop, start);
    check_len(len - (stop - start) + int64_t(add.size()), at);
    items.erase(items.begin() + start, items.begin() + stop);
    items.insert(items.begin() + start, add.begin(), add.end());
    return;
  }
  int64_t i = to_index(idx[0], at);
  if (i < 0) i += len;
  if (i < 0 || i >= len) fail(at, "IndexError: list assignment index out of range");
  check_insert(v, obj.items.get(), at);
  items[size_t(i)] = v;
}

// PyTorch's conversion of a Python number to a tensor's dtype (c10::checked_convert): to an
// integer type a float must lie within [min, max] (NaN and +-inf never do), an int too except that
// a negative int wraps into uint8 when -v <= 255; to float32 a finite double must lie within
// float's range (inf and NaN pass); bool and float64 take anything.
// PyTorch's get_overlap_status(a, b) != No: both non-empty, non-overlapping and dense (else "too
// hard": no error), in one storage, their byte ranges intersecting.
static bool dense_layout(const Tensor& t) {
  std::vector<std::pair<int64_t, int64_t>> ds;  // (stride, size) of the dims of size > 1
  for (int k = 0; k < t.dim(); ++k)
    if (t.shape()[k] > 1) ds.push_back({t.strides()[k], t.shape()[k]});
  std::sort(ds.begin(), ds.end());
  int64_t expect = 1;
  for (const auto& [st, n] : ds) {
    if (st != expect) return false;
    expect *= n;
  }
  return true;
}
// (a and b are distinct tensors to PyTorch: the caller checks identity)
static bool memory_overlaps(const Tensor& a, const Tensor& b) {
  if (a.numel() == 0 || b.numel() == 0 || a.impl()->storage != b.impl()->storage) return false;
  if (!dense_layout(a) || !dense_layout(b)) return false;
  const int64_t a0 = a.impl()->offset, a1 = a0 + a.numel(), b0 = b.impl()->offset, b1 = b0 + b.numel();
  return a0 < b1 && b0 < a1;
}

// PyTorch's copy_to (x[basic index] = src): the same shape is a copy_; a 0-d value fills (no
// overlap check: it is read once); else the value's leading size-1 dims are dropped and it is
// expanded to dst's shape (strides as PyTorch's expand) before the copy_. copy_source gives what
// copy_ receives.
void Interp::copy_to(const Tensor& dst, const Tensor& src0, Pos at) {
  const Tensor src = copy_source(dst, src0, at);
  if (src.shape() != dst.shape()) {  // a 0-d value: PyTorch's fill_, without copy_'s overlap check
    Tensor d = dst;
    at_pos(at, [&] { copy_(d, src, true); });
    return;
  }
  call_table("copy_", kMethod, {Value::tensor(dst), Value::tensor(src)}, {}, at);
}
Tensor Interp::copy_source(const Tensor& dst, const Tensor& src0, Pos at) {
  Tensor src = src0;
  if (dst.shape() != src.shape()) {
    if (src.dim() == 0) {
      // PyTorch's fill_(value): the value converts with a number's overflow check.
      if (src.dtype() != dst.dtype())
        check_scalar_fits(item_number(src), dst.dtype(), at);
      if (src.impl()->storage == dst.impl()->storage) src = at_pos(at, [&] { return clone(src); });
    } else {
      src = slice_prefix_1s(src, at, true);
      if (src.shape() != dst.shape())  // PyTorch's expand_inplace (none for the same sizes)
        src = at_pos(at, [&] { return expand(src, dst.shape().vec()); });
    }
  }
  return src;
}

// The dims of an advanced indexing result, in order (PyTorch's make_info): B in place of the
// indexed dims when they are adjacent, else in front, the view's other dims after it; f(size, the
// view's stride (0 along B), the position in B or -1).
template <class F>
static void for_each_result_dim(const Tensor& view, const std::vector<Interp::AdvIndex>& adv, const Shape& B, F f) {
  bool adjacent = true;
  for (size_t j = 1; j < adv.size(); ++j) adjacent = adjacent && adv[j].dim == adv[j - 1].dim + 1;
  auto indexed = [&](int k) {
    return std::any_of(adv.begin(), adv.end(), [k](const Interp::AdvIndex& a) { return a.dim == k; });
  };
  const int front = adjacent ? int(adv[0].dim) : 0;
  for (int k = 0; k < front; ++k) f(view.shape()[k], view.strides()[k], -1);
  for (int b = 0; b < B.n; ++b) f(B[b], int64_t(0), b);
  for (int k = front; k < view.dim(); ++k)
    if (!indexed(k)) f(view.shape()[k], view.strides()[k], -1);
}
static Shape index_result_shape(const Tensor& view, const std::vector<Interp::AdvIndex>& adv, const Shape& B) {
  Shape r;
  for_each_result_dim(view, adv, B, [&](int64_t size, int64_t, int) { r.push_back(size); });
  return r;
}
// PyTorch's index() result is allocated by TensorIterator (operands: the view, 0 along B, and the
// index tensors, 0 along the other dims): out's values in that layout (x[..., idx] is row-major,
// where the gather leaves B outermost), which in-place random ops fill in memory order.
// The indexing result's shape, with the strides along it of the view (st[0], 0 along B) and of
// each index tensor (st[first + j], 0 along the other dims): TensorIterator's operands.
static Shape index_operand_strides(const Tensor& view, const std::vector<Interp::AdvIndex>& adv, const Shape& B,
                                   Dims* st, int first) {
  Shape R;
  Dims bst[kMaxDims];
  for (size_t j = 0; j < adv.size(); ++j) bst[j] = kernels::broadcast_strides(B, adv[j].idx.shape(), adv[j].idx.strides());
  for_each_result_dim(view, adv, B, [&](int64_t size, int64_t view_stride, int b) {
    R.push_back(size);
    st[0].push_back(view_stride);
    for (size_t j = 0; j < adv.size(); ++j) st[first + int(j)].push_back(b >= 0 ? bst[j][b] : 0);
  });
  return R;
}
static Tensor with_index_layout(const Tensor& out, const Tensor& view, const std::vector<Interp::AdvIndex>& adv,
                                const Shape& B) {
  const int nidx = int(adv.size());
  Dims st[kMaxDims + 1];
  const Shape R = index_operand_strides(view, adv, B, st, 1);
  int perm[kMaxDims];
  kernels::ti_perm(R, st, 1 + nidx, perm);
  std::vector<int64_t> order(size_t(R.n)), inv(size_t(R.n));  // slowest first, and back
  for (int i = 0; i < R.n; ++i) order[size_t(i)] = perm[R.n - 1 - i];
  for (int i = 0; i < R.n; ++i) inv[size_t(order[size_t(i)])] = i;
  Tensor c = contiguous(permute(out, order));
  // A fresh result with TensorIterator's strides along that order, a size-1 dim's too (contiguous
  // keeps a size-1 dim's own stride, which the copy overlap check of x[None] = x compares).
  const Dims want = contiguous_strides(c.shape());
  if (c.strides() != want) {
    auto a = data_alias(c);
    a->strides = want;
    c = Tensor(a);
  }
  return permute(c, inv);
}
// PyTorch's is_expandable_to(shape, to).
static bool expandable_to(const Shape& s, const Shape& to) {
  if (s.n > to.n) return false;
  for (int k = 0; k < s.n; ++k)
    if (s[k] != 1 && s[k] != to[to.n - s.n + k]) return false;
  return true;
}

// index_put_'s CPU kernel (PyTorch 1.13's cpu_index_kernel): writes `vals` (x's dtype, broadcast
// to the indexing result) into the elements of `view` that the index tensors pick, in
// TensorIterator's order, checking each index as it reads it (Indexer::get). Returns the error of
// the first index out of bounds, the elements before it written; `write` false only checks.
static std::string index_put_kernel(const Tensor& view, const std::vector<Interp::AdvIndex>& adv, const Shape& B,
                                    const Tensor& vals, bool write) {
  // The operands' strides along the result's dims: view (0 along B), vals (broadcast), each index
  // tensor (0 along the other dims).
  constexpr int kOps = kMaxDims + 2;
  const int nidx = int(adv.size()), nops = 2 + nidx;
  Dims st[kOps];
  Shape R = index_operand_strides(view, adv, B, st, 2);
  st[1] = kernels::broadcast_strides(R, vals.shape(), vals.strides());
  kernels::ti_layout(R, st, nops);
  const int64_t* pidx[kMaxDims];
  int64_t size[kMaxDims], stride[kMaxDims];
  for (int j = 0; j < nidx; ++j) {
    const Interp::AdvIndex& a = adv[size_t(j)];
    pidx[j] = a.idx.data_ptr<int64_t>(), size[j] = view.shape()[int(a.dim)], stride[j] = view.strides()[int(a.dim)];
  }
  std::string bad;
  TL_DISPATCH(view.dtype(), T, [&] {
    T* out = view.data_ptr<T>();
    const T* pv = vals.data_ptr<T>();
    const int64_t base[kOps] = {};
    kernels::for_each_row<kOps>(R, st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
      for (int64_t e = 0; e < cnt && bad.empty(); ++e) {
        int64_t o = off[0] + e * step[0];
        for (int j = 0; j < nidx; ++j) {
          const int64_t p = pidx[j][off[2 + j] + e * step[2 + j]];
          if (p < -size[j] || p >= size[j]) {  // PyTorch names the index's position j, not the dim
            bad = "IndexError: index " + std::to_string(p) + " is out of bounds for dimension " + std::to_string(j) +
                  " with size " + std::to_string(size[j]);
            return;
          }
          o += (p < 0 ? p + size[j] : p) * stride[j];
        }
        if (write) out[o] = pv[off[1] + e * step[1]];
      }
    });
  });
  return bad;
}

void Interp::tensor_set(const Tensor& x, const std::vector<Value>& items0, const Value& v, Pos at) {
  // PyTorch's order. The value becomes a tensor first (valueToTensor: a Python number converts to
  // x's dtype with fill_'s overflow check). applySlicing: the kinds of the items, their count
  // against x's dims, the basic (int/slice/None) indexing. With an index tensor, index_put_:
  // autograd's leaf check; the masked_fill_ dispatch (one mask and no other index tensor, a
  // one-element value: the mask's shape, then the value converts as a number); else
  // assert_no_overlap(self, value), make_info (the index tensors' dtypes, the masks' shapes,
  // broadcasting, an indexed dim of size 0), the value's shape and dtype; then the kernel, which
  // checks each index as it writes.
  check_set_value(v, x.dtype(), at);
  // (a number wraps as fill_ converts it: -1 into uint8 is 255; an int into int64 stays exact)
  const bool exact_int = v.kind == K::List || (v.kind == K::Int && x.dtype() == DType::Int64);
  Tensor src = v.kind == K::Tensor ? v.t
               : exact_int         ? at_pos(at, [&] { return tensor_from_value(v, x.dtype()); })
                                   : Tensor::scalar(v.as_double(), x.dtype());
  std::vector<Value> items = items0;
  std::vector<AdvIndex> pending;
  bool is_self = true;
  const Tensor view = index_basic(x, items, at, pending, &is_self).t;  // a view of x's memory
  if (pending.empty()) return tensor_set_basic(x, items0, view, src, is_self, at);
  // THPVariable_setitem views a value with leading 1s without them before index_put_: that view
  // reads the value's grad_fn, so a stale view given as its own value is regenerated (no leaf).
  src = slice_prefix_1s(src, at);
  // autograd's check_inplace on what index_put_ writes (x, or applySlicing's view of it) when it
  // or the value requires grad: a view made in no_grad mode, a view of a leaf, a leaf.
  if (grad_enabled() && (x.requires_grad() || src.requires_grad())) {
    at_pos(at, [&] { check_view_inplace(view); });
    // (is_leaf as check_inplace reads it: the stored grad_fn, not a stale view's regenerated one)
    if (x.requires_grad() && (is_self ? x.is_leaf_stored() : x.is_leaf()))
      fail(at, is_self ? "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation."
                       : "RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place "
                         "operation.");
  }
  check_index_count(view, pending, at);
  const bool masked_fill_path = pending.size() == 1 && pending[0].idx.dtype() == DType::Bool && pending[0].idx.dim() > 0 &&
                                src.numel() == 1;
  std::vector<AdvIndex> adv;
  Shape B;
  if (masked_fill_path) {
    adv = expand_indices(view, pending, at);
    B = check_adv_indices(view, adv, at);
    if (src.dtype() != x.dtype())
      check_scalar_fits(item_number(src), x.dtype(), at);
    if (src.dim() > 0) src = at_pos(at, [&] { return reshape(src, {}); });  // x[m] = t([[v]])
  } else {
    if (v.kind == K::Tensor && ((is_self && x.same(src)) || memory_overlaps(view, src)))  // x itself: even empty
      fail(at, "RuntimeError: unsupported operation: some elements of the input tensor and the written-to tensor "
               "refer to a single memory location. Please clone() the tensor before performing the operation.");
    adv = expand_indices(view, pending, at);
    B = check_adv_indices(view, adv, at);
    const Shape result = index_result_shape(view, adv, B);
    if (!expandable_to(src.shape(), result))
      fail(at, "RuntimeError: shape mismatch: value tensor of shape " + sizes_str(src.shape()) +
                   " cannot be broadcast to indexing result of shape " + sizes_str(result));
    if (src.dtype() != x.dtype())
      fail(at, std::string("RuntimeError: Index put requires the source and destination dtypes match, got ") +
                   dtype_kernel_name(x.dtype()) + " for the destination and " + dtype_kernel_name(src.dtype()) +
                   " for the source.");
  }
  // No grad into ints, except on PyTorch 1.13's masked-fill path, whose index_put_ records
  // IndexPutBackward0 (CopySlices through a view) whatever x's dtype.
  if (grad_enabled() && !x.is_floating_point() && !masked_fill_path && src.requires_grad()) src = src.detach();
  const bool recorded = grad_enabled() && (src.requires_grad() || x.requires_grad());
  const Tensor vals = at_pos(at, [&] {
    NoGradGuard ng;
    return src.dtype() == x.dtype() ? src.detach() : to_dtype(src.detach(), x.dtype());
  });
  if (!recorded) {
    const std::string bad = index_put_kernel(view, adv, B, vals, true);
    if (!bad.empty()) fail(at, bad);  // raised with what was written so far, unversioned (PyTorch's kernel)
    x.bump_version();
    return;
  }
  // Recorded: the bounds first; a bad index writes the elements before it (no history, no
  // version bump) and raises, as PyTorch's kernel under its autograd wrapper.
  if (!index_put_kernel(view, adv, B, vals, false).empty()) fail(at, index_put_kernel(view, adv, B, vals, true));
  // index_put_ on x itself, or on applySlicing's view of it (an in-place op on a view: CopySlices)
  const char* node = is_self ? TL_ROW("index_put_").grad_fn.c_str() : TL_ROW("copy_slices").grad_fn.c_str();
  if (!x.impl()->view_base) return tensor_set_recorded(x, items0, src, node, at);
  // x is a view: index_put_ writes into x's memory (an expanded x is only warned about, so the
  // kernel writes through it as unrecorded) and x's base gets CopySlices, whose graph is that of
  // the write on a clone of x.
  Tensor written = at_pos(at, [&] { return clone(x); });
  tensor_set_recorded(written, items0, src, node, at);
  index_put_kernel(view, adv, B, vals, true);  // the bounds were checked above
  Tensor self = x;
  self.bump_version();
  // as copy_; on applySlicing's view (not x itself) x's stored grad_fn stays until read
  if (x.is_floating_point() || masked_fill_path) at_pos(at, [&] { rebase_view(self, written, is_self); });
}

// x[basic index] = v (ints, slices, None, ...: no index tensor): a copy into the view.
void Interp::tensor_set_basic(const Tensor& x, const std::vector<Value>& items0, const Tensor& view, const Tensor& value,
                              bool is_self, Pos at) {
  // copy_to's fill_ (a 0-d value into a view of another shape) records whatever x's dtype (an
  // integer x then requires grad: PyTorch 1.13's fill_.Tensor); copy_ gives integers no history.
  const bool fill = value.dim() == 0 && view.dim() > 0;
  // For the recorded path: what copy_to's copy_ gets (a value of another shape viewed and
  // expanded: the write's edge is its ExpandBackward0, as in PyTorch).
  Tensor src = value.dim() == 0 ? value : copy_source(view, value, at);
  if (grad_enabled() && !x.is_floating_point() && !fill && src.requires_grad()) src = src.detach();
  if (grad_enabled() && (src.requires_grad() || x.requires_grad()) && !x.impl()->view_base) {
    if (x.requires_grad() && x.is_leaf())  // copy_ on x itself, or on applySlicing's view of x
      fail(at, is_self ? "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation."
                       : "RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place "
                         "operation.");
    const Tensor copied = value.dim() == 0 ? copy_source(view, value, at) : src;
    at_pos(at, [&] { check_copy_overlap(view, copied, fill); });  // as copy_ (fill_)
    // PyTorch's copy_to into x itself: x.copy_(value), or x.fill_(value) for a 0-d value of
    // another shape (fill_.Tensor's node); into a view of x: CopySlices on x.
    const char* node = !is_self                                              ? TL_ROW("copy_slices").grad_fn.c_str()
                       : value.dim() == 0 && value.shape() != x.shape() ? "FillBackward3"
                                                                             : TL_ROW("copy_").grad_fn.c_str();
    return tensor_set_recorded(x, items0, src, node, at);
  }
  copy_to(view, value, at);  // x a view: copy_ gives x's base CopySlices
  // (copy_ records nothing into an integer view, fill_ does: the base gets CopySlices)
  Tensor dst = view;
  if (fill && !x.is_floating_point() && src.requires_grad() && grad_enabled()) rebase_view(dst, src, true, true);
}

// x[items] = src where x or src is part of a graph (x itself no view): `outputs[t] = h` in a
// recurrent loop, `y[mask] = 0` on an intermediate. The write happens in x's memory as usual; x's
// history becomes one node (named `node`: the one PyTorch's copy_/fill_/index_put_ gives x, or
// CopySlices when PyTorch writes into a view of x) whose backward gives x's old history the gradient with the written elements zeroed and
// src the gradient of the elements it landed on, summed back to src's shape. The written elements
// are found by indexing a tensor of x's element offsets with the same items (so every indexing
// rule applies unchanged); that offset tensor is all the node keeps.
void Interp::tensor_set_recorded(const Tensor& x, const std::vector<Value>& items, const Tensor& src, const char* node,
                                 Pos at) {
  Tensor offsets = at_pos(at, [&] {
    NoGradGuard ng;
    std::vector<double> off(size_t(x.numel()));
    for (size_t i = 0; i < off.size(); ++i) off[i] = double(i);
    return Tensor::from_data(off, x.shape(), DType::Int64);  // x's elements in row-major order
  });
  Tensor pos;
  {
    NoGradGuard ng;
    pos = contiguous(tensor_index(offsets, items, at, nullptr));
  }
  const Shape region = pos.shape();
  Tensor flat_pos = reshape(pos, {pos.numel()});
  Tensor vals = at_pos(at, [&] {
    NoGradGuard ng;
    Shape b = broadcast_shapes("index_put_", region, src.shape());
    TL_CHECK(b == region, "shape mismatch: value tensor of shape ", src.shape_str(), " cannot be broadcast to indexing result of shape ",
             shape_str(region));
    return contiguous(expand(src.dtype() == x.dtype() ? src : to_dtype(src, x.dtype()), region.vec()));
  });
  // The write (later duplicates win, as PyTorch's serial kernel): element k of the region is x's
  // row-major element flat_pos[k].
  const PinViewSource pin(src, x);  // src another view of x's memory: its pre-write edge
  {
    NoGradGuard ng;
    Tensor xc = x;
    const int64_t* pp = flat_pos.data_ptr<int64_t>();
    const int nd = x.dim();
    TL_DISPATCH(x.dtype(), T, [&] {
      T* base = xc.data_ptr<T>();
      const T* pv = vals.data_ptr<T>();
      for (int64_t k = 0; k < flat_pos.numel(); ++k) {
        int64_t rem = pp[k], off = 0;
        for (int d = nd - 1; d >= 0; --d) off += (rem % x.shape()[d]) * x.strides()[d], rem /= x.shape()[d];
        base[off] = pv[k];
      }
    });
    xc.bump_version();
  }
  Tensor self = x;
  Tensor old = x.requires_grad() ? x.detach() : Tensor();
  if (x.requires_grad()) old.impl()->grad_fn = x.impl()->grad_fn, old.impl()->requires_grad = true;
  const Shape src_shape = src.shape(), x_shape = x.shape();
  const DType src_dt = src.dtype();
  const auto old_fn = x.impl()->grad_fn;
  Node* n;
  {
    InplaceRecordGuard g;
    pin.hold();
    n = record(TL_ROW("index_put_"), {&old, &src}, self);
  }
  pin.done();
  if (!n) return;
  n->display = node;
  // A write into x itself moves x's retain_grad() to its new node; one into a view of x
  // (CopySlices) leaves it on x's previous node, as PyTorch's rebase of a view's base.
  if (std::strcmp(node, "CopySlices") != 0) move_retained(self, old_fn);
  // PyTorch's CopySlices frees the function it holds and IndexPutBackward0 its saved indices after
  // a backward without retain_graph (copy_'s and fill_'s nodes hold nothing): a second one fails.
  n->had_saved = std::strcmp(node, "CopySlices") == 0 || std::strcmp(node, "IndexPutBackward0") == 0;
  // x.copy_(src) (every element, in order): PyTorch's CopyBackwards, zeros for x and g itself for
  // src (the engine sums it back to src's shape), so a create_graph gradient keeps g's node.
  const bool whole = std::strcmp(node, TL_ROW("copy_").grad_fn.c_str()) == 0;
  const bool slices = std::strcmp(node, "CopySlices") == 0, index_put = std::strcmp(node, "IndexPutBackward0") == 0;
  // x's gradient: g where x keeps its elements (a constant mask: higher-order gradients work), +0.0
  // at the written ones, NaN/inf or negative g too (PyTorch's zeros_like / index_put_ of zeros).
  n->attrs().custom = [flat_pos, region, src_shape, src_dt, x_shape, whole, slices, index_put](const Tensor& g,
                                                                                          std::vector<Tensor>& gi) {
    if (whole) {
      gi[0] = zeros_like(g);
      gi[1] = g;
      return;
    }
    gi[0] = where(unwritten_mask(flat_pos, x_shape, DType::Bool), g, Tensor::scalar(0.0, g.dtype()));
    Tensor gs = reshape(index_select(reshape(g, {g.numel()}), 0, flat_pos), region.vec());
    // src's gradient is no view (until a sum_to drops leading dims), so an in-place op on it is no
    // in-place op on a view made in no_grad mode: PyTorch's CopySlices hands the wrapped op a
    // contiguous clone of g's slice (CloneBackward0 after AsStridedBackward0 under create_graph),
    // IndexPutBackward0 computes grad.index(indices) (IndexBackward0).
    if (slices) {
      label_node(gs, TL_ROW("as_strided"), {&g});
      gs = clone(gs);
    } else if (index_put) {
      gs = clone(gs);
      label_node(gs, TL_ROW("index"), {&g});
    }
    gs = sum_to(gs, src_shape);
    gi[1] = gs.dtype() == src_dt ? gs : to_dtype(gs, src_dt);
  };
}

}  // namespace tl::lang::detail
