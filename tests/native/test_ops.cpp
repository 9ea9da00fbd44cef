// Forward values, views, broadcasting, dtypes, numerical stability and error messages.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "engine/tensorlens.h"

using namespace tl;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;

namespace {
Tensor vec(std::vector<double> v, DType d = DType::Float32) { return Tensor::from_data(v, Shape{int64_t(v.size())}, d); }
Tensor mat(std::vector<double> v, int64_t r, int64_t c) { return Tensor::from_data(v, Shape{r, c}); }
std::vector<double> vals(const Tensor& t) { return t.to_vector(); }
Value call(const std::string& name, std::vector<Value> args, std::vector<std::pair<std::string, Value>> kw = {}) {
  return call_op(name, kTorch | kMethod | kF, args, kw);
}
Value V(const Tensor& t) { return Value::tensor(t); }
}  // namespace

TEST_CASE("error messages name the op and the shapes", "[ops][errors]") {
  CHECK_THROWS_WITH(mm(zeros(Shape{2, 3}), zeros(Shape{4, 5})), Equals("mm: shapes (2,3) and (4,5) cannot be multiplied"));
  CHECK_THROWS_WITH(matmul(zeros(Shape{2, 3}), zeros(Shape{4, 5})),
                    Equals("matmul: shapes (2,3) and (4,5) cannot be multiplied"));
  CHECK_THROWS_WITH(add(zeros(Shape{2, 3}), zeros(Shape{4})), Equals("add: shapes (2,3) and (4,) are not broadcastable"));
  CHECK_THROWS_WITH(reshape(zeros(Shape{6}), {4, 2}), Equals("reshape: shape (4,2) is invalid for input of size 6"));
  CHECK_THROWS_WITH(sum(zeros(Shape{2}), {3}), Contains("dimension out of range"));
  CHECK_THROWS_WITH(select(zeros(Shape{3}), 0, 3), Equals("IndexError: index 3 is out of bounds for dimension 0 with size 3"));
  CHECK_THROWS_WITH(cat({zeros(Shape{2, 3}), zeros(Shape{2, 4})}, 0), Contains("sizes of tensors must match"));
  CHECK_THROWS_WITH(view(transpose(zeros(Shape{2, 3}), 0, 1), {6}), Contains("Use .reshape(...) instead"));
  CHECK_THROWS_WITH(cross_entropy(zeros(Shape{2, 3}), vec({0, 5}, DType::Int64)), Contains("Target 5 is out of bounds"));
  // PyTorch 1.13's CPU index_select: a RuntimeError along dim 1 of a tensor of 2+ dims, else IndexError.
  CHECK_THROWS_WITH(index_select(zeros(Shape{3}), 0, vec({3}, DType::Int64)), Equals("IndexError: index out of range in self"));
  CHECK_THROWS_WITH(index_select(zeros(Shape{2, 3}), 1, vec({3}, DType::Int64)), Contains("INDICES element is out of DATA bounds, id=3"));
  CHECK_THROWS_WITH(index_select(zeros(Shape{3, 2}), 0, vec({3}, DType::Int64)), Equals("IndexError: index out of range in self"));
}

TEST_CASE("allocation is capped: asking for more is an error, not a crash", "[ops][errors]") {
  int64_t old = max_elements();
  set_max_elements(1000);
  CHECK_THROWS_WITH(zeros(Shape{1001}), Contains("too large"));
  CHECK_NOTHROW(zeros(Shape{1000}));
  CHECK_THROWS_WITH(zeros(Shape{1 << 30, 1 << 30, 1 << 30}), Contains("Storage size calculation overflowed"));  // no overflow
  CHECK_THROWS_WITH(mm(ones(Shape{1000, 1}), ones(Shape{1, 1000})), Contains("too large"));
  set_max_elements(old);
  CHECK_THROWS_WITH(zeros(Shape{-1}), Contains("negative dimension"));
}

TEST_CASE("views share storage; contiguous copies only when needed", "[ops][views]") {
  Tensor x = arange(0, 6, 1, DType::Float32);
  Tensor m = reshape(x, {2, 3});
  CHECK(m.data_ptr<float>() == x.data_ptr<float>());
  Tensor tt = transpose(m, 0, 1);
  CHECK(tt.data_ptr<float>() == x.data_ptr<float>());
  CHECK_FALSE(tt.is_contiguous());
  CHECK(vals(tt) == std::vector<double>{0, 3, 1, 4, 2, 5});
  Tensor c = contiguous(tt);
  CHECK(c.is_contiguous());
  CHECK(c.data_ptr<float>() != x.data_ptr<float>());
  CHECK(contiguous(m).data_ptr<float>() == m.data_ptr<float>());
  Tensor r = reshape(tt, {6});  // not viewable: copies
  CHECK(vals(r) == std::vector<double>{0, 3, 1, 4, 2, 5});
  Tensor s = slice(x, 0, 1, std::nullopt, 2);
  CHECK(vals(s) == std::vector<double>{1, 3, 5});
  CHECK(s.data_ptr<float>() == x.data_ptr<float>() + 1);
  Tensor e = expand(reshape(x, {6, 1}), {6, 4});
  CHECK(e.strides()[1] == 0);
  CHECK(vals(sum(e, {1})) == std::vector<double>{0, 4, 8, 12, 16, 20});
  Tensor p = permute(reshape(arange(0, 24, 1, DType::Float32), {2, 3, 4}), {2, 0, 1});
  CHECK(p.shape() == Shape{4, 2, 3});
  CHECK(vals(p)[1] == 4);
  CHECK(squeeze(zeros(Shape{1, 2, 1})).shape() == Shape{2});
  CHECK(unsqueeze(zeros(Shape{2}), -1).shape() == Shape{2, 1});
  // Writing through a view changes the base and bumps the shared version.
  uint32_t v = x.version();
  Tensor sl = slice(x, 0, 0, 2);
  sl.fill_(7);
  CHECK(vals(x)[0] == 7);
  CHECK(x.version() == v + 1);
}

TEST_CASE("slicing with negative indices and steps, as Python", "[ops][views]") {
  Tensor x = arange(0, 10, 1, DType::Float32);
  CHECK(vals(slice(x, 0, -3, std::nullopt)) == std::vector<double>{7, 8, 9});
  CHECK(vals(slice(x, 0, 2, -5, 2)) == std::vector<double>{2, 4});
  CHECK(vals(slice(x, 0, 20, 30)).empty());
  CHECK(select(reshape(x, {2, 5}), 1, -1).shape() == Shape{2});
  CHECK(vals(select(reshape(x, {2, 5}), 1, -1)) == std::vector<double>{4, 9});
}

TEST_CASE("broadcasting in every binary op", "[ops]") {
  Tensor a = mat({1, 2, 3, 4, 5, 6}, 2, 3);
  Tensor b = vec({10, 20, 30});
  CHECK(vals(add(a, b)) == std::vector<double>{11, 22, 33, 14, 25, 36});
  CHECK(vals(sub(b, a)) == std::vector<double>{9, 18, 27, 6, 15, 24});
  CHECK(vals(mul(reshape(vec({1, 2}), {2, 1}), b)) == std::vector<double>{10, 20, 30, 20, 40, 60});
  CHECK(vals(maximum(a, vec({3, 3, 3}))) == std::vector<double>{3, 3, 3, 4, 5, 6});
  CHECK(vals(where(gt(a, Tensor::scalar(3)), a, Tensor::scalar(0))) == std::vector<double>{0, 0, 0, 4, 5, 6});
  Tensor cmp = lt(a, b);
  CHECK(cmp.dtype() == DType::Bool);
  CHECK(add(zeros(Shape{4, 1, 3}), zeros(Shape{2, 1})).shape() == Shape{4, 2, 3});
}

TEST_CASE("dtype promotion follows PyTorch", "[ops]") {
  Tensor i = vec({1, 2}, DType::Int64);
  CHECK(add(i, i).dtype() == DType::Int64);
  CHECK(div(i, i).dtype() == DType::Float32);
  CHECK(mul(i, wrap_scalar(2.5, i)).dtype() == DType::Float32);
  CHECK(add(i, Tensor::scalar(1.5, DType::Float64)).dtype() == DType::Float64);
  CHECK(add(vec({1}), Tensor::scalar(1.5, DType::Float64)).dtype() == DType::Float32);
  CHECK(add(vec({1}), vec({1}, DType::Float64)).dtype() == DType::Float64);
}

TEST_CASE("reductions with dims, keepdim, ties and unbiased variance", "[ops]") {
  Tensor a = mat({1, 5, 3, 4, 2, 6}, 2, 3);
  CHECK(vals(sum(a, {0})) == std::vector<double>{5, 7, 9});
  CHECK(sum(a, {0}, true).shape() == Shape{1, 3});
  CHECK(vals(sum(a, {-1, 0})) == std::vector<double>{21});
  CHECK(mean(a).item() == Approx(3.5));
  CHECK(var(vec({1, 2, 3, 4})).item() == Approx(1.6666667));
  CHECK(var(vec({1, 2, 3, 4}), {}, 0).item() == Approx(1.25));
  CHECK(stddev(vec({1, 2, 3, 4})).item() == Approx(std::sqrt(1.6666667)));
  CHECK(prod(a).item() == 720);
  CHECK(max(a).item() == 6);
  auto mx = max(a, 1);
  CHECK(vals(mx.first) == std::vector<double>{5, 6});
  CHECK(vals(mx.second) == std::vector<double>{1, 2});
  CHECK(mx.second.dtype() == DType::Int64);
  CHECK(vals(argmax(vec({1, 3, 3}))) == std::vector<double>{1});  // first of the ties
  CHECK(vals(amin(a, {0})) == std::vector<double>{1, 2, 3});
  CHECK(logsumexp(vec({1000, 1000}), {0}).item() == Approx(1000 + std::log(2.0)));
  // ties: max() over everything shares the gradient evenly, max(dim) sends it to one index
  Tensor t = vec({2, 2, 1}).requires_grad_();
  max(t).backward();
  CHECK(vals(t.grad()) == std::vector<double>{0.5, 0.5, 0});
  Tensor t2 = vec({2, 2, 1}).requires_grad_();
  max(t2, 0).first.backward();
  CHECK(vals(t2.grad()) == std::vector<double>{1, 0, 0});
}

TEST_CASE("matmul follows PyTorch's rules", "[ops]") {
  CHECK(matmul(ones(Shape{3}), ones(Shape{3})).dim() == 0);
  CHECK(matmul(ones(Shape{2, 3}), ones(Shape{3})).shape() == Shape{2});
  CHECK(matmul(ones(Shape{3}), ones(Shape{3, 4})).shape() == Shape{4});
  CHECK(matmul(ones(Shape{5, 2, 3}), ones(Shape{3, 4})).shape() == Shape{5, 2, 4});
  CHECK(matmul(ones(Shape{2, 1, 2, 3}), ones(Shape{5, 3, 4})).shape() == Shape{2, 5, 2, 4});
  CHECK(matmul(ones(Shape{3}), ones(Shape{5, 3, 4})).shape() == Shape{5, 4});
  CHECK_THROWS_WITH(matmul(ones(Shape{2, 2, 3}), ones(Shape{3, 2, 3})), Contains("cannot be multiplied"));
  Tensor a = mat({1, 2, 3, 4, 5, 6}, 2, 3);
  CHECK(vals(mm(a, transpose(a, 0, 1))) == std::vector<double>{14, 32, 32, 77});
  CHECK(vals(mm(transpose(a, 0, 1), a))[0] == 17);
  CHECK(vals(linear(a, ones(Shape{1, 3}), vec({1}))) == std::vector<double>{7, 16});
}

TEST_CASE("softmax, log_softmax and cross_entropy stay finite at logits of +-1e4", "[ops][stability]") {
  Tensor x = mat({1e4, -1e4, 0, -1e4, 1e4, 5}, 2, 3).requires_grad_();
  Tensor s = softmax(x, 1);
  Tensor ls = log_softmax(x, 1);
  Tensor ce = cross_entropy(x, vec({1, 0}, DType::Int64));
  for (double v : vals(s)) CHECK(std::isfinite(v));
  for (double v : vals(ls)) CHECK(std::isfinite(v));
  CHECK(std::isfinite(ce.item()));
  CHECK(ce.item() == Approx(2e4));
  ce.backward();
  for (double v : vals(x.grad())) CHECK(std::isfinite(v));
  CHECK(vals(x.grad())[0] == Approx(0.5));
  CHECK(vals(x.grad())[1] == Approx(-0.5));
  Tensor b = binary_cross_entropy_with_logits(vec({1e4, -1e4}), vec({0, 1}));
  CHECK(b.item() == Approx(1e4));
}

TEST_CASE("index_select and gather accumulate repeated indices in backward", "[ops]") {
  Tensor x = vec({1, 2, 3}).requires_grad_();
  index_select(x, 0, vec({0, 0, 2, 0}, DType::Int64)).sum().backward();
  CHECK(vals(x.grad()) == std::vector<double>{3, 0, 1});
  Tensor y = mat({1, 2, 3, 4}, 2, 2).requires_grad_();
  Tensor idx = Tensor::from_data({1, 1, 0, 0}, Shape{2, 2}, DType::Int64);
  Tensor g = gather(y, 1, idx);
  CHECK(vals(g) == std::vector<double>{2, 2, 3, 3});
  g.sum().backward();
  CHECK(vals(y.grad()) == std::vector<double>{0, 2, 2, 0});
}

TEST_CASE("cat, stack, creation ops", "[ops]") {
  CHECK(vals(cat({vec({1, 2}), vec({3})})) == std::vector<double>{1, 2, 3});
  CHECK(stack({vec({1, 2}), vec({3, 4})}, 1).shape() == Shape{2, 2});
  CHECK(vals(stack({vec({1, 2}), vec({3, 4})}, 1)) == std::vector<double>{1, 3, 2, 4});
  CHECK(vals(eye(2)) == std::vector<double>{1, 0, 0, 1});
  CHECK(vals(linspace(0, 1, 5)) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  CHECK(arange(0, 5, 1).dtype() == DType::Int64);
  CHECK(vals(arange(0, 1, 0.25)) == std::vector<double>{0, 0.25, 0.5, 0.75});
  CHECK(vals(full(Shape{2}, 3)) == std::vector<double>{3, 3});
  manual_seed(0);
  auto r1 = vals(rand(Shape{4}));
  manual_seed(0);
  auto r2 = vals(rand(Shape{4}));
  CHECK(r1 == r2);
  for (double v : r1) CHECK((v >= 0 && v < 1));
  Tensor n = randn(Shape{1000});
  CHECK(std::abs(mean(n).item()) < 0.15);
}

TEST_CASE("elementwise values", "[ops]") {
  Tensor x = vec({-1, 0, 2});
  CHECK(vals(relu(x)) == std::vector<double>{0, 0, 2});
  CHECK(vals(leaky_relu(x, 0.5)) == std::vector<double>{-0.5, 0, 2});
  CHECK(vals(clamp(x, 0.0, 1.0)) == std::vector<double>{0, 0, 1});
  CHECK(vals(abs(x)) == std::vector<double>{1, 0, 2});
  CHECK(vals(gelu(vec({1})))[0] == Approx(0.8413447));
  CHECK(vals(softplus(vec({0})))[0] == Approx(std::log(2.0)));
  CHECK(vals(softplus(vec({30})))[0] == 30);
  CHECK(vals(sigmoid(vec({0})))[0] == 0.5);
  CHECK(vals(pow(vec({2, 3}), 2.0)) == std::vector<double>{4, 9});
  CHECK(vals(pow(vec({2, 3}), vec({3, 2}))) == std::vector<double>{8, 9});
}

TEST_CASE("the op table binds Python-style arguments", "[ops][table]") {
  Tensor a = mat({1, 2, 3, 4, 5, 6}, 2, 3);
  CHECK(vals(call("sum", {V(a)}).t) == std::vector<double>{21});
  CHECK(vals(call("sum", {V(a), Value::integer(0)}).t) == std::vector<double>{5, 7, 9});
  CHECK(call("sum", {V(a)}, {{"dim", Value::integer(1)}, {"keepdim", Value::boolean(true)}}).t.shape() == Shape{2, 1});
  CHECK(call_op("view", kMethod, {V(a), Value::integer(3), Value::integer(2)}).t.shape() == Shape{3, 2});
  CHECK(call_op("view", kMethod, {V(a), Value::tuple({Value::integer(6)})}).t.shape() == Shape{6});
  Value mx = call("max", {V(a), Value::integer(1)});
  REQUIRE(mx.kind == Value::Kind::Tuple);
  CHECK(vals((*mx.items)[1].t) == std::vector<double>{2, 2});
  CHECK(vals(call("add", {V(a), Value::integer(1)}).t)[0] == 2);
  CHECK_THROWS_WITH(call("sum", {V(a)}, {{"dims", Value::integer(1)}}),
                    Contains("sum() received an invalid combination of arguments - got (Tensor, dims=int)"));
  CHECK_THROWS_WITH(call("exp", {V(a)}, {{"foo", Value::integer(1)}}), Contains("exp() got an unexpected keyword argument 'foo'"));
  CHECK_THROWS_WITH(call("exp", {}), Contains("missing required argument 'input'"));
  CHECK_THROWS_WITH(call("mm", {V(a), Value::integer(2)}), Contains("argument 'mat2' must be Tensor, not int"));
  CHECK_THROWS_WITH(call("max", {V(a), Value::str("x")}), Contains("received an invalid combination of arguments"));
  Tensor t = call("tensor", {Value::list({Value::list({Value::integer(1), Value::integer(2)}),
                                          Value::list({Value::integer(3), Value::integer(4)})})}).t;
  CHECK(t.dtype() == DType::Int64);
  CHECK(t.shape() == Shape{2, 2});
  CHECK_THROWS_WITH(call("tensor", {Value::list({Value::list({Value::integer(1)}), Value::list({Value::integer(3), Value::integer(4)})})}),
                    Contains("expected sequence of length 1 at dim 1 (got 2)"));
  // every row's schema parsed and every name is unique per (key)
  std::set<std::string> keys;
  for (const OpDef& op : op_table()) {
    INFO(op.schema);
    CHECK(keys.insert(op.key).second);
    CHECK(op.call != nullptr);
  }
}

TEST_CASE("special values through the vectorised float32 exp/tanh/sigmoid and int casts", "[ops]") {
  Tensor x = vec({NAN, INFINITY, -INFINITY, 0, 100, -100});
  std::vector<double> e = vals(exp(x)), t = vals(tanh(x)), s = vals(sigmoid(x));
  CHECK(std::isnan(e[0]));
  CHECK(std::isinf(e[1]));
  CHECK(e[2] == 0);
  CHECK(e[3] == 1);
  CHECK(std::isinf(e[4]));
  CHECK(e[5] == Approx(std::exp(-100.0f)).margin(1e-45));  // a float32 denormal
  CHECK(std::isnan(t[0]));
  CHECK(t[1] == 1);
  CHECK(t[2] == -1);
  CHECK(std::isnan(s[0]));
  CHECK(s[1] == 1);
  CHECK(s[2] == 0);
  // NaN and out-of-range values cast to int64 give the minimum (x86's and PyTorch's result there)
  std::vector<double> l = vals(to_dtype(vec({NAN, 1e30, -3.7}), DType::Int64));
  CHECK(l[0] == double(INT64_MIN));
  CHECK(l[1] == double(INT64_MIN));
  CHECK(l[2] == -3);
}
