// The persistent session of the playground's training mode.
#include <catch2/catch.hpp>

#include "engine/lang/graph.h"
#include "engine/lang/interpreter.h"

using namespace tl::lang;
using Catch::Matchers::Contains;

TEST_CASE("a session keeps globals, functions and models between exec calls", "[lang][session]") {
  Session s;
  s.exec("import torch\nimport torch.nn as nn\ntorch.manual_seed(0)\n"
         "X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])\ny = torch.tensor([0, 1, 1, 0])\n"
         "model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))\n"
         "opt = torch.optim.Adam(model.parameters(), lr=0.05)\nloss_fn = nn.CrossEntropyLoss()\n"
         "def step():\n    opt.zero_grad()\n    loss = loss_fn(model(X), y)\n    loss.backward()\n    opt.step()\n    return loss\n");
  s.exec("loss = step()\n");
  double first = s.tensor("loss").item();
  for (int i = 0; i < 10; ++i) s.exec("for _ in range(20):\n    loss = step()\n");
  double last = s.tensor("loss").item();
  CHECK(last < first);
  CHECK(s.exec("print(int(loss.item() < 10))\n") == "1\n");
  CHECK_THROWS_WITH(s.exec("zz + 1\n"), Contains("name 'zz' is not defined"));
  CHECK(s.tensor("loss").defined());  // the session survives an error
  std::string g = graph_json(s.snapshot("loss"), "loss");
  CHECK(g.find("\"0.weight\"") != std::string::npos);
  CHECK_FALSE(s.tensor("nope").defined());
}
