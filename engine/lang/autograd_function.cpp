// torch.autograd.Function subclasses: MyFn.apply(*args) runs the user's forward under no_grad
// and records one graph node whose backward calls the user's backward.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

Value Interp::function_apply(const ClassObj& c, std::vector<Value>& pos, Kw& kw, Pos at) {
  (void)pos, (void)kw;
  fail(at, "NotImplementedError: " + c.name + ".apply: torch.autograd.Function subclasses are not supported yet");
}

}  // namespace tl::lang::detail
