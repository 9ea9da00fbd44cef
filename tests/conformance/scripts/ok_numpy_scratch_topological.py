# check-stdout
# The playground example web/examples/11_scratch_topological.py: CPython + numpy print exactly this.
# From scratch 2: backward in topological order.
# x is used twice (by y and by z), so it must collect the gradient from both users
# before it passes anything on: visiting nodes in reverse topological order
# guarantees that. (A plain depth-first walk would send x's gradient too early.)
import numpy as np
import torch


class Tensor:
    def __init__(self, data, children=(), op=""):
        self.data = np.array(data, dtype=float)
        self.grad = np.zeros_like(self.data)
        self._backward = lambda: None
        self._prev = set(children)
        self.op = op

    def __add__(self, other):
        out = Tensor(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        out = Tensor(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def backward(self):
        topo = []
        visited = set()

        def build(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build(child)
                topo.append(v)

        build(self)
        self.grad = np.ones_like(self.data)
        for v in reversed(topo):
            v._backward()


a = Tensor([1.0, 2.0, 3.0])
b = Tensor([4.0, 5.0, 6.0])
x = a * b
y = x + a
z = x * y
z.backward()
print("z =", z.data)
print("x.grad =", x.grad)
print("a.grad =", a.grad)
print("b.grad =", b.grad)

# The same with torch: its engine also runs backward in topological order.
ta = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
tb = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
tx = ta * tb
ty = tx + ta
tz = tx * ty
tz.sum().backward()
print("torch a.grad =", ta.grad)
print("torch b.grad =", tb.grad)
