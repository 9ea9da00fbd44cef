# check-stdout
# The playground example web/examples/10_scratch_add_mul.py: CPython + numpy print exactly this.
# From scratch 1: a Tensor class on numpy arrays, with + and *.
# Each operation stores a closure that passes its output's gradient to its inputs
# (the chain rule); backward() here simply walks the graph depth-first.
# The last lines do the same computation with torch: compare the gradients and the graph.
import numpy as np
import torch


class Tensor:
    def __init__(self, data, children=(), op=""):
        self.data = np.array(data, dtype=float)
        self.grad = np.zeros_like(self.data)
        self._backward = lambda: None
        self._prev = children
        self.op = op

    def __add__(self, other):
        other = other if isinstance(other, Tensor) else Tensor(other)
        out = Tensor(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad          # d(x + y)/dx = 1
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Tensor) else Tensor(other)
        out = Tensor(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad   # d(x * y)/dx = y
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def backward(self):
        # Depth-first, correct here because every intermediate value is used once.
        self.grad = np.ones_like(self.data)
        stack = [self]
        while stack:
            t = stack.pop()
            t._backward()
            stack.extend(t._prev)

    def __repr__(self):
        return f"Tensor({self.data}, op={self.op!r})"


a = Tensor([1.0, 2.0, 3.0])
b = Tensor([4.0, 5.0, 6.0])
c = a + b
d = a * b
e = c * d
e.backward()
print("e =", e)
print("a.grad =", a.grad)
print("b.grad =", b.grad)

# The same computation with torch's autograd (its graph is drawn on the right).
ta = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
tb = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
te = (ta + tb) * (ta * tb)
te.sum().backward()
print("torch a.grad =", ta.grad)
print("torch b.grad =", tb.grad)
