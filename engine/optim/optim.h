// torch.optim: SGD, Adam and AdamW with PyTorch 1.13's update rules — the single-tensor
// ("for-loop") implementations of torch/optim/{sgd,adam,adamw}.py, which is what PyTorch 1.13
// runs on the CPU by default (foreach=None means False there).
//
//   optim::Adam opt(model->parameters(), {.lr = 1e-2});
//   opt.zero_grad(); loss.backward(); opt.step();
//
// Each update is written element by element in the order PyTorch's kernels compute it, in the
// parameter's dtype, so float32 results match PyTorch bit for bit or within an ulp:
//   t.add(o, alpha=a)          -> fma(a, o, t)          (PyTorch's AVX2 kernel fuses it)
//   t.addcmul(a, b, value=v)   -> fma(v * a, b, t)
//   t.addcdiv(a, b, value=v)   -> t + (v * a) / b
// with Python-number coefficients rounded to the dtype first, as PyTorch's scalar arguments are.
// Bias corrections and step sizes are computed in double, as the Python code does.
//
// step() runs without recording (torch.no_grad) and writes parameters in place, bumping their
// version counters; a parameter whose .grad is None is skipped (its state is not even created).
// State tensors (momentum buffers, exp_avg, ...) are private to the optimizer.
#pragma once
#include <vector>

#include "engine/core/tensor.h"

namespace tl::optim {

// One entry of a parameter's state as PyTorch's optimizer.state[p] holds it (in its order): a
// tensor (undefined until created; None when PyTorch stores None), or the step count, which
// PyTorch keeps as a float tensor (Adam, Adagrad) or a Python int (Adadelta, RMSprop).
struct StateSlot {
  const char* name;
  Tensor* tensor = nullptr;
  double* number = nullptr;
  bool number_is_tensor = false;
};

class Optimizer {
 public:
  explicit Optimizer(std::vector<Tensor> params);
  virtual ~Optimizer() = default;
  virtual const char* type_name() const = 0;
  virtual void step() = 0;
  // optimizer.zero_grad(set_to_none=False) of PyTorch 1.13: zeroes each .grad in place.
  void zero_grad(bool set_to_none = false);
  const std::vector<Tensor>& params() const { return params_; }
  // optimizer.state[params()[k]]: its slots, and whether PyTorch would have an entry for it yet
  // (after its first step with a gradient; Adagrad's from construction).
  virtual std::vector<StateSlot> state_slots(size_t k) = 0;
  bool has_state(size_t k) const { return has_state_[k] != 0; }
  void set_has_state(size_t k) { has_state_[k] = 1; }

 protected:
  std::vector<Tensor> params_;
  std::vector<char> has_state_;
};

struct SGDOptions {
  double lr = 1e-3;  // required in PyTorch (no default); the language layer insists on it
  double momentum = 0, dampening = 0, weight_decay = 0;
  bool nesterov = false, maximize = false;
};

class SGD : public Optimizer {
 public:
  SGD(std::vector<Tensor> params, const SGDOptions& o);
  const char* type_name() const override { return "SGD"; }
  void step() override;
  std::vector<StateSlot> state_slots(size_t k) override { return {{"momentum_buffer", &momentum_buffer_[k]}}; }
  SGDOptions opt;

 private:
  std::vector<Tensor> momentum_buffer_;  // per param; undefined until its first step
};

struct AdamOptions {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0;
  bool amsgrad = false, maximize = false;
};

// Adam, or AdamW with decoupled = true (param *= 1 - lr * weight_decay before the moments,
// instead of grad += weight_decay * param). AdamW's default weight_decay is 1e-2.
class Adam : public Optimizer {
 public:
  Adam(std::vector<Tensor> params, const AdamOptions& o, bool decoupled = false);
  const char* type_name() const override { return decoupled_ ? "AdamW" : "Adam"; }
  void step() override;
  std::vector<StateSlot> state_slots(size_t k) override {
    State& s = state_[k];
    std::vector<StateSlot> r{{"step", nullptr, &s.step, true}, {"exp_avg", &s.exp_avg}, {"exp_avg_sq", &s.exp_avg_sq}};
    if (opt.amsgrad) r.push_back({"max_exp_avg_sq", &s.max_exp_avg_sq});
    return r;
  }
  AdamOptions opt;

 private:
  bool decoupled_;
  struct State {
    double step = 0;  // PyTorch keeps a float32 tensor; every count up to 2^24 is exact in both
    Tensor exp_avg, exp_avg_sq, max_exp_avg_sq;
  };
  std::vector<State> state_;
};

struct AdadeltaOptions {
  double lr = 1.0, rho = 0.9, eps = 1e-6, weight_decay = 0;
  bool maximize = false;
};

// sq = rho sq + (1 - rho) g^2;  delta = sqrt(acc + eps) / sqrt(sq + eps) * g;
// acc = rho acc + (1 - rho) delta^2;  param -= lr * delta
class Adadelta : public Optimizer {
 public:
  Adadelta(std::vector<Tensor> params, const AdadeltaOptions& o);
  const char* type_name() const override { return "Adadelta"; }
  void step() override;
  std::vector<StateSlot> state_slots(size_t k) override {
    State& s = state_[k];
    return {{"step", nullptr, &s.step}, {"square_avg", &s.square_avg}, {"acc_delta", &s.acc_delta}};
  }
  AdadeltaOptions opt;

 private:
  struct State {
    double step = 0;
    Tensor square_avg, acc_delta;
  };
  std::vector<State> state_;
};

struct AdagradOptions {
  double lr = 1e-2, lr_decay = 0, weight_decay = 0, initial_accumulator_value = 0, eps = 1e-10;
  bool maximize = false;
};

// sum += g^2;  param -= lr / (1 + (t - 1) lr_decay) * g / (sqrt(sum) + eps)
class Adagrad : public Optimizer {
 public:
  Adagrad(std::vector<Tensor> params, const AdagradOptions& o);
  const char* type_name() const override { return "Adagrad"; }
  void step() override;
  std::vector<StateSlot> state_slots(size_t k) override {
    State& s = state_[k];
    return {{"step", nullptr, &s.step, true}, {"sum", &s.sum}};
  }
  AdagradOptions opt;

 private:
  struct State {
    double step = 0;
    Tensor sum;
  };
  std::vector<State> state_;
};

struct RMSpropOptions {
  double lr = 1e-2, alpha = 0.99, eps = 1e-8, weight_decay = 0, momentum = 0;
  bool centered = false, maximize = false;
};

// sq = alpha sq + (1 - alpha) g^2;  (centered: ga = alpha ga + (1 - alpha) g; avg = sqrt(sq - ga^2))
// avg = sqrt(sq) + eps;  momentum: buf = momentum buf + g / avg, param -= lr buf;  else param -= lr g / avg
class RMSprop : public Optimizer {
 public:
  RMSprop(std::vector<Tensor> params, const RMSpropOptions& o);
  const char* type_name() const override { return "RMSprop"; }
  void step() override;
  std::vector<StateSlot> state_slots(size_t k) override {
    State& s = state_[k];
    std::vector<StateSlot> r{{"step", nullptr, &s.step}, {"square_avg", &s.square_avg}};
    if (opt.momentum > 0) r.push_back({"momentum_buffer", &s.momentum_buffer});
    if (opt.centered) r.push_back({"grad_avg", &s.grad_avg});
    return r;
  }
  RMSpropOptions opt;

 private:
  struct State {
    double step = 0;
    Tensor square_avg, momentum_buffer, grad_avg;
  };
  std::vector<State> state_;
};

}  // namespace tl::optim
