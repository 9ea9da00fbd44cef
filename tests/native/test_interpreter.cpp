// Interpreter tests (engine/lang/interpreter.h): statements, indexing, in-place semantics,
// printing as PyTorch does, positioned errors, limits and the CLI JSON. Expected values were
// checked against PyTorch 1.13.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/lang/interpreter.h"
#include "engine/lang/json.h"
#include "engine/tensorlens.h"

using namespace tl::lang;

namespace {

std::string out(const std::string& src, const RunOptions& o = {}) { return run_script(src, o).stdout_text; }

std::vector<double> values(const RunResult& r, const std::string& name) {
  const tl::Tensor* t = r.find(name);
  REQUIRE(t != nullptr);
  return t->to_vector();
}

// Runs src expecting a ScriptError; checks its position and that the message contains `part`.
void expect_error(const std::string& src, int line, int col, const std::string& part, const RunOptions& o = {}) {
  INFO(src);
  try {
    run_script(src, o);
    FAIL("no error");
  } catch (const ScriptError& e) {
    INFO(e.message());
    CHECK(e.line == line);
    CHECK(e.col == col);
    CHECK(e.message().find(part) != std::string::npos);
  }
}

const char* kSeed1 =
    "import torch\n"
    "a = torch.tensor([1., 2., 3.], requires_grad=True)\n"
    "b = torch.tensor([4., 5., 6.], requires_grad=True)\n"
    "c = a + b\n"
    "d = a * b\n"
    "e = c * d\n"
    "e.sum().backward()\n";

}  // namespace

TEST_CASE("seed example gives PyTorch's gradients", "[lang]") {
  RunResult r = run_script(kSeed1);
  CHECK(r.find("a")->grad().to_vector() == std::vector<double>{24, 45, 72});
  CHECK(r.find("b")->grad().to_vector() == std::vector<double>{9, 24, 45});
  CHECK(values(r, "e") == std::vector<double>{20, 70, 162});
  CHECK_FALSE(r.find("c")->grad().defined());  // non-leaf: .grad is None
  REQUIRE(r.backward_root.defined());
  CHECK(r.backward_root.numel() == 1);
  std::vector<std::string> names;
  for (auto& [n, t] : r.tensors) names.push_back(n);
  CHECK(names == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(r.last_assigned == "e");
  CHECK(r.find("c")->impl()->name == "c");
}

TEST_CASE("statements: assignment, unpacking, loops, if, def, break/continue", "[lang]") {
  CHECK(out("a, b = 1, 2\na, b = b, a\nprint(a, b)") == "2 1\n");
  CHECK(out("(a, [b, c]) = (1, [2, 3])\nprint(a + b + c)") == "6\n");
  CHECK(out("s = 0\nfor i in range(10):\n    if i % 2 == 0:\n        continue\n    if i > 7:\n        break\n    s += i\nprint(s)") ==
        "16\n");
  CHECK(out("i = 0\nwhile i < 5:\n    i += 2\nelse:\n    print('done', i)") == "done 6\n");
  CHECK(out("x = 5\nif x < 3:\n    print('a')\nelif x < 6:\n    print('b')\nelse:\n    print('c')") == "b\n");
  CHECK(out("def f(x, y=10):\n    return x * y\nprint(f(2), f(2, y=3), f(y=1, x=4))") == "20 6 4\n");
  CHECK(out("def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(10))") == "3628800\n");
  CHECK(out("def outer():\n    k = 3\n    def inner(v):\n        return v + k\n    return inner(1)\nprint(outer())") == "4\n");
  CHECK(out("def f():\n    pass\nprint(f())") == "None\n");
  CHECK(out("xs = [i * i for i in range(5) if i != 2]\nprint(xs, len(xs))") == "[0, 1, 9, 16] 4\n");
  CHECK(out("for i, (a, b) in enumerate(zip([1, 2], 'xy')):\n    print(i, a, b)") == "0 1 x\n1 2 y\n");
  CHECK(out("d = {'a': 1, 'b': 2}\nd['c'] = 3\nprint(d, d['b'], len(d), 'a' in d, list(d.keys()))") ==
        "{'a': 1, 'b': 2, 'c': 3} 2 3 True ['a', 'b', 'c']\n");
  CHECK(out("xs = []\nxs.append(1)\nxs += [2]\nprint(xs, xs[-1], xs[::-1], 3 in xs, 2 not in xs)") ==
        "[1, 2] 2 [2, 1] False False\n");
  CHECK(out("import math\nprint(math.sqrt(16.0), math.pi, round(2.5), round(3.14159, 2), abs(-3), min(3, 1, 2), max([1, 5]), sum([1, 2, 3]))") ==
        "4.0 3.141592653589793 2 3.14 3 1 5 6\n");
  CHECK(out("x = None\nprint(x is None, x is not None, not x, 1 if x else 2, x or 'y', 0 and 1)") ==
        "True False True 2 y 0\n");
}

TEST_CASE("number semantics follow Python", "[lang]") {
  CHECK(out("print(7 / 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 1e-3, 1.0, 0.1 + 0.2, 1e16, 3 * 1.5)") ==
        "3.5 3 -4 -2 1024 0.5 0.001 1.0 0.30000000000000004 1e+16 4.5\n");
  CHECK(out("print(-7.5 // 2, -7.5 % 2, float('inf'), -float('inf'), int(3.9), int(-3.9), float(3), str(2.0))") ==
        "-4.0 0.5 inf -inf 3 -3 3.0 2.0\n");
  CHECK(out("print(True + 1, 3 == 3.0, 'ab' * 2, [0] * 3, (1, 2) + (3,), 1 < 2 < 3, 3 < 2 < 4)") ==
        "2 True abab [0, 0, 0] (1, 2, 3) True False\n");
  CHECK(out("print('%d items, %.3f loss, %s' % (3, 0.12345, 'ok'), '{} {:.2f} {:>4}'.format('a', 3.14159, 7))") ==
        "3 items, 0.123 loss, ok a 3.14    7\n");
  expect_error("x = 1 / 0", 1, 7, "ZeroDivisionError: division by zero");
  expect_error("x = 2 ** 64", 1, 7, "OverflowError");
}

TEST_CASE("print matches PyTorch's tensor repr", "[lang]") {
  CHECK(out("import torch\nprint(torch.tensor([1., 2.], requires_grad=True))") == "tensor([1., 2.], requires_grad=True)\n");
  CHECK(out("import torch\nx = torch.tensor(3.5, requires_grad=True)\nprint(x * 1)") == "tensor(3.5000, grad_fn=<MulBackward0>)\n");
  CHECK(out("import torch\nprint(torch.tensor([[1.5, -2.], [3., 4.25]]))") == "tensor([[ 1.5000, -2.0000],\n        [ 3.0000,  4.2500]])\n");
  CHECK(out("import torch\nprint(torch.tensor([1e-5, 1.]), torch.arange(3), torch.tensor([True, False]))") ==
        "tensor([1.0000e-05, 1.0000e+00]) tensor([0, 1, 2]) tensor([ True, False])\n");
  CHECK(out("import torch\nprint(torch.zeros(2, dtype=torch.float64), torch.zeros(0, 3), torch.tensor([]))") ==
        "tensor([0., 0.], dtype=torch.float64) tensor([], size=(0, 3)) tensor([])\n");
  CHECK(out("import torch\nx = torch.ones(2, 3)\nprint(x.shape, x.shape[1], x.size(), x.dtype, x.ndim, len(x))") ==
        "torch.Size([2, 3]) 3 torch.Size([2, 3]) torch.float32 2 2\n");
  // Summarised (> 1000 elements) and wrapped (> 80 columns) output, as PyTorch prints them.
  CHECK(out("import torch\nprint(torch.arange(2000))") == "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])\n");
  CHECK(out("import torch\nprint(torch.arange(20.))") ==
        "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n        14., 15., 16., 17., 18., 19.])\n");
  CHECK(out("import torch\nx = torch.ones(2, requires_grad=True)\nprint(x.grad_fn, (x * 2).grad_fn.name(), x.is_leaf, (x*2).is_leaf)")
            .rfind("None MulBackward0 True False", 0) == 0);
  CHECK(out("import torch\nprint((torch.ones(1, requires_grad=True) * 2).grad_fn)").rfind("<MulBackward0 object at 0x", 0) == 0);
}

TEST_CASE("number-op-tensor keeps PyTorch's dtypes and values", "[lang]") {
  RunResult r = run_script(
      "import torch\nx = torch.tensor([1., 2.])\ni = torch.tensor([1, 2])\n"
      "a = 2 * x\nb = 1 - x\nc = 2 ** x\nd = 1 / x\ne = 1 - i\nf = i * 2.5\ng = i / 2\nh = x ** 2\nk = -x\nm = x > 1\n");
  CHECK(values(r, "a") == std::vector<double>{2, 4});
  CHECK(values(r, "b") == std::vector<double>{0, -1});
  CHECK(values(r, "c") == std::vector<double>{2, 4});
  CHECK(values(r, "d") == std::vector<double>{1, 0.5});
  CHECK(r.find("e")->dtype() == tl::DType::Int64);
  CHECK(values(r, "e") == std::vector<double>{0, -1});
  CHECK(r.find("f")->dtype() == tl::DType::Float32);
  CHECK(r.find("g")->dtype() == tl::DType::Float32);
  CHECK(values(r, "h") == std::vector<double>{1, 4});
  CHECK(values(r, "k") == std::vector<double>{-1, -2});
  CHECK(r.find("m")->dtype() == tl::DType::Bool);
}

TEST_CASE("tensor indexing composes views and keeps autograd", "[lang]") {
  RunResult r = run_script(
      "import torch\n"
      "x = torch.arange(24.).reshape(2, 3, 4)\n"
      "a = x[1]\nb = x[:, 1]\nc = x[-1, 1:3, ::2]\nd = x[..., 0]\ne = x[None, 0].shape\n"
      "f = x[0, torch.tensor([2, 0])]\ng = x[x > 20]\nh = x[0, [1, -1]]\n"
      "w = torch.tensor([1., 2., 3.], requires_grad=True)\n"
      "y = w[1:] * w[0]\ny.sum().backward()\n");
  CHECK(values(r, "a").size() == 12);
  CHECK(values(r, "b") == std::vector<double>{4, 5, 6, 7, 16, 17, 18, 19});
  CHECK(values(r, "c") == std::vector<double>{16, 18, 20, 22});
  CHECK(values(r, "d") == std::vector<double>{0, 4, 8, 12, 16, 20});
  CHECK(values(r, "f") == std::vector<double>{8, 9, 10, 11, 0, 1, 2, 3});
  CHECK(values(r, "g") == std::vector<double>{21, 22, 23});
  CHECK(values(r, "h") == std::vector<double>{4, 5, 6, 7, 8, 9, 10, 11});
  CHECK(r.find("w")->grad().to_vector() == std::vector<double>{5, 1, 1});
  CHECK(out("import torch\nx = torch.arange(6).reshape(2, 3)\nprint(x[None].shape, x[:, None, :].shape, x[1][2].item())") ==
        "torch.Size([1, 2, 3]) torch.Size([2, 1, 3]) 5\n");
  expect_error("import torch\nx = torch.ones(2, 2)\ny = x[0, 0, 0]", 3, 6, "too many indices for tensor of dimension 2");
  expect_error("import torch\nx = torch.ones(2)\ny = x[1.5]", 3, 6, "only integers, slices");
  expect_error("import torch\nx = torch.ones(2)\ny = x[::-1]", 3, 6, "step must be greater than zero");
}

TEST_CASE("index assignment copies into the view", "[lang]") {
  RunResult r = run_script(
      "import torch\nx = torch.zeros(2, 3)\nx[0] = 1\nx[:, 2] = torch.tensor([7., 8.])\nx[1, 0] += 5\nx[x > 7] = -1\n"
      "w = torch.ones(3, requires_grad=True)\nwith torch.no_grad():\n    w[1] = 4\n");
  CHECK(values(r, "x") == std::vector<double>{1, 1, 7, 5, 0, -1});
  CHECK(values(r, "w") == std::vector<double>{1, 4, 1});
  expect_error("import torch\nw = torch.ones(3, requires_grad=True)\nw[0] = 2", 3, 2, "in-place");
}

TEST_CASE("augmented assignment is in place on tensors and rebinds numbers", "[lang]") {
  RunResult r = run_script(
      "import torch\nx = torch.ones(2)\ny = x\nx += 1\nx *= 3\nz = torch.ones(2)\nu = z\nz = z + 1\n"
      "n = 1\nm = n\nn += 1\nt = (1,)\nt += (2,)\n");
  CHECK(values(r, "y") == std::vector<double>{6, 6});  // same tensor as x
  CHECK(values(r, "u") == std::vector<double>{1, 1});  // z was rebound, u kept the old tensor
  CHECK(out("n = 1\nm = n\nn += 1\nxs = [1]\nys = xs\nxs += [2]\nprint(n, m, ys)") == "2 1 [1, 2]\n");
  // In place bumps the version: backward sees the saved tensor was modified, as in PyTorch.
  expect_error(
      "import torch\nw = torch.ones(2, requires_grad=True)\nh = w * 2\ny = (h * h).sum()\nh += 1\ny.backward()", 6, 3,
      "modified by an inplace operation");
}

TEST_CASE("no_grad and enable_grad blocks", "[lang]") {
  CHECK(out("import torch\nw = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n    y = w * 2\n"
            "    with torch.enable_grad():\n        z = w * 2\nq = w * 2\nprint(y.requires_grad, z.requires_grad, q.requires_grad, torch.is_grad_enabled())") ==
        "False True True True\n");
  // Grad mode is restored when an error leaves the block.
  CHECK_THROWS_AS(run_script("import torch\nwith torch.no_grad():\n    x = undefined_name\n"), ScriptError);
  CHECK(tl::grad_enabled());
  // A training loop written by hand.
  RunResult r = run_script(
      "import torch\nw = torch.tensor([0.], requires_grad=True)\nfor step in range(50):\n"
      "    loss = ((w - 3) ** 2).sum()\n    loss.backward()\n    with torch.no_grad():\n        w -= 0.1 * w.grad\n"
      "    w.grad.zero_()\n");
  CHECK(values(r, "w")[0] == Approx(3.0).epsilon(1e-4));
}

TEST_CASE("tensor attributes and torch.autograd", "[lang]") {
  CHECK(out("import torch\nx = torch.ones(2, 3)\nprint(x.T.shape, x.data.requires_grad)\nx.requires_grad = True\n"
            "print(x.requires_grad)\nx.grad = torch.zeros(2, 3)\nprint(x.grad.sum().item())\nx.grad = None\nprint(x.grad)") ==
        "torch.Size([3, 2]) False\nTrue\n0.0\nNone\n");
  CHECK(out("import torch\nx = torch.tensor(2., requires_grad=True)\ny = x ** 3\n(g,) = torch.autograd.grad(y, x, create_graph=True)\n"
            "(g2,) = torch.autograd.grad(g, x)\nprint(g.item(), g2.item())") == "12.0 12.0\n");
  CHECK(out("import torch\nimport torch.nn.functional as F\nfrom torch import nn\nx = torch.tensor([-1., 2.])\n"
            "print(F.relu(x), nn.functional.relu(x).tolist(), torch.float64, torch.long)") ==
        "tensor([0., 2.]) [0.0, 2.0] torch.float64 torch.int64\n");
  CHECK(out("import torch\nx = torch.arange(3.)\nfor row in x:\n    print(row)") == "tensor(0.)\ntensor(1.)\ntensor(2.)\n");
}

TEST_CASE("errors are positioned at the most specific expression", "[lang]") {
  expect_error("import torch\nprint(foo)", 2, 7, "NameError: name 'foo' is not defined");
  expect_error("import torch\nx = torch.foo(1)", 2, 11, "module 'torch' has no attribute 'foo'");
  expect_error("import torch\nx = torch.ones(2)\ny = x.bar()", 3, 7, "'Tensor' object has no attribute 'bar'");
  expect_error("import torch\nx = torch.ones(2, 3)\ny = torch.ones(2, 3)\nz = (x +  y) @ y", 4, 14, "cannot be multiplied");
  expect_error("import torch\nx = torch.mm(torch.ones(2, 2))", 2, 11, "missing required argument");
  expect_error("import torch\nx = torch.ones(2)\ny = x.sum(1, 2, 3, 4, 5)", 3, 7, "sum");
  expect_error("import torch\nx = torch.ones(2, requires_grad=True)\n(x * 2).backward()", 3, 9,
               "grad can be implicitly created only for scalar outputs");
  expect_error("import torch\nx = torch.ones(2)\nx.sum().backward()", 3, 9, "does not require grad");
  expect_error("def f(a):\n    return a\nf(1, 2)", 3, 1, "f() takes 1 positional argument but 2 were given");
  expect_error("x = [1, 2]\ny = x[5]", 2, 6, "IndexError: list index out of range");
  expect_error("import pandas", 1, 8, "No module named 'pandas'");  // numpy is importable (numpy.h)
  CHECK_THROWS_AS(run_script("x = 1 +"), SyntaxError);
}

TEST_CASE("limits end runaway scripts with clear errors", "[lang]") {
  RunOptions o;
  o.max_statements = 100;
  // 100 statements run, the 101st is refused.
  std::string ok;
  for (int i = 0; i < 100; ++i) ok += "x = 1\n";
  CHECK_NOTHROW(run_script(ok, o));
  expect_error(ok + "x = 2\n", 101, 1, "statement limit exceeded", o);
  expect_error("while True:\n    pass\n", 1, 1, "statement limit exceeded", o);
  expect_error("xs = [i for i in range(10 ** 9)]", 1, 9, "statement limit exceeded", o);
  // The default budget is for endless loops only: legitimate pure-Python scripts run millions of
  // statements (micrograd's demo: ~1M), so 1.2M statements are well within it.
  CHECK(RunOptions().max_statements >= 100000000);
  CHECK(run_script("n = 0\nfor i in range(600000):\n    n += 1\nprint(n)\n").stdout_text == "600000\n");

  o = RunOptions();
  o.max_tensor_elements = 1000;
  CHECK_NOTHROW(run_script("import torch\nx = torch.zeros(1000)", o));
  expect_error("import torch\nx = torch.zeros(1001)", 2, 11, "too large", o);

  o = RunOptions();
  o.max_live_bytes = 4000;  // 1000 float32 elements
  CHECK_NOTHROW(run_script("import torch\nx = torch.zeros(1000)", o));
  expect_error("import torch\nx = torch.zeros(1000)\ny = torch.zeros(1)", 3, 11, "MemoryError", o);

  o = RunOptions();
  o.max_call_depth = 10;
  CHECK(out("def f(n):\n    return 0 if n == 0 else f(n - 1)\nprint(f(9))", o) == "0\n");
  expect_error("def f(n):\n    return 0 if n == 0 else f(n - 1)\nprint(f(10))", 2, 29, "RecursionError", o);
  expect_error("def f():\n    return f()\nf()", 2, 12, "maximum recursion depth exceeded");

  // Deep expressions inside recursive calls hit the interpreter's total depth bound, not the
  // native stack.
  const std::string deep = "def f(n):\n    return " + std::string(200, '-') + "(0 if n == 0 else f(n - 1))\nf(60)";
  CHECK_THROWS_WITH(run_script(deep), Catch::Contains("RecursionError"));
  expect_error("xs = [0] * 10 ** 8", 1, 10, "MemoryError");
  expect_error("a = []\na.append(a)", 2, 3, "cannot contain itself");
  expect_error("a = []\nfor i in range(200):\n    a = [a]", 3, 9, "nested more than");
  o = RunOptions();
  o.max_stdout_bytes = 10;
  expect_error("print('0123456789')", 1, 1, "output limit", o);
}

TEST_CASE("result_to_json is the CLI contract", "[lang]") {
  RunResult r = run_script(
      "import torch\nx = torch.tensor([0.1, float('nan')], requires_grad=True)\ny = (x * 2).sum()\n"
      "i = torch.tensor([[1, 2]])\nb = i > 1\nn = 3\nprint('hi \"there\"')\n");
  CHECK(result_to_json(r) ==
        "{\"tensors\": {"
        "\"x\": {\"shape\": [2], \"dtype\": \"float32\", \"requires_grad\": true, \"data\": [0.1, \"nan\"], \"grad\": null}, "
        "\"y\": {\"shape\": [], \"dtype\": \"float32\", \"requires_grad\": true, \"data\": [\"nan\"], \"grad\": null}, "
        "\"i\": {\"shape\": [1, 2], \"dtype\": \"int64\", \"requires_grad\": false, \"data\": [1, 2], \"grad\": null}, "
        "\"b\": {\"shape\": [1, 2], \"dtype\": \"bool\", \"requires_grad\": false, \"data\": [false, true], \"grad\": null}}, "
        "\"stdout\": \"hi \\\"there\\\"\\n\"}");
  RunResult g = run_script(kSeed1);
  CHECK(result_to_json(g).find("\"a\": {\"shape\": [3], \"dtype\": \"float32\", \"requires_grad\": true, "
                               "\"data\": [1.0, 2.0, 3.0], \"grad\": [24.0, 45.0, 72.0]}") != std::string::npos);
  // filled_grads (tensorlens batch): a tensor an in-place op made a non-leaf keeps its .grad
  // field, which PyTorch does not fill (the fuzzer's oracle reads no grad there).
  RunResult s = run_script("import torch\nx = torch.tensor([1.0], requires_grad=True)\n(x * 2).sum().backward()\n"
                           "x.requires_grad_(False)\nx *= torch.tensor(2.0, requires_grad=True)\n");
  CHECK(result_to_json(s).find("\"grad\": [2.0]") != std::string::npos);
  CHECK(result_to_json(s, true).find("\"grad\": null") != std::string::npos);
  CHECK(error_to_json("bad \"x\"\n", 3, 4) ==
        "{\"error\": {\"type\": \"RuntimeError\", \"message\": \"bad \\\"x\\\"\\n\", \"line\": 3, \"col\": 4}}");
  // The type is Python's exception type named by the message (engine messages: RuntimeError).
  CHECK(error_to_json("IndexError: index 3 is out of range", 1, 1).find("\"type\": \"IndexError\"") != std::string::npos);
  CHECK(exception_type("TypeError: f() takes 1 positional argument") == "TypeError");
  CHECK(exception_type("mm: shapes (2,3) and (4,5) cannot be multiplied") == "RuntimeError");
  CHECK(with_exception_type("sum: bad") == "RuntimeError: sum: bad");
  CHECK(with_exception_type("KeyError: 'a'") == "KeyError: 'a'");
}

TEST_CASE("json number formatting", "[lang]") {
  CHECK(py_float_repr(0.1) == "0.1");
  CHECK(py_float_repr(1.0) == "1.0");
  CHECK(py_float_repr(double(0.1f), true) == "0.1");
  CHECK(py_float_repr(1e-5) == "1e-05");
  CHECK(py_float_repr(123456789012345678.0) == "1.2345678901234568e+17");
  CHECK(py_float_repr(-0.0) == "-0.0");
  CHECK(py_float_repr(1e16) == "1e+16");
  CHECK(py_float_repr(1e15) == "1000000000000000.0");
  CHECK(json_number(-INFINITY) == "\"-inf\"");
  CHECK(json_quote("a\x01\xff") == "\"a\\u0001\xEF\xBF\xBD\"");
}

TEST_CASE("try_run_script keeps stdout printed before an error", "[lang]") {
  RunResult r;
  ScriptFailure f;
  CHECK_FALSE(try_run_script("print(1)\nprint(x)", RunOptions(), r, f));
  CHECK(r.stdout_text == "1\n");
  CHECK(f.line == 2);
  CHECK(f.col == 7);
  CHECK(f.message == "NameError: name 'x' is not defined");
  CHECK_FALSE(try_run_script("x = (", RunOptions(), r, f));
  CHECK(f.message.rfind("SyntaxError: ", 0) == 0);
}
