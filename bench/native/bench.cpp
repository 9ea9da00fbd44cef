// tensorlens native (C++ API) side of the benchmark: W1–W5 of bench/WORKLOADS.md.
//   build/bench/tensorlens_bench [--only W1,W4] [--target-ms 100] [--warmup 2] [--reps 7]
//                                [--budget-ms 60000]
// Prints one line "@@BENCH@@ {json}" (results + check values); built by bench/build.sh.
// Data (mulberry32) and the timing protocol are the same as bench/common/*.mjs and
// bench/peers/torch_bench.py.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/tensorlens.h"

namespace {

// ---- data ----
struct Mulberry32 {
  uint32_t a;
  explicit Mulberry32(uint32_t seed) : a(seed) {}
  double next() {
    a += 0x6D2B79F5u;
    uint32_t t = a;
    t = (t ^ (t >> 15)) * (t | 1u);  // uint32 product = Math.imul
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return double(t ^ (t >> 14)) / 4294967296.0;
  }
};

// uniform(seed, n, lo, hi), rounded to float32 and widened back (from_data takes doubles).
std::vector<double> uniform(uint32_t seed, size_t n, double lo = -1, double hi = 1) {
  Mulberry32 r(seed);
  std::vector<double> out(n);
  for (auto& v : out) v = double(float(lo + (hi - lo) * r.next()));
  return out;
}
std::vector<double> scaled(std::vector<double> v, double s) {  // float32(v / s)
  for (auto& x : v) x = double(float(x / s));
  return v;
}
std::vector<double> slice(const std::vector<double>& v, size_t a, size_t b) {
  return std::vector<double>(v.begin() + a, v.begin() + b);
}

tl::Tensor tensor(const std::vector<double>& v, tl::Shape s, bool grad = false,
                  tl::DType dt = tl::DType::Float32) {
  tl::Tensor t = tl::Tensor::from_data(v, s, dt);
  if (grad) t.requires_grad_(true);
  return t;
}
double sum64(const tl::Tensor& t) {
  double s = 0;
  for (double v : t.to_vector()) s += v;
  return s;
}

// ---- protocol ----
struct Options {
  std::vector<std::string> only{"W1", "W2", "W3", "W4", "W5"};
  double target_ms = 100, budget_ms = 60000;
  int warmup = 2, reps = 7;
};

struct Timing {
  int64_t iters = 0;
  int warmup = 0, reps = 0;
  double first_ms = 0, median_ms = 0, best_ms = 0;
  std::vector<double> per_iter_ms;
};

double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

volatile double g_sink = 0;  // keeps the read-back scalar alive

// run_k(k) runs k iterations and reads a scalar back (forcing completion).
Timing measure(const std::function<double(int64_t)>& run_k, const Options& o) {
  const double target = o.target_ms;
  auto timed = [&](int64_t k) {
    double t0 = now_ms();
    g_sink = run_k(k);
    return now_ms() - t0;
  };
  Timing r;
  r.first_ms = timed(1);  // the untimed call
  int64_t k = 1;
  double rep = r.first_ms;  // estimated time of one repetition (k iterations)
  if (r.first_ms < 0.5 * target) {
    double t = timed(1);
    while (t < 0.2 * target && k < 10000000) {
      k = std::min(k * 10, std::max(k * 2, int64_t(std::ceil(k * 0.3 * target / std::max(t, 1e-4)))));
      t = timed(k);
    }
    int64_t k2 = std::max<int64_t>(1, std::llround(k * target / t));
    rep = t / k * k2;
    k = k2;
  }
  int warmup = o.warmup, reps = o.reps;
  if ((warmup + reps) * rep > o.budget_ms) warmup = std::min(warmup, 1);
  for (int i = 0; i < warmup; ++i) {  // warm-ups also re-check k
    rep = timed(k);
    if (rep < 0.5 * target || rep > 2 * target) {
      int64_t k2 = std::max<int64_t>(1, std::llround(k * target / std::max(rep, 1e-4)));
      rep = rep / k * k2;
      k = k2;
    }
  }
  if (reps * rep > o.budget_ms) reps = std::max(3, std::min(reps, int(o.budget_ms / rep)));
  for (int i = 0; i < reps; ++i) r.per_iter_ms.push_back(timed(k) / k);
  std::vector<double> s = r.per_iter_ms;
  std::sort(s.begin(), s.end());
  size_t m = s.size();
  r.median_ms = m % 2 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
  r.best_ms = s[0];
  r.iters = k;
  r.warmup = warmup;
  r.reps = reps;
  return r;
}

// ---- JSON output ----
std::string num(double v) {
  if (!std::isfinite(v)) return "null";
  char b[40];
  std::snprintf(b, sizeof b, "%.9g", v);
  return b;
}
std::string str(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\', o += c;
    else if (c == '\n') o += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20) o += ' ';
    else o += c;
  }
  return o + "\"";
}
using Checks = std::vector<std::pair<std::string, double>>;
struct Result {
  Timing t;
  Checks checks;
  int64_t leaked_tensors = 0;
};
std::string to_json(const Result& r) {
  std::ostringstream o;
  o << "{\"iters\":" << r.t.iters << ",\"warmup\":" << r.t.warmup << ",\"reps\":" << r.t.reps
    << ",\"first_ms\":" << num(r.t.first_ms) << ",\"median_ms\":" << num(r.t.median_ms)
    << ",\"best_ms\":" << num(r.t.best_ms) << ",\"per_iter_ms\":[";
  for (size_t i = 0; i < r.t.per_iter_ms.size(); ++i) o << (i ? "," : "") << num(r.t.per_iter_ms[i]);
  o << "],\"checks\":{";
  for (size_t i = 0; i < r.checks.size(); ++i)
    o << (i ? "," : "") << str(r.checks[i].first) << ":" << num(r.checks[i].second);
  o << "},\"leakedTensors\":" << r.leaked_tensors << "}";
  return o.str();
}

// ---- workloads ----
using tl::Tensor;

// SGD under no_grad: p -= lr * p.grad; p.grad.zero_() (the same in every system).
void sgd(std::vector<Tensor>& ps, double lr) {
  tl::NoGradGuard ng;
  for (auto& p : ps) {
    Tensor g = p.grad();
    p.sub_(g * lr);
    g.zero_();
  }
}

Result w1(int64_t n, const Options& o) {
  Tensor A = tensor(uniform(1, n * n), {n, n});
  Tensor B = tensor(uniform(2, n * n), {n, n});
  Result r;
  r.checks = {{"sum_C", sum64(tl::mm(A, B))}};
  r.t = measure(
      [&](int64_t k) {
        Tensor C;
        for (int64_t i = 0; i < k; ++i) C = tl::mm(A, B);
        return double(C.data_ptr<float>()[0]);
      },
      o);
  return r;
}

Result w2(const Options& o) {
  Tensor X = tensor(uniform(10, 64 * 784, 0, 1), {64, 784});
  std::vector<double> lab;
  for (double u : uniform(11, 64, 0, 1)) lab.push_back(std::min(9.0, std::floor(10 * u)));
  Tensor labels = tensor(lab, {64}, false, tl::DType::Int64);
  auto W1 = scaled(uniform(12, 784 * 128), std::sqrt(784.0));
  auto W2 = scaled(uniform(13, 128 * 10), std::sqrt(128.0));
  auto fresh = [&] {
    return std::vector<Tensor>{tensor(W1, {784, 128}, true), tensor(std::vector<double>(128), {128}, true),
                               tensor(W2, {128, 10}, true), tensor(std::vector<double>(10), {10}, true)};
  };
  auto step = [&](std::vector<Tensor>& ps) {
    Tensor logits = tl::add(tl::mm(tl::relu(tl::add(tl::mm(X, ps[0]), ps[1])), ps[2]), ps[3]);
    Tensor loss = tl::cross_entropy(logits, labels);  // mean over the batch
    loss.backward();
    sgd(ps, 0.01);
    return loss;
  };
  Result r;
  {
    auto ps = fresh();
    r.checks.push_back({"initial_loss", step(ps).item()});
    for (int i = 0; i < 8; ++i) step(ps);
    r.checks.push_back({"loss_step10", step(ps).item()});
  }
  auto ps = fresh();
  r.t = measure(
      [&](int64_t k) {
        Tensor loss;
        for (int64_t i = 0; i < k; ++i) loss = step(ps);
        return loss.item();
      },
      o);
  return r;
}

Result w3(const Options& o) {
  const int64_t n = 1000000;
  Tensor x = tensor(uniform(20, n), {n});
  Tensor w = tensor(uniform(21, n), {n}, true);
  Tensor b = tensor(uniform(22, n), {n});
  auto once = [&](Tensor* gw) {
    Tensor loss = tl::sum(tl::mul(tl::tanh(tl::add(tl::mul(x, w), b)), x));
    auto g = tl::autograd::grad({loss}, {w});
    if (gw) *gw = g[0];
    return loss;
  };
  Result r;
  Tensor gw;
  Tensor loss = once(&gw);
  r.checks = {{"loss", loss.item()}, {"grad_w_sum", sum64(gw)}};
  r.t = measure(
      [&](int64_t k) {
        double v = 0;
        for (int64_t i = 0; i < k; ++i) v = once(nullptr).item();
        return v;
      },
      o);
  return r;
}

Result w4(const Options& o) {
  Tensor p = Tensor::scalar(0.5);
  p.requires_grad_(true);
  auto once = [&](double* yv) {
    Tensor y = p;
    for (int i = 0; i < 5000; ++i) y = y * 1.0001 + 0.0001;
    y.backward();
    if (yv) *yv = y.item();
    double g = p.grad().item();
    p.set_grad(Tensor());  // like PyTorch's p.grad = None
    return g;
  };
  Result r;
  double y = 0;
  double g = once(&y);
  r.checks = {{"y", y}, {"dy_dp", g}};
  r.t = measure(
      [&](int64_t k) {
        double v = 0;
        for (int64_t i = 0; i < k; ++i) v = once(nullptr);
        return v;
      },
      o);
  return r;
}

Result w5(const Options& o) {
  auto rr = uniform(30, 300, 0, 1);
  std::vector<double> X(200), Y(100);
  for (int i = 0; i < 100; ++i) {
    double th = M_PI * rr[3 * i], nx = 0.2 * (rr[3 * i + 1] - 0.5), ny = 0.2 * (rr[3 * i + 2] - 0.5);
    bool first = i < 50;
    X[2 * i] = float(first ? std::cos(th) + nx : 1 - std::cos(th) + nx);
    X[2 * i + 1] = float(first ? std::sin(th) + ny : 0.5 - std::sin(th) + ny);
    Y[i] = first ? 1 : -1;
  }
  Tensor Xt = tensor(X, {100, 2}), Yt = tensor(Y, {100, 1});
  auto p = uniform(31, 2 * 16 + 16 * 16 + 16, -1, 1);
  auto fresh = [&] {
    return std::vector<Tensor>{tensor(slice(p, 0, 32), {2, 16}, true),    tensor(std::vector<double>(16), {16}, true),
                               tensor(slice(p, 32, 288), {16, 16}, true), tensor(std::vector<double>(16), {16}, true),
                               tensor(slice(p, 288, 304), {16, 1}, true), tensor(std::vector<double>(1), {1}, true)};
  };
  auto step = [&](std::vector<Tensor>& ps, Tensor* score_out) {
    Tensor h1 = tl::relu(tl::add(tl::mm(Xt, ps[0]), ps[1]));
    Tensor h2 = tl::relu(tl::add(tl::mm(h1, ps[2]), ps[3]));
    Tensor score = tl::add(tl::mm(h2, ps[4]), ps[5]);  // (100, 1)
    Tensor data_loss = tl::mean(tl::relu(1.0 - Yt * score));
    Tensor reg = tl::sum(ps[0] * ps[0]);
    for (size_t i = 1; i < ps.size(); ++i) reg = reg + tl::sum(ps[i] * ps[i]);
    Tensor loss = data_loss + 1e-4 * reg;
    loss.backward();
    sgd(ps, 0.1);
    if (score_out) *score_out = score.detach();
    return loss;
  };
  Result r;
  {
    auto ps = fresh();
    Tensor loss, score;
    for (int i = 0; i < 100; ++i) loss = step(ps, &score);
    auto s = score.to_vector();
    int ok = 0;
    for (int i = 0; i < 100; ++i) ok += (Y[i] > 0) == (s[i] > 0);
    r.checks = {{"loss_step100", loss.item()}, {"accuracy_step100", ok / 100.0}};
  }
  auto ps = fresh();
  r.t = measure(
      [&](int64_t k) {
        Tensor loss;
        for (int64_t i = 0; i < k; ++i) loss = step(ps, nullptr);
        return loss.item();
      },
      o);
  return r;
}

// The core clock actually reached, for the W1 peak fraction: a chain of dependent integer adds
// runs at one add per cycle (the empty asm keeps the compiler from folding the chain).
double measured_clock_ghz() {
  double best = 0;
  for (int rep = 0; rep < 5; ++rep) {
    const int64_t n = 20000000;
    uint64_t x = 0;
    double t0 = now_ms();
    for (int64_t i = 0; i < n; ++i) {
#define TL_ADD x += 1; asm volatile("" : "+r"(x));
      TL_ADD TL_ADD TL_ADD TL_ADD TL_ADD TL_ADD TL_ADD TL_ADD
#undef TL_ADD
    }
    double ms = now_ms() - t0;
    g_sink = double(x);
    best = std::max(best, 8.0 * n / (ms * 1e6));
  }
  return best;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += char(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--only") o.only = split(v);
    else if (a == "--target-ms") o.target_ms = std::stod(v);
    else if (a == "--warmup") o.warmup = std::stoi(v);
    else if (a == "--reps") o.reps = std::stoi(v);
    else if (a == "--budget-ms") o.budget_ms = std::stod(v);
  }
  std::vector<std::pair<std::string, std::function<Result()>>> jobs;
  for (const auto& w : o.only) {
    if (w == "W1")
      for (int64_t n : {64, 256, 512}) jobs.push_back({"W1-" + std::to_string(n), [n, &o] { return w1(n, o); }});
    if (w == "W2") jobs.push_back({"W2", [&o] { return w2(o); }});
    if (w == "W3") jobs.push_back({"W3", [&o] { return w3(o); }});
    if (w == "W4") jobs.push_back({"W4", [&o] { return w4(o); }});
    if (w == "W5") jobs.push_back({"W5", [&o] { return w5(o); }});
  }
  std::string results, errors;
  for (auto& [name, fn] : jobs) {
    int64_t live0 = tl::stats().live_tensors;
    try {
      Result r = fn();
      tl::clear_arith_scalar_cache();  // its shared 0-d operands are a bounded cache, not a leak
      r.leaked_tensors = tl::stats().live_tensors - live0;
      results += (results.empty() ? "" : ",") + str(name) + ":" + to_json(r);
    } catch (const std::exception& e) {
      errors += (errors.empty() ? "" : ",") + str(name) + ":" + str(e.what());
    }
  }
  std::string info = "{\"compiler\":" + str(std::string("g++ ") + __VERSION__) +
                     ",\"flags\":\"-O2 -mavx2 -mfma (library: CMake Release)\",\"threads\":1" +
                     (std::count(o.only.begin(), o.only.end(), "W1") ? ",\"clockGhzMeasured\":" + num(measured_clock_ghz()) : "") +
                     "}";
  std::printf("@@BENCH@@ {\"system\":\"native\",\"info\":%s,\"results\":{%s},\"errors\":{%s}}\n", info.c_str(),
              results.c_str(), errors.c_str());
  return 0;
}
