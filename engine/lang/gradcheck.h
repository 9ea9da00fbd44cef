// The playground's gradcheck button: a float64 finite-difference check of d(root)/d(var), where
// root is the tensor of the script's last backward() call and var a leaf variable.
//
// The script runs in float64 (torch.set_default_dtype semantics), once for the analytical
// gradient (var.grad) and twice per checked element with var's element perturbed by +-eps at
// the moment var is first bound. Meaningful when var is not updated before that backward.
#pragma once
#include <string>
#include <vector>

#include "engine/lang/interpreter.h"

namespace tl::lang {

struct GradcheckResult {
  std::string var;
  int64_t numel = 0;
  int64_t checked = 0;  // elements checked (the first max_elements)
  double max_abs_error = 0, max_rel_error = 0;
  std::vector<double> analytic, numeric;
};

GradcheckResult gradcheck_script(const std::string& source, const std::string& var, int64_t max_elements = 64,
                                 double eps = 1e-6);
std::string gradcheck_to_json(const GradcheckResult& r);

}  // namespace tl::lang
