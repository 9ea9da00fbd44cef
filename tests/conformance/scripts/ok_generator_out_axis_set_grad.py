# check-stdout
# torch.Generator with generator= (multinomial, rand, randn), out=, axis=/keepdims= aliases,
# torch.set_grad_enabled as a call and as a context manager.
import torch
x = torch.tensor([[1., 2], [3, 4]])
print(x.sum(axis=0), x.argmax(axis=1), x.mean(axis=0, keepdims=True))
y = torch.empty(0)
torch.matmul(x, x, out=y)
print(y)
g = torch.Generator().manual_seed(2147483647)
print(torch.rand(2, generator=g), torch.randn(2, generator=g))
g2 = torch.Generator().manual_seed(2147483647)
p = torch.tensor([0.2, 0.3, 0.5])
print(torch.multinomial(p, num_samples=10, replacement=True, generator=g2))
print(torch.multinomial(p, num_samples=1, replacement=True, generator=g2))
print(g2.initial_seed())
print(torch.set_grad_enabled(False) is not None, torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
a = torch.ones(2, requires_grad=True)
with torch.set_grad_enabled(False):
    b = a * 2
print(b.requires_grad)
