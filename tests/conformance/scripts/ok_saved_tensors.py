# check-stdout
# grad_fn._saved_* attributes of common nodes, as PyTorch exposes them.
import torch
torch.manual_seed(0)
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
print(x.equal(y.grad_fn._saved_self), x is y.grad_fn._saved_self, y.grad_fn._saved_exponent)
y = x.exp()
print(y.equal(y.grad_fn._saved_result), y is y.grad_fn._saved_result, y.grad_fn._saved_result.grad_fn.name())
a = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
m = a * b
print(m.grad_fn._saved_self is a, m.grad_fn._saved_other is b)
print(a.sin().grad_fn._saved_self is a, a.tanh().grad_fn._saved_result.shape, a.sigmoid().grad_fn._saved_result.requires_grad)
p = a.view(3, 1).mm(b.view(1, 3))
print(p.grad_fn._saved_self.shape, p.grad_fn._saved_mat2.shape)
try:
    y.grad_fn._saved_foo
except AttributeError as e:
    print("AttributeError", e)
