// Autograd rules, one test each (PyTorch's semantics), and the seed's examples.
#include <catch2/catch.hpp>
#include <cstring>

#include "engine/tensorlens.h"

using namespace tl;
using Catch::Matchers::Contains;

namespace {
Tensor vec(std::vector<double> v, bool rg = false) {
  Tensor t = Tensor::from_data(v, Shape{int64_t(v.size())});
  if (rg) t.requires_grad_();
  return t;
}
Tensor mat(std::vector<double> v, int64_t r, int64_t c, bool rg = false) {
  Tensor t = Tensor::from_data(v, Shape{r, c});
  if (rg) t.requires_grad_();
  return t;
}
std::vector<double> vals(const Tensor& t) { return t.to_vector(); }
}  // namespace

TEST_CASE("seed example 1: a + b, a * b", "[autograd][seed]") {
  Tensor a = vec({1, 2, 3}, true), b = vec({4, 5, 6}, true);
  Tensor c = a + b, d = a * b, e = c * d;
  e.sum().backward();
  CHECK(vals(e) == std::vector<double>{20, 70, 162});
  CHECK(vals(a.grad()) == std::vector<double>{24, 45, 72});  // d + c*b
  CHECK(vals(b.grad()) == std::vector<double>{9, 24, 45});   // d + c*a
}

TEST_CASE("seed example 2: backward runs in topological order", "[autograd][seed]") {
  Tensor a = vec({1, 2, 3}, true), b = vec({4, 5, 6}, true);
  Tensor c = a + b, d = a * b, e = c * d, s = e.sum();
  s.backward();
  std::vector<std::string> names;
  for (auto& w : autograd::last_backward_order()) names.push_back(w.lock()->name());
  // Every node comes after all nodes that feed it a gradient.
  REQUIRE(names.size() == 6);
  CHECK(names[0] == "SumBackward0");
  CHECK(names[1] == "MulBackward0");  // e
  // d (mul, created after c) runs before c (add): later-created nodes first among ready ones,
  // as PyTorch (checked with grad_fn hooks in PyTorch 1.13: s, e, d, c).
  CHECK(names[2] == "MulBackward0");
  CHECK(names[3] == "AddBackward0");
  CHECK(names[4] == "AccumulateGrad");
  CHECK(names[5] == "AccumulateGrad");
  auto order = autograd::backward_order({s.grad_fn()});
  REQUIRE(order.size() == 6);
  for (size_t i = 0; i < order.size(); ++i) CHECK(order[i]->name() == names[i]);
}

TEST_CASE("seed example 3: mm, relu, d + d", "[autograd][seed]") {
  Tensor a = mat({1, 2, 3, 4}, 2, 2, true), b = mat({5, 6, 7, 8}, 2, 2, true);
  Tensor c = a.mm(b), d = c.relu(), e = d + d;
  e.sum().backward();
  CHECK(vals(a.grad()) == std::vector<double>{22, 30, 22, 30});
  CHECK(vals(b.grad()) == std::vector<double>{8, 8, 12, 12});
}

TEST_CASE("gradients accumulate on leaves across backward calls", "[autograd]") {
  Tensor x = vec({1, 2}, true);
  (x * x).sum().backward();
  (x * x).sum().backward();
  CHECK(vals(x.grad()) == std::vector<double>{4, 8});
}

TEST_CASE("diamonds and x + x sum their gradients", "[autograd]") {
  Tensor x = vec({3}, true);
  Tensor y = x * 2;
  Tensor z = y * y + y.exp() * 0 + y;  // y used three times
  z.sum().backward();
  CHECK(x.grad().item() == Approx(2 * (2 * 6) + 2));
  Tensor w = vec({1, 2}, true);
  (w + w).sum().backward();
  CHECK(vals(w.grad()) == std::vector<double>{2, 2});
}

TEST_CASE("shared subgraphs are visited once (linear, not exponential)", "[autograd]") {
  Tensor x = vec({1}, true);
  Tensor y = x;
  for (int i = 0; i < 60; ++i) y = y + y;  // 2^60 paths
  y.sum().backward();
  CHECK(x.grad().item() == Approx(std::ldexp(1.0, 60)));
  CHECK(autograd::last_backward_order().size() == 62);
}

TEST_CASE("retain_grad keeps .grad of a non-leaf; non-leaf grad is otherwise undefined", "[autograd]") {
  Tensor x = vec({1, 2}, true);
  Tensor y = x * 3;
  Tensor z = x * 4;
  y.retain_grad();
  (y * z).sum().backward();
  REQUIRE(y.grad().defined());
  CHECK(vals(y.grad()) == std::vector<double>{4, 8});
  CHECK_FALSE(z.grad().defined());
  CHECK(y.retains_grad());
  CHECK_FALSE(y.is_leaf());
}

TEST_CASE("retain_graph allows a second backward that accumulates; without it, an error", "[autograd]") {
  Tensor x = vec({1, 2}, true);
  Tensor y = (x * x).sum();
  y.backward(Tensor(), true);
  y.backward();
  CHECK(vals(x.grad()) == std::vector<double>{4, 8});
  CHECK_THROWS_WITH(y.backward(), Contains("Trying to backward through the graph a second time"));
  // A graph without saved tensors can be walked again, as in PyTorch.
  Tensor p = vec({1, 2}, true);
  Tensor q = p + 1;
  q.backward(ones(Shape{2}));
  q.backward(ones(Shape{2}));
  CHECK(vals(p.grad()) == std::vector<double>{2, 2});
}

TEST_CASE("backward of a non-scalar needs a gradient", "[autograd]") {
  Tensor x = vec({1, 2}, true);
  Tensor y = x * 2;
  CHECK_THROWS_WITH(y.backward(), Contains("grad can be implicitly created only for scalar outputs"));
  y.backward(vec({1, 10}));
  CHECK(vals(x.grad()) == std::vector<double>{2, 20});
  CHECK_THROWS_WITH(y.backward(vec({1, 2, 3})), Contains("Mismatch in shape"));
}

TEST_CASE("backward of a tensor that needs no grad is an error", "[autograd]") {
  Tensor x = vec({1, 2});
  CHECK_THROWS_WITH((x * 2).sum().backward(), Contains("does not require grad and does not have a grad_fn"));
}

TEST_CASE("no_grad records nothing, nests, and restores", "[autograd]") {
  Tensor x = vec({1, 2}, true);
  {
    NoGradGuard a;
    {
      NoGradGuard b;
      CHECK_FALSE((x * 2).requires_grad());
    }
    CHECK_FALSE(grad_enabled());
    Tensor y = x * 2;
    CHECK_FALSE(y.requires_grad());
    CHECK(y.is_leaf());
  }
  CHECK(grad_enabled());
  CHECK((x * 2).requires_grad());
}

TEST_CASE("detach cuts the graph and shares storage", "[autograd]") {
  Tensor x = vec({1, 2}, true);
  Tensor y = x * 2;
  Tensor d = y.detach();
  CHECK_FALSE(d.requires_grad());
  CHECK(d.data_ptr<float>() == y.data_ptr<float>());
  Tensor z = (y * d).sum();  // gradient flows only through y
  z.backward();
  CHECK(vals(x.grad()) == std::vector<double>{4, 8});
}

TEST_CASE("modifying a saved tensor in place is caught at backward", "[autograd]") {
  Tensor x = vec({1, 2, 3}, true);
  Tensor y = x.exp();
  Tensor s = y.sum();
  {
    NoGradGuard ng;
    y.add_(vec({1, 1, 1}));
  }
  CHECK_THROWS_WITH(s.backward(),
                    Contains("one of the variables needed for gradient computation has been modified by an inplace "
                             "operation") &&
                        Contains("is at version 1; expected version 0"));
  // The same with a rebased in-place op under grad mode.
  Tensor a = vec({1, 2}, true);
  Tensor b = a * 2;
  Tensor c = b * b;
  b.add_(vec({1, 1}));
  CHECK_THROWS_WITH(c.sum().backward(), Contains("modified by an inplace operation"));
}

TEST_CASE("in-place ops: leaf refusal, history rebase, versions", "[autograd]") {
  Tensor w = vec({1, 2}, true);
  CHECK_THROWS_WITH(w.add_(vec({1, 1})), Contains("a leaf Variable that requires grad is being used in an in-place operation"));
  uint32_t v0 = w.version();
  {
    NoGradGuard ng;
    w.sub_(vec({0.5, 0.5}));
  }
  CHECK(w.version() == v0 + 1);
  CHECK(vals(w) == std::vector<double>{0.5, 1.5});
  Tensor y = w * 2;
  y.mul_(Tensor::scalar(3));
  CHECK(y.grad_fn()->name() == "MulBackward0");
  y.sum().backward();
  CHECK(vals(w.grad()) == std::vector<double>{6, 6});
  w.grad().zero_();
  CHECK(vals(w.grad()) == std::vector<double>{0, 0});
}

TEST_CASE("an unused branch gets no gradient; torch.autograd.grad allow_unused", "[autograd]") {
  Tensor x = vec({1, 2}, true), u = vec({5}, true);
  Tensor y = (x * x).sum();
  Tensor unused = u * 2;
  y.backward();
  CHECK_FALSE(u.grad().defined());
  Tensor y2 = (x * x).sum();
  CHECK_THROWS_WITH(autograd::grad({y2}, {x, u}, {}, true), Contains("appears to not have been used"));
  auto g = autograd::grad({y2}, {x, u}, {}, false, false, true);
  CHECK(vals(g[0]) == std::vector<double>{2, 4});
  CHECK_FALSE(g[1].defined());
}

TEST_CASE("autograd.grad does not touch .grad; create_graph gives second order", "[autograd]") {
  Tensor x = Tensor::from_data({1.5}, Shape{}, DType::Float64).requires_grad_();
  Tensor y = x * x * x;  // y = x^3
  auto g = autograd::grad({y}, {x}, {}, std::nullopt, true);
  CHECK_FALSE(x.grad().defined());
  CHECK(g[0].item() == Approx(3 * 1.5 * 1.5));
  REQUIRE(g[0].requires_grad());
  auto gg = autograd::grad({g[0]}, {x}, {}, std::nullopt, true);
  CHECK(gg[0].item() == Approx(6 * 1.5));
  auto ggg = autograd::grad({gg[0]}, {x});
  CHECK(ggg[0].item() == Approx(6));
  // backward(create_graph=True) leaves a differentiable .grad
  Tensor z = x.exp() * x;
  z.backward(Tensor(), true, true);
  Tensor gx = x.grad();
  REQUIRE(gx.requires_grad());
  auto second = autograd::grad({gx}, {x});
  CHECK(second[0].item() == Approx(std::exp(1.5) * (1.5 + 2)));
}

TEST_CASE("backward twice gives bitwise equal results", "[autograd]") {
  Tensor a = Tensor::from_data({0.1, -0.7, 0.3, 1.9, -2.2, 0.05}, Shape{2, 3}).requires_grad_();
  Tensor w = Tensor::from_data({0.5, -0.25, 1.5, 0.75, -1, 2}, Shape{3, 2}).requires_grad_();
  auto run = [&] {
    a.set_grad(Tensor()), w.set_grad(Tensor());
    Tensor l = log_softmax(tanh(a.mm(w)), 1).sum() + prod(sigmoid(a));
    l.backward();
    return std::make_pair(vals(a.grad()), vals(w.grad()));
  };
  auto r1 = run(), r2 = run();
  REQUIRE(r1.first.size() == r2.first.size());
  CHECK(std::memcmp(r1.first.data(), r2.first.data(), r1.first.size() * sizeof(double)) == 0);
  CHECK(std::memcmp(r1.second.data(), r2.second.data(), r1.second.size() * sizeof(double)) == 0);
}

TEST_CASE("a chain of 1,000,000 ops runs forward, backward and destruction", "[autograd][deep]") {
  int64_t live_before = stats().live_nodes;
  {
    Tensor x = Tensor::scalar(1.0f).requires_grad_();
    Tensor y = x;
    Tensor k = Tensor::scalar(1.0f);
    for (int i = 0; i < 1000000; ++i) y = y * k;
    y.backward();
    CHECK(x.grad().item() == 1.0);
    // destruction of the still-retained graph, without retain_graph freed saved tensors
    Tensor y2 = x;
    for (int i = 0; i < 1000000; ++i) y2 = y2 + k;
  }
  CHECK(stats().live_nodes == live_before);
}

TEST_CASE("graph teardown is complete (no leaks)", "[autograd]") {
  // `x * 2` takes its 0-d operand from arith()'s small per-thread cache of shared numbers (kept
  // alive on purpose: no fresh tensor per op); it is emptied before each count.
  clear_arith_scalar_cache();
  int64_t t0 = stats().live_tensors, n0 = stats().live_nodes, s0 = stats().live_storages;
  {
    Tensor x = vec({1, 2, 3}, true);
    Tensor y = softmax(x * 2, 0).sum();
    y.backward(Tensor(), false, true);
    auto g = autograd::grad({x.grad().sum()}, {x});
    // create_graph makes x.grad hold a graph that reaches x's AccumulateGrad node; that node
    // holds x weakly, so there is no cycle to leak (PyTorch leaks it).
  }
  clear_arith_scalar_cache();
  CHECK(stats().live_tensors == t0);
  CHECK(stats().live_nodes == n0);
  CHECK(stats().live_storages == s0);
}

TEST_CASE("requires_grad propagation and leaf status", "[autograd]") {
  Tensor a = vec({1}), b = vec({2}, true);
  CHECK_FALSE((a * a).requires_grad());
  CHECK((a * b).requires_grad());
  CHECK_FALSE((a * b).is_leaf());
  CHECK(b.is_leaf());
  Tensor c = a * b;
  CHECK_THROWS_WITH(c.requires_grad_(false), Contains("only change requires_grad flags of leaf variables"));
  Tensor i = Tensor::from_data({1}, Shape{1}, DType::Int64);
  CHECK_THROWS_WITH(i.requires_grad_(), Contains("only Tensors of floating point dtype can require gradients"));
}

TEST_CASE("broadcast gradients are reduced to the input shapes", "[autograd]") {
  Tensor a = mat({1, 2, 3, 4, 5, 6}, 2, 3, true);
  Tensor b = vec({1, 1, 1}, true);
  Tensor s = Tensor::scalar(2.0f).requires_grad_();
  ((a + b) * s).sum().backward();
  CHECK(b.grad().shape() == Shape{3});
  CHECK(vals(b.grad()) == std::vector<double>{4, 4, 4});
  CHECK(s.grad().dim() == 0);
  CHECK(s.grad().item() == Approx(21 + 6));
}

TEST_CASE("mixed dtypes: float32 input of a float64 op gets a float32 gradient", "[autograd]") {
  Tensor a = vec({1, 2}, true);
  Tensor b = Tensor::from_data({3, 4}, Shape{2}, DType::Float64).requires_grad_();
  Tensor c = a * b;
  CHECK(c.dtype() == DType::Float64);
  c.sum().backward();
  CHECK(a.grad().dtype() == DType::Float32);
  CHECK(vals(a.grad()) == std::vector<double>{3, 4});
}

TEST_CASE("the backward trace shows each step, broadcast reductions and accumulation", "[autograd]") {
  Tensor a = mat({1, 2, 3, 4, 5, 6}, 2, 3, true);
  Tensor b = vec({1, 1, 1}, true);
  Tensor c = a * b;
  Tensor e = (c + c).sum();
  autograd::set_trace_enabled(true);
  e.backward();
  const std::vector<autograd::TraceStep> tr = autograd::last_backward_trace();
  autograd::set_trace_enabled(false);
  CHECK(autograd::last_backward_trace().empty());
  REQUIRE(tr.size() == autograd::last_backward_order().size());
  // sum -> add (c + c: the second edge into mul accumulates) -> mul (b's gradient summed over dim 0)
  CHECK(tr[0].node.lock()->name() == "SumBackward0");
  CHECK(tr[1].node.lock()->name() == "AddBackward0");
  REQUIRE(tr[1].inputs.size() == 2);
  CHECK_FALSE(tr[1].inputs[0].accumulated);
  CHECK(tr[1].inputs[1].accumulated);
  CHECK(tr[2].node.lock()->name() == "MulBackward0");
  REQUIRE(tr[2].inputs.size() == 2);
  CHECK(tr[2].inputs[1].produced_shape == Shape{2, 3});
  CHECK(tr[2].inputs[1].grad.shape() == Shape{3});
  CHECK(tr[2].inputs[1].summed_dims == std::vector<int64_t>{0});
  CHECK(vals(tr[2].inputs[1].grad) == std::vector<double>{10, 14, 18});
}

TEST_CASE("fused relu/tanh/sigmoid backward gives the composite's exact values", "[autograd]") {
  // Without create_graph these backwards run one fused pass; with it, the differentiable
  // composite. Both must produce the same bits (the fused pass repeats the composite's float ops).
  for (DType dt : {DType::Float32, DType::Float64}) {
    manual_seed(7);
    Tensor x = randn(Shape{37, 5}, dt).requires_grad_();
    Tensor w = randn(Shape{37, 5}, dt);
    for (int op = 0; op < 3; ++op) {
      INFO("dtype " << dtype_name(dt) << ", op " << op);
      auto f = [&] { return op == 0 ? relu(x) : op == 1 ? tanh(x) : sigmoid(x); };
      Tensor fused = autograd::grad({sum(f() * w)}, {x})[0];
      Tensor composite = autograd::grad({sum(f() * w)}, {x}, {}, std::nullopt, true)[0];
      if (op != 0) REQUIRE(composite.requires_grad());  // relu's gradient w does not depend on x
      REQUIRE_FALSE(fused.requires_grad());
      const Tensor a = fused.to(DType::Float64), b = composite.detach().to(DType::Float64);
      CHECK(a.to_vector() == b.to_vector());
    }
  }
}
