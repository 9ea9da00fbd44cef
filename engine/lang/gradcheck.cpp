#include "engine/lang/gradcheck.h"

#include <cmath>

#include "engine/lang/json.h"
#include "engine/ops/ops.h"

namespace tl::lang {

namespace {

RunOptions float64_options() {
  RunOptions o;
  o.default_dtype = DType::Float64;
  o.max_statements = 200000;
  return o;
}

// The value of the last backward root with element j of var's first binding shifted by delta.
double root_value(const std::string& source, const std::string& var, int64_t j, double delta) {
  RunOptions o = float64_options();
  bool done = false;
  o.on_bind = [&](const std::string& name, Tensor& t) {
    if (done || name != var || !t.is_leaf()) return;
    done = true;
    Tensor c = t.contiguous();
    TL_DISPATCH_FLOAT(t.dtype(), T, [&] {
      NoGradGuard ng;
      Tensor d = zeros(t.shape(), t.dtype());
      d.data_ptr<T>()[j] = T(delta);
      t.copy_(add(c.detach(), d));  // a leaf requiring grad: written under no_grad
    });
  };
  RunResult r = run_script(source, o);
  TL_CHECK(r.backward_root.defined() && r.backward_root.numel() == 1,
           "gradcheck: the script must call backward() on a scalar");
  return r.backward_root.item();
}

}  // namespace

GradcheckResult gradcheck_script(const std::string& source, const std::string& var, int64_t max_elements,
                                 double eps) {
  GradcheckResult g;
  g.var = var;
  RunResult base = run_script(source, float64_options());
  const Tensor* x = base.find(var);
  TL_CHECK(x != nullptr, "gradcheck: no tensor variable named '", var, "'");
  TL_CHECK(x->is_leaf() && x->requires_grad(), "gradcheck: '", var, "' is not a leaf that requires grad");
  TL_CHECK(base.backward_root.defined(), "gradcheck: the script never calls backward()");
  Tensor grad = x->grad();
  TL_CHECK(grad.defined(), "gradcheck: '", var, "' has no .grad after the script ran");
  g.numel = x->numel();
  g.checked = std::min(g.numel, max_elements);
  std::vector<double> ga = grad.to_vector();
  for (int64_t j = 0; j < g.checked; ++j) {
    double hi = root_value(source, var, j, eps), lo = root_value(source, var, j, -eps);
    double num = (hi - lo) / (2 * eps), ana = ga[size_t(j)];
    g.analytic.push_back(ana);
    g.numeric.push_back(num);
    double abs_err = std::abs(ana - num);
    g.max_abs_error = std::max(g.max_abs_error, abs_err);
    g.max_rel_error = std::max(g.max_rel_error, abs_err / std::max(1e-12, std::abs(num)));
  }
  return g;
}

std::string gradcheck_to_json(const GradcheckResult& r) {
  std::string o = "{\"var\": " + json_quote(r.var) + ", \"numel\": " + std::to_string(r.numel) +
                  ", \"checked\": " + std::to_string(r.checked) + ", \"maxAbsError\": " + json_number(r.max_abs_error) +
                  ", \"maxRelError\": " + json_number(r.max_rel_error) + ", \"analytic\": [";
  for (size_t i = 0; i < r.analytic.size(); ++i) o += (i ? ", " : "") + json_number(r.analytic[i]);
  o += "], \"numeric\": [";
  for (size_t i = 0; i < r.numeric.size(); ++i) o += (i ? ", " : "") + json_number(r.numeric[i]);
  return o + "]}";
}

}  // namespace tl::lang
