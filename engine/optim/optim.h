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

class Optimizer {
 public:
  explicit Optimizer(std::vector<Tensor> params);
  virtual ~Optimizer() = default;
  virtual const char* type_name() const = 0;
  virtual void step() = 0;
  // optimizer.zero_grad(set_to_none=False) of PyTorch 1.13: zeroes each .grad in place.
  void zero_grad(bool set_to_none = false);
  const std::vector<Tensor>& params() const { return params_; }

 protected:
  std::vector<Tensor> params_;
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
  AdamOptions opt;

 private:
  bool decoupled_;
  struct State {
    double step = 0;  // PyTorch keeps a float32 tensor; every count up to 2^24 is exact in both
    Tensor exp_avg, exp_avg_sq, max_exp_avg_sq;
  };
  std::vector<State> state_;
};

}  // namespace tl::optim
