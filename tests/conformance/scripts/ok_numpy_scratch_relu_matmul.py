# check-stdout
# The playground example web/examples/12_scratch_relu_matmul.py: CPython + numpy print exactly this.
# From scratch 3: matrix multiply and ReLU on numpy arrays.
# d(A @ B)/dA = grad @ B.T and d(A @ B)/dB = A.T @ grad; ReLU passes the gradient
# where its input was positive. d is used twice (e = d + d), so its gradient adds up.
import numpy as np
import torch


class Tensor:
    def __init__(self, data, children=()):
        self.data = np.array(data, dtype=float)
        self.grad = np.zeros_like(self.data)
        self._backward = lambda: None
        self._prev = set(children)

    def __add__(self, other):
        out = Tensor(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __matmul__(self, other):
        out = Tensor(self.data @ other.data, (self, other))

        def _backward():
            self.grad += out.grad @ other.data.T
            other.grad += self.data.T @ out.grad

        out._backward = _backward
        return out

    def relu(self):
        out = Tensor(np.maximum(self.data, 0), (self,))

        def _backward():
            self.grad += (self.data > 0) * out.grad

        out._backward = _backward
        return out

    def sum(self):
        out = Tensor(self.data.sum(), (self,))

        def _backward():
            self.grad += np.ones_like(self.data) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        topo, visited = [], set()

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


a = Tensor([[1.0, -2.0], [3.0, 4.0]])
b = Tensor([[5.0, 6.0], [-7.0, 8.0]])
c = a @ b
d = c.relu()
e = d + d
loss = e.sum()
loss.backward()
print("c =")
print(c.data)
print("loss =", loss.data)
print("a.grad =")
print(a.grad)
print("b.grad =")
print(b.grad)

# The same with torch (mm, relu, the same gradients).
ta = torch.tensor([[1.0, -2.0], [3.0, 4.0]], requires_grad=True)
tb = torch.tensor([[5.0, 6.0], [-7.0, 8.0]], requires_grad=True)
te = ta.mm(tb).relu()
(te + te).sum().backward()
print("torch a.grad =", ta.grad)
print("torch b.grad =", tb.grad)
