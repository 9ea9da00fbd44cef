// Gradcheck driven by the op table: every differentiable row must have cases here (the suite
// fails otherwise). Each case is checked in float64 with central differences at PyTorch's
// tolerances (eps 1e-6, atol 1e-5, rtol 1e-3) over the full Jacobian, then second-order
// (gradgradcheck) unless the row says the op is not twice differentiable.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "engine/tensorlens.h"

using namespace tl;

namespace {

// An argument spec: a tensor (shape + value range), or a literal Value.
struct Arg {
  enum Kind { Tens, Lit, Index, List } kind = Lit;
  Shape shape;
  double lo = -1, hi = 1;
  Value lit;
  std::vector<int64_t> idx;  // Index: int64 values
  std::vector<Arg> items;    // List: tensors
};
Arg T(std::initializer_list<int64_t> s, double lo = -1, double hi = 1) {
  Arg a;
  a.kind = Arg::Tens, a.shape = Shape(std::vector<int64_t>(s)), a.lo = lo, a.hi = hi;
  return a;
}
Arg I(int64_t v) { Arg a; a.lit = Value::integer(v); return a; }
Arg F(double v) { Arg a; a.lit = Value::number(v); return a; }
Arg B(bool v) { Arg a; a.lit = Value::boolean(v); return a; }
Arg N() { return Arg(); }
Arg D(DType d) { Arg a; a.lit = Value::dtype(d); return a; }
Arg L(std::initializer_list<int64_t> v) {
  std::vector<Value> xs;
  for (int64_t x : v) xs.push_back(Value::integer(x));
  Arg a;
  a.lit = Value::tuple(xs);
  return a;
}
Arg IDX(std::initializer_list<int64_t> v, std::initializer_list<int64_t> shape) {
  Arg a;
  a.kind = Arg::Index, a.idx = v, a.shape = Shape(std::vector<int64_t>(shape));
  return a;
}
Arg MASK(std::initializer_list<int64_t> v, std::initializer_list<int64_t> shape) {
  Arg a = IDX(v, shape);
  a.lo = 99;  // marks a bool mask
  return a;
}
Arg S(const char* v) { Arg a; a.lit = Value::str(v); return a; }
Arg TL_(std::initializer_list<Arg> xs) { Arg a; a.kind = Arg::List, a.items = xs; return a; }

struct Case {
  std::vector<Arg> args;
};
struct Row {
  std::vector<Case> cases;
  bool twice = true;  // run gradgradcheck
};

// One entry per differentiable op-table row (key = schema name before '(').
const std::map<std::string, Row>& cases() {
  static const std::map<std::string, Row> m = {
      {"add.Tensor", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({2, 1}), T({1, 3}), N(), }}, {{T({2, 3}), F(2.5)}}, {{T({2, 3}), T({3}), F(-0.7)}}}}},
      {"sub.Tensor", {{{{T({2, 3}), T({2, 3})}}, {{T({4, 1, 3}), T({2, 1})}}, {{T({3}), T({2, 3})}}, {{T({2, 1}), T({3}), F(1.5)}}}}},
      {"remainder.Tensor", {{{{T({2, 3}), T({2, 3}, 1, 2)}}, {{T({2, 3}), F(0.75)}}, {{T({3}), T({2, 1}, -2, -1)}}}}},
      {"mul.Tensor", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({2, 1, 2}), T({3, 1})}}, {{T({3}), F(-1.5)}}}}},
      {"div.Tensor", {{{{T({2, 3}), T({2, 3}, 0.5, 2)}}, {{T({2, 3}), T({1, 3}, 0.5, 2)}}, {{T({4}), T({2, 1}, -2, -0.5)}}}}},
      {"div.Tensor_mode", {{{{T({2, 3}), T({2, 3}, 0.5, 2), S("trunc")}}, {{T({2, 3}), T({1, 3}, 2, 3), S("trunc")}}, {{T({4}, 0.1, 0.4), T({2, 1}, 1, 2), S("floor")}}}}},
      {"neg", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"pow.Scalar", {{{{T({2, 3}, 0.5, 2), F(2.5)}}, {{T({4}), I(3)}}, {{T({2, 2}, 0.5, 2), F(-1.5)}}}}},
      {"pow.Tensor", {{{{T({2, 3}, 0.5, 2), T({2, 3})}}, {{T({2, 3}, 0.5, 2), T({3})}}, {{T({3, 1}, 0.5, 2), T({1, 2})}}}}},
      {"pow.Base", {{{{F(2.0), T({2, 3})}}, {{F(0.5), T({4})}}, {{F(3.0), T({2, 1, 2})}}}}},
      {"exp", {{{{T({2, 3})}}, {{T({5})}}, {{T({})}}}}},
      {"log", {{{{T({2, 3}, 0.5, 2)}}, {{T({5}, 0.1, 3)}}, {{T({}, 1, 2)}}}}},
      {"sqrt", {{{{T({2, 3}, 0.5, 2)}}, {{T({5}, 0.1, 3)}}, {{T({}, 1, 2)}}}}},
      {"abs", {{{{T({2, 3})}}, {{T({5})}}, {{T({})}}}}},
      {"sin", {{{{T({2, 3})}}, {{T({5}, -3, 3)}}, {{T({})}}}}},
      {"cos", {{{{T({2, 3})}}, {{T({5}, -3, 3)}}, {{T({})}}}}},
      {"tanh", {{{{T({2, 3})}}, {{T({5}, -3, 3)}}, {{T({})}}}}},
      {"sigmoid", {{{{T({2, 3})}}, {{T({5}, -4, 4)}}, {{T({})}}}}},
      {"relu", {{{{T({2, 3})}}, {{T({5})}}, {{T({})}}}}},
      {"leaky_relu", {{{{T({2, 3})}}, {{T({5}), F(0.2)}}, {{T({})}}}}},
      {"gelu", {{{{T({2, 3})}}, {{T({5}, -3, 3)}}, {{T({})}}}}},
      {"sign", {{{{T({2, 3})}}, {{T({5})}}, {{T({})}}}}},
      {"erf", {{{{T({2, 3})}}, {{T({5}, -2, 2)}}, {{T({})}}}}},
      {"erfc", {{{{T({2, 3})}}, {{T({5}, -2, 2)}}, {{T({})}}}}},
      {"softplus", {{{{T({2, 3})}}, {{T({5}, -3, 3), F(2.0)}}, {{T({4}, -30, 30), F(1.0), F(20.0)}}}}},
      {"elu", {{{{T({2, 3}, -2, 2)}}, {{T({5}, -3, -0.1), F(0.5)}}, {{T({})}}}}},
      {"selu", {{{{T({2, 3}, -2, 2)}}, {{T({5}, -3, -0.1)}}, {{T({})}}}}},
      {"celu", {{{{T({2, 3}, -2, 2)}}, {{T({5}, -3, -0.1), F(2.0)}}, {{T({}), F(0.5)}}}}},
      {"logsigmoid", {{{{T({2, 3}, -3, 3)}}, {{T({5}, -30, 30)}}, {{T({})}}}}},
      {"hardswish", {{{{T({2, 3}, -2.9, 2.9)}}, {{T({5}, 3.1, 5)}}, {{T({4}, -5, -3.1)}}}}},
      {"silu", {{{{T({2, 3}, -3, 3)}}, {{T({5}, -10, 10)}}, {{T({})}}}}},
      {"mish", {{{{T({2, 3}, -3, 3)}}, {{T({5}, -10, 10)}}, {{T({})}}}}},
      {"clamp", {{{{T({2, 3}), F(-0.5), F(0.5)}}, {{T({5}), F(-0.3)}}, {{T({4}), N(), F(0.1)}}}}},
      {"maximum", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({2, 1}), T({1, 2})}}}}},
      {"minimum", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({2, 1}), T({1, 2})}}}}},
      {"where", {{{{MASK({1, 0, 1, 0, 0, 1}, {2, 3}), T({2, 3}), T({2, 3})}},
                  {{MASK({1, 0, 1}, {3}), T({2, 3}), T({3})}},
                  {{MASK({1, 0}, {2, 1}), T({2, 3}), F(0.5)}}}}},
      {"to", {{{{T({2, 3}), D(DType::Float64)}}, {{T({4}), D(DType::Float64)}}, {{T({}), D(DType::Float64)}},
               {{T({2, 2}), D(DType::Float32)}}}}},  // a conversion (the others return the input)
      {"float", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}, false}},
      {"double", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"sum", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"sum.dim", {{{{T({2, 3}), I(1)}}, {{T({2, 3, 4}), L({0, 2}), B(true)}}, {{T({2, 3}), I(-1), B(true)}}}}},
      {"mean", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"mean.dim", {{{{T({2, 3}), I(0)}}, {{T({2, 3, 4}), L({1, 2}), B(true)}}, {{T({2, 3}), I(-1)}}}}},
      {"var", {{{{T({2, 3})}}, {{T({4}), B(false)}}, {{T({3, 2})}}}}},
      {"var.dim", {{{{T({2, 3}), L({1})}}, {{T({2, 3, 4}), L({0, 2}), B(false), B(true)}}, {{T({3, 2}), L({0})}}}}},
      {"var.correction", {{{{T({2, 3}), L({1})}}, {{T({2, 3, 4}), L({0, 2})}}, {{T({3, 2}), L({0, 1})}}}}},
      {"std", {{{{T({2, 3})}}, {{T({4}), B(false)}}, {{T({3, 2})}}}}},
      {"std.dim", {{{{T({2, 3}), L({1})}}, {{T({2, 3, 4}), L({0, 2}), B(false), B(true)}}, {{T({3, 2}), L({0})}}}}},
      {"std.correction", {{{{T({2, 3}), L({1})}}, {{T({2, 3, 4}), L({0, 2})}}, {{T({3, 2}), L({0, 1})}}}}},
      {"prod", {{{{T({2, 3}, 0.5, 1.5)}}, {{T({4}, -2, -0.5)}}, {{T({})}}}}},
      {"prod.dim", {{{{T({2, 3}, 0.5, 1.5), I(1)}}, {{T({2, 3, 2}, 0.5, 1.5), I(0), B(true)}}, {{T({3}), I(-1)}}}}},
      {"max", {{{{T({2, 3})}}, {{T({5})}}, {{T({})}}}}},
      {"min", {{{{T({2, 3})}}, {{T({5})}}, {{T({})}}}}},
      {"max.dim", {{{{T({2, 3}), I(1)}}, {{T({2, 3, 2}), I(0), B(true)}}, {{T({4}), I(-1)}}}}},
      {"min.dim", {{{{T({2, 3}), I(1)}}, {{T({2, 3, 2}), I(0), B(true)}}, {{T({4}), I(-1)}}}}},
      {"max.other", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({4}), T({4})}}}}},
      {"min.other", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({4}), T({4})}}}}},
      {"amax", {{{{T({2, 3})}}, {{T({2, 3, 2}), L({0, 2}), B(true)}}, {{T({4}), L({0})}}}}},
      {"amin", {{{{T({2, 3})}}, {{T({2, 3, 2}), L({0, 2}), B(true)}}, {{T({4}), L({0})}}}}},
      {"logsumexp", {{{{T({2, 3}), L({1})}}, {{T({2, 3, 2}), L({0, 2}), B(true)}}, {{T({4}, -5, 5), L({0})}}}}},
      {"mm", {{{{T({2, 3}), T({3, 4})}}, {{T({1, 3}), T({3, 1})}}, {{T({3, 2}), T({2, 2})}}}}},
      {"bmm", {{{{T({2, 2, 3}), T({2, 3, 2})}}, {{T({1, 3, 1}), T({1, 1, 2})}}, {{T({3, 1, 2}), T({3, 2, 2})}}}}},
      {"matmul", {{{{T({3}), T({3})}}, {{T({2, 3}), T({3})}}, {{T({3}), T({3, 2})}}, {{T({2, 2, 3}), T({3, 2})}},
                   {{T({2, 1, 2, 3}), T({3, 3, 2})}}, {{T({3}), T({2, 3, 2})}}}}},
      {"addmm", {{{{T({3}), T({2, 4}), T({4, 3})}}, {{T({2, 3}), T({2, 2}), T({2, 3})}}, {{T({2, 1}), T({2, 3}), T({3, 1})}}}}},
      {"linear", {{{{T({2, 3}), T({4, 3}), T({4})}}, {{T({3}), T({2, 3})}}, {{T({2, 2, 3}), T({4, 3}), T({4})}}}}},
      {"t", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"alias", {{{{T({2, 3})}}, {{T({})}}, {{T({4})}}}}},
      {"view", {{{{T({2, 3}), L({3, 2})}}, {{T({2, 3}), L({-1})}}, {{T({4}), L({2, 1, 2})}}}}},
      {"reshape", {{{{T({2, 3}), L({3, 2})}}, {{T({2, 3}), L({-1})}}, {{T({4}), L({2, 1, 2})}}}}},
      {"flatten", {{{{T({2, 3})}}, {{T({2, 3, 2}), I(1)}}, {{T({2, 3, 2}), I(0), I(1)}}}}},
      {"squeeze", {{{{T({2, 1, 3})}}, {{T({1})}}, {{T({1, 2, 1})}}}}},
      {"squeeze.dim", {{{{T({2, 1, 3}), I(1)}}, {{T({1}), I(0)}}, {{T({1, 2, 1}), I(-1)}}}}},
      {"unsqueeze", {{{{T({2, 3}), I(0)}}, {{T({3}), I(-1)}}, {{T({}), I(0)}}}}},
      {"transpose", {{{{T({2, 3}), I(0), I(1)}}, {{T({2, 3, 4}), I(0), I(2)}}, {{T({2, 3}), I(-1), I(-2)}}}}},
      {"permute", {{{{T({2, 3}), L({1, 0})}}, {{T({2, 3, 4}), L({2, 0, 1})}}, {{T({4}), L({0})}}}}},
      {"expand", {{{{T({3, 1}), L({3, 4})}}, {{T({3}), L({2, 3})}}, {{T({1, 3}), L({2, -1, 3})}}}}},
      {"contiguous", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"clone", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"cat", {{{{TL_({T({2, 3}), T({1, 3})})}}, {{TL_({T({2, 3}), T({2, 1})}), I(1)}}, {{TL_({T({2}), T({3}), T({1})})}}}}},
      {"stack", {{{{TL_({T({2, 3}), T({2, 3})})}}, {{TL_({T({2}), T({2})}), I(1)}}, {{TL_({T({}), T({})})}}}}},
      {"select", {{{{T({2, 3}), I(0), I(1)}}, {{T({2, 3}), I(1), I(-1)}}, {{T({4}), I(0), I(2)}}}}},
      {"diagonal", {{{{T({3, 3}), I(0), I(0), I(1)}}, {{T({2, 3, 4}), I(1), I(2), I(0)}}, {{T({3, 4}), I(-1), I(0), I(1)}},
                    {{T({2, 2, 3}), I(5), I(0), I(1)}}}}},
      {"slice", {{{{T({4, 3}), I(0), I(1), I(3)}}, {{T({5}), I(0), N(), N(), I(2)}}, {{T({2, 6}), I(1), I(-4), I(-1)}}}}},
      {"slice_backward", {{{{T({2, 3}), L({4, 3}), I(0), I(1), I(1)}}, {{T({3}), L({5}), I(0), I(0), I(2)}},
                           {{T({2, 2}), L({2, 6}), I(1), I(1), I(3)}}}}},
      {"index_select", {{{{T({4, 3}), I(0), IDX({0, 2, 0}, {3})}}, {{T({4, 3}), I(1), IDX({2, 2}, {2})}}, {{T({4}), I(0), IDX({3}, {1})}}}}},
      {"index_add", {{{{T({4, 3}), I(0), IDX({0, 2, 0}, {3}), T({3, 3})}}, {{T({2, 3}), I(1), IDX({1, 1}, {2}), T({2, 2})}},
                      {{T({4}), I(0), IDX({3}, {1}), T({1})}}}}},
      {"gather", {{{{T({3, 4}), I(1), IDX({0, 1, 1, 3, 2, 2}, {3, 2})}}, {{T({3, 2}), I(0), IDX({0, 0, 2, 1}, {2, 2})}},
                   {{T({4}), I(0), IDX({1, 1, 3}, {3})}}}}},
      {"scatter_add", {{{{T({3, 4}), I(1), IDX({0, 1, 1, 3, 2, 2}, {3, 2}), T({3, 2})}},
                        {{T({3, 2}), I(0), IDX({0, 0, 2, 1}, {2, 2}), T({2, 2})}}, {{T({4}), I(0), IDX({1, 1, 3}, {3}), T({3})}}}}},
      {"scatter.src", {{{{T({3, 4}), I(1), IDX({0, 1, 2, 3, 2, 0}, {3, 2}), T({3, 2})}},
                        {{T({3, 2}), I(0), IDX({0, 1, 2, 0}, {2, 2}), T({2, 2})}}, {{T({4}), I(0), IDX({1, 0, 3}, {3}), T({3})}}}}},
      {"scatter.value", {{{{T({3, 4}), I(1), IDX({0, 1, 2, 3, 2, 0}, {3, 2}), F(0.5)}},
                          {{T({3, 2}), I(0), IDX({0, 1, 2, 0}, {2, 2}), F(-1)}}, {{T({4}), I(0), IDX({1, 1, 3}, {3}), F(2)}}}}},
      {"softmax", {{{{T({2, 3}), I(1)}}, {{T({2, 3, 2}), I(0)}}, {{T({4}, -5, 5), I(-1)}}}}},
      {"log_softmax", {{{{T({2, 3}), I(1)}}, {{T({2, 3, 2}), I(0)}}, {{T({4}, -5, 5), I(-1)}}}}},
      {"mse_loss", {{{{T({2, 3}), T({2, 3})}}, {{T({4}), T({4})}}, {{T({2, 3}), T({3})}}}}},
      {"nll_loss", {{{{T({3, 4}), IDX({0, 3, 1}, {3})}}, {{T({4}), IDX({2}, {})}}, {{T({3, 2}), IDX({1, -100, 0}, {3})}},
                     {{T({2, 3, 2, 2}), IDX({0, 2, 1, 1, -100, 0, 2, 2}, {2, 2, 2})}}}}},
      {"cross_entropy", {{{{T({3, 4}), IDX({0, 3, 1}, {3})}}, {{T({4}), IDX({2}, {})}}, {{T({3, 2}), IDX({1, 1, 0}, {3})}}}}},
      {"binary_cross_entropy_with_logits", {{{{T({2, 3}), T({2, 3}, 0, 1)}}, {{T({4}, -5, 5), T({4}, 0, 1)}}, {{T({}), T({}, 0, 1)}}}}},
      // dropout: the mask is random, so gradcheck only the deterministic paths (p = 0, eval, p = 1).
      {"dropout", {{{{T({2, 3}), F(0.0), B(true)}}, {{T({2, 3}), F(0.5), B(false)}}, {{T({4}), F(1.0), B(true)}}}}},
      {"layer_norm", {{{{T({2, 3}), L({3}), T({3}), T({3})}}, {{T({2, 2, 3}), L({2, 3}), N(), N(), F(1e-3)}}, {{T({4}), L({4}), T({4}), N()}}}}},
      // pointwise_more.cpp (ranges keep away from the rounding steps and the domain edges)
      {"floor", {{{{T({2, 3}, 0.1, 0.9)}}, {{T({4}, -1.9, -1.1)}}, {{T({}, 2.2, 2.8)}}}}},
      {"ceil", {{{{T({2, 3}, 0.1, 0.9)}}, {{T({4}, -1.9, -1.1)}}, {{T({}, 2.2, 2.8)}}}}},
      {"trunc", {{{{T({2, 3}, 0.1, 0.9)}}, {{T({4}, -1.9, -1.1)}}, {{T({}, 2.2, 2.8)}}}}},
      {"round", {{{{T({2, 3}, 0.1, 0.4)}}, {{T({4}, -1.4, -1.1)}}, {{T({}, 0.11, 0.14)}}}}},
      {"round.decimals", {{{{T({2, 3}, 0.1, 0.4), I(0)}}, {{T({4}, -1.4, -1.1), I(1)}}, {{T({}, 0.11, 0.14), I(-1)}}}}},
      {"frac", {{{{T({2, 3}, 0.1, 0.9)}}, {{T({4}, -1.9, -1.1)}}, {{T({})}}}}},
      {"log1p", {{{{T({2, 3}, -0.5, 2)}}, {{T({4})}}, {{T({}, 0, 1)}}}}},
      {"expm1", {{{{T({2, 3})}}, {{T({4}, -3, 3)}}, {{T({})}}}}},
      {"log2", {{{{T({2, 3}, 0.5, 2)}}, {{T({4}, 0.1, 3)}}, {{T({}, 1, 2)}}}}},
      {"log10", {{{{T({2, 3}, 0.5, 2)}}, {{T({4}, 0.1, 3)}}, {{T({}, 1, 2)}}}}},
      {"tan", {{{{T({2, 3})}}, {{T({4}, -1.2, 1.2)}}, {{T({})}}}}},
      {"asin", {{{{T({2, 3}, -0.8, 0.8)}}, {{T({4}, -0.5, 0.5)}}, {{T({}, -0.8, 0.8)}}}}},
      {"acos", {{{{T({2, 3}, -0.8, 0.8)}}, {{T({4}, -0.5, 0.5)}}, {{T({}, -0.8, 0.8)}}}}},
      {"atan", {{{{T({2, 3})}}, {{T({4}, -3, 3)}}, {{T({})}}}}},
      {"asinh", {{{{T({2, 3})}}, {{T({4}, -30, 30)}}, {{T({}, -0.1, 0.1)}}}}},
      {"acosh", {{{{T({2, 3}, 1.2, 3)}}, {{T({4}, 1.05, 40)}}, {{T({}, 2, 3)}}}}},
      {"atanh", {{{{T({2, 3}, -0.8, 0.8)}}, {{T({4}, -0.5, 0.5)}}, {{T({}, 0.1, 0.9)}}}}},
      {"rsqrt", {{{{T({2, 3}, 0.5, 2)}}, {{T({4}, 0.2, 3)}}, {{T({}, 1, 2)}}}}},
      {"reciprocal", {{{{T({2, 3}, 0.5, 2)}}, {{T({4}, -2, -0.5)}}, {{T({}, 1, 2)}}}}},
      {"sinh", {{{{T({2, 3})}}, {{T({4}, -2, 2)}}, {{T({})}}}}},
      {"cosh", {{{{T({2, 3})}}, {{T({4}, -2, 2)}}, {{T({})}}}}},
      {"square", {{{{T({2, 3})}}, {{T({4}, -2, 2)}}, {{T({})}}}}},
      {"fmod", {{{{T({2, 3}, 0.1, 0.6), F(0.7)}}, {{T({2, 3}, 1.1, 1.3), T({3}, 0.7, 0.9)}}, {{T({4}, -0.6, -0.1), F(0.7)}}}}},
      {"clamp.Tensor", {{{{T({2, 3}), T({3}, -0.3, -0.2), T({3}, 0.2, 0.3)}}, {{T({4}), T({4}, -0.5, 0.5)}}, {{T({2, 3}), N(), T({}, -0.1, 0.1)}}}}},
      {"clamp_min", {{{{T({2, 3}), F(0.05)}}, {{T({4}), F(-0.45)}}, {{T({}), F(0.0)}}}}},
      {"clamp_max", {{{{T({2, 3}), F(0.05)}}, {{T({4}), F(-0.45)}}, {{T({}), F(0.0)}}}}},
      {"lerp", {{{{T({2, 3}), T({2, 3}), F(0.3)}}, {{T({2, 3}), T({3}), F(0.8)}}, {{T({2, 3}), T({2, 3}), T({2, 3}, 0, 1)}}}}},
      {"addcmul", {{{{T({2, 3}), T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3}), T({2, 1})}}, {{T({}), T({}), T({})}}}}},
      {"addcdiv", {{{{T({2, 3}), T({2, 3}), T({2, 3}, 0.5, 2)}}, {{T({2, 3}), T({3}), T({2, 1}, -2, -0.5)}}, {{T({}), T({}), T({}, 1, 2)}}}}},
      {"exp2", {{{{T({2, 3})}}, {{T({4}, -3, 3)}}, {{T({})}}}}},
      {"atan2", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3}, 0.5, 2)}}, {{T({4}), T({}, -2, -0.5)}}}}},
      {"hypot", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3}, 0.5, 2)}}, {{T({4}), T({}, -2, -0.5)}}}}},
      {"xlogy.Tensor", {{{{T({2, 3}), T({2, 3}, 0.5, 2)}}, {{T({2, 3}), T({3}, 0.5, 2)}}, {{T({4}), T({}, 0.5, 2)}}}}},
      {"xlogy.Scalar_Self", {{{{F(2.0), T({2, 3}, 0.5, 2)}}, {{F(-1.5), T({4}, 0.5, 2)}}, {{F(0.5), T({}, 0.5, 2)}}}}},
      {"xlogy.Scalar_Other", {{{{T({2, 3}), F(2.0)}}, {{T({4}), F(0.5)}}, {{T({}), F(3.0)}}}}},
      {"sgn", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"true_divide", {{{{T({2, 3}), T({2, 3}, 0.5, 2)}}, {{T({2, 3}), F(2.0)}}, {{T({3}), T({2, 1}, -2, -0.5)}}}}},
      {"rsub.Tensor", {{{{T({2, 3}), T({2, 3})}}, {{T({2, 3}), T({3})}}, {{T({3}), T({2, 1})}}}}},
      {"rsub.Scalar", {{{{T({2, 3}), F(2.0)}}, {{T({4}), F(1.5), F(0.5)}}, {{T({}), I(3), I(2)}}}}},
      // reduce.cpp / shape.cpp
      {"nansum", {{{{T({2, 3})}}, {{T({2, 3}), L({1}), B(true)}}, {{T({2, 3, 2}), L({0, 2})}}, {{T({4}), N(), B(true)}}}}},
      {"ravel", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"broadcast_to", {{{{T({3, 1}), L({3, 4})}}, {{T({3}), L({2, 3})}}, {{T({}), L({2})}}}}},
      {"unfold.Tensor", {{{{T({2, 5}), I(1), I(2), I(1)}}, {{T({6}), I(0), I(3), I(2)}}, {{T({3, 2}), I(0), I(2), I(2)}}, {{T({}), I(0), I(1), I(1)}}}}},
      // sort_scan.cpp
      {"cumsum", {{{{T({2, 3}), I(1)}}, {{T({2, 3}), I(0)}}, {{T({4}), I(-1)}}}}},
      {"sort", {{{{T({2, 3})}}, {{T({2, 3}), I(0), B(true)}}, {{T({4})}}}}},
      {"sort.stable", {{{{T({2, 3}), B(true)}}, {{T({2, 3}), B(false), I(0), B(true)}}, {{T({4}), B(true), I(-1), B(false)}}}}},
      {"topk", {{{{T({2, 4}), I(2)}}, {{T({3, 2}), I(1), I(0), B(false)}}, {{T({4}), I(4)}}}}},
      {"kthvalue", {{{{T({2, 3}), I(2)}}, {{T({3, 2}), I(1), I(0), B(true)}}, {{T({4}), I(3)}}}}},
      {"median", {{{{T({2, 3})}}, {{T({4})}}, {{T({})}}}}},
      {"median.dim", {{{{T({2, 3}), I(1)}}, {{T({3, 2}), I(0), B(true)}}, {{T({4}), I(-1)}}}}},
      {"flip", {{{{T({2, 3}), L({0})}}, {{T({2, 3}), L({0, 1})}}, {{T({4}), L({-1})}}}}},
      {"roll", {{{{T({2, 3}), L({1}), L({1})}}, {{T({2, 3}), L({-1})}}, {{T({4}), L({1}), L({0})}}}}},
      {"tril", {{{{T({3, 3})}}, {{T({2, 3}), I(-1)}}, {{T({2, 2, 3}), I(1)}}}}},
      {"triu", {{{{T({3, 3})}}, {{T({2, 3}), I(-1)}}, {{T({2, 2, 3}), I(1)}}}}},
      {"diag", {{{{T({3})}}, {{T({3, 3})}}, {{T({2, 3}), I(1)}}, {{T({2}), I(-1)}}}}},
      {"trace", {{{{T({3, 3})}}, {{T({2, 3})}}, {{T({1, 1})}}}}},
      {"norm", {{{{T({2, 3})}}, {{T({2, 3}), F(2.0), L({1}), B(true)}}, {{T({4}), F(3.0)}}, {{T({2, 3}), F(1.0), L({0})}}}}},
      {"dot", {{{{T({3}), T({3})}}, {{T({1}), T({1})}}, {{T({5}), T({5})}}}}},
      {"outer", {{{{T({3}), T({2})}}, {{T({1}), T({4})}}, {{T({2}), T({2})}}}}},
      {"mv", {{{{T({2, 3}), T({3})}}, {{T({1, 4}), T({4})}}, {{T({5, 1}), T({1})}}}}},
      // nn_functional.cpp: F.pad in each mode, with a negative (cropping) constant pad
      {"pad", {{{{T({2, 3}), L({1, 2})}}, {{T({2, 4}), L({-1, 2}), S("constant"), F(0.5)}},
                {{T({1, 2, 3}), L({1, 2}), S("reflect")}}, {{T({1, 2, 3, 3}), L({1, 1, 2, 0}), S("replicate")}},
                {{T({1, 1, 4}), L({2, 1}), S("circular")}}, {{T({2, 2, 3, 4}), L({0, 1, 2, 1, 1, 0})}}}}},
      // shape_more.cpp
      {"narrow", {{{{T({4, 3}), I(0), I(1), I(2)}}, {{T({2, 5}), I(1), I(-3), I(3)}}, {{T({4}), I(0), I(0), I(4)}}}}},
      {"repeat", {{{{T({2, 3}), L({2, 1})}}, {{T({3}), L({2, 2})}}, {{T({2, 1}), L({1, 1, 3})}}}}},
      {"tile", {{{{T({2, 3}), L({2})}}, {{T({3}), L({2, 2})}}, {{T({}), L({3})}}}}},
      {"masked_select", {{{{T({2, 3}), MASK({1, 0, 1, 0, 0, 1}, {2, 3})}}, {{T({2, 3}), MASK({0, 1, 1}, {3})}}, {{T({3}), MASK({1, 0}, {2, 1})}}}}},
      {"masked_fill", {{{{T({2, 3}), MASK({1, 0, 1, 0, 0, 1}, {2, 3}), F(0.5)}}, {{T({2, 3}), MASK({0, 1, 1}, {3}), T({})}}, {{T({4}), MASK({1}, {1}), F(-2.0)}}}}},
      {"movedim", {{{{T({2, 3, 4}), L({0}), L({2})}}, {{T({2, 3}), L({1}), L({0})}}, {{T({2, 3, 2}), L({0, 1}), L({2, 0})}}}}},
      {"unflatten", {{{{T({2, 6}), I(1), L({2, 3})}}, {{T({6}), I(0), L({3, -1})}}, {{T({4, 2}), I(0), L({2, 2})}}}}},
      {"expand_as", {{{{T({3, 1}), T({3, 4})}}, {{T({3}), T({2, 3})}}, {{T({}), T({2})}}}}},
      {"view_as", {{{{T({2, 3}), T({3, 2})}}, {{T({6}), T({2, 3})}}, {{T({4}), T({2, 2})}}}}},
      {"reshape_as", {{{{T({2, 3}), T({3, 2})}}, {{T({6}), T({2, 3})}}, {{T({4}), T({2, 2})}}}}},
      {"type_as", {{{{T({2, 3}), T({3, 2})}}, {{T({4}), T({1})}}, {{T({}), T({})}}}}},
      {"l1_loss", {{{{T({2, 3}), T({2, 3})}}, {{T({4}), T({4})}}, {{T({2, 3}), T({3}), N(), N(), S("sum")}}}}},
      {"smooth_l1_loss", {{{{T({2, 3}), T({2, 3})}}, {{T({4}, -3, 3), T({4})}}, {{T({2, 3}), T({3}), N(), N(), S("none"), F(0.5)}}}}},
      {"binary_cross_entropy", {{{{T({2, 3}, 0.1, 0.9), T({2, 3}, 0, 1)}}, {{T({4}, 0.2, 0.8), T({4}, 0, 1), N(), N(), N(), S("sum")}},
                                {{T({}, 0.3, 0.7), T({}, 0, 1)}}}}},
      // conv2d: bias, groups = 2 without bias, unbatched with stride/padding/dilation.
      {"conv2d", {{{{T({1, 2, 4, 4}), T({3, 2, 2, 2}), T({3})}},
                   {{T({2, 2, 3, 3}), T({2, 1, 2, 2}), N(), L({1}), L({0}), L({1}), I(2)}},
                   {{T({1, 4, 5}), T({2, 1, 3, 3}), T({2}), I(2), I(1), I(2)}}}}},
      {"unfold", {{{{T({1, 2, 3, 3}), L({2, 2})}}, {{T({2, 1, 4, 4}), I(2), I(1), I(1), I(2)}}, {{T({2, 3, 3}), L({2, 1}), I(1), I(0), I(1)}}}}},
      {"fold", {{{{T({1, 4, 4}), L({3, 3}), L({2, 2})}}, {{T({2, 8, 4}), L({3, 3}), I(2)}}, {{T({4, 9}), L({4, 4}), I(2), I(1), I(1), I(2)}}}}},
      {"max_pool2d", {{{{T({1, 2, 4, 4}), I(2)}}, {{T({2, 3, 5}), L({2, 3}), I(1), I(1)}}, {{T({1, 1, 5, 5}), I(3), I(2), I(0), I(1), B(true)}}}}},
      {"max_pool2d.torch", {{{{T({1, 2, 4, 4}), I(2)}}, {{T({2, 3, 5}), L({2, 3}), I(1), I(1)}}, {{T({1, 1, 5, 5}), I(3), I(2), I(0), I(1), B(true)}}}}},
      {"avg_pool2d", {{{{T({1, 2, 4, 4}), I(2)}}, {{T({2, 3, 5}), L({2, 3}), I(1), I(1), B(false), B(false)}},
                       {{T({1, 1, 5, 5}), I(3), I(2), I(1), B(false), B(true), I(4)}}}}},
      {"adaptive_avg_pool2d", {{{{T({1, 2, 4, 4}), I(2)}}, {{T({2, 4, 6}), L({1, 3})}}, {{T({1, 1, 3, 3}), I(1)}}}}},
  };
  return m;
}

uint64_t g_rng = 12345;
double next_uniform() {
  g_rng = g_rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return double((g_rng >> 11) & ((1ULL << 53) - 1)) / double(1ULL << 53);
}

Tensor make_tensor(const Arg& a) {
  if (a.kind == Arg::Index) {
    std::vector<double> v(a.idx.begin(), a.idx.end());
    return Tensor::from_data(v, a.shape, a.lo == 99 ? DType::Bool : DType::Int64);
  }
  std::vector<double> v(size_t(a.shape.numel()));
  for (double& x : v) x = a.lo + (a.hi - a.lo) * next_uniform();
  return Tensor::from_data(v, a.shape, DType::Float64);
}

struct Instance {
  std::vector<Value> args;
  std::vector<std::pair<std::string, Value>> kwargs;  // literals for keyword-only parameters
  std::vector<Tensor> inputs;  // the differentiable ones
};

Instance instantiate(const OpDef& op, const Case& c) {
  Instance in;
  for (size_t i = 0; i < c.args.size(); ++i) {
    const Arg& a = c.args[i];
    bool nograd = i < op.params.size() && op.params[i].nograd;
    if (a.kind == Arg::Lit && i < op.params.size() && op.params[i].kw_only) {
      if (!a.lit.is_none()) in.kwargs.push_back({op.params[i].name, a.lit});  // e.g. add's alpha
    } else if (a.kind == Arg::Lit) {
      in.args.push_back(a.lit);
    } else if (a.kind == Arg::List) {
      std::vector<Value> xs;
      for (const Arg& it : a.items) {
        Tensor t = make_tensor(it).requires_grad_();
        in.inputs.push_back(t);
        xs.push_back(Value::tensor(t));
      }
      in.args.push_back(Value::list(xs));
    } else {
      Tensor t = make_tensor(a);
      if (a.kind == Arg::Tens && !nograd) {
        t.requires_grad_();
        in.inputs.push_back(t);
      }
      in.args.push_back(Value::tensor(t));
    }
  }
  // Trailing unset args (N()) stay None; drop trailing Nones so defaults apply.
  while (!in.args.empty() && in.args.back().is_none()) in.args.pop_back();
  return in;
}

Tensor call_first(const OpDef& op, const std::vector<Value>& args,
                  const std::vector<std::pair<std::string, Value>>& kwargs = {}) {
  Args bound;
  std::string err = bind_args(op, args, kwargs, bound);
  INFO(op.key << ": " << err);
  REQUIRE(err.empty());
  Value r = op.call(bound);
  if (r.kind == Value::Kind::Tuple) return (*r.items)[0].t;
  REQUIRE(r.kind == Value::Kind::Tensor);
  return r.t;
}

// Evaluates the op with input k's element j shifted by delta (no graph).
Tensor eval_shifted(const OpDef& op, Instance& in, size_t k, int64_t j, double delta) {
  NoGradGuard ng;
  Tensor x = in.inputs[k];
  double* p = x.data_ptr<double>();
  double old = p[j];
  p[j] = old + delta;
  Tensor out = call_first(op, in.args, in.kwargs).to(DType::Float64).contiguous().clone();
  p[j] = old;
  return out;
}

bool close(double a, double n, double atol, double rtol) { return std::abs(a - n) <= atol + rtol * std::abs(n); }

// Full Jacobian check. Returns the largest error seen.
double gradcheck(const OpDef& op, Instance& in, double eps, double atol, double rtol) {
  Tensor out = call_first(op, in.args, in.kwargs);
  REQUIRE(out.requires_grad());
  const int64_t m = out.numel();
  double worst = 0;
  for (size_t k = 0; k < in.inputs.size(); ++k) {
    const int64_t n = in.inputs[k].numel();
    // Numerical Jacobian columns.
    std::vector<std::vector<double>> num(static_cast<size_t>(n));
    for (int64_t j = 0; j < n; ++j) {
      auto hi = eval_shifted(op, in, k, j, eps).to_vector();
      auto lo = eval_shifted(op, in, k, j, -eps).to_vector();
      num[size_t(j)].resize(size_t(m));
      for (int64_t r = 0; r < m; ++r) num[size_t(j)][size_t(r)] = (hi[size_t(r)] - lo[size_t(r)]) / (2 * eps);
    }
    // Analytical rows, one backward per output element.
    for (int64_t r = 0; r < m; ++r) {
      std::vector<double> onehot(size_t(m), 0.0);
      onehot[size_t(r)] = 1;
      Tensor go = Tensor::from_data(onehot, out.shape(), out.dtype());
      auto g = autograd::grad({out}, {in.inputs[k]}, {go}, true, false, true);
      std::vector<double> ga = g[0].defined() ? g[0].to_vector() : std::vector<double>(size_t(n), 0.0);
      for (int64_t j = 0; j < n; ++j) {
        double a = ga[size_t(j)], nu = num[size_t(j)][size_t(r)];
        worst = std::max(worst, std::abs(a - nu));
        if (!close(a, nu, atol, rtol)) {
          FAIL_CHECK(op.key << ": d out[" << r << "] / d input" << k << "[" << j << "]: analytical " << a
                            << " vs numerical " << nu);
          return worst;
        }
      }
    }
  }
  return worst;
}

// Second order: h(x) = <grad_x <out, v>, w>; its gradient by autograd (create_graph) vs
// central differences of the first-order analytical gradient.
void gradgradcheck(const OpDef& op, Instance& in, double eps, double atol, double rtol) {
  Tensor out = call_first(op, in.args, in.kwargs);
  std::vector<double> vv(size_t(out.numel()));
  for (double& x : vv) x = next_uniform() - 0.5;
  Tensor v = Tensor::from_data(vv, out.shape(), DType::Float64);
  std::vector<Tensor> ws;
  for (const Tensor& x : in.inputs) {
    std::vector<double> w(size_t(x.numel()));
    for (double& e : w) e = next_uniform() - 0.5;
    ws.push_back(Tensor::from_data(w, x.shape(), DType::Float64));
  }
  auto h_of = [&](bool graph) {
    Tensor o = call_first(op, in.args, in.kwargs);
    auto g = autograd::grad({o}, in.inputs, {v}, graph, graph, true);
    Tensor h = Tensor::scalar(0, DType::Float64);
    for (size_t k = 0; k < g.size(); ++k)
      if (g[k].defined()) h = add(h, sum(mul(g[k], ws[k])));
    return h;
  };
  Tensor h = h_of(true);
  // No graph from the inputs to h means autograd claims every first derivative is constant;
  // the finite differences below must then agree that the second derivative is zero.
  std::vector<Tensor> hh(in.inputs.size());
  if (h.requires_grad()) hh = autograd::grad({h}, in.inputs, {}, false, false, true);
  for (size_t k = 0; k < in.inputs.size(); ++k) {
    std::vector<double> ana = hh[k].defined() ? hh[k].to_vector() : std::vector<double>(size_t(in.inputs[k].numel()), 0.0);
    double* p = in.inputs[k].data_ptr<double>();
    for (int64_t j = 0; j < in.inputs[k].numel(); ++j) {
      double old = p[j];
      p[j] = old + eps;
      double hi = h_of(false).item();
      p[j] = old - eps;
      double lo = h_of(false).item();
      p[j] = old;
      double nu = (hi - lo) / (2 * eps);
      if (!close(ana[size_t(j)], nu, atol, rtol)) {
        FAIL_CHECK(op.key << ": second order d h / d input" << k << "[" << j << "]: analytical " << ana[size_t(j)]
                          << " vs numerical " << nu);
        return;
      }
    }
  }
}

}  // namespace

TEST_CASE("every differentiable op in the table has gradcheck cases", "[gradcheck]") {
  std::set<std::string> keys;
  for (const OpDef& op : op_table()) {
    keys.insert(op.key);
    if (!op.differentiable) continue;
    INFO("no gradcheck cases for op " << op.key);
    CHECK(cases().count(op.key) == 1);
  }
  for (const auto& kv : cases()) {
    INFO("gradcheck cases for an op that is not in the table: " << kv.first);
    CHECK(keys.count(kv.first) == 1);
  }
}

// The rows whose call recorded a node (set_record_observer), for the check that a row with a
// backward records its own node.
static std::set<const OpDef*>& recorded_rows() {
  static std::set<const OpDef*> s;
  return s;
}

TEST_CASE("gradcheck and gradgradcheck of every differentiable op (float64)", "[gradcheck]") {
  int ops = 0, checked_cases = 0, second = 0;
  for (const OpDef& op : op_table()) {
    if (!op.differentiable) continue;
    auto it = cases().find(op.key);
    if (it == cases().end()) continue;  // reported by the test above
    INFO("op " << op.key);
    REQUIRE(it->second.cases.size() >= 3);
    bool has_broadcast_or_rank_variety = false;
    std::set<int> ranks;
    std::set<std::string> shapes;  // ops defined for one rank only (dot, trace) vary the sizes
    bool own_node = false;
    for (const Case& c : it->second.cases) {
      Instance in = instantiate(op, c);
      REQUIRE(!in.inputs.empty());
      for (const Tensor& x : in.inputs) ranks.insert(x.dim()), shapes.insert(x.shape_str());
      // float() produces float32: finite differences need float32 tolerances there.
      recorded_rows().clear();
      set_record_observer([](const Node& n) { recorded_rows().insert(n.row); });
      Tensor probe = call_first(op, in.args, in.kwargs);
      set_record_observer(nullptr);
      own_node = own_node || recorded_rows().count(&op) == 1;
      bool f32 = probe.dtype() == DType::Float32;
      gradcheck(op, in, f32 ? 1e-3 : 1e-6, f32 ? 1e-2 : 1e-5, f32 ? 1e-2 : 1e-3);
      if (it->second.twice) {
        gradgradcheck(op, in, 1e-6, 1e-4, 1e-3);
        ++second;
      }
      ++checked_cases;
      if (in.inputs.size() > 1 && in.inputs[0].shape() != in.inputs[1].shape()) has_broadcast_or_rank_variety = true;
    }
    if (ranks.size() > 1 || shapes.size() > 2) has_broadcast_or_rank_variety = true;
    // A row with a backward is a primitive: its call records a node of its own in some case (its
    // backward and derivative text are used, not a dead copy of another row's); a row without
    // one is a composite or an overload whose node is another row's.
    INFO(op.key << ": a row with a backward records its own node; one without never does");
    CHECK(own_node == (op.backward != nullptr));
    INFO(op.key << ": cases should vary shapes or broadcast");
    CHECK(has_broadcast_or_rank_variety);
    ++ops;
  }
  std::printf("gradcheck: %d ops checked (%d cases, %d second-order)\n", ops, checked_cases, second);
  int differentiable = 0;
  for (const OpDef& op : op_table()) differentiable += op.differentiable;
  CHECK(ops == differentiable);
}
