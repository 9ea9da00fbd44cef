// The seed's three examples, run through the engine (what `npm start` printed before the
// playground existed; kept as the C++ usage example).
#include <cstdio>

#include "engine/tensorlens.h"

static void show(const char* name, const tl::Tensor& t) {
  std::printf("%s = [", name);
  auto v = t.to_vector();
  for (size_t i = 0; i < v.size(); ++i) std::printf("%s%g", i ? ", " : "", v[i]);
  std::printf("] shape %s\n", t.shape_str().c_str());
}

int main() {
  using tl::Tensor;
  {
    Tensor a = Tensor::from_data({1, 2, 3}, {3}).requires_grad_();
    Tensor b = Tensor::from_data({4, 5, 6}, {3}).requires_grad_();
    Tensor c = a + b, d = a * b, e = c * d;
    e.sum().backward();
    std::printf("# example 1: c = a + b; d = a * b; e = c * d; e.sum().backward()\n");
    show("e", e), show("a.grad", a.grad()), show("b.grad", b.grad());
  }
  {
    Tensor a = Tensor::from_data({1, 2, 3}, {3}).requires_grad_();
    Tensor b = Tensor::from_data({4, 5, 6}, {3}).requires_grad_();
    Tensor e = (a + b) * (a * b);
    e.sum().backward();
    std::printf("# example 2: backward in topological order (nodes processed):\n");
    for (auto& w : tl::autograd::last_backward_order())
      if (auto n = w.lock()) std::printf("  %s\n", n->name().c_str());
  }
  {
    Tensor a = Tensor::from_data({1, 2, 3, 4}, {2, 2}).requires_grad_();
    Tensor b = Tensor::from_data({5, 6, 7, 8}, {2, 2}).requires_grad_();
    Tensor c = a.mm(b), d = c.relu(), e = d + d;
    e.sum().backward();
    std::printf("# example 3: c = a.mm(b); d = c.relu(); e = d + d; e.sum().backward()\n");
    show("a.grad", a.grad()), show("b.grad", b.grad());
  }
  return 0;
}
