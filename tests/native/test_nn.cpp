// torch.nn modules and torch.optim optimizers (engine/nn, engine/optim): hand-computed steps,
// PyTorch 1.13 reference values, the script-language surface, convergence on two moons, and a
// long training loop that keeps memory flat.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/lang/interpreter.h"
#include "engine/nn/bind.h"
#include "engine/nn/nn.h"
#include "engine/optim/optim.h"
#include "engine/tensorlens.h"

using namespace tl;
using Catch::Matchers::Contains;

namespace {
Tensor vec(std::vector<double> v) { return Tensor::from_data(v, Shape{int64_t(v.size())}); }
Tensor leaf(std::vector<double> v) { return vec(std::move(v)).requires_grad_(true); }
void check_close(const Tensor& t, const std::vector<double>& want, double tol = 1e-6) {
  std::vector<double> got = t.to_vector();
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(tol));
}
// Runs 5 steps on p = [1, -2, 3, 0.25] with grads g_k = [0.5, -1, 2, 0] (k + 1) - [0.1, 0.3, -0.7, 0.05] k^2
// (PyTorch: p.grad = g; opt.step(), five times).
template <class MakeOpt>
std::vector<double> five_steps(MakeOpt make) {
  Tensor p = leaf({1.0, -2.0, 3.0, 0.25});
  auto opt = make(std::vector<Tensor>{p});
  for (int k = 0; k < 5; ++k) {
    // As Python evaluates `a * (k + 1) - b * k * k` on float32 tensors.
    Tensor kk = Tensor::scalar(k);
    Tensor gt = sub(mul(vec({0.5, -1.0, 2.0, 0.0}), Tensor::scalar(k + 1)), mul(mul(vec({0.1, 0.3, -0.7, 0.05}), kk), kk));
    p.set_grad(gt);
    opt->step();
  }
  return p.to_vector();
}
}  // namespace

TEST_CASE("SGD with momentum: two hand-computed steps", "[nn][optim]") {
  Tensor p = leaf({1, -2, 3});
  optim::SGDOptions o;
  o.lr = 0.1, o.momentum = 0.9;
  optim::SGD opt({p}, o);
  p.set_grad(vec({0.5, -1, 2}));
  opt.step();  // buf = g; p -= 0.1 g
  check_close(p, {0.95, -1.9, 2.8});
  opt.step();  // buf = 0.9 g + g = 1.9 g; p -= 0.19 g
  check_close(p, {0.855, -1.71, 2.42});
  CHECK(p.version() >= 2);  // written in place
  // A parameter without a grad is skipped.
  Tensor q = leaf({7});
  optim::SGD opt2({q}, o);
  opt2.step();
  check_close(q, {7});
}

TEST_CASE("Adam: two hand-computed steps", "[nn][optim]") {
  // With a constant gradient, m_t / (1 - b1^t) = g and sqrt(v_t / (1 - b2^t)) = |g|: each step
  // moves every coordinate by lr * sign(g) (eps aside).
  Tensor p = leaf({1, -2, 3});
  optim::AdamOptions o;
  o.lr = 0.1;
  optim::Adam opt({p}, o);
  p.set_grad(vec({0.5, -1, 2}));
  opt.step();
  check_close(p, {0.9, -1.9, 2.9}, 1e-6);
  opt.step();
  check_close(p, {0.8, -1.8, 2.8}, 1e-6);
}

TEST_CASE("optimizers match PyTorch 1.13 bit for bit over five steps", "[nn][optim]") {
  // Reference: torch.optim.X([p], ...) with p.grad set as in five_steps, PyTorch 1.13 CPU.
  auto sgd = [](double lr, double mom, double damp, double wd, bool nesterov) {
    return [=](std::vector<Tensor> ps) {
      optim::SGDOptions o;
      o.lr = lr, o.momentum = mom, o.dampening = damp, o.weight_decay = wd, o.nesterov = nesterov;
      return std::make_unique<optim::SGD>(ps, o);
    };
  };
  auto adam = [](double lr, double b1, double b2, double wd, bool ams, bool decoupled) {
    return [=](std::vector<Tensor> ps) {
      optim::AdamOptions o;
      o.lr = lr, o.beta1 = b1, o.beta2 = b2, o.weight_decay = wd, o.amsgrad = ams;
      return std::make_unique<optim::Adam>(ps, o, decoupled);
    };
  };
  auto f = [](std::vector<double> hex) { return hex; };
  CHECK(five_steps(sgd(0.1, 0.9, 0.1, 0.01, false)) ==
        f({-0x1.fcde18p-6, 0x1.18ae9p+1, -0x1.732c62p+2, 0x1.d70ee8p-2}));
  CHECK(five_steps(sgd(0.05, 0.8, 0, 0.1, true)) == f({0x1.4707fep-2, 0x1.ffb4f2p-1, -0x1.a0d988p+1, 0x1.95ddd4p-2}));
  CHECK(five_steps(adam(0.01, 0.8, 0.99, 0.1, false, false)) ==
        f({0x1.e63686p-1, -0x1.f3577p+0, 0x1.79b28ep+1, 0x1.101a1ap-2}));
  CHECK(five_steps(adam(0.02, 0.9, 0.999, 0, true, false)) ==
        f({0x1.cd63f8p-1, -0x1.e7e6f8p+0, 0x1.73ffb8p+1, 0x1.3f94bcp-2}));
  CHECK(five_steps(adam(0.03, 0.9, 0.999, 0.01, false, true)) ==
        f({0x1.b35d1cp-1, -0x1.db1bap+0, 0x1.6d6f06p+1, 0x1.5ef224p-2}));
  CHECK(five_steps(adam(0.03, 0.9, 0.999, 0.5, true, true)) ==
        f({0x1.911054p-1, -0x1.b7addp+0, 0x1.5297fp+1, 0x1.4aab18p-2}));
}

TEST_CASE("zero_grad zeroes grads in place (PyTorch 1.13's set_to_none=False)", "[nn][optim]") {
  auto lin = nn::Linear::make(3, 2);
  Tensor x = ones(Shape{4, 3});
  lin->forward({x}).sum().backward();
  Tensor g = lin->own_parameters()[0].second.grad();
  REQUIRE(g.defined());
  lin->zero_grad();
  CHECK(lin->own_parameters()[0].second.grad().same(g));
  check_close(g, std::vector<double>(6, 0.0));
  optim::SGDOptions o;
  o.lr = 0.1;
  optim::SGD opt(lin->parameters(), o);
  opt.zero_grad(true);
  CHECK_FALSE(lin->own_parameters()[0].second.grad().defined());
}

TEST_CASE("Module: parameters in registration order, names, train/eval, Sequential", "[nn]") {
  auto model = nn::Sequential::make({nn::Linear::make(2, 4), nn::Activation::make(nn::Activation::Kind::ReLU),
                                     std::make_shared<nn::Dropout>(0.5), nn::Linear::make(4, 1, false)});
  auto named = model->named_parameters();
  REQUIRE(named.size() == 3);
  CHECK(named[0].first == "0.weight");
  CHECK(named[1].first == "0.bias");
  CHECK(named[2].first == "3.weight");
  CHECK(named[0].second.impl()->name == "0.weight");  // graph labels
  CHECK(named[0].second.requires_grad());
  CHECK(named[0].second.is_leaf());
  CHECK(named[0].second.shape() == Shape{4, 2});
  CHECK(model->size() == 4);
  CHECK(model->at(-1)->type_name() == "Linear");
  CHECK(model->training());
  model->eval();
  CHECK_FALSE(model->at(2)->training());
  Tensor x = ones(Shape{3, 2});
  Tensor y1 = model->forward({x}), y2 = model->forward({x});
  CHECK(y1.to_vector() == y2.to_vector());  // dropout is the identity in eval mode
  CHECK(model->repr() ==
        "Sequential(\n  (0): Linear(in_features=2, out_features=4, bias=True)\n  (1): ReLU()\n"
        "  (2): Dropout(p=0.5, inplace=False)\n  (3): Linear(in_features=4, out_features=1, bias=False)\n)");
  // Nested Sequential: qualified names get the outer prefix.
  auto outer = nn::Sequential::make({model, nn::Linear::make(1, 1)});
  CHECK(outer->named_parameters()[0].first == "0.0.weight");
  CHECK(outer->named_parameters()[0].second.impl()->name == "0.0.weight");
  CHECK_THROWS_WITH(model->forward({ones(Shape{3, 5})}), Contains("mat1 and mat2 shapes cannot be multiplied (3x5 and 2x4)"));
}

TEST_CASE("nn.Linear and nn.Embedding initialise from the seeded generator in PyTorch's order", "[nn]") {
  manual_seed(0);
  auto a = nn::Linear::make(3, 2);
  manual_seed(0);
  Tensor w = Tensor::empty(Shape{2, 3}), b = Tensor::empty(Shape{2});
  kaiming_uniform_(w, std::sqrt(5.0));
  {
    NoGradGuard ng;
    uniform_(b, -1 / std::sqrt(3.0), 1 / std::sqrt(3.0));
  }
  auto* l = static_cast<nn::Linear*>(a.get());
  CHECK(l->weight().to_vector() == w.to_vector());
  CHECK(l->bias().to_vector() == b.to_vector());
  for (double v : l->weight().to_vector()) CHECK(std::fabs(v) <= 1 / std::sqrt(3.0));
  nn::Embedding e(5, 3);
  CHECK(e.forward({Tensor::from_data({4, 0}, Shape{2}, DType::Int64)}).shape() == Shape{2, 3});
}

TEST_CASE("losses: reductions agree with each other", "[nn]") {
  Tensor x = Tensor::from_data({0.2, -1.0, 0.5, 1.5, 0.3, -0.2}, Shape{2, 3});
  Tensor y = Tensor::from_data({2, 0}, Shape{2}, DType::Int64);
  nn::CrossEntropyLoss mean_l, sum_l(nn::Reduction::Sum), none_l(nn::Reduction::None);
  const double m = mean_l.forward({x, y}).item(), s = sum_l.forward({x, y}).item();
  Tensor n = none_l.forward({x, y});
  CHECK(n.shape() == Shape{2});
  CHECK(s == Approx(2 * m));
  CHECK(n.sum().item() == Approx(s));
  Tensor t = Tensor::from_data({1, 0, 0.5, 1, 0, 1}, Shape{2, 3});
  nn::BCEWithLogitsLoss bm, bs(nn::Reduction::Sum);
  CHECK(bs.forward({x, t}).item() == Approx(6 * bm.forward({x, t}).item()));
  nn::MSELoss mm, ms(nn::Reduction::Sum);
  CHECK(ms.forward({x, t}).item() == Approx(6 * mm.forward({x, t}).item()));
  nn::LayerNorm ln({3});
  Tensor z = ln.forward({x});
  std::vector<double> zv = z.to_vector();
  CHECK(zv[0] + zv[1] + zv[2] == Approx(0).margin(1e-6));
}

TEST_CASE("nn/optim constructors bind Python-style arguments", "[nn][lang]") {
  CHECK(nn::make_module("Linear", {Value::integer(2), Value::integer(3)}, {{"bias", Value::boolean(false)}})->named_parameters().size() == 1);
  CHECK_THROWS_WITH(nn::make_module("Linear", {Value::integer(2)}, {}), Contains("missing required argument 'out_features'"));
  auto bad = nn::make_module("MSELoss", {}, {{"reduction", Value::str("avg")}});  // PyTorch fails at the call
  CHECK_THROWS_WITH(bad->forward({ones(Shape{2}), ones(Shape{2})}), Contains("not a valid value for reduction"));
  CHECK_THROWS_WITH(nn::make_module("Dropout", {Value::number(1.5)}, {}), Contains("between 0 and 1"));
  Tensor p = leaf({1});
  CHECK_THROWS_WITH(nn::make_optimizer("SGD", {p}, {}, {}), Contains("'lr'"));
  auto o = nn::make_optimizer("AdamW", {p}, {}, {{"betas", Value::tuple({Value::number(0.5), Value::number(0.6)})}});
  CHECK(std::string(o->type_name()) == "AdamW");
  CHECK(static_cast<optim::Adam*>(o.get())->opt.weight_decay == 0.01);
}

TEST_CASE("scripts: torch.nn and torch.optim in the language", "[nn][lang]") {
  const char* src =
      "import torch\n"
      "import torch.nn as nn\n"
      "from torch import optim\n"
      "torch.manual_seed(0)\n"
      "model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))\n"
      "opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)\n"
      "loss_fn = nn.MSELoss()\n"
      "x = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])\n"
      "y = torch.tensor([[1.0], [1.0], [0.0]])\n"
      "for i in range(50):\n"
      "    opt.zero_grad()\n"
      "    loss = loss_fn(model(x), y)\n"
      "    loss.backward()\n"
      "    opt.step()\n"
      "w0 = model[0].weight\n"
      "n = len(model)\n"
      "names = [name for name, p in model.named_parameters()]\n"
      "print(names, n, model.training, model.eval().training, isinstance(model[1], nn.Tanh))\n"
      "final_loss = loss.detach()\n";
  lang::RunResult r = lang::run_script(src);
  CHECK(r.stdout_text == "['0.weight', '0.bias', '2.weight', '2.bias'] 3 True False True\n");
  const Tensor* w0 = r.find("w0");
  REQUIRE(w0);
  CHECK(w0->shape() == Shape{8, 2});
  CHECK(w0->grad().defined());
  const Tensor* fl = r.find("final_loss");
  REQUIRE(fl);
  CHECK(fl->item() < 0.05);
  CHECK_THROWS_WITH(lang::run_script("import torch.nn as nn\nm = nn.Linear(2, 3)\ny = m(torch.ones(4, 5))\n"),
                    Contains("3:"));
  CHECK_THROWS_WITH(lang::run_script("import torch\nm = torch.nn.Linear(2)\n"), Contains("2:"));
}

namespace {
// Two interleaving half circles (sklearn's make_moons), from the seeded generator.
void two_moons(int64_t n, double noise, Tensor& X, Tensor& y) {
  Tensor t = mul(rand(Shape{n}), Tensor::scalar(M_PI));
  Tensor e = mul(randn(Shape{n, 2}), Tensor::scalar(noise));
  std::vector<double> tv = t.to_vector(), ev = e.to_vector(), xs, ys;
  for (int64_t i = 0; i < n; ++i) {
    const bool upper = i % 2 == 0;
    const double a = tv[size_t(i)];
    xs.push_back((upper ? std::cos(a) : 1 - std::cos(a)) + ev[size_t(2 * i)]);
    xs.push_back((upper ? std::sin(a) : 0.5 - std::sin(a)) + ev[size_t(2 * i + 1)]);
    ys.push_back(upper ? 0 : 1);
  }
  X = Tensor::from_data(xs, Shape{n, 2});
  y = Tensor::from_data(ys, Shape{n, 1});
}
}  // namespace

TEST_CASE("an MLP trained with Adam separates two moons (>= 95% accuracy)", "[nn][optim][train]") {
  manual_seed(1);
  Tensor X, y;
  two_moons(200, 0.1, X, y);
  auto model = nn::Sequential::make({nn::Linear::make(2, 16), nn::Activation::make(nn::Activation::Kind::ReLU),
                                     nn::Linear::make(16, 16), nn::Activation::make(nn::Activation::Kind::ReLU),
                                     nn::Linear::make(16, 1)});
  optim::AdamOptions o;
  o.lr = 0.02;
  optim::Adam opt(model->parameters(), o);
  nn::BCEWithLogitsLoss loss_fn;
  for (int step = 0; step < 400; ++step) {
    opt.zero_grad();
    Tensor loss = loss_fn.forward({model->forward({X}), y});
    loss.backward();
    opt.step();
  }
  NoGradGuard ng;
  std::vector<double> logits = model->forward({X}).to_vector(), labels = y.to_vector();
  int correct = 0;
  for (size_t i = 0; i < logits.size(); ++i) correct += (logits[i] > 0) == (labels[i] > 0.5);
  CHECK(double(correct) / double(logits.size()) >= 0.95);
}

TEST_CASE("10,000 training steps keep memory flat", "[nn][optim][train]") {
  manual_seed(2);
  Tensor X, y;
  two_moons(32, 0.1, X, y);
  auto model = nn::Sequential::make({nn::Linear::make(2, 8), nn::Activation::make(nn::Activation::Kind::Tanh),
                                     std::make_shared<nn::Dropout>(0.1), nn::Linear::make(8, 1)});
  optim::AdamOptions o;
  o.lr = 0.01, o.amsgrad = true;
  optim::Adam opt(model->parameters(), o);
  nn::BCEWithLogitsLoss loss_fn;
  Stats at1000, at10000;
  for (int step = 1; step <= 10000; ++step) {
    opt.zero_grad();
    Tensor loss = loss_fn.forward({model->forward({X}), y});
    loss.backward();
    opt.step();
    if (step == 1000) at1000 = stats();
    if (step == 10000) at10000 = stats();  // measured at the same point of the loop body
  }
  CHECK(at10000.live_tensors == at1000.live_tensors);
  CHECK(at10000.storage_bytes == at1000.storage_bytes);
  CHECK(at10000.live_nodes == at1000.live_nodes);
}
