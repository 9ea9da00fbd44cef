// Graph export tests (engine/lang/graph.h): structure of the seed example's graph, backward
// order indices consistent with autograd::backward_order, source spans, escaping, and DOT that
// Graphviz accepts (when `dot` is installed).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "engine/lang/graph.h"
#include "engine/lang/interpreter.h"
#include "engine/tensorlens.h"

using namespace tl::lang;

namespace {

const char* kSeed =
    "import torch\n"
    "a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)\n"
    "b = torch.tensor([[5., 6.], [7., 8.]], requires_grad=True)\n"
    "c = a.mm(b)\n"
    "d = c.relu()\n"
    "e = d + d\n"
    "e.sum().backward()\n";

size_t count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t p = s.find(part); p != std::string::npos; p = s.find(part, p + 1)) ++n;
  return n;
}

// The text of node `id`'s JSON object (nodes are written in id order, one object each).
std::string node_json(const std::string& g, int id) {
  size_t p = g.find("{\"id\": " + std::to_string(id) + ",");
  REQUIRE(p != std::string::npos);
  size_t q = g.find("{\"id\": ", p + 1);
  if (q == std::string::npos) q = g.find("], \"edges\"");
  return g.substr(p, q - p);
}

}  // namespace

TEST_CASE("graph JSON of the seed example", "[graph]") {
  RunResult r = run_script(kSeed);
  std::string g = graph_json(r);
  // Ops: sum, add, relu, mm. Tensors: the unnamed root, e, d, c (named intermediates), a, b.
  CHECK(count(g, "\"kind\": \"op\"") == 4);
  CHECK(count(g, "\"kind\": \"tensor\"") == 6);
  // Edges: sum->root, e->sum, add->e, d->add twice (d + d), relu->d, c->relu, mm->c, a->mm, b->mm.
  CHECK(count(g, "{\"from\": ") == 10);
  CHECK(g.find("\"op\": \"mm\", \"grad_fn\": \"MmBackward0\"") != std::string::npos);
  CHECK(g.find("\"name\": \"a\", \"op\": \"\", \"grad_fn\": \"\", \"shape\": [2, 2], \"dtype\": \"float32\", "
               "\"requires_grad\": true, \"is_leaf\": true, \"value\": [1.0, 2.0, 3.0, 4.0], \"grad\": [22.0, 30.0, 22.0, 30.0]") !=
        std::string::npos);
  // The mm op was made at `mm` on line 4 (column 7), the sum at `sum` on line 7.
  CHECK(g.find("\"op\": \"mm\"") < g.find("\"span\": {\"line\": 4, \"col\": 7}"));
  CHECK(g.find("\"span\": {\"line\": 7, \"col\": 3}") != std::string::npos);

  // backward_order: the same positions autograd::backward_order gives: sum, add, relu, mm, then
  // the leaves' AccumulateGrad nodes.
  std::vector<std::shared_ptr<tl::Node>> order = tl::autograd::backward_order({r.backward_root.grad_fn()});
  REQUIRE(order.size() == 6);
  CHECK(std::string(order[0]->op()) == "sum");
  CHECK(std::string(order[1]->op()) == "add");
  CHECK(std::string(order[2]->op()) == "relu");
  CHECK(std::string(order[3]->op()) == "mm");
  CHECK(g.find("\"backward_order\": [0, 2, 4, 6, ") != std::string::npos);
  CHECK(node_json(g, 0).find("\"op\": \"sum\"") != std::string::npos);
  CHECK(node_json(g, 0).find("\"backward_order\": 0,") != std::string::npos);
  CHECK(node_json(g, 6).find("\"op\": \"mm\"") != std::string::npos);
  CHECK(node_json(g, 6).find("\"backward_order\": 3,") != std::string::npos);
  CHECK(node_json(g, 7).find("\"name\": \"c\"") != std::string::npos);  // mm's output, named c
  CHECK(node_json(g, 6).find("\"derivative\": \"\"") == std::string::npos);  // mm has a formula
}

TEST_CASE("graph of a named variable, leaves and untracked tensors", "[graph]") {
  RunResult r = run_script(kSeed);
  std::string gc = graph_json(r, "c");
  CHECK(gc.rfind("{\"var\": \"c\"", 0) == 0);
  CHECK(count(gc, "\"kind\": \"op\"") == 1);
  CHECK(count(gc, "\"kind\": \"tensor\"") == 3);
  std::string ga = graph_json(r, "a");
  CHECK(count(ga, "\"kind\": \"tensor\"") == 1);
  CHECK_THROWS_AS(graph_json(r, "nope"), tl::Error);

  // No backward: the last assigned tensor; a tensor without grad is a lone node.
  RunResult r2 = run_script("import torch\nx = torch.ones(2)\ny = x * 2\n");
  std::string g2 = graph_json(r2);
  CHECK(g2.rfind("{\"var\": \"y\"", 0) == 0);
  CHECK(count(g2, "\"kind\": \"tensor\"") == 1);
  CHECK(g2.find("\"backward_order\": -1") != std::string::npos);
}

TEST_CASE("graph walks shared subgraphs once and deep chains without recursion", "[graph]") {
  RunResult r = run_script(
      "import torch\nx = torch.ones(2, requires_grad=True)\ny = x\nfor i in range(3000):\n    y = y * 1.0\n"
      "z = y + y\nz.sum().backward()\n");
  std::string g = graph_json(r);
  // 3000 muls + add + sum ops; the leaf once.
  CHECK(count(g, "\"kind\": \"op\"") == 3002);
  CHECK(count(g, "\"name\": \"x\"") == 1);
  std::string dot = graph_dot(r);
  CHECK(count(dot, "->") > 3000);
}

TEST_CASE("graph DOT is escaped and renders with Graphviz", "[graph]") {
  RunResult r = run_script(kSeed);
  // A hostile variable name (script names are identifiers, so set it on the result).
  REQUIRE(r.tensors[0].first == "a");
  r.tensors[0].first = "a\"<b>\\N";
  std::string dot = graph_dot(r);
  CHECK(dot.rfind("digraph tensorlens {", 0) == 0);
  CHECK(dot.find("a\\\"<b>\\\\N") != std::string::npos);
  CHECK(dot.find("shape=box") != std::string::npos);
  CHECK(dot.find("shape=ellipse") != std::string::npos);
  std::string json = graph_json(r);
  CHECK(json.find("\"name\": \"a\\\"<b>\\\\N\"") != std::string::npos);
  if (std::system("command -v dot > /dev/null 2>&1") == 0) {
    const std::string path = "/tmp/tensorlens_test_graph.dot";
    std::ofstream(path) << dot;
    CHECK(std::system(("dot -Tsvg " + path + " -o /dev/null").c_str()) == 0);
    std::remove(path.c_str());
  }
}

TEST_CASE("graph JSON: module calls, composites, constants, grad_fn of named tensors, NaN flags", "[graph]") {
  RunOptions o;
  o.trace_backward = true;  // a graph export run (the CLI's and the playground's): outputs kept
  RunResult r = run_script(
      "import torch\n"
      "import torch.nn as nn\n"
      "class Net(nn.Module):\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "        self.fc1 = nn.Linear(4, 8)\n"
      "        self.act = nn.Sequential(nn.ReLU())\n"
      "    def forward(self, x):\n"
      "        return self.act(self.fc1(x))\n"
      "torch.manual_seed(0)\n"
      "net = Net()\n"
      "x = torch.randn(3, 4)\n"
      "h = net(x) * 2\n"
      "bad = torch.log(h - 100.0).sum()\n"
      "loss = torch.nn.functional.smooth_l1_loss(h, torch.zeros(3, 8), reduction='sum')\n"
      "loss.backward()\n",
      o);
  std::string g = graph_json(r);
  // Module calls, outer first: net (the script's variable), fc1 and act under it, act's child 0.
  CHECK(g.find("\"modules\": [{\"id\": 1, \"parent\": 0, \"name\": \"net\", \"type\": \"Net\", \"extra\": \"\"}") != std::string::npos);
  CHECK(g.find("\"name\": \"act\", \"type\": \"Sequential\"") != std::string::npos);
  CHECK(g.find("\"name\": \"fc1\", \"type\": \"Linear\", \"extra\": \"in_features=4, out_features=8, bias=True\"") != std::string::npos);
  CHECK(g.find("\"name\": \"0\", \"type\": \"ReLU\"") != std::string::npos);
  // smooth_l1_loss = where + sum (and more): they carry one composite id; the composite is named
  // smooth_l1_loss / SmoothL1LossBackward0; nn.Linear (transpose, mm, add) is one composite named
  // by its grad_fn (addmm).
  CHECK(g.find("\"op\": \"smooth_l1_loss\", \"grad_fn\": \"SmoothL1LossBackward0\"") != std::string::npos);
  CHECK(g.find("\"op\": \"addmm\", \"grad_fn\": \"AddmmBackward0\"") != std::string::npos);
  size_t sum = g.find("\"op\": \"sum\"");
  size_t where = g.find("\"op\": \"where\"");
  REQUIRE(sum != std::string::npos);
  REQUIRE(where != std::string::npos);
  auto composite_of = [&](size_t at) { size_t p = g.find("\"composite\": ", at); return g.substr(p, g.find(',', p) - p); };
  CHECK(composite_of(sum) == composite_of(where));
  CHECK(composite_of(sum) != "\"composite\": 0");
  // The ops made inside fc1 carry a module id; the mul of line 13 none (the field is left out).
  auto object_at = [&](size_t at) {  // the node object around position `at`
    size_t p = g.rfind("{\"id\": ", at), q = g.find("{\"id\": ", at);
    return g.substr(p, (q == std::string::npos ? g.find("], \"modules\"") : q) - p);
  };
  size_t mm = g.find("\"op\": \"addmm\"");  // nn.Linear on 2-D input: one addmm node
  REQUIRE(mm != std::string::npos);
  CHECK(object_at(mm).find("\"module\": ") != std::string::npos);
  size_t mul = g.rfind("\"op\": \"mul\"");  // (smooth_l1_loss's parts come first)
  REQUIRE(mul != std::string::npos);
  CHECK(object_at(mul).find("\"module\"") == std::string::npos);
  CHECK(object_at(mul).find("\"composite\"") == std::string::npos);
  // x needs no gradient: a constant node, named and previewed.
  CHECK(g.find("\"name\": \"x\", \"op\": \"\", \"grad_fn\": \"\", \"shape\": [3, 4], \"dtype\": \"float32\", \"requires_grad\": false, \"is_leaf\": true") != std::string::npos);
  CHECK(count(g, "\"constant\": true") == 2);  // and smooth_l1_loss's target
  // A named intermediate shows print(h.grad_fn)'s name.
  CHECK(g.find("\"name\": \"h\", \"op\": \"\", \"grad_fn\": \"MulBackward0\"") != std::string::npos);
  CHECK(g.find("\"nonfinite\"") == std::string::npos);  // no NaN/Inf in the loss's graph
  // The graph of `bad`: log of negatives is NaN, flagged on the unnamed log op (kept output).
  std::string b = graph_json(r, "bad");
  size_t log = b.find("\"op\": \"log\"");
  REQUIRE(log != std::string::npos);
  CHECK(b.substr(b.find("\"nonfinite\": ", log), 28) == "\"nonfinite\": {\"value\": true,");
}
