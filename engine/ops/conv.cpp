// Convolution and pooling over 2-D images, (N, C, H, W) or unbatched (C, H, W).
//
// Primitives: unfold (im2col) and fold (col2im) — each the other's adjoint, so each one's backward
// is the other and every order of derivative works; conv2d, a fused primitive whose forward is
// im2col + one GEMM per (image, group) (no autograd bookkeeping of the parts) and whose backward is
// written with differentiable ops (unfold/fold/matmul/sum), so create_graph works through it; and
// max_pool2d, whose backward scatters the gradient to the argmax of each window (scatter_add).
// avg_pool2d and adaptive_avg_pool2d are composites of unfold and a mean.
#include <algorithm>
#include <cstring>
#include <cmath>
#include <limits>

#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/kernels/matmul.h"
#include "engine/ops/ops.h"

namespace tl {

namespace {


// An int or a pair of ints -> a pair (PyTorch's _pair).
std::pair<int64_t, int64_t> pair2(const char* op, const char* what, const IntList& v) {
  TL_CHECK(v.size() == 1 || v.size() == 2, op, ": ", what, " must be an int or a tuple of two ints, got ", sizes_str(v));
  return v.size() == 1 ? std::make_pair(v[0], v[0]) : std::make_pair(v[0], v[1]);
}

// Window geometry: kernel k, dilation d, padding p, stride s; output rows oh, cols ow.
struct Geo {
  int64_t kh, kw, dh, dw, ph, pw, sh, sw, oh = 0, ow = 0;
};

Geo make_geo(const char* op, const IntList& k, const IntList& d, const IntList& p, const IntList& s) {
  Geo g;
  std::tie(g.kh, g.kw) = pair2(op, "kernel_size", k);
  std::tie(g.dh, g.dw) = pair2(op, "dilation", d);
  std::tie(g.ph, g.pw) = pair2(op, "padding", p);
  std::tie(g.sh, g.sw) = pair2(op, "stride", s);
  TL_CHECK(g.kh > 0 && g.kw > 0, op, ": kernel size should be greater than zero, but got kernel_size=(", g.kh, ", ", g.kw, ")");
  TL_CHECK(g.dh > 0 && g.dw > 0, op, ": dilation should be greater than zero, but got dilation=(", g.dh, ", ", g.dw, ")");
  TL_CHECK(g.ph >= 0 && g.pw >= 0, op, ": negative padding is not supported, got padding=(", g.ph, ", ", g.pw, ")");
  TL_CHECK(g.sh > 0 && g.sw > 0, op, ": stride should be greater than zero, but got stride=(", g.sh, ", ", g.sw, ")");
  return g;
}

// Output size of a sliding window along one dim (floor mode).
int64_t out_len(int64_t in, int64_t k, int64_t d, int64_t p, int64_t s) { return (in + 2 * p - d * (k - 1) - 1) / s + 1; }

void set_out(const char* op, Geo& g, int64_t H, int64_t W) {
  const int64_t eh = g.dh * (g.kh - 1) + 1, ew = g.dw * (g.kw - 1) + 1;  // effective (dilated) kernel
  TL_CHECK(H + 2 * g.ph >= eh && W + 2 * g.pw >= ew, op, ": Calculated padded input size per channel: (", H + 2 * g.ph,
           " x ", W + 2 * g.pw, "). Kernel size: (", eh, " x ", ew, "). Kernel size can't be greater than actual input size");
  g.oh = out_len(H, g.kh, g.dh, g.ph, g.sh);
  g.ow = out_len(W, g.kw, g.dw, g.pw, g.sw);
}

// PyTorch's pooling_output_shape: floor division; ceil mode may add a window, but one must start
// inside the input or the left padding.
int64_t pool_len(int64_t in, int64_t k, int64_t d, int64_t p, int64_t s, bool ceil_mode) {
  const int64_t span = in + 2 * p - d * (k - 1) - 1 + (ceil_mode ? s - 1 : 0);
  int64_t o = (span < 0 ? -((-span + s - 1) / s) : span / s) + 1;
  if (ceil_mode && (o - 1) * s >= in + p) --o;
  return o;
}

// cols (C*kh*kw, oh*ow) of one image x (C, H, W): row (c, i, j) holds x[c, oy*sh - ph + i*dh, ox*sw - pw + j*dw]
// (0 outside the image) at column oy*ow + ox.
template <class T>
void im2col(const T* x, int64_t C, int64_t H, int64_t W, const Geo& g, T* cols) {
  const int64_t L = g.oh * g.ow;
  for (int64_t c = 0; c < C; ++c)
    for (int64_t i = 0; i < g.kh; ++i)
      for (int64_t j = 0; j < g.kw; ++j) {
        T* dst = cols + ((c * g.kh + i) * g.kw + j) * L;
        for (int64_t oy = 0; oy < g.oh; ++oy) {
          const int64_t iy = oy * g.sh - g.ph + i * g.dh;
          T* row = dst + oy * g.ow;
          if (iy < 0 || iy >= H) {
            for (int64_t ox = 0; ox < g.ow; ++ox) row[ox] = T(0);
            continue;
          }
          const T* src = x + (c * H + iy) * W;
          for (int64_t ox = 0; ox < g.ow; ++ox) {
            const int64_t ix = ox * g.sw - g.pw + j * g.dw;
            row[ox] = ix >= 0 && ix < W ? src[ix] : T(0);
          }
        }
      }
}

// The adjoint: x (C, H, W) += each column entry at the pixel im2col read it from.
template <class T>
void col2im(const T* cols, int64_t C, int64_t H, int64_t W, const Geo& g, T* x) {
  const int64_t L = g.oh * g.ow;
  for (int64_t c = 0; c < C; ++c)
    for (int64_t i = 0; i < g.kh; ++i)
      for (int64_t j = 0; j < g.kw; ++j) {
        const T* src = cols + ((c * g.kh + i) * g.kw + j) * L;
        for (int64_t oy = 0; oy < g.oh; ++oy) {
          const int64_t iy = oy * g.sh - g.ph + i * g.dh;
          if (iy < 0 || iy >= H) continue;
          T* dst = x + (c * H + iy) * W;
          const T* row = src + oy * g.ow;
          for (int64_t ox = 0; ox < g.ow; ++ox) {
            const int64_t ix = ox * g.sw - g.pw + j * g.dw;
            if (ix >= 0 && ix < W) dst[ix] += row[ox];
          }
        }
      }
}

void check_float(const char* op, const Tensor& x) {
  TL_CHECK(x.is_floating_point(), op, ": expected a floating point tensor, got ", dtype_name(x.dtype()));
}

// (N, C, H, W) view of a 4-D or unbatched 3-D input.
Tensor batched(const char* op, const Tensor& x) {
  // PyTorch: avg_pool2d reads dim -3 first (IndexError below 3 dims); max_pool2d checks the rank.
  if (std::strcmp(op, "avg_pool2d") == 0 && x.dim() < 3)
    TL_FAIL("IndexError: Dimension out of range (expected to be in range of [", -std::max(x.dim(), 1), ", ",
            std::max(x.dim(), 1) - 1, "], but got -3)");
  if (std::strcmp(op, "max_pool2d") == 0 && x.dim() != 3 && x.dim() != 4)
    TL_FAIL("non-empty 3D or 4D (batch mode) tensor expected for input");
  TL_CHECK(x.dim() == 3 || x.dim() == 4, op, ": Expected 3D (unbatched) or 4D (batched) input, but got input of size: ",
           sizes_str(x.shape()));
  // PyTorch's pool2d_shape_check: only a 4-D input's batch may be empty.
  if (!std::strcmp(op, "max_pool2d") || !std::strcmp(op, "avg_pool2d")) {
    const Shape& s = x.shape();
    TL_CHECK(s[1] != 0 && s[2] != 0 && (x.dim() == 3 ? s[0] != 0 : s[3] != 0),
             "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:", sizes_str(s));
  }
  return x.dim() == 3 ? unsqueeze(x, 0) : x;
}

// Raw im2col of a contiguous (N, C, H, W) tensor -> (N, C*kh*kw, oh*ow); no graph.
Tensor im2col_raw(const Tensor& x4, const Geo& g) {
  const int64_t N = x4.shape()[0], C = x4.shape()[1], H = x4.shape()[2], W = x4.shape()[3];
  Tensor xc = x4.contiguous();
  Tensor cols = Tensor::empty(Shape{N, C * g.kh * g.kw, g.oh * g.ow}, x4.dtype());
  TL_DISPATCH_FLOAT(x4.dtype(), T, [&] {
    const T* px = xc.data_ptr<T>();
    T* pc = cols.data_ptr<T>();
    for (int64_t n = 0; n < N; ++n)
      im2col<T>(px + n * C * H * W, C, H, W, g, pc + n * C * g.kh * g.kw * g.oh * g.ow);
  });
  return cols;
}

}  // namespace

// ---- unfold (im2col) ----  linear; d/dx unfold(x) = fold(g)
static void unfold_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Attrs& a = n.attrs();
  const Shape& in = n.inputs[0].shape;  // (N, C, H, W) or (C, H, W)
  Tensor r = fold(g, {in[in.n - 2], in[in.n - 1]}, {a.dims[0], a.dims[1]}, {a.dims[2], a.dims[3]},
                  {a.dims[4], a.dims[5]}, {a.dims[6], a.dims[7]});
  gi[0] = r;
}
Tensor unfold(const Tensor& x, const IntList& kernel_size, const IntList& dilation, const IntList& padding,
              const IntList& stride) {
  // PyTorch's im2col_shape_check order: kernel / dilation / padding / stride, then input.size(1)
  // and size(2) (IndexError below 3 dims), then the rank; the dtype in the kernel.
  Geo g = make_geo("unfold", kernel_size, dilation, padding, stride);
  // The rank test reads size(1), then size(2) only when size(1) != 0 (IndexError past the dims).
  auto size_at = [&](int d) {
    if (x.dim() == 0) TL_FAIL("IndexError: Dimension specified as ", d, " but tensor has no dimensions");
    TL_CHECK(d < x.dim(), "IndexError: Dimension out of range (expected to be in range of [", -x.dim(), ", ", x.dim() - 1,
             "], but got ", d, ")");
    return x.shape()[d];
  };
  const bool valid_dims = size_at(1) != 0 && size_at(2) != 0;
  TL_CHECK((x.dim() == 3 && x.shape()[0] != 0 && valid_dims) || (x.dim() == 4 && valid_dims && x.shape()[3] != 0),
           "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but "
           "got: ", sizes_str(x.shape()));
  Tensor x4 = batched("unfold", x);
  TL_CHECK(x.is_floating_point(), "\"im2col_out_cpu\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
  set_out("unfold", g, x4.shape()[2], x4.shape()[3]);
  Tensor out = im2col_raw(x4, g);
  if (x.dim() == 3) out = Tensor(out).view(Shape{out.shape()[1], out.shape()[2]});
  if (Node* n = record(TL_ROW("unfold"), {&x}, out)) {
    n->attrs().dims = Dims{};
    for (int64_t v : {g.kh, g.kw, g.dh, g.dw, g.ph, g.pw, g.sh, g.sw}) n->attrs().dims.push_back(v);
  }
  return out;
}

// ---- fold (col2im) ----  linear; d/dcols fold(cols) = unfold(g)
static void fold_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Attrs& a = n.attrs();
  gi[0] = unfold(g, {a.dims[0], a.dims[1]}, {a.dims[2], a.dims[3]}, {a.dims[4], a.dims[5]}, {a.dims[6], a.dims[7]});
}
Tensor fold(const Tensor& cols, const IntList& output_size, const IntList& kernel_size, const IntList& dilation,
            const IntList& padding, const IntList& stride) {
  // col2im_shape_check's order: the geometry, the rank (only the batch dim may be 0), the sizes;
  // the dtype in the kernel.
  Geo g = make_geo("fold", kernel_size, dilation, padding, stride);
  const Shape& cs = cols.shape();
  TL_CHECK((cols.dim() == 2 && cs[0] != 0 && cs[1] != 0) || (cols.dim() == 3 && cs[1] != 0 && cs[2] != 0),
           "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, "
           "but got: ", sizes_str(cs));
  check_float("fold", cols);
  int64_t H, W;  // (not a structured binding: lambdas below capture them, which C++17 forbids)
  std::tie(H, W) = pair2("fold", "output_size", output_size);
  TL_CHECK(H > 0 && W > 0, "fold: output_size should be greater than zero, got ", sizes_str(output_size));
  set_out("fold", g, H, W);
  Tensor c3 = cols.dim() == 2 ? unsqueeze(cols, 0) : cols;
  const int64_t N = c3.shape()[0], K = g.kh * g.kw;
  TL_CHECK(c3.shape()[1] % K == 0, "fold: Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=",
           c3.shape()[1], " and kernel_size=(", g.kh, ", ", g.kw, ")");
  TL_CHECK(c3.shape()[2] == g.oh * g.ow, "fold: Given output_size=(", H, ", ", W, "), kernel_size=(", g.kh, ", ", g.kw,
           "), dilation=(", g.dh, ", ", g.dw, "), padding=(", g.ph, ", ", g.pw, "), stride=(", g.sh, ", ", g.sw,
           "), expected size of input's dimension 2 to match the calculated number of sliding blocks ", g.oh, " * ", g.ow,
           " = ", g.oh * g.ow, ", but got input.size(2)=", c3.shape()[2], ".");
  const int64_t C = c3.shape()[1] / K;
  Tensor cc = c3.contiguous();
  Tensor out = zeros(Shape{N, C, H, W}, cols.dtype());
  TL_DISPATCH_FLOAT(cols.dtype(), T, [&] {
    for (int64_t n = 0; n < N; ++n)
      col2im<T>(cc.data_ptr<T>() + n * C * K * g.oh * g.ow, C, H, W, g, out.data_ptr<T>() + n * C * H * W);
  });
  if (cols.dim() == 2) out = Tensor(out).view(Shape{C, H, W});
  if (Node* n = record(TL_ROW("fold"), {&cols}, out)) {
    n->attrs().dims = Dims{};
    for (int64_t v : {g.kh, g.kw, g.dh, g.dw, g.ph, g.pw, g.sh, g.sw}) n->attrs().dims.push_back(v);
  }
  return out;
}

// F.unfold / F.fold pass a sequence through _pair unchanged: im2col / col2im want exactly 2
// entries in each of the int-list arguments after the input, in order.
static void check_pair_args(const Args& a, std::initializer_list<const char*> names) {
  size_t k = 1;
  for (const char* nm : names) {
    const Value& v = a.v[k++];
    TL_CHECK(!v.is_seq() || v.items->size() == 2, "It is expected ", nm, " equals to 2, but got size ", v.items->size());
  }
}

// ---- conv2d ----
// y[n, o] = b[o] + sum over the group's channels c and taps (i, j) of w[o, c, i, j] * x[n, c, at(i, j)]
// As matrices per image and group gi: Y (Og, L) = Wg (Og, K) @ cols (K, L), K = C/groups * kh * kw,
// L = oh * ow, cols = unfold(x). So with G (N, groups, Og, L) the output gradient:
//   d/dW = sum over n of G @ cols^T;   d/dx = fold(W^T @ G);   d/db = sum of G over (N, H, W).
static void conv2d_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Attrs& a = n.attrs();
  const Tensor x = n.saved_tensor(0), w = n.saved_tensor(1);
  const int64_t groups = a.i0;
  const IntList k{a.dims[0], a.dims[1]}, d{a.dims[2], a.dims[3]}, p{a.dims[4], a.dims[5]}, s{a.dims[6], a.dims[7]};
  Tensor x4 = x.dim() == 3 ? unsqueeze(x, 0) : x;
  Tensor g4 = g.dim() == 3 ? unsqueeze(g, 0) : g;
  const int64_t N = x4.shape()[0], O = w.shape()[0], L = g4.shape()[2] * g4.shape()[3];
  const int64_t Kg = w.shape()[1] * w.shape()[2] * w.shape()[3];
  Tensor G = reshape(g4, {N, groups, O / groups, L});
  if (n.needs_input_grad(0)) {
    Tensor W3 = reshape(w, {groups, O / groups, Kg});
    Tensor gc = reshape(matmul(transpose(W3, 1, 2), G), {N, groups * Kg, L});
    Tensor gx = fold(gc, {x4.shape()[2], x4.shape()[3]}, k, d, p, s);
    gi[0] = x.dim() == 3 ? squeeze(gx, 0) : gx;
  }
  if (n.needs_input_grad(1)) {
    Tensor cols = reshape(unfold(x4, k, d, p, s), {N, groups, Kg, L});
    gi[1] = reshape(sum(matmul(G, transpose(cols, 2, 3)), {0}), w.shape().vec());
  }
  if (n.needs_input_grad(2)) gi[2] = sum(g4, {0, 2, 3});
}
Tensor conv2d(const Tensor& x, const Tensor& w, const Tensor& b, const IntList& stride, const IntList& padding,
              const IntList& dilation, int64_t groups) {
  TL_CHECK(x.dim() == 3 || x.dim() == 4, "conv2d: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ",
           sizes_str(x.shape()));
  TL_CHECK(w.dim() == 4, "conv2d: weight should have 4 dimensions (out_channels, in_channels / groups, kH, kW), got size ",
           sizes_str(w.shape()));
  TL_CHECK(groups > 0, "conv2d: non-positive groups is not supported");
  check_float("conv2d", x);
  TL_CHECK(x.dtype() == w.dtype() && (!b.defined() || b.dtype() == x.dtype()),
           "conv2d: expected input, weight and bias of the same dtype, but got ", dtype_name(x.dtype()), " and ",
           dtype_name(w.dtype()));
  Tensor x4 = x.dim() == 3 ? unsqueeze(x, 0) : x;
  const int64_t N = x4.shape()[0], C = x4.shape()[1], O = w.shape()[0];
  TL_CHECK(C == w.shape()[1] * groups, "Given groups=", groups, ", weight of size ", sizes_str(w.shape()),
           ", expected input", sizes_str(x4.shape()), " to have ", w.shape()[1] * groups, " channels, but got ", C,
           " channels instead");
  TL_CHECK(O % groups == 0, "Given groups=", groups, ", expected weight to be divisible by ", groups,
           " at dimension 0, but got weight of size ", sizes_str(w.shape()), " instead");
  TL_CHECK(!b.defined() || (b.dim() == 1 && b.shape()[0] == O), "Given weight of size ", sizes_str(w.shape()),
           ", expected bias to be 1-dimensional with ", O, " elements, but got bias of size ", sizes_str(b.shape()),
           " instead");
  Geo g = make_geo("conv2d", {w.shape()[2], w.shape()[3]}, dilation, padding, stride);
  set_out("conv2d", g, x4.shape()[2], x4.shape()[3]);
  const int64_t L = g.oh * g.ow, Og = O / groups, Kg = w.shape()[1] * g.kh * g.kw;
  Tensor out = Tensor::empty(Shape{N, O, g.oh, g.ow}, x.dtype());
  {
    NoGradGuard ng;
    Tensor cols = im2col_raw(x4, g);  // (N, groups * Kg, L)
    Tensor wc = w.contiguous();
    // One GEMM per (image, group) on views: out[n, group rows] (Og, L) = W[group] (Og, Kg) @ cols[n, group] (Kg, L).
    for (int64_t n = 0; n < N; ++n)
      for (int64_t gi = 0; gi < groups; ++gi) {
        Tensor wg = Tensor(wc).view(Shape{O, Kg});
        wg = slice(wg, 0, gi * Og, (gi + 1) * Og);
        Tensor cg = slice(select(cols, 0, n), 0, gi * Kg, (gi + 1) * Kg);
        Tensor og = slice(Tensor(out).view(Shape{N, O, L}), 1, gi * Og, (gi + 1) * Og);
        og = select(og, 0, n);  // contiguous (Og, L) rows of out
        kernels::gemm(wg, cg, og);
      }
    if (b.defined()) {
      Tensor o3 = Tensor(out).view(Shape{N, O, L});
      add_(o3, reshape(b, {1, O, 1}));
    }
  }
  if (x.dim() == 3) out = Tensor(out).view(Shape{O, g.oh, g.ow});
  if (Node* n = record(TL_ROW("conv2d"), {&x, &w, &b}, out)) {
    n->attrs().i0 = groups;
    n->attrs().dims = Dims{};
    for (int64_t v : {g.kh, g.kw, g.dh, g.dw, g.ph, g.pw, g.sh, g.sw}) n->attrs().dims.push_back(v);
    save(n, x), save(n, w);
  }
  return out;
}

// ---- max_pool2d ----  d/dx: each window's gradient goes to its argmax (repeated argmaxes add up)
static void max_pool2d_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Shape& in = n.inputs[0].shape;
  const int64_t H = in[in.n - 2], W = in[in.n - 1], planes = in.numel() / std::max<int64_t>(1, H * W);
  Tensor idx = n.saved_tensor(0);
  Tensor r = scatter_add(zeros(Shape{planes, H * W}, g.dtype()), 1, reshape(idx, {planes, -1}), reshape(g, {planes, -1}));
  gi[0] = reshape(r, in.vec());
  // PyTorch's max_pool2d_with_indices_backward takes self: under create_graph its node names the
  // gradient, which requires grad when x does (saved 1)
  backward_op_result(gi[0], TL_ROW("max_pool2d_with_indices_backward"), g, n.saved_tensor(1));
}
std::pair<Tensor, Tensor> max_pool2d_with_indices(const Tensor& x, const IntList& kernel_size, const IntList& stride,
                                                  const IntList& padding, const IntList& dilation, bool ceil_mode) {
  Tensor x4 = batched("max_pool2d", x);
  Geo g = make_geo("max_pool2d", kernel_size, dilation, padding, stride.empty() ? kernel_size : stride);
  TL_CHECK(g.ph <= g.kh / 2 && g.pw <= g.kw / 2, "max_pool2d: pad should be at most half of effective kernel size, but got pad=",
           std::max(g.ph, g.pw), ", kernel_size=", std::max(g.kh, g.kw), " and dilation=", std::max(g.dh, g.dw));
  const int64_t N = x4.shape()[0], C = x4.shape()[1], H = x4.shape()[2], W = x4.shape()[3];
  g.oh = pool_len(H, g.kh, g.dh, g.ph, g.sh, ceil_mode), g.ow = pool_len(W, g.kw, g.dw, g.pw, g.sw, ceil_mode);
  TL_CHECK(g.oh >= 1 && g.ow >= 1, "max_pool2d: Given input size: (", C, "x", H, "x", W, "). Calculated output size: (", C,
           "x", g.oh, "x", g.ow, "). Output size is too small");
  // PyTorch checks the shapes (meta function) before its kernel's dtype dispatch.
  TL_CHECK(x.is_floating_point(), "\"max_pool2d\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
  Tensor xc = x4.contiguous();
  Tensor out = Tensor::empty(Shape{N, C, g.oh, g.ow}, x.dtype());
  Tensor idx = Tensor::empty(Shape{N, C, g.oh, g.ow}, DType::Int64);
  TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
    const T* px = xc.data_ptr<T>();
    T* po = out.data_ptr<T>();
    int64_t* pi = idx.data_ptr<int64_t>();
    for (int64_t pl = 0; pl < N * C; ++pl) {
      const T* plane = px + pl * H * W;
      for (int64_t oy = 0; oy < g.oh; ++oy)
        for (int64_t ox = 0; ox < g.ow; ++ox) {
          // As PyTorch's kernel: the first tap inside the image is the default index; NaN wins.
          int64_t y0 = oy * g.sh - g.ph, x0 = ox * g.sw - g.pw;
          const int64_t y1 = std::min(y0 + (g.kh - 1) * g.dh + 1, H), x1 = std::min(x0 + (g.kw - 1) * g.dw + 1, W);
          while (y0 < 0) y0 += g.dh;
          while (x0 < 0) x0 += g.dw;
          int64_t best = y0 * W + x0;
          T m = -std::numeric_limits<T>::infinity();
          for (int64_t iy = y0; iy < y1; iy += g.dh)
            for (int64_t ix = x0; ix < x1; ix += g.dw) {
              const T v = plane[iy * W + ix];
              if (v > m || std::isnan(v)) m = v, best = iy * W + ix;
            }
          po[(pl * g.oh + oy) * g.ow + ox] = m;
          pi[(pl * g.oh + oy) * g.ow + ox] = best;
        }
    }
  });
  if (x.dim() == 3) {
    out = Tensor(out).view(Shape{C, g.oh, g.ow});
    idx = Tensor(idx).view(Shape{C, g.oh, g.ow});
  }
  if (Node* n = record(TL_ROW("max_pool2d"), {&x}, out)) {
    save(n, idx), save(n, x);
  }
  return {out, idx};
}

// ---- avg_pool2d ----  the mean of each window's taps (unfold), over the divisor PyTorch uses:
// kh*kw, or with count_include_pad=False the taps inside the image, or divisor_override. One node
// (AvgPool2DBackward0) that saves x, as PyTorch's; its backward is avg_pool2d_backward, a node too
// (AvgPool2DBackwardBackward0 under create_graph: it requires grad when x does, as it takes self).
struct AvgPoolArgs {
  IntList kernel_size, stride, padding;
  bool ceil_mode, count_include_pad;
  std::optional<int64_t> divisor_override;
};
// The geometry of one call (after PyTorch's checks): the windows, the rows/columns of zeros past
// the bottom/right padding (ceil mode) and the divisor (dv, or one per window: count).
struct AvgPoolPlan {
  Geo g;
  int64_t N, C, H, W, eh, ew;
  double dv = 0;
  Tensor count;
};
static AvgPoolPlan avg_pool2d_plan(const Tensor& x, const AvgPoolArgs& a) {
  // PyTorch's order: the lengths of kernel_size / stride / padding, divisor_override != 0, then the
  // input's dims, then their values.
  pair2("avg_pool2d", "kernel_size", a.kernel_size);
  if (!a.stride.empty()) pair2("avg_pool2d", "stride", a.stride);
  pair2("avg_pool2d", "padding", a.padding);
  TL_CHECK(!a.divisor_override || *a.divisor_override != 0, "divisor must be not zero");  // before input.size(-3)
  Tensor x4 = batched("avg_pool2d", x);
  AvgPoolPlan p;
  Geo& g = p.g;
  g = make_geo("avg_pool2d", a.kernel_size, {1}, a.padding, a.stride.empty() ? a.kernel_size : a.stride);
  TL_CHECK(g.ph <= g.kh / 2 && g.pw <= g.kw / 2, "avg_pool2d: pad should be at most half of kernel size, but got pad=",
           std::max(g.ph, g.pw), " and kernel_size=", std::max(g.kh, g.kw));
  const int64_t N = x4.shape()[0], C = x4.shape()[1], H = x4.shape()[2], W = x4.shape()[3];
  p.N = N, p.C = C, p.H = H, p.W = W;
  g.oh = pool_len(H, g.kh, 1, g.ph, g.sh, a.ceil_mode), g.ow = pool_len(W, g.kw, 1, g.pw, g.sw, a.ceil_mode);
  TL_CHECK(g.oh >= 1 && g.ow >= 1, "Given input size: (", C, "x", H, "x", W, "). Calculated output size: (", C, "x", g.oh,
           "x", g.ow, "). Output size is too small");
  // Ceil mode's last windows may pass the bottom/right padding: zeros there too, so that unfold
  // (symmetric padding, floor mode) makes exactly oh x ow windows.
  p.eh = std::max<int64_t>(0, (g.oh - 1) * g.sh + g.kh - (H + 2 * g.ph));
  p.ew = std::max<int64_t>(0, (g.ow - 1) * g.sw + g.kw - (W + 2 * g.pw));
  if (a.divisor_override || (a.count_include_pad && !p.eh && !p.ew) || (g.ph == 0 && g.pw == 0 && !p.eh && !p.ew)) {
    p.dv = a.divisor_override ? double(*a.divisor_override) : double(g.kh * g.kw);
  } else if (x.is_floating_point()) {
    // PyTorch's divisor per window: its taps inside input + padding (count_include_pad), or
    // inside the input; a window past the padding (ceil mode) is cut there.
    p.count = Tensor::empty(Shape{g.oh * g.ow}, x.dtype());
    TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
      T* pc = p.count.data_ptr<T>();
      for (int64_t oy = 0; oy < g.oh; ++oy)
        for (int64_t ox = 0; ox < g.ow; ++ox) {
          int64_t y0 = oy * g.sh - g.ph, x0 = ox * g.sw - g.pw;
          int64_t y1 = std::min(y0 + g.kh, H + g.ph), x1 = std::min(x0 + g.kw, W + g.pw);
          if (!a.count_include_pad) y0 = std::max<int64_t>(y0, 0), x0 = std::max<int64_t>(x0, 0), y1 = std::min(y1, H),
                                    x1 = std::min(x1, W);
          pc[oy * g.ow + ox] = T((y1 - y0) * (x1 - x0));
        }
    });
  }
  return p;
}
static Tensor avg_pool2d_divide(const Tensor& sums, const AvgPoolPlan& p) {
  return p.count.defined() ? div(sums, p.count) : div(sums, Tensor::scalar(p.dv, sums.dtype()));
}
Tensor avg_pool2d_backward(const Tensor& g, const Tensor& x, const AvgPoolArgs& a);
// A node keeps the parsed geometry (kh, kw, sh, sw, ph, pw), ceil_mode, count_include_pad and
// divisor_override (0: None; 0 itself is refused).
static void avg_pool2d_args(Node* n, const AvgPoolPlan& p, const AvgPoolArgs& a) {
  n->attrs().dims = Dims{};
  for (int64_t v : {p.g.kh, p.g.kw, p.g.sh, p.g.sw, p.g.ph, p.g.pw}) n->attrs().dims.push_back(v);
  n->attrs().b0 = a.ceil_mode, n->attrs().i0 = a.count_include_pad;
  n->attrs().i1 = a.divisor_override ? *a.divisor_override : 0;
}
static AvgPoolArgs avg_pool2d_args(Node& n) {
  const Dims& d = n.attrs().dims;
  AvgPoolArgs a{{d[0], d[1]}, {d[2], d[3]}, {d[4], d[5]}, n.attrs().b0, n.attrs().i0 != 0, std::nullopt};
  if (n.attrs().i1) a.divisor_override = n.attrs().i1;
  return a;
}
static void avg_pool2d_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = avg_pool2d_backward(g, n.saved_tensor(0), avg_pool2d_args(n));
}
Tensor avg_pool2d(const Tensor& x, const AvgPoolArgs& a) {
  const AvgPoolPlan p = avg_pool2d_plan(x, a);
  // PyTorch checks the shapes (meta function) before its kernel's dtype dispatch, which has an
  // int64 kernel: the window sum over the divisor in integer arithmetic (C++ division, truncated
  // toward zero), as cpu_avg_pool: a window wholly outside the input stays 0.
  if (x.dtype() == DType::Int64) {
    const Geo& g = p.g;
    const Tensor xc = x.contiguous();
    IntList shape = x.shape().vec();
    shape[shape.size() - 2] = g.oh, shape[shape.size() - 1] = g.ow;
    Tensor y = Tensor::empty(Shape(shape), DType::Int64);
    const int64_t* px = xc.data_ptr<int64_t>();
    int64_t* py = y.data_ptr<int64_t>();
    for (int64_t c = 0; c < p.N * p.C; ++c)
      for (int64_t oy = 0; oy < g.oh; ++oy)
        for (int64_t ox = 0; ox < g.ow; ++ox) {
          int64_t y0 = oy * g.sh - g.ph, x0 = ox * g.sw - g.pw;
          int64_t y1 = std::min(y0 + g.kh, p.H + g.ph), x1 = std::min(x0 + g.kw, p.W + g.pw);
          const int64_t pool_size = (y1 - y0) * (x1 - x0);
          y0 = std::max<int64_t>(y0, 0), x0 = std::max<int64_t>(x0, 0), y1 = std::min(y1, p.H), x1 = std::min(x1, p.W);
          int64_t& o = py[(c * g.oh + oy) * g.ow + ox];
          o = 0;
          if (y0 >= y1 || x0 >= x1) continue;
          uint64_t s = 0;  // int64 arithmetic, wrapping
          for (int64_t iy = y0; iy < y1; ++iy)
            for (int64_t ix = x0; ix < x1; ++ix) s += uint64_t(px[(c * p.H + iy) * p.W + ix]);
          const int64_t d = a.divisor_override ? *a.divisor_override
                            : a.count_include_pad ? pool_size
                                                  : (y1 - y0) * (x1 - x0);
          const int64_t sv = int64_t(s);
          o = d == -1 ? int64_t(0 - s) : sv / d;
        }
    return y;
  }
  TL_CHECK(x.is_floating_point(), "\"avg_pool2d\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
  const Geo& g = p.g;
  Tensor y;
  {
    NoGradGuard ng;
    Tensor planes = reshape(x, {p.N * p.C, 1, p.H, p.W});
    if (p.eh) planes = cat({planes, zeros(Shape{p.N * p.C, 1, p.eh, p.W}, x.dtype())}, 2);
    if (p.ew) planes = cat({planes, zeros(Shape{p.N * p.C, 1, p.H + p.eh, p.ew}, x.dtype())}, 3);
    // (N*C, 1, H, W) -> taps (N*C, kh*kw, L) -> window sums (N*C, L)
    Tensor sums = sum(unfold(planes, {g.kh, g.kw}, {1, 1}, {g.ph, g.pw}, {g.sh, g.sw}), {1});
    y = avg_pool2d_divide(sums, p);
    // PyTorch's (contiguous) kernel adds sum / divisor into a zeroed output: a zero is +0.0 even
    // over a negative divisor_override.
    if (!p.count.defined() && p.dv < 0) y = add(y, Tensor::scalar(0.0, x.dtype()));
    IntList shape = x.shape().vec();
    shape[shape.size() - 2] = g.oh, shape[shape.size() - 1] = g.ow;
    y = reshape(y, shape).contiguous();
  }
  if (Node* n = record(TL_ROW("avg_pool2d"), {&x}, y)) avg_pool2d_args(n, p, a), save(n, x);
  return y;
}
Tensor avg_pool2d(const Tensor& x, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  bool ceil_mode, bool count_include_pad, std::optional<int64_t> divisor_override) {
  return avg_pool2d(x, AvgPoolArgs{kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override});
}
// The adjoint of avg_pool2d: each window's g / divisor spread over its taps (fold), the zeros
// past the padding cut off.
Tensor avg_pool2d_backward(const Tensor& g, const Tensor& x, const AvgPoolArgs& a) {
  const AvgPoolPlan p = avg_pool2d_plan(x, a);
  const Geo& geo = p.g;
  Tensor out;
  {
    NoGradGuard ng;
    const int64_t L = geo.oh * geo.ow;
    Tensor gd = avg_pool2d_divide(reshape(g, {p.N * p.C, L}), p);
    Tensor cols = expand(unsqueeze(gd, 1), {p.N * p.C, geo.kh * geo.kw, L});
    Tensor img = fold(cols, {p.H + p.eh, p.W + p.ew}, {geo.kh, geo.kw}, {1, 1}, {geo.ph, geo.pw}, {geo.sh, geo.sw});
    if (p.eh || p.ew) img = slice(slice(img, 2, 0, p.H), 3, 0, p.W);
    out = reshape(img, x.shape().vec()).contiguous();
  }
  if (Node* n = record(TL_ROW("avg_pool2d_backward"), {&g, &x}, out)) avg_pool2d_args(n, p, a), save(n, x);
  return out;
}
// grad_output: avg_pool2d(grad); self: zeros
static void avg_pool2d_backward_bw(Node& n, const Tensor& grad, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0);
  if (n.needs_input_grad(0)) gi[0] = avg_pool2d(grad, avg_pool2d_args(n));
  if (n.needs_input_grad(1)) gi[1] = zeros_like(x);
}

// ---- adaptive_avg_pool2d ----  composite. Output (oh, ow): window i spans [floor(i*H/oh), ceil((i+1)*H/oh));
// when oh divides H these are the windows of avg_pool2d with kernel = stride = H/oh. An output of
// (1, 1) is the mean over (H, W), as PyTorch computes it (its grad_fn is MeanBackward1).
Tensor adaptive_avg_pool2d(const Tensor& x, const IntList& output_size) {
  check_float("adaptive_avg_pool2d", x);
  Tensor x4 = batched("adaptive_avg_pool2d", x);
  auto [oh, ow] = pair2("adaptive_avg_pool2d", "output_size", output_size);
  const int64_t H = x4.shape()[2], W = x4.shape()[3];
  if (oh == -1) oh = H;  // None in output_size keeps the input's size (bound as -1 by the row)
  if (ow == -1) ow = W;
  TL_CHECK(oh > 0 && ow > 0, "adaptive_avg_pool2d: output_size must be greater than 0, got (", oh, ", ", ow, ")");
  if (oh == 1 && ow == 1) return mean(x, {-2, -1}, true);
  TL_CHECK(H % oh == 0 && W % ow == 0, "adaptive_avg_pool2d: an output size (", oh, ", ", ow,
           ") that does not divide the input size (", H, ", ", W, ") is not supported by tensorlens");
  return avg_pool2d(x, {H / oh, W / ow}, {H / oh, W / ow}, {0, 0}, false, true, std::nullopt);
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
void register_conv_ops(std::vector<OpDef>& t) {
  t.push_back({"conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[] stride=1, Any padding=0, int[] dilation=1, "
               "int groups=1) -> Tensor",
               kTorch | kF,
               [](const Args& a) {
                 // padding: an int, a pair, 'valid' (no padding) or 'same' (stride 1; the output keeps H, W).
                 IntList pad;
                 const Value& p = a.v[4];
                 if (p.kind == Value::Kind::Str) {
                   TL_CHECK(p.s == "valid" || p.s == "same", "Invalid padding string '", p.s, "', should be one of {'valid', 'same'}");
                   auto [dh, dw] = pair2("conv2d", "dilation", a.ints(5));
                   const Tensor& w = a.t(1);
                   if (p.s == "same") {
                     for (int64_t s : a.ints(3)) TL_CHECK(s == 1, "padding='same' is not supported for strided convolutions");
                     const int64_t th = dh * (w.dim() == 4 ? w.shape()[2] - 1 : 0), tw = dw * (w.dim() == 4 ? w.shape()[3] - 1 : 0);
                     TL_CHECK(th % 2 == 0 && tw % 2 == 0,
                              "conv2d(padding='same') with an even kernel (asymmetric padding) is not supported by tensorlens");
                     pad = {th / 2, tw / 2};
                   } else {
                     pad = {0, 0};
                   }
                 } else {
                   TL_CHECK(p.kind == Value::Kind::Int || p.is_seq(), "conv2d(): argument 'padding' must be tuple of ints or str, not ",
                            p.type_name());
                   pad = a.ints(4);
                 }
                 return Value::tensor(conv2d(a.t(0), a.t(1), a.opt_t(2), a.ints(3), pad, a.ints(5), a.i(6)));
               },
               conv2d_bw, "grad_x = fold(W^T @ g); grad_W = sum_n g @ unfold(x)^T; grad_b = sum(g, (0, 2, 3))"});
  t.push_back({"unfold(Tensor input, int[] kernel_size, int[] dilation=1, int[] padding=0, int[] stride=1) -> Tensor", kF,
               [](const Args& a) {
                 check_pair_args(a, {"kernel_size", "dilation", "padding", "stride"});
                 return Value::tensor(unfold(a.t(0), a.ints(1), a.ints(2), a.ints(3), a.ints(4)));
               },
               unfold_bw, "linear: grad = fold(g) (col2im)"});
  t.push_back({"fold(Tensor input, int[] output_size, int[] kernel_size, int[] dilation=1, int[] padding=0, int[] stride=1) -> Tensor",
               kF,
               [](const Args& a) {
                 check_pair_args(a, {"output_size", "kernel_size", "dilation", "padding", "stride"});
                 return Value::tensor(fold(a.t(0), a.ints(1), a.ints(2), a.ints(3), a.ints(4), a.ints(5)));
               },
               fold_bw, "linear: grad = unfold(g) (im2col)"});
  // torch.max_pool2d has no return_indices (F.max_pool2d has): its own row.
  t.push_back({"max_pool2d.torch(Tensor input, int[] kernel_size, int[]? stride=None, int[] padding=0, int[] dilation=1, "
               "bool ceil_mode=False) -> Tensor",
               kTorch,
               [](const Args& a) {
                 return Value::tensor(max_pool2d_with_indices(a.t(0), a.ints(1), a.ints(2), a.ints(3), a.ints(4), a.b(5)).first);
               },
               nullptr, "composite: the max_pool2d row's node"});
  t.push_back({"max_pool2d(Tensor input, int[] kernel_size, int[]? stride=None, int[] padding=0, int[] dilation=1, "
               "bool ceil_mode=False, bool return_indices=False) -> Tensor",
               kF,
               [](const Args& a) {
                 auto [y, idx] = max_pool2d_with_indices(a.t(0), a.ints(1), a.ints(2), a.ints(3), a.ints(4), a.b(5));
                 if (a.b(6)) return Value::tuple({Value::tensor(y), Value::tensor(idx)});
                 return Value::tensor(y);
               },
               max_pool2d_bw, "grad scattered to each window's argmax"});
  t.push_back({"avg_pool2d(Tensor input, int[] kernel_size, int[]? stride=None, int[] padding=0, bool ceil_mode=False, "
               "bool count_include_pad=True, int? divisor_override=None) -> Tensor",
               kF,
               [](const Args& a) {
                 return Value::tensor(avg_pool2d(a.t(0), a.ints(1), a.ints(2), a.ints(3), a.b(4), a.b(5), a.opt_i(6)));
               },
               avg_pool2d_bw, "grad = avg_pool2d_backward(g): each window's g / divisor spread over its taps (fold)"});
  t.push_back({"avg_pool2d_backward(Tensor grad_output, Tensor self) -> Node", 0,
               [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, avg_pool2d_backward_bw,
               "grad_grad_output = avg_pool2d(grad); grad_self = 0"});
  t.push_back({"adaptive_avg_pool2d(Tensor input, Any output_size) -> Tensor", kF,
               [](const Args& a) {
                 // output_size: an int, or a pair whose entries may be None (keep that dim).
                 const Value& v = a.v[1];
                 IntList os;
                 if (v.is_seq()) {
                   for (const Value& e : *v.items) {
                     TL_CHECK(e.is_none() || e.kind == Value::Kind::Int, "adaptive_avg_pool2d(): output_size must be ints or None");
                     os.push_back(e.is_none() ? -1 : e.i);
                   }
                 } else {
                   TL_CHECK(v.kind == Value::Kind::Int, "adaptive_avg_pool2d(): argument 'output_size' must be tuple of ints, not ",
                            v.type_name());
                   os.push_back(v.i);
                 }
                 return Value::tensor(adaptive_avg_pool2d(a.t(0), os));
               },
               nullptr, "composite: avg_pool2d with kernel = stride = input / output, or a mean"});
}
}  // namespace tl
