// The public functional API of the engine (PyTorch names). Each op's forward and backward live
// side by side in engine/ops/<family>.cpp, and each is a row of the op table (op_table.h), which
// is what the script language, the JS API, graph labels and the tests enumerate.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/random.h"
#include "engine/core/tensor.h"

namespace tl {

using IntList = std::vector<int64_t>;

// ---- creation ----
Tensor zeros(const Shape& s, DType t = DType::Float32);
// PyTorch's at::_efficientzerotensor (TensorImpl::is_zero). check_not_efficient_zero: the error of
// an in-place write into one.
Tensor efficient_zeros(const Shape& s, DType t);
void check_not_efficient_zero(const Tensor& t);
// t, or plain zeros for an efficient zero: what PyTorch's ZeroTensor fallback hands an op without a
// ZeroTensor kernel (gelu_backward, _softmax_backward_data, ...), so 0 * -x is -0.0 and 0 * NaN NaN there.
Tensor materialize_zero(const Tensor& t);
Tensor ones(const Shape& s, DType t = DType::Float32);
Tensor full(const Shape& s, double v, DType t = DType::Float32);
Tensor eye(int64_t n, std::optional<int64_t> m = std::nullopt, DType t = DType::Float32);
Tensor arange(double start, double end, double step = 1, std::optional<DType> t = std::nullopt);
Tensor linspace(double start, double end, int64_t steps, DType t = DType::Float32);
Tensor zeros_like(const Tensor& x);
// An elementwise result `out` of the inputs `ins` (row-major): notes the strides PyTorch's
// TensorIterator would give it (TensorImpl::ti_strides), applied when an op row returns it.
Tensor ti_layout_hint(Tensor out, std::initializer_list<const Tensor*> ins);
Tensor ti_layout_hint(Tensor out, const Tensor* const* ins, size_t n);
Tensor ones_like(const Tensor& x);
Tensor full_like(const Tensor& x, double v);
// ---- random (PyTorch's CPU generator, bit for bit: engine/core/random.h) ----
// torch.manual_seed: reseeds default_generator() and clears its cached normal sample.
void manual_seed(uint64_t seed);
Tensor rand(const Shape& s, DType t = DType::Float32);    // floating dtypes only
Tensor randn(const Shape& s, DType t = DType::Float32);   // floating dtypes only
// torch.randint(low, high, size): values in [low, high); any dtype (int64 by default).
Tensor randint(int64_t low, int64_t high, const Shape& s, DType t = DType::Int64);
// Tensor.random_(from, to): values in [from, to), without `to` in [from, the dtype's limit];
// PyTorch's bounds checks for the dtype.
Tensor random_from_to(int64_t from, std::optional<int64_t> to, const Shape& s, DType t);
// For an in-place random fill of self (random_): draw(shape) made with self's dimensions in memory
// order, permuted back to self's shape, so its numbers land where PyTorch's TensorIterator puts them.
Tensor drawn_in_memory_order(const Tensor& self, const std::function<Tensor(const Shape&)>& draw);
Tensor randperm(int64_t n, DType t = DType::Int64);
// torch.bernoulli(probs): 0/1 of probs' (floating) dtype, drawn with a uniform of that dtype.
Tensor bernoulli(const Tensor& probs);
// torch.bernoulli(input, p): 0/1 of input's shape and dtype, each 1 with probability p.
Tensor bernoulli(const Tensor& input, double p);
// In-place fills (Tensor.uniform_ / normal_ / bernoulli_). Values are drawn in the target's memory
// order, as PyTorch's TensorIterator does. Each bumps the version counter; with grad mode on, a
// tensor that requires grad is refused (a leaf with PyTorch's message), so initialise parameters
// under NoGradGuard, as torch.nn.init does.
Tensor& uniform_(Tensor& self, double from = 0, double to = 1);
Tensor& normal_(Tensor& self, double mean = 0, double std = 1);
Tensor& bernoulli_(Tensor& self, double p = 0.5);          // dropout: mask.bernoulli_(1 - p)
Tensor& bernoulli_(Tensor& self, const Tensor& p);         // p broadcast to self's shape
// torch.nn.init: fan_in/fan_out of a weight (dim >= 2) and the initialisers nn modules use. All
// of them draw under NoGradGuard, so they work on parameters that require grad.
std::pair<int64_t, int64_t> calculate_fan_in_and_fan_out(const Tensor& w);
// nn.init.kaiming_uniform_(w, a, mode='fan_in', nonlinearity='leaky_relu'). nn.Linear uses
// a = sqrt(5), which makes the bound 1/sqrt(fan_in) (up to Python's rounding, reproduced here).
Tensor& kaiming_uniform_(Tensor& w, double a = 0);
// nn.Linear.reset_parameters: kaiming_uniform_(weight, sqrt(5)), then bias (if defined) uniform
// in +-1/sqrt(fan_in). nn.Embedding's init is normal_(weight).
void linear_reset_parameters(Tensor& weight, Tensor& bias);
// A Python number combined with tensor `like`: keeps like's dtype when it is floating, as
// PyTorch's wrapped numbers do.
Tensor wrap_scalar(double v, const Tensor& like, bool is_int = false);
Tensor alias(const Tensor& x);  // a view of all of x (PyTorch's x[...]: AliasBackward0)
// PyTorch's result_type over tensors: the dimensioned ones promote together; a 0-d one decides
// only when of a higher category (bool < int < float).
DType result_type_of(std::initializer_list<const Tensor*> ts);

// ---- elementwise ----
Tensor add(const Tensor& a, const Tensor& b);
// torch.set_printoptions' PRINT_OPTS (torch/_tensor_str.py): reset at each run's start.
struct PrintOptions {
  int precision = 4;
  double threshold = 1000;
  int edgeitems = 3;
  int linewidth = 80;
  int sci_mode = -1;  // -1: None (chosen per tensor), 0 / 1: False / True
};
PrintOptions& print_options();
// PyTorch's sub_check: refuses a bool operand (the message tells one from two); the message or nullptr
const char* sub_check_message(bool a_bool, bool b_bool);
void sub_check(bool a_bool, bool b_bool);
// clamp's input converted to the result type of its bounds (float bounds: default float; int bounds
// on bool: int64).
Tensor clamp_input(const Tensor& x, bool float_bound, bool any_bound);
// a + alpha * b (a - alpha * b when is_sub), one fused multiply-add per element as PyTorch;
// int_alpha: alpha was a Python int (sub negates it as an int: 0 stays +0, not -0.0).
Tensor add_alpha(const Tensor& a, const Tensor& b, double alpha, bool is_sub, bool int_alpha = false);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
// t * v for a number v in a backward formula, as PyTorch's `t * double` there: mul.Scalar
// (MulBackward1), which keeps the number, not a saved tensor, so a later backward through it works
// after its graph was freed (grad(grad(log10(x)), retain_graph=False), then a third order).
Tensor mul_number(const Tensor& t, double v, bool integral = false);  // integral: the number is a Python/C++ int
Tensor div(const Tensor& a, const Tensor& b);
// tensor + - * / tensor-or-number: the script's operators and the npm module's arithmetic methods
// come here directly, past the op table (the bulk of small-graph code). A number becomes a wrapped
// scalar (wrap_scalar) whose 0-d tensor is reused while the same few numbers recur.
enum class Arith { Add, Sub, Mul, Div };
Tensor arith(Arith op, const Tensor& a, const Tensor& b);
Tensor arith(Arith op, const Tensor& a, double b, bool b_is_int);
// arith(op, tensor, number) shares its 0-d operands through a small per-thread cache (at most 4
// tensors); this frees them (leak accounting: counting live tensors after a workload).
void clear_arith_scalar_cache();
Tensor neg(const Tensor& x);
Tensor pow(const Tensor& x, const Tensor& e);
Tensor pow(const Tensor& x, double e);
Tensor pow(double base, const Tensor& e);
Tensor exp(const Tensor& x);
Tensor log(const Tensor& x);
Tensor sqrt(const Tensor& x);
Tensor abs(const Tensor& x);
Tensor sin(const Tensor& x);
Tensor cos(const Tensor& x);
Tensor tanh(const Tensor& x);
Tensor sigmoid(const Tensor& x);
Tensor relu(const Tensor& x);
Tensor leaky_relu(const Tensor& x, double slope = 0.01);
Tensor gelu(const Tensor& x);
Tensor erf(const Tensor& x);
Tensor softplus(const Tensor& x, double beta = 1, double threshold = 20);
// nan_bound: clamp_min / clamp_max, where a NaN bound gives NaN everywhere in PyTorch 1.13 (its
// vectorized max/min take the bound's NaN; clamp(min=nan) alone keeps x). The gradient stays 0.
Tensor clamp(const Tensor& x, std::optional<double> lo, std::optional<double> hi, bool nan_bound = false);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);
Tensor sign(const Tensor& x);  // no grad
Tensor sgn(const Tensor& x);   // sign, as PyTorch's sgn: SgnBackward0 gives an efficient zero gradient
Tensor eq(const Tensor& a, const Tensor& b);
Tensor ne(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
Tensor logical_not(const Tensor& x);
Tensor bitwise_and(const Tensor& a, const Tensor& b);
Tensor bitwise_or(const Tensor& a, const Tensor& b);
Tensor bitwise_xor(const Tensor& a, const Tensor& b);
Tensor bitwise_left_shift(const Tensor& a, const Tensor& b);
Tensor bitwise_right_shift(const Tensor& a, const Tensor& b);
Tensor bitwise_not(const Tensor& x);
Tensor to_dtype(const Tensor& x, DType t);

// ---- reductions (dims empty = all) ----
Tensor sum(const Tensor& x, const IntList& dims = {}, bool keepdim = false);
Tensor mean(const Tensor& x, const IntList& dims = {}, bool keepdim = false);
// var / std: dim_none says that empty dims mean dim=None, not dim=[] (both reduce every dim, but
// PyTorch 1.13's backward counts N = 1 for dim=[]).
Tensor var(const Tensor& x, const IntList& dims = {}, double correction = 1, bool keepdim = false, bool dim_none = true);
Tensor stddev(const Tensor& x, const IntList& dims = {}, double correction = 1, bool keepdim = false,
              bool dim_none = true);  // torch.std
// dtype (floating, of a floating x): the product computed in it, PyTorch's node on x itself (its
// backward converts x: prod_backward(grad, self.to(grad.scalar_type()), ...)).
Tensor prod(const Tensor& x, std::optional<int64_t> dim = std::nullopt, bool keepdim = false,
            std::optional<DType> dtype = std::nullopt);
Tensor max(const Tensor& x);
Tensor min(const Tensor& x);
std::pair<Tensor, Tensor> max(const Tensor& x, int64_t dim, bool keepdim = false);  // values, indices
std::pair<Tensor, Tensor> min(const Tensor& x, int64_t dim, bool keepdim = false);
Tensor amax(const Tensor& x, const IntList& dims = {}, bool keepdim = false);
Tensor amin(const Tensor& x, const IntList& dims = {}, bool keepdim = false);
Tensor argmax(const Tensor& x, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
Tensor argmin(const Tensor& x, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
Tensor logsumexp(const Tensor& x, const IntList& dims, bool keepdim = false);
// Sums a gradient of a broadcast shape back to `shape` (the engine's one reduction point).
Tensor sum_to(const Tensor& g, const Shape& shape);

// ---- linear algebra ----
Tensor mm(const Tensor& a, const Tensor& b);
Tensor mv(const Tensor& m, const Tensor& v);
Tensor outer(const Tensor& a, const Tensor& b);
Tensor bmm(const Tensor& a, const Tensor& b);
Tensor matmul(const Tensor& a, const Tensor& b);
// torch.addmm: beta * input + alpha * (mat1 @ mat2)
Tensor addmm(const Tensor& input, const Tensor& mat1, const Tensor& mat2, double beta = 1, double alpha = 1);
Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b = Tensor());
Tensor t(const Tensor& x);

// ---- shape and indexing (views where PyTorch's are views) ----
Tensor view(const Tensor& x, const IntList& shape);
Tensor reshape(const Tensor& x, const IntList& shape);
Tensor flatten(const Tensor& x, int64_t start = 0, int64_t end = -1);
Tensor squeeze(const Tensor& x, std::optional<int64_t> dim = std::nullopt);
Tensor unsqueeze(const Tensor& x, int64_t dim);
Tensor transpose(const Tensor& x, int64_t d0, int64_t d1);
Tensor permute(const Tensor& x, const IntList& perm);
Tensor expand(const Tensor& x, const IntList& shape);
Tensor contiguous(const Tensor& x);
Tensor clone(const Tensor& x);
Tensor cat(const std::vector<Tensor>& xs, int64_t dim = 0);
Tensor stack(const std::vector<Tensor>& xs, int64_t dim = 0);
Tensor select(const Tensor& x, int64_t dim, int64_t index);
Tensor diagonal(const Tensor& x, int64_t offset = 0, int64_t dim1 = 0, int64_t dim2 = 1);  // a view
Tensor slice(const Tensor& x, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end,
             int64_t step = 1);
Tensor index_select(const Tensor& x, int64_t dim, const Tensor& index);
Tensor gather(const Tensor& x, int64_t dim, const Tensor& index);
// Gradient helpers (differentiable, so higher-order gradients work).
Tensor slice_backward(const Tensor& g, const Shape& in_shape, int64_t dim, int64_t start, int64_t step);
Tensor index_add(const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src);
Tensor scatter_add(const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src);
// base with src (or, is_value, the 0-d src broadcast) written at index along dim.
Tensor scatter(const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src, bool is_value);

// ---- nn functional ----
Tensor softmax(const Tensor& x, int64_t dim);
Tensor log_softmax(const Tensor& x, int64_t dim);
Tensor mse_loss(const Tensor& input, const Tensor& target);
Tensor nll_loss(const Tensor& logp, const Tensor& target, int64_t ignore_index = -100);
Tensor cross_entropy(const Tensor& logits, const Tensor& target, int64_t ignore_index = -100,
                     const std::string& reduction = "mean");
// nll_loss with reduction "mean" | "sum" | "none"
Tensor nll_loss_reduced(const Tensor& x, const Tensor& target, int64_t ignore_index, const std::string& reduction);
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target);
// F.dropout (PyTorch 1.13 CPU): training and 0 < p: x * (mask / (1 - p)) with
// mask = empty_like(x).bernoulli_(1 - p) (one draw of the default generator per element);
// p == 1: x * 0; not training, p == 0 or an empty x: x itself.
Tensor dropout(const Tensor& x, double p = 0.5, bool training = true);
// F.dropout(inplace=True) / torch.dropout_: the same mask, applied as x.mul_(mask) (x itself is
// returned unchanged when not training, p == 0 or x is empty; p == 1: x.mul_(zeros(())).
Tensor dropout_(Tensor& x, double p = 0.5, bool training = true);
// F.layer_norm over the last normalized_shape.size() dims: (x - mean) / sqrt(var_biased + eps),
// then * weight + bias when given (both of normalized_shape).
Tensor layer_norm(const Tensor& x, const IntList& normalized_shape, const Tensor& weight = Tensor(),
                  const Tensor& bias = Tensor(), double eps = 1e-5);
// Losses with PyTorch's reduction ('mean' | 'sum' | 'none').
Tensor l1_loss(const Tensor& x, const Tensor& y, const std::string& reduction = "mean");
Tensor smooth_l1_loss(const Tensor& x, const Tensor& y, double beta = 1.0, const std::string& reduction = "mean");
Tensor binary_cross_entropy(const Tensor& x, const Tensor& y, const std::string& reduction = "mean");
// ---- convolution and pooling over (N, C, H, W) or unbatched (C, H, W) images (engine/ops/conv.cpp) ----
// Sizes are an int (both dims) or a pair, as in PyTorch. F.unfold: (N, C*kh*kw, L) sliding blocks
// (im2col); F.fold: their sum back into (N, C, H, W) (col2im, unfold's adjoint).
Tensor unfold(const Tensor& x, const IntList& kernel_size, const IntList& dilation = {1}, const IntList& padding = {0},
              const IntList& stride = {1});
Tensor fold(const Tensor& cols, const IntList& output_size, const IntList& kernel_size, const IntList& dilation = {1},
            const IntList& padding = {0}, const IntList& stride = {1});
// F.conv2d: x (N, C, H, W), w (O, C/groups, kh, kw), b (O) or undefined -> (N, O, oh, ow).
Tensor conv2d(const Tensor& x, const Tensor& w, const Tensor& b = Tensor(), const IntList& stride = {1},
              const IntList& padding = {0}, const IntList& dilation = {1}, int64_t groups = 1);
// F.max_pool2d: (values, argmax indices into each H*W plane); stride empty = kernel_size.
std::pair<Tensor, Tensor> max_pool2d_with_indices(const Tensor& x, const IntList& kernel_size, const IntList& stride = {},
                                                  const IntList& padding = {0}, const IntList& dilation = {1},
                                                  bool ceil_mode = false);
Tensor avg_pool2d(const Tensor& x, const IntList& kernel_size, const IntList& stride = {}, const IntList& padding = {0},
                  bool ceil_mode = false, bool count_include_pad = true,
                  std::optional<int64_t> divisor_override = std::nullopt);
Tensor adaptive_avg_pool2d(const Tensor& x, const IntList& output_size);

// ---- in-place (bump the version; a leaf requiring grad is refused unless under no_grad) ----
Tensor& add_(Tensor& self, const Tensor& o);
Tensor& sub_(Tensor& self, const Tensor& o);
Tensor& add_alpha_(Tensor& self, const Tensor& o, double alpha, bool is_sub, bool int_alpha = false);  // float alpha != 1
Tensor& mul_(Tensor& self, const Tensor& o);
Tensor& div_(Tensor& self, const Tensor& o);
// div(a, b, rounding_mode=): mode 0 None, 1 'trunc', 2 'floor' (rounding_mode_of checks the string)
int rounding_mode_of(const std::optional<std::string>& mode);
Tensor div_mode(const Tensor& a, const Tensor& b, int mode);
Tensor& div_mode_(Tensor& self, const Tensor& o, int mode);
Tensor& zero_(Tensor& self);
Tensor& fill_(Tensor& self, double v);
Tensor& fill_(Tensor& self, const Tensor& value);  // a 0-d value of self's dtype
// fill: setitem's fill_ of a 0-d value into another shape (PyTorch's copy_to), which skips the
// internal-overlap check.
Tensor& copy_(Tensor& self, const Tensor& src, bool fill = false);
// PyTorch's get_overlap_status of two tensors (engine/ops/inplace.cpp).
enum class Overlap { None, Partial, Full, TooHard };
Overlap overlap_status(const Tensor& a, const Tensor& b);
// copy_'s memory checks (self expanded unless fill, a partial overlap with src); false when src is
// self itself (nothing to copy, nothing checked).
bool check_copy_overlap(const Tensor& self, const Tensor& src, bool fill = false);
// PyTorch's internal-overlap check of a write into self (an expanded tensor): "unsupported
// operation: more than one element of the written-to tensor refers to a single memory location".
void check_no_overlap(const Tensor& self);
// self <- f() where f computes the out-of-place result from self (x.exp_(), x.clamp_(...)): the
// same checks, saved-self handling and history rebasing as add_.
// self <- self (op) o in self's memory when no conversion and no recording is needed (op: + - * /);
// false when the general in-place path must run. Used by add_/sub_/mul_/div_.
bool arith_into_self(char op, Tensor& self, const Tensor& o);
// Floating fmod / remainder / floor_divide: their vector code (PyTorch 1.13's SLEEF fmod) starts
// from the quotient a / b; where that overflows to +-inf (a huge a, a tiny nonzero b) the lanes
// PyTorch computes with vectors give NaN, its scalar code the exact result. Sets those elements.
void simd_fmod_nan(Tensor& out, const Tensor& a, const Tensor& b);
// overwrite: the row of the node self gets when f's result needs no grad (random_: RandomBackward0).
// A kernel that raised part-way, as PyTorch's scatter_ at an index out of bounds after writing the
// elements before it: the error with the out-of-place result as far as it got. inplace_apply
// writes that into self (unversioned, unrecorded) before passing the error on.
struct PartialWriteError : Error {
  Tensor partial;
  PartialWriteError(const std::string& msg, Tensor p) : Error(msg), partial(std::move(p)) {}
};
// The row-major positions of shape s's elements in the order PyTorch 1.13's serial TensorIterator
// loop visits them, for operands (the output first) with these element strides (0: broadcast).
std::vector<int64_t> iteration_order(const Shape& s, const std::vector<Dims>& strides);
// Integer floor_divide / remainder / fmod of a by b (result shape s, dtype rt): PyTorch's kernel
// raises "ZeroDivisionError" at the first zero divisor in the result's row-major order, having
// written the elements before it (into x itself for x.floor_divide_(y)). Returns when b has no
// zero or the result is empty; else throws, a PartialWriteError carrying that partial result (a's
// values from the zero on; with_divisor computes the op for a divisor without zeros) when a can be
// the destination (shape s, dtype rt).
void check_int_divisor(const Tensor& a, const Tensor& b, const Shape& s, DType rt,
                       const std::function<Tensor(const Tensor&)>& with_divisor);
struct OpDef;
// An elementwise in-place op in per-element form: f(element views of operands) gives the result
// at one position; operands[0] is self, the others its tensor inputs (each broadcastable to self).
// inplace_apply uses it where PyTorch's TensorIterator, writing element after element, lets later
// elements see earlier writes: self overlapping itself (an unfold with overlapping windows), an
// input that is another view of self's memory (x *= x[:, 1]).
struct Elementwise {
  std::vector<Tensor> operands;
  std::function<Tensor(const std::vector<Tensor>&)> f;
};
Tensor& inplace_apply(const char* op, Tensor& self, const std::function<Tensor()>& f, const OpDef* overwrite = nullptr,
                      const Elementwise* ew = nullptr);

}  // namespace tl
