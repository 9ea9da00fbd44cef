# check-stdout
# Karpathy's micrograd Value class (closures that outlive their call, dunder methods, sets,
# recursion, generator expressions) with random.uniform seeded as in CPython.
import random
class Value:
    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')
        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out
    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')
        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out
    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), 'ReLU')
        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out
    def backward(self):
        topo = []
        visited = set()
        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)
        build_topo(self)
        self.grad = 1
        for v in reversed(topo):
            v._backward()
    def __radd__(self, other): return self + other
    def __rmul__(self, other): return self * other
    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"
random.seed(1337)
w = [Value(random.uniform(-1, 1)) for _ in range(3)]
x = [1.0, -2.0, 3.0]
act = sum((wi*xi for wi, xi in zip(w, x)), Value(0.5)).relu()
act.backward()
print(act, w)
s = Value(0.0)
for i in range(60):
    s = s + w[i % 3] * 0.5
s.backward()
print(s, [round(v.grad, 6) for v in w])
