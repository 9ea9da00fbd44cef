// The Python of tutorials (classes, closures, exceptions, generators, nn.Module subclasses,
// torch.utils.data): outputs checked against CPython 3.11 + PyTorch 1.13. These run under ASan +
// LeakSanitizer in `npm test`, which checks that the reference cycles scripts make (closures over
// their own scope, objects pointing at each other, a module holding itself) are freed at the end
// of a run, and that errors inside user code unwind without leaking.
#include <catch2/catch.hpp>
#include <string>

#include "engine/lang/interpreter.h"

using namespace tl::lang;

namespace {
std::string out(const std::string& src) { return run_script(src).stdout_text; }

void expect_error(const std::string& src, int line, const std::string& part) {
  INFO(src);
  try {
    run_script(src);
    FAIL("no error");
  } catch (const ScriptError& e) {
    INFO(e.message());
    CHECK(e.line == line);
    CHECK(e.message().find(part) != std::string::npos);
  }
}
}  // namespace

TEST_CASE("classes: inheritance, super, dunders, properties", "[lang][python]") {
  CHECK(out("class A:\n"
            "  n = 0\n"
            "  def __init__(self, x):\n"
            "    self.x = x\n"
            "    A.n += 1\n"
            "  def __add__(self, o):\n"
            "    return A(self.x + (o.x if isinstance(o, A) else o))\n"
            "  __radd__ = __add__\n"
            "  def __repr__(self):\n"
            "    return f'A({self.x})'\n"
            "class B(A):\n"
            "  def __init__(self, x):\n"
            "    super().__init__(x * 10)\n"
            "  @property\n"
            "  def double(self):\n"
            "    return self.x * 2\n"
            "print(A(1) + B(2), 5 + A(1), B(1).double, A.n, isinstance(B(0), A))\n") ==
        "A(21) A(6) 20 6 True\n");
}

TEST_CASE("closures outlive their call; cycles are freed at the end of the run", "[lang][python]") {
  // micrograd's pattern: out._backward closes over out (a cycle out -> closure -> scope -> out).
  CHECK(out("class V:\n"
            "  def __init__(self, d, ch=()):\n"
            "    self.d = d\n"
            "    self.g = 0\n"
            "    self._prev = set(ch)\n"
            "    self._backward = lambda: None\n"
            "  def __mul__(self, o):\n"
            "    out = V(self.d * o.d, (self, o))\n"
            "    def _backward():\n"
            "      self.g += o.d * out.g\n"
            "      o.g += self.d * out.g\n"
            "    out._backward = _backward\n"
            "    return out\n"
            "a, b = V(3.0), V(4.0)\n"
            "c = a * b\n"
            "c.g = 1.0\n"
            "c._backward()\n"
            "a.me = a\n"
            "print(a.g, b.g, len(c._prev))\n") == "4.0 3.0 2\n");
  CHECK(out("def counter():\n"
            "  n = 0\n"
            "  def inc():\n"
            "    nonlocal n\n"
            "    n += 1\n"
            "    return n\n"
            "  return inc\n"
            "c = counter()\n"
            "c()\n"
            "print(c())\n") == "2\n");
}

TEST_CASE("exceptions: try/except/else/finally, raise, engine errors as RuntimeError", "[lang][python]") {
  CHECK(out("import torch\n"
            "class E(ValueError):\n"
            "  pass\n"
            "def f(x):\n"
            "  if x < 0:\n"
            "    raise E('neg')\n"
            "  return x\n"
            "for v in [1, -1]:\n"
            "  try:\n"
            "    r = f(v)\n"
            "  except ValueError as e:\n"
            "    print('caught', repr(e))\n"
            "  else:\n"
            "    print('ok', r)\n"
            "  finally:\n"
            "    print('done')\n"
            "try:\n"
            "  torch.ones(2) @ torch.ones(3)\n"
            "except RuntimeError:\n"
            "  print('runtime')\n") == "ok 1\ndone\ncaught E('neg')\ndone\nruntime\n");
  expect_error("def f():\n  raise KeyError('k')\nf()\n", 2, "KeyError: 'k'");
  expect_error("assert 1 > 2, 'no'\n", 1, "AssertionError: no");
}

TEST_CASE("resource limits are not catchable by except", "[lang][python]") {
  RunOptions o;
  o.max_statements = 1000;
  try {
    run_script("try:\n  while True:\n    pass\nexcept Exception:\n  print('swallowed')\n", o);
    FAIL("no error");
  } catch (const ScriptError& e) {
    CHECK(e.message().find("statement limit exceeded") != std::string::npos);
  }
}

TEST_CASE("recursion to CPython's depth without exhausting the native stack", "[lang][python]") {
  CHECK(out("def f(n):\n  return 0 if n == 0 else f(n - 1) + 1\nprint(f(990))\n") == "990\n");
  expect_error("def f(n):\n  return f(n + 1)\nf(0)\n", 2, "RecursionError");
}

TEST_CASE("generators, comprehensions, star-unpacking, decorators", "[lang][python]") {
  CHECK(out("def g(n):\n"
            "  for i in range(n):\n"
            "    yield i * i\n"
            "def deco(fn):\n"
            "  def w(*a, **k):\n"
            "    return fn(*a, **k) + 1\n"
            "  return w\n"
            "@deco\n"
            "def h(x, *, y=2):\n"
            "  return x * y\n"
            "first, *rest = list(g(4))\n"
            "print(first, rest, sum(x for x in range(4)), {k: v for k, v in zip('ab', (1, 2))}, h(3, y=5))\n") ==
        "0 [1, 4, 9] 6 {'a': 1, 'b': 2} 16\n");
}

TEST_CASE("comprehension targets live in their own scope (Python 3)", "[lang][python]") {
  // An outer variable of the same name is neither overwritten nor created.
  CHECK(out("i = 'outer'\n"
            "print([i * 2 for i in range(3)], i)\n"
            "def f():\n"
            "  j = 5\n"
            "  fs = [lambda: j for j in range(3)]\n"
            "  return [g() for g in fs], j, {k: j for k in 'ab'}\n"
            "print(f())\n") == "[0, 2, 4] outer\n([2, 2, 2], 5, {'a': 5, 'b': 5})\n");
  expect_error("[q for q in range(3)]\nprint(q)\n", 2, "NameError: name 'q' is not defined");
  expect_error("def f():\n  s = sum(n for n in range(3))\n  return n\nf()\n", 3, "NameError: name 'n' is not defined");
}

TEST_CASE("sys.exit ends a script: status 0 / None successfully, others as an error", "[lang][python]") {
  CHECK(out("import sys\nprint(1)\nsys.exit()\nprint(2)\n") == "1\n");
  CHECK(out("import sys\nsys.exit(0)\n").empty());
  expect_error("import sys\nsys.exit(3)\n", 2, "SystemExit: 3");
  expect_error("import os\nos.listdir('.')\n", 2, "module 'os' has no attribute 'listdir'");
}

TEST_CASE("nn.Module subclasses and torch.utils.data", "[lang][python][nn]") {
  CHECK(out("import torch\n"
            "import torch.nn as nn\n"
            "from torch.utils.data import TensorDataset, DataLoader\n"
            "torch.manual_seed(0)\n"
            "class Net(nn.Module):\n"
            "  def __init__(self):\n"
            "    super().__init__()\n"
            "    self.fc = nn.Linear(2, 1)\n"
            "  def forward(self, x):\n"
            "    return self.fc(x)\n"
            "net = Net()\n"
            "ds = TensorDataset(torch.ones(5, 2), torch.zeros(5, 1))\n"
            "n = 0\n"
            "for xb, yb in DataLoader(ds, batch_size=2, shuffle=True):\n"
            "  loss = ((net(xb) - yb) ** 2).mean()\n"
            "  loss.backward()\n"
            "  n += xb.shape[0]\n"
            "print(n, len(list(net.parameters())), net.fc.weight.grad.shape)\n") ==
        "5 2 torch.Size([1, 2])\n");
  expect_error("import torch.nn as nn\nclass M(nn.Module):\n  def __init__(self):\n    super().__init__()\n"
               "    self.me = self\nM()\n",
               5, "contains itself");
}

TEST_CASE("random gives CPython's numbers for a seed", "[lang][python]") {
  // Values from CPython 3.11: random.seed(42); random.random(); random.randint(1, 100)
  CHECK(out("import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 100))\n") ==
        "0.6394267984578837 4\n");
}

TEST_CASE("a session keeps what a failed exec defined before its error", "[lang][python][session]") {
  Session s;
  CHECK_THROWS_AS(s.exec("class C:\n  def v(self):\n    return 5\ndef f():\n  return C().v()\nx = 1 / 0\n"), ScriptError);
  CHECK(s.exec("print(f())\n") == "5\n");
}
