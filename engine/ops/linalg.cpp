// Linear algebra: mm, bmm and mv are primitives (Eigen GEMM); matmul and linear are composites.
#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/kernels/matmul.h"
#include "engine/ops/ops.h"

namespace tl {

// PyTorch's mm/bmm/mv check the operands' dtypes only inside their kernels, which they skip when
// the result is empty or the contraction has length 0: then mixed dtypes give an empty or zero
// result of the dtype the meta function chose (mm: mat1's, bmm: mat2's, mv: vec's).
static bool skips_kernel(const Shape& out, int64_t k) { return k == 0 || out.numel() == 0; }
static void check_same_dtype(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dtype() == b.dtype(), "expected scalar type ", dtype_kernel_name(a.dtype()), " but found ",
           dtype_kernel_name(b.dtype()));
}

// ---- mm ----  d/da (a @ b) = g @ b^T;  d/db = a^T @ g
// PyTorch 1.13's mm_mat1_backward / mm_mat2_backward: for a column-major input (strides (1, rows))
// the gradient is computed transposed, (b g^T)^T / (g^T a)^T (TBackward0 under create_graph, and a
// row-major .grad for a leaf used through .t(), as nn.Linear's weight), else g b^T / a^T g.
static bool column_major(const Tensor& m) { return m.strides()[0] == 1 && m.strides()[1] == m.shape()[0]; }
// (The layouts are the inputs' at the forward, as PyTorch saves mat1's / mat2's strides.)
static Tensor mm_mat1_grad(const Tensor& g, bool mat1_column_major, const Tensor& mat2) {
  return mat1_column_major ? t(mm(mat2, t(g))) : mm(g, t(mat2));
}
static Tensor mm_mat2_grad(const Tensor& g, const Tensor& mat1, bool mat2_column_major) {
  return mat2_column_major ? t(mm(t(g), mat1)) : mm(t(mat1), g);
}
static void mm_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Tensor a = n.saved_tensor(0), b = n.saved_tensor(1);
  if (n.needs_input_grad(0)) gi[0] = mm_mat1_grad(g, n.attrs().i0 & 1, b);
  if (n.needs_input_grad(1)) gi[1] = mm_mat2_grad(g, a, n.attrs().i0 & 2);
}
Tensor mm(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 2, "mm: expected 2-D tensors, but got a ", a.dim(), "-D tensor of shape ", a.shape_str());
  TL_CHECK(b.dim() == 2, "mm: expected 2-D tensors, but got a ", b.dim(), "-D tensor of shape ", b.shape_str());
  TL_CHECK(a.shape()[1] == b.shape()[0], "mm: shapes ", a.shape_str(), " and ", b.shape_str(),
           " cannot be multiplied");
  const Shape os{a.shape()[0], b.shape()[1]};
  Tensor out;
  if (skips_kernel(os, a.shape()[1])) {
    out = zeros(os, a.dtype());
  } else {
    check_same_dtype(a, b);
    out = Tensor::empty(os, a.dtype());
    kernels::gemm(a, b, out);
  }
  if (Node* n = record(TL_ROW("mm"), {&a, &b}, out))
    save(n, a), save(n, b), n->attrs().i0 = (column_major(a) ? 1 : 0) | (column_major(b) ? 2 : 0);
  return out;
}

// ---- bmm ----  d/da = g @ b^T;  d/db = a^T @ g  (per batch)
static void bmm_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (n.needs_input_grad(0)) gi[0] = bmm(g, transpose(n.saved_tensor(1), 1, 2));
  if (n.needs_input_grad(1)) gi[1] = bmm(transpose(n.saved_tensor(0), 1, 2), g);
}
Tensor bmm(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 3 && b.dim() == 3, "bmm: expected 3-D tensors, but got shapes ", a.shape_str(), " and ",
           b.shape_str());
  TL_CHECK(a.shape()[0] == b.shape()[0] && a.shape()[2] == b.shape()[1], "bmm: shapes ", a.shape_str(), " and ",
           b.shape_str(), " cannot be multiplied");
  const Shape os{a.shape()[0], a.shape()[1], b.shape()[2]};
  Tensor out;
  if (skips_kernel(os, a.shape()[2])) {
    out = zeros(os, b.dtype());
  } else {
    check_same_dtype(a, b);
    out = Tensor::empty(os, a.dtype());
    kernels::bgemm(a, b, out);
  }
  if (Node* n = record(TL_ROW("bmm"), {&a, &b}, out)) save(n, a), save(n, b);
  return out;
}

// outer(a, b) = a.reshape(n, 1) * b (composite, as PyTorch's: its node is MulBackward0; a's
// gradient comes through ReshapeAliasBackward0, b's through sum_to's ViewBackward0)
Tensor outer(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 1 && b.dim() == 1, "outer: expected 1-D tensors");
  return mul(reshape(a, {a.size(0), 1}), b);
}

// ---- mv ----  (n, m) @ (m,) -> (n,). PyTorch's MvBackward0 formulas, so that double backward
// records the nodes PyTorch's does: d/dm = g.ger(v) (outer: MulBackward0); d/dv = m^T.mv(g).
static void mv_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (n.needs_input_grad(0)) gi[0] = outer(g, n.saved_tensor(1));
  if (n.needs_input_grad(1)) gi[1] = mv(t(n.saved_tensor(0)), g);
}
Tensor mv(const Tensor& m, const Tensor& v) {
  TL_CHECK(m.dim() > 0, "IndexError: Dimension specified as 0 but tensor has no dimensions");
  TL_CHECK(m.dim() == 2 && v.dim() == 1, "vector + matrix @ vector expected, got 1, ", m.dim(), ", ", v.dim());
  TL_CHECK(m.shape()[1] == v.shape()[0], "size mismatch, got ", m.shape()[0], ", ", m.shape()[0], "x", m.shape()[1], ",",
           v.shape()[0]);
  // Mixed dtypes pass for an empty matrix (as in mm), and the result has vec's dtype.
  TL_CHECK(m.dtype() == v.dtype() || m.numel() == 0, "expected scalar type ", dtype_kernel_name(m.dtype()),
           " but found ", dtype_kernel_name(v.dtype()));
  const Shape os{m.shape()[0]};
  Tensor out;  // a tensor of its own (no view: the gradient it gives may be written in place)
  if (skips_kernel(os, m.shape()[1])) {
    out = zeros(os, v.dtype());
  } else {
    out = Tensor::empty(os, v.dtype());
    NoGradGuard ng;
    Tensor out2 = view(out, {os[0], 1});
    kernels::gemm(m, unsqueeze(v, 1), out2);
  }
  // Save only what a needed gradient uses, as PyTorch (an in-place change of the other is fine).
  if (Node* n = record(TL_ROW("mv"), {&m, &v}, out))
    save(n, v.requires_grad() ? m : Tensor()), save(n, m.requires_grad() ? v : Tensor());
  return out;
}

// ---- addmm ----  out = beta * input + alpha * (mat1 @ mat2), input broadcast to (m, p). One
// AddmmBackward0 node with inputs (input, mat1, mat2), as PyTorch records nn.Linear on a 2-D input.
// d/dinput = beta * g (the engine sums it to input's shape); d/dmat1 = alpha * g @ mat2^T;
// d/dmat2 = alpha * mat1^T @ g
static void addmm_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const double beta = n.attrs().f0, alpha = n.attrs().f1;
  auto scaled = [&](const Tensor& t, double s) { return s == 1 ? t : mul(t, Tensor::scalar(s, t.dtype())); };
  if (n.needs_input_grad(0)) gi[0] = scaled(g, beta);
  if (n.needs_input_grad(1)) gi[1] = scaled(mm_mat1_grad(g, n.attrs().i0 & 1, n.saved_tensor(1)), alpha);
  if (n.needs_input_grad(2)) gi[2] = scaled(mm_mat2_grad(g, n.saved_tensor(0), n.attrs().i0 & 2), alpha);
}
// beta_v / alpha_v: the arguments as given (an int converts to the dtype as an int: alpha=-2 fits
// uint8 by wrapping where alpha=-2.0 overflows).
static Tensor addmm_impl(const Tensor& input, const Tensor& mat1, const Tensor& mat2, const Value& beta_v,
                         const Value& alpha_v) {
  const double beta = beta_v.as_double(), alpha = alpha_v.as_double();
  // PyTorch's ADDMM_META checks the dtypes first, input (self) against mat2 first (its mm alone
  // skips them when empty)
  TL_CHECK(input.dtype() == mat2.dtype(), "self and mat2 must have the same dtype");
  TL_CHECK(mat1.dtype() == mat2.dtype(), "mat1 and mat2 must have the same dtype");
  Tensor out;
  {
    NoGradGuard ng;
    Tensor p = mm(mat1, mat2);
    if (alpha != 1) p = mul(p, Tensor::scalar(alpha, p.dtype()));
    Tensor in = beta == 1 ? input : mul(input, Tensor::scalar(beta, input.dtype()));
    in = expand(in, p.shape().vec());  // PyTorch's expand_size(self, {n, p}): its messages
    // PyTorch's CPU kernel converts alpha and beta to the dtype (checked: NaN for int64) for its
    // gemm, which runs only for a non-empty result with k > 0.
    if (p.numel() > 0 && mat1.size(1) > 0)
      check_number_fits(alpha_v, p.dtype()), check_number_fits(beta_v, p.dtype());
    out = beta == 0 ? p : add(in, p);
  }
  if (Node* n = record(TL_ROW("addmm"), {&input, &mat1, &mat2}, out)) {
    n->attrs().f0 = beta, n->attrs().f1 = alpha;
    n->attrs().i0 = (column_major(mat1) ? 1 : 0) | (column_major(mat2) ? 2 : 0);
    // As PyTorch: each factor for the other's gradient; once freed, input's alone fails too.
    save(n, mat2.requires_grad() ? mat1 : Tensor()), save(n, mat1.requires_grad() ? mat2 : Tensor());
    n->torch_saves = true;
  }
  return out;
}
Tensor addmm(const Tensor& input, const Tensor& mat1, const Tensor& mat2, double beta, double alpha) {
  return addmm_impl(input, mat1, mat2, Value::number(beta), Value::number(alpha));
}

// matmul with PyTorch's rules: 1-D operands get a dim prepended (left) or appended (right) and
// removed after; batch dims broadcast. Composite: its gradient comes from mm/bmm and views.
// PyTorch 1.13's should_fold(t, dim_other) in matmul: a batch t (3+ dims) with a 1-D or 2-D operand
// folds into the rows of one mm / mv (their kernels, not bmm's: 3e38 * 2.15 does not overflow
// inside mm's fused multiply-adds), except a 3-D t with a matrix when t's last two dims are
// transposed (t.stride(-1) != 1 and t.stride(0) == t.size(1) * t.size(2)): bmm then.
static bool matmul_folds(const Tensor& t, int dim_other) {
  if (t.dim() < 3 || dim_other > 2) return false;
  return !(t.dim() == 3 && dim_other == 2 && t.strides()[2] != 1 && t.strides()[0] == t.shape()[1] * t.shape()[2]);
}
static Tensor matmul_parts(const Tensor& a, const Tensor& b) {
  const int da = a.dim(), db = b.dim();
  TL_CHECK(da > 0 && db > 0, "matmul: both arguments to matmul need to be at least 1D, but they are ", da,
           "D and ", db, "D");
  auto fail = [&] { TL_FAIL("matmul: shapes ", a.shape_str(), " and ", b.shape_str(), " cannot be multiplied"); };
  if (da == 1 && db == 1) {
    if (a.shape()[0] != b.shape()[0]) fail();
    return sum(mul(a, b));
  }
  if (da == 2 && db == 1) return mv(a, b);  // PyTorch's matmul calls mv (its errors too)
  if (da == 1 && db == 2) {
    if (a.shape()[0] != b.shape()[0]) fail();
    return squeeze(mm(unsqueeze(a, 0), b), 0);
  }
  if (da == 2 && db == 2) {
    if (a.shape()[1] != b.shape()[0]) fail();
    return mm(a, b);
  }
  // Batched. (..., n, m) @ (m, p) or (m,): fold the batch into the rows and use one mm or mv.
  if (matmul_folds(a, db)) {
    if (a.shape()[da - 1] != b.shape()[0]) fail();
    int64_t rows = 1;  // (not -1: ambiguous when the last dim is 0)
    for (int i = 0; i < da - 1; ++i) rows *= a.shape()[i];
    const Tensor a2 = reshape(a, {rows, a.shape()[da - 1]});
    IntList s = a.shape().vec();
    s.pop_back();
    if (db == 2) s.push_back(b.shape()[1]);
    return reshape(db == 1 ? mv(a2, b) : mm(a2, b), s);
  }
  // 1-D or 2-D @ a batch that folds: b^T's batch and rows folded into one mv / mm, the result
  // transposed back.
  if (matmul_folds(b, da)) {
    if (a.shape()[da - 1] != b.shape()[db - 2]) fail();
    const Tensor bt = transpose(b, -1, -2);
    int64_t rows = 1;
    for (int i = 0; i < db - 1; ++i) rows *= bt.shape()[i];
    const Tensor bt2 = reshape(bt, {rows, bt.shape()[db - 1]});
    IntList s = bt.shape().vec();
    s.pop_back();
    if (da == 1) return reshape(mv(bt2, a), s);
    s.push_back(a.shape()[0]);
    return contiguous(transpose(reshape(mm(bt2, t(a)), s), -1, -2));
  }
  Tensor a3 = da == 1 ? unsqueeze(a, 0) : a;
  Tensor b3 = db == 1 ? unsqueeze(b, 1) : b;
  const int na = a3.dim(), nb = b3.dim();
  const int64_t n = a3.shape()[na - 2], m = a3.shape()[na - 1], m2 = b3.shape()[nb - 2], p = b3.shape()[nb - 1];
  if (m != m2) fail();
  Shape ba, bb;
  for (int i = 0; i < na - 2; ++i) ba.push_back(a3.shape()[i]);
  for (int i = 0; i < nb - 2; ++i) bb.push_back(b3.shape()[i]);
  Shape batch;
  try {
    batch = broadcast_shapes("matmul", ba, bb);
  } catch (const Error&) {
    fail();
  }
  IntList ea = batch.vec(), eb = batch.vec();
  ea.push_back(n), ea.push_back(m), eb.push_back(m), eb.push_back(p);
  const int64_t B = batch.numel();
  Tensor out = bmm(reshape(expand(a3, ea), {B, n, m}), reshape(expand(b3, eb), {B, m, p}));
  IntList s = batch.vec();
  if (da > 1) s.push_back(n);
  if (db > 1) s.push_back(p);
  return reshape(out, s);
}

// The node PyTorch 1.13's matmul ends in, by the operands' ranks (1-D @ 2-D: unsqueeze, mm, then
// squeeze_(0); a batched product: a fold, mm or bmm, then _unsafe_view; 2-D @ batch: the
// transpose of b^T @ a^T made contiguous, a clone unless that transpose already is: out's
// matrices have one row or one column, or out is empty; unless b does not fold: bmm).
static const OpDef& matmul_node_row(int da, int db, const Shape& out, bool folded = true) {
  if (da == 1 && db == 1) return TL_ROW("dot");
  if (da == 2 && db == 1) return TL_ROW("mv");
  if (da == 1 && db == 2) return TL_ROW("squeeze_.dim");
  if (da == 2 && db == 2) return TL_ROW("mm");
  if (da == 2 && folded) {
    const bool transposed_contiguous = out[out.n - 2] == 1 || out[out.n - 1] == 1 || out.numel() == 0;
    return transposed_contiguous ? TL_ROW("transpose") : TL_ROW("clone");
  }
  return TL_ROW("_unsafe_view");
}
Tensor matmul(const Tensor& a, const Tensor& b) {
  if (a.dim() == 1 && b.dim() == 1) {  // PyTorch's dot (also F.linear of two vectors): one dtype, not bool
    TL_CHECK(a.dtype() == b.dtype(), "dot : expected both vectors to have same dtype, but found ",
             dtype_kernel_name(a.dtype()), " and ", dtype_kernel_name(b.dtype()));
    TL_CHECK(a.dtype() != DType::Bool, "\"dot\" not implemented for 'Bool'");
  }
  Tensor r = matmul_parts(a, b);
  // Mixed dtypes get here only for an empty product (skips_kernel): the dtype of the mm/mv/bmm
  // PyTorch's matmul calls (2-D @ 1-D and a folded batch @ 1-D: mv; a batch @ 2-D: mm on the
  // folded batch; 1-D or 2-D @ a batch: mv on the folded batch or bmm).
  if (a.dtype() != b.dtype()) {
    const int db = b.dim();
    DType dt = b.dtype();  // mv(a, b), and bmm
    if (db == 2) {
      dt = a.dtype();  // mm(a, b), a unsqueezed or folded
    } else if (a.dim() == 1 && db >= 3) {
      dt = a.dtype();  // mv(folded b^T, a) (matmul_folds)
    }
    if (r.dtype() != dt) r = to_dtype(r, dt);
  }
  // Narrow integers (uint8 @ uint8) keep their type, wrapping as PyTorch's kernels (the int64
  // sums cast back: arithmetic mod 2^bits commutes with the cast).
  if (a.dtype() == b.dtype() && r.dtype() != a.dtype() && is_int(a.dtype())) r = to_dtype(r, a.dtype());
  const OpDef& row = matmul_node_row(a.dim(), b.dim(), r.shape(), matmul_folds(b, a.dim()));
  // PyTorch's 2-D @ batch returns out.mT() itself when it is contiguous: a view of matmul's own
  // buffer (an in-place op on it gives CopySlices and AsStridedBackward0; see settle_view).
  if (&row == &TL_ROW("transpose")) r = alias(r);
  label_node(r, row, {&a, &b});
  return r;
}

// PyTorch's is_contiguous(): an empty tensor is contiguous whatever its strides.
static bool torch_contiguous(const Tensor& x) { return x.numel() == 0 || x.is_contiguous(); }

// linear(x, W, b) = x @ W^T + b  (composite)
Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b) {
  TL_CHECK(w.dim() == 2 || w.dim() == 1, "linear: weight must be 1-D or 2-D, got shape ", w.shape_str());
  Tensor r;
  const OpDef* node = nullptr;  // the node PyTorch 1.13's linear ends in
  // PyTorch: a contiguous 3-D input with a bias is one addmm over the folded rows, then a view of
  // its result (an in-place op on it rebases the addmm's result: CopySlices)
  const bool folded = x.dim() == 3 && torch_contiguous(x) && b.defined();
  TL_CHECK(!((x.dim() == 2 || folded) && b.defined() && w.dim() == 1), "mat2 must be a matrix, got 1-D tensor");  // addmm's
  if (x.dim() == 2 && w.dim() == 2 && b.defined()) {
    r = addmm(b, x, t(w));  // a 2-D input with a bias: one addmm, as in PyTorch
    node = &TL_ROW("addmm");
  } else if (folded) {
    Tensor m = addmm(b, view(x, {x.size(0) * x.size(1), x.size(2)}), t(w));
    r = view(m, {x.size(0), x.size(1), m.size(1)});
    node = &TL_ROW("view");
  } else {
    r = matmul(x, t(w));  // a 1-D weight too (PyTorch's matmul(input, weight.t()): TBackward0)
    node = &matmul_node_row(x.dim(), w.dim(), r.shape());
    if (b.defined()) {
      // PyTorch: output.add_(bias): the product keeps its shape and dtype.
      const Shape bs = broadcast_shapes("linear", r.shape(), b.shape());
      TL_CHECK(bs == r.shape(), "output with shape ", sizes_str(r.shape()), " doesn't match the broadcast shape ", sizes_str(bs));
      TL_CHECK(dtype_category(b.dtype()) <= dtype_category(r.dtype()), "result type ", dtype_kernel_name(b.dtype()),
               " can't be cast to the desired output type ", dtype_kernel_name(r.dtype()));
      const DType pd = r.dtype();
      r = add(r, b);
      if (r.dtype() != pd) r = to_dtype(r, pd);
      node = &TL_ROW("add.Tensor");
    }
  }
  label_node(r, *node, {&x, &w, &b});  // also groups the parts (the transpose of w) as one op
  return r;
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
void register_linalg_ops(std::vector<OpDef>& t) {
  const unsigned TM = kTorch | kMethod;
  t.push_back({"mm(Tensor input, Tensor mat2) -> Tensor", TM, [](const Args& a) { return Value::tensor(mm(a.t(0), a.t(1))); },
               mm_bw, "grad_a = g @ b^T; grad_b = a^T @ g"});
  t.push_back({"bmm(Tensor input, Tensor mat2) -> Tensor", TM, [](const Args& a) { return Value::tensor(bmm(a.t(0), a.t(1))); },
               bmm_bw, "grad_a = g @ b^T; grad_b = a^T @ g (per batch)"});
  t.push_back({"addmm(Tensor input, Tensor mat1, Tensor mat2, *, float beta=1, float alpha=1) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(addmm_impl(a.t(0), a.t(1), a.t(2), a.v[3], a.v[4])); }, addmm_bw,
               "grad_input = beta * g; grad_mat1 = alpha * g @ mat2^T; grad_mat2 = alpha * mat1^T @ g"});
  t.push_back({"mv(Tensor input, Tensor vec) -> Tensor", TM, [](const Args& a) { return Value::tensor(mv(a.t(0), a.t(1))); },
               mv_bw, "grad_m = outer(g, v); grad_v = m^T @ g"});
  t.push_back({"outer(Tensor input, Tensor vec2) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(outer(a.t(0), a.t(1))); }, nullptr,
               "composite: a.reshape(n, 1) * b"});
  t.push_back({"matmul(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) {
                 return Value::tensor(matmul(a.t(0), a.t(1)));
               }, nullptr, "composite: mm/bmm and views"});
  t.push_back({"linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor", kF,
               [](const Args& a) {
                 // PyTorch 1.13's linear is addmm(bias, x, W^T) for a 2-D x and a contiguous 3-D x
                 // (folded to 2-D), whose first check is bias vs W's dtype; otherwise matmul + add_.
                 const Tensor& x = a.t(0);
                 const Tensor b = a.opt_t(2);
                 if (b.defined() && (x.dim() == 2 || (x.dim() == 3 && torch_contiguous(x))))
                   TL_CHECK(b.dtype() == a.t(1).dtype(), "self and mat2 must have the same dtype");
                 return Value::tensor(linear(x, a.t(1), b));
               }, nullptr,
               "composite: x @ W^T + b"});
  t.push_back({"t(Tensor input) -> Tensor(view)", TM, [](const Args& a) { return Value::tensor(tl::t(a.t(0))); }, nullptr,
               "composite: transpose(0, 1)"});
}
}  // namespace tl
