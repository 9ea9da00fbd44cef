// Each autograd node's identity is an op-table row: record() takes the row, and the node's
// backward, grad_fn name and derivative text are the row's. Here every node recorded while the
// conformance scripts run (tests/conformance/scripts/ok_*.py: the PyTorch programs with goldens)
// must come from a row of op_table() that has a backward, and every row that has a backward must
// be recorded by some run: a backward no node uses would be a dead second copy of a formula.
// (The differentiable rows are also checked one by one in test_gradcheck.cpp: each row with a
// backward records its own node when called.)
#include <catch2/catch.hpp>
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/lang/interpreter.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

using namespace tl;

namespace {

std::map<const void*, int> g_rows;  // row pointer -> nodes recorded with it
int g_outside = 0;                  // nodes whose row is not in the table
std::string g_outside_example;

bool in_table(const OpDef* p) {
  const auto& t = op_table();
  return p >= t.data() && p < t.data() + t.size();
}

void observe(const Node& n) {
  ++g_rows[n.row];
  if (!in_table(n.row) || !n.row->backward) {
    if (!g_outside++) g_outside_example = n.row ? n.row->key : "(null row)";
  }
}

struct ObserverGuard {
  ObserverGuard() { set_record_observer(observe); }
  ~ObserverGuard() { set_record_observer(nullptr); }
};

std::vector<std::string> conformance_scripts() {
  const std::string dir = std::string(TL_SOURCE_DIR) + "/tests/conformance/scripts";
  std::vector<std::string> files;
  DIR* d = opendir(dir.c_str());
  if (!d) return files;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.rfind("ok_", 0) == 0 && name.size() > 3 && name.substr(name.size() - 3) == ".py") files.push_back(dir + "/" + name);
  }
  closedir(d);
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every recorded autograd node belongs to an op-table row, and every row's backward is used", "[autograd][ops]") {
  g_rows.clear();
  g_outside = 0;
  std::vector<std::string> files = conformance_scripts();
  REQUIRE(files.size() > 100);
  int ran = 0;
  {
    ObserverGuard guard;
    // Rows the goldens do not reach: recorded without being differentiable (floor_divide has no
    // derivative; a random sample has no finite differences) or only when the input requires grad.
    const std::string extra =
        "import torch\n"
        "x = torch.rand(3, 2, dtype=torch.float64, requires_grad=True)\n"
        "for f in [torch.trunc, torch.frac, torch.log1p, torch.log10, torch.tan, torch.asin, torch.acos,\n"
        "          torch.sinh, torch.cosh, torch.bernoulli]:\n"
        "    f(x).sum().backward()\n"
        "torch.floor_divide(x, 2)\n"
        "x.scatter(0, torch.tensor([[0, 1]]), 1.0).sum().backward()\n"
        "x.std(0).sum().backward()\n";
    files.push_back(extra);
    for (const std::string& f : files) {
      std::stringstream ss;
      if (f.rfind("import torch", 0) == 0) ss << f;
      else ss << std::ifstream(f).rdbuf();
      lang::RunOptions opt;
      opt.max_statements = 5000000;
      lang::RunResult r;
      lang::ScriptFailure err;
      if (lang::try_run_script(ss.str(), opt, r, err)) ++ran;
    }
  }
  INFO("scripts run: " << ran << " of " << files.size());
  CHECK(ran == int(files.size()));  // ok_ scripts succeed (their goldens are checked elsewhere)
  INFO("example: " << g_outside_example);
  CHECK(g_outside == 0);
  CHECK(g_rows.size() > 60);

  std::vector<std::string> unused;
  for (const OpDef& op : op_table()) {
    if (!op.backward) continue;
    CHECK_FALSE(op.grad_fn.empty());
    if (!g_rows.count(&op)) unused.push_back(op.key);
  }
  std::string list;
  for (const std::string& k : unused) list += " " + k;
  INFO("rows with a backward that no node was recorded with:" << list);
  CHECK(unused.empty());
}

TEST_CASE("a node's grad_fn name and derivative text are its row's", "[autograd][ops]") {
  Tensor a = Tensor::scalar(2.0, DType::Float64), b = Tensor::scalar(3.0, DType::Float64);
  a.requires_grad_(true);
  Tensor y = mul(a, b);
  REQUIRE(y.grad_fn());
  const OpDef& row = op_row("mul.Tensor");
  CHECK(y.grad_fn()->row == &row);
  CHECK(y.grad_fn()->name() == "MulBackward0");
  CHECK(std::string(y.grad_fn()->derivative()) == row.derivative);
  CHECK(std::string(y.grad_fn()->op()) == "mul");
  // An overload PyTorch numbers: the row owns the number (pow.Scalar -> PowBackward0,
  // pow.Tensor -> PowBackward1).
  CHECK(pow(a, 2.0).grad_fn()->name() == "PowBackward0");
  CHECK(pow(a, b).grad_fn()->name() == "PowBackward1");
  CHECK(op_row("pow.Scalar").grad_fn == "PowBackward0");
  // A composite's row names the node its call returns (square = pow here).
  Value m = call_op("square", kTorch, {Value::tensor(a)});
  CHECK(m.t.grad_fn()->name() == "PowBackward0");
  CHECK(std::string(m.t.grad_fn()->op()) != "square");  // the part's own row (the graph shows parts)
  CHECK_THROWS_WITH(op_row("no_such_row"), Catch::Contains("no row 'no_such_row'"));
}
