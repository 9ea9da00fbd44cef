// torch.optim update rules (PyTorch 1.13, single-tensor implementations). See optim.h.
#include "engine/optim/optim.h"

#include <cmath>

#include "engine/core/error.h"
#include "engine/ops/ops.h"

namespace tl::optim {

namespace {

// The parameter and its gradient as contiguous buffers of the parameter's dtype.
void check_param(const char* who, const Tensor& p, const Tensor& g) {
  TL_CHECK(p.is_floating_point(), who, ": can only optimize floating point tensors, got ", dtype_name(p.dtype()));
  TL_CHECK(p.is_contiguous(), who, ": tensorlens optimizes contiguous parameters only");
  TL_CHECK(g.dtype() == p.dtype() && g.shape() == p.shape(), who, ": the gradient (", dtype_name(g.dtype()), " ",
           g.shape_str(), ") does not match its parameter (", dtype_name(p.dtype()), " ", p.shape_str(), ")");
}

Tensor contiguous_grad(const Tensor& g) { return g.is_contiguous() ? g : contiguous(g.detach()); }

// torch.maximum: NaN propagates.
template <class T>
T nan_max(T a, T b) { return (a != a || a > b) ? a : b; }

}  // namespace

Optimizer::Optimizer(std::vector<Tensor> params) : params_(std::move(params)), has_state_(params_.size(), 0) {
  TL_CHECK(!params_.empty(), "ValueError: optimizer got an empty parameter list");
  for (size_t i = 0; i < params_.size(); ++i) {
    TL_CHECK(params_[i].defined(), "TypeError: optimizer can only optimize Tensors");
    TL_CHECK(params_[i].is_leaf(), "ValueError: can't optimize a non-leaf Tensor");
    for (size_t j = 0; j < i; ++j)
      TL_CHECK(!params_[i].same(params_[j]), "ValueError: some parameters appear in more than one parameter group");
  }
}

void Optimizer::zero_grad(bool set_to_none) {
  for (Tensor& p : params_) {
    Tensor g = p.grad();
    if (!g.defined()) continue;
    if (set_to_none) {
      p.set_grad(Tensor());
      continue;
    }
    if (g.grad_fn()) {
      g = g.detach();
      p.set_grad(g);
    }
    NoGradGuard ng;
    zero_(g);
  }
}

// ---------------- SGD ----------------
SGD::SGD(std::vector<Tensor> params, const SGDOptions& o) : Optimizer(std::move(params)), opt(o) {
  TL_CHECK(o.lr >= 0, "ValueError: Invalid learning rate: ", o.lr);
  TL_CHECK(o.momentum >= 0, "ValueError: Invalid momentum value: ", o.momentum);
  TL_CHECK(o.weight_decay >= 0, "ValueError: Invalid weight_decay value: ", o.weight_decay);
  TL_CHECK(!o.nesterov || (o.momentum > 0 && o.dampening == 0),
           "ValueError: Nesterov momentum requires a momentum and zero dampening");
  momentum_buffer_.resize(params_.size());
}

// d_p = grad (+ wd * param); buf = clone(d_p) | buf * momentum + (1 - dampening) * d_p;
// d_p = d_p + momentum * buf (nesterov) | buf; param -= lr * d_p.
void SGD::step() {
  NoGradGuard ng;
  for (size_t k = 0; k < params_.size(); ++k) {
    Tensor& p = params_[k];
    if (!p.grad().defined()) continue;
    Tensor g = contiguous_grad(p.grad());
    check_param("SGD", p, g);
    has_state_[k] = 1;
    const bool first = opt.momentum != 0 && !momentum_buffer_[k].defined();
    if (first) momentum_buffer_[k] = Tensor::empty(p.shape(), p.dtype());
    TL_DISPATCH_FLOAT(p.dtype(), T, [&] {
      T* w = p.data_ptr<T>();
      const T* gr = g.data_ptr<T>();
      T* buf = opt.momentum != 0 ? momentum_buffer_[k].data_ptr<T>() : nullptr;
      const T wd = T(opt.weight_decay), mom = T(opt.momentum), damp1 = T(1 - opt.dampening), neg_lr = T(-opt.lr);
      for (int64_t i = 0, n = p.numel(); i < n; ++i) {
        T d = opt.maximize ? -gr[i] : gr[i];
        if (opt.weight_decay != 0) d = std::fma(wd, w[i], d);
        if (buf) {
          buf[i] = first ? d : std::fma(damp1, d, buf[i] * mom);
          d = opt.nesterov ? std::fma(mom, buf[i], d) : buf[i];
        }
        w[i] = std::fma(neg_lr, d, w[i]);
      }
    });
    p.bump_version();
  }
}

// ---------------- Adam / AdamW ----------------
Adam::Adam(std::vector<Tensor> params, const AdamOptions& o, bool decoupled)
    : Optimizer(std::move(params)), opt(o), decoupled_(decoupled) {
  TL_CHECK(o.lr >= 0, "ValueError: Invalid learning rate: ", o.lr);
  TL_CHECK(o.eps >= 0, "ValueError: Invalid epsilon value: ", o.eps);
  TL_CHECK(o.beta1 >= 0 && o.beta1 < 1, "ValueError: Invalid beta parameter at index 0: ", o.beta1);
  TL_CHECK(o.beta2 >= 0 && o.beta2 < 1, "ValueError: Invalid beta parameter at index 1: ", o.beta2);
  TL_CHECK(o.weight_decay >= 0, "ValueError: Invalid weight_decay value: ", o.weight_decay);
  state_.resize(params_.size());
}

// (AdamW: param *= 1 - lr * wd;  Adam: grad += wd * param)
// m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2;  (amsgrad: vmax = max(vmax, v))
// denom = sqrt(v) / sqrt(1 - beta2^t) + eps;  param += -(lr / (1 - beta1^t)) * m / denom
void Adam::step() {
  NoGradGuard ng;
  for (size_t k = 0; k < params_.size(); ++k) {
    Tensor& p = params_[k];
    if (!p.grad().defined()) continue;
    Tensor g = contiguous_grad(p.grad());
    check_param(type_name(), p, g);
    has_state_[k] = 1;
    State& s = state_[k];
    if (!s.exp_avg.defined()) {
      s.exp_avg = zeros(p.shape(), p.dtype());
      s.exp_avg_sq = zeros(p.shape(), p.dtype());
      if (opt.amsgrad) s.max_exp_avg_sq = zeros(p.shape(), p.dtype());
    }
    s.step += 1;
    const double bias_correction1 = 1 - std::pow(opt.beta1, s.step);
    const double bias_correction2 = 1 - std::pow(opt.beta2, s.step);
    const double step_size = opt.lr / bias_correction1;
    const double bias_correction2_sqrt = std::sqrt(bias_correction2);
    TL_DISPATCH_FLOAT(p.dtype(), T, [&] {
      T* w = p.data_ptr<T>();
      const T* gr = g.data_ptr<T>();
      T* m = s.exp_avg.data_ptr<T>();
      T* v = s.exp_avg_sq.data_ptr<T>();
      T* vmax = opt.amsgrad ? s.max_exp_avg_sq.data_ptr<T>() : nullptr;
      const T wd = T(opt.weight_decay), decay = T(1 - opt.lr * opt.weight_decay);
      const T b1 = T(opt.beta1), b2 = T(opt.beta2), omb1 = T(1 - opt.beta1), omb2 = T(1 - opt.beta2);
      const T bc2s = T(bias_correction2_sqrt), eps = T(opt.eps), neg_step = T(-step_size);
      for (int64_t i = 0, n = p.numel(); i < n; ++i) {
        T d = opt.maximize ? -gr[i] : gr[i];
        if (decoupled_) w[i] = w[i] * decay;
        else if (opt.weight_decay != 0) d = std::fma(wd, w[i], d);
        m[i] = std::fma(omb1, d, m[i] * b1);
        v[i] = std::fma(omb2 * d, d, v[i] * b2);
        T vv = v[i];
        if (vmax) vv = vmax[i] = nan_max(vmax[i], v[i]);
        const T denom = std::sqrt(vv) / bc2s + eps;
        w[i] = w[i] + (neg_step * m[i]) / denom;
      }
    });
    p.bump_version();
  }
}

// ---------------- Adadelta ----------------
Adadelta::Adadelta(std::vector<Tensor> params, const AdadeltaOptions& o) : Optimizer(std::move(params)), opt(o) {
  TL_CHECK(o.lr >= 0, "ValueError: Invalid learning rate: ", o.lr);
  TL_CHECK(o.rho >= 0 && o.rho <= 1, "ValueError: Invalid rho value: ", o.rho);
  TL_CHECK(o.eps >= 0, "ValueError: Invalid epsilon value: ", o.eps);
  TL_CHECK(o.weight_decay >= 0, "ValueError: Invalid weight_decay value: ", o.weight_decay);
  state_.resize(params_.size());
}

// torch/optim/adadelta.py _single_tensor_adadelta, op by op in the parameter's dtype:
//   square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
//   std = square_avg.add(eps).sqrt_();  delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad)
//   acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho);  param.add_(delta, alpha=-lr)
void Adadelta::step() {
  NoGradGuard ng;
  for (size_t k = 0; k < params_.size(); ++k) {
    Tensor& p = params_[k];
    if (!p.grad().defined()) continue;
    Tensor g = contiguous_grad(p.grad());
    check_param("Adadelta", p, g);
    has_state_[k] = 1;
    State& s = state_[k];
    if (!s.square_avg.defined()) s.square_avg = zeros(p.shape(), p.dtype()), s.acc_delta = zeros(p.shape(), p.dtype());
    s.step += 1;
    TL_DISPATCH_FLOAT(p.dtype(), T, [&] {
      T* w = p.data_ptr<T>();
      const T* gr = g.data_ptr<T>();
      T* sq = s.square_avg.data_ptr<T>();
      T* acc = s.acc_delta.data_ptr<T>();
      const T wd = T(opt.weight_decay), rho = T(opt.rho), omr = T(1 - opt.rho), eps = T(opt.eps), neg_lr = T(-opt.lr);
      for (int64_t i = 0, n = p.numel(); i < n; ++i) {
        T d = opt.maximize ? -gr[i] : gr[i];
        if (opt.weight_decay != 0) d = std::fma(wd, w[i], d);
        sq[i] = std::fma(omr * d, d, sq[i] * rho);
        const T sd = std::sqrt(sq[i] + eps);
        const T delta = std::sqrt(acc[i] + eps) / sd * d;
        acc[i] = std::fma(omr * delta, delta, acc[i] * rho);
        w[i] = std::fma(neg_lr, delta, w[i]);
      }
    });
    p.bump_version();
  }
}

// ---------------- Adagrad ----------------
Adagrad::Adagrad(std::vector<Tensor> params, const AdagradOptions& o) : Optimizer(std::move(params)), opt(o) {
  TL_CHECK(o.lr >= 0, "ValueError: Invalid learning rate: ", o.lr);
  TL_CHECK(o.lr_decay >= 0, "ValueError: Invalid lr_decay value: ", o.lr_decay);
  TL_CHECK(o.weight_decay >= 0, "ValueError: Invalid weight_decay value: ", o.weight_decay);
  TL_CHECK(o.initial_accumulator_value >= 0, "ValueError: Invalid initial_accumulator_value value: ",
           o.initial_accumulator_value);
  TL_CHECK(o.eps >= 0, "ValueError: Invalid epsilon value: ", o.eps);
  state_.resize(params_.size());
  // PyTorch creates the state at construction: step = tensor(0.), sum = full_like(p, init).
  for (size_t k = 0; k < params_.size(); ++k) {
    state_[k].sum = full(params_[k].shape(), opt.initial_accumulator_value, params_[k].dtype());
    has_state_[k] = 1;
  }
}

// _single_tensor_adagrad: clr = lr / (1 + (step - 1) * lr_decay); state_sum.addcmul_(grad, grad, value=1);
// std = state_sum.sqrt().add_(eps); param.addcdiv_(grad, std, value=-clr)
void Adagrad::step() {
  NoGradGuard ng;
  for (size_t k = 0; k < params_.size(); ++k) {
    Tensor& p = params_[k];
    if (!p.grad().defined()) continue;
    Tensor g = contiguous_grad(p.grad());
    check_param("Adagrad", p, g);
    State& s = state_[k];
    s.step += 1;  // a float32 tensor in PyTorch; exact for every count below 2^24
    const double clr = opt.lr / (1 + (s.step - 1) * opt.lr_decay);
    TL_DISPATCH_FLOAT(p.dtype(), T, [&] {
      T* w = p.data_ptr<T>();
      const T* gr = g.data_ptr<T>();
      T* sum = s.sum.data_ptr<T>();
      const T wd = T(opt.weight_decay), eps = T(opt.eps), neg_clr = T(-clr);
      for (int64_t i = 0, n = p.numel(); i < n; ++i) {
        T d = opt.maximize ? -gr[i] : gr[i];
        if (opt.weight_decay != 0) d = std::fma(wd, w[i], d);
        sum[i] = std::fma(d, d, sum[i]);
        const T sd = std::sqrt(sum[i]) + eps;
        w[i] = w[i] + (neg_clr * d) / sd;
      }
    });
    p.bump_version();
  }
}

// ---------------- RMSprop ----------------
RMSprop::RMSprop(std::vector<Tensor> params, const RMSpropOptions& o) : Optimizer(std::move(params)), opt(o) {
  TL_CHECK(o.lr >= 0, "ValueError: Invalid learning rate: ", o.lr);
  TL_CHECK(o.eps >= 0, "ValueError: Invalid epsilon value: ", o.eps);
  TL_CHECK(o.momentum >= 0, "ValueError: Invalid momentum value: ", o.momentum);
  TL_CHECK(o.weight_decay >= 0, "ValueError: Invalid weight_decay value: ", o.weight_decay);
  TL_CHECK(o.alpha >= 0, "ValueError: Invalid alpha value: ", o.alpha);
  state_.resize(params_.size());
}

// _single_tensor_rmsprop:
//   square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
//   centered: grad_avg.mul_(alpha).add_(grad, alpha=1 - alpha); avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
//   else avg = square_avg.sqrt();  avg.add_(eps)
//   momentum > 0: buf.mul_(momentum).addcdiv_(grad, avg); param.add_(buf, alpha=-lr)
//   else param.addcdiv_(grad, avg, value=-lr)
void RMSprop::step() {
  NoGradGuard ng;
  for (size_t k = 0; k < params_.size(); ++k) {
    Tensor& p = params_[k];
    if (!p.grad().defined()) continue;
    Tensor g = contiguous_grad(p.grad());
    check_param("RMSprop", p, g);
    has_state_[k] = 1;
    State& s = state_[k];
    if (!s.square_avg.defined()) {
      s.square_avg = zeros(p.shape(), p.dtype());
      if (opt.momentum > 0) s.momentum_buffer = zeros(p.shape(), p.dtype());
      if (opt.centered) s.grad_avg = zeros(p.shape(), p.dtype());
    }
    s.step += 1;
    TL_DISPATCH_FLOAT(p.dtype(), T, [&] {
      T* w = p.data_ptr<T>();
      const T* gr = g.data_ptr<T>();
      T* sq = s.square_avg.data_ptr<T>();
      T* buf = opt.momentum > 0 ? s.momentum_buffer.data_ptr<T>() : nullptr;
      T* ga = opt.centered ? s.grad_avg.data_ptr<T>() : nullptr;
      const T wd = T(opt.weight_decay), a = T(opt.alpha), oma = T(1 - opt.alpha), eps = T(opt.eps);
      const T mom = T(opt.momentum), neg_lr = T(-opt.lr);
      for (int64_t i = 0, n = p.numel(); i < n; ++i) {
        T d = opt.maximize ? -gr[i] : gr[i];
        if (opt.weight_decay != 0) d = std::fma(wd, w[i], d);
        sq[i] = std::fma(oma * d, d, sq[i] * a);
        T avg;
        if (ga) {
          ga[i] = std::fma(oma, d, ga[i] * a);
          avg = std::sqrt(std::fma(T(-1) * ga[i], ga[i], sq[i]));
        } else {
          avg = std::sqrt(sq[i]);
        }
        avg = avg + eps;
        if (buf) {
          buf[i] = buf[i] * mom + d / avg;
          w[i] = std::fma(neg_lr, buf[i], w[i]);
        } else {
          w[i] = w[i] + (neg_lr * d) / avg;
        }
      }
    });
    p.bump_version();
  }
}

}  // namespace tl::optim
