// The playground's gradcheck of a script variable, and the graph's backward steps.
#include <catch2/catch.hpp>

#include "engine/lang/gradcheck.h"
#include "engine/lang/graph.h"

using namespace tl::lang;
using Catch::Matchers::Contains;

TEST_CASE("gradcheck of a script variable agrees with finite differences", "[lang][gradcheck]") {
  const char* src =
      "import torch\n"
      "w = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)\n"
      "x = torch.tensor([1.0, 2.0])\n"
      "loss = (w @ x).tanh().pow(2).sum() + w.exp().mean()\n"
      "loss.backward()\n";
  GradcheckResult r = gradcheck_script(src, "w");
  CHECK(r.checked == 4);
  CHECK(r.max_abs_error < 1e-6);
  CHECK(r.analytic.size() == 4);
  CHECK_THROWS_WITH(gradcheck_script(src, "x"), Contains("not a leaf that requires grad"));
  CHECK_THROWS_WITH(gradcheck_script(src, "nope"), Contains("no tensor variable named 'nope'"));
  CHECK(gradcheck_to_json(r).find("\"maxAbsError\"") != std::string::npos);
}

TEST_CASE("graph JSON carries the backward steps with broadcast sums and accumulation", "[lang][graph]") {
  RunOptions o;
  o.trace_backward = true;
  RunResult r = run_script(
      "import torch\n"
      "a = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)\n"
      "b = torch.tensor([1., 1., 1.], requires_grad=True)\n"
      "c = a * b\n"
      "e = (c + c).sum()\n"
      "e.backward()\n",
      o);
  REQUIRE(r.backward_trace.size() == 5);  // sum, add, mul, and two AccumulateGrad
  std::string g = graph_json(r);
  CHECK(g.find("\"steps\": [{\"node\"") != std::string::npos);
  CHECK(g.find("\"summed_dims\": [0]") != std::string::npos);
  CHECK(g.find("\"accumulated\": true") != std::string::npos);
  RunResult plain = run_script("import torch\nx = torch.ones(2, requires_grad=True)\nx.sum().backward()\n");
  CHECK(plain.backward_trace.empty());
  CHECK(graph_json(plain).find("\"steps\": []") != std::string::npos);
}
