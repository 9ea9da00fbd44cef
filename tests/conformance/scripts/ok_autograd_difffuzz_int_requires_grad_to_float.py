# Differential-fuzzer find: an integer tensor that requires grad (bernoulli_ with a p that does,
# a fill of a 0-d tensor that does) gives its float conversion history (ToCopyBackward0), and an
# empty mixed-dtype matmul whose float operand requires grad requires grad.
import torch
torch.manual_seed(0)  # (the wasm suite runs every script in one module: its RNG state carries over)
a = torch.tensor([[1, 3, 2]])
p = torch.tensor(0.88, requires_grad=True)
a.bernoulli_(p)
print(a.requires_grad, a.grad_fn.name())
b = a.to(torch.float32)
print(b.requires_grad, b.grad_fn.name(), b.dtype)
c = torch.tensor(2).new_ones(0)
c[:-1] = torch.tensor(0.12, dtype=torch.float64, requires_grad=True)
print(c.requires_grad, c.double().requires_grad, c.float().grad_fn.name())
print(c.long().requires_grad)
w = torch.tensor([-0.13, -1.5], requires_grad=True)
m = w.matmul(torch.zeros(5, 2, 0, dtype=torch.int64))
print(m.shape, m.dtype, m.requires_grad, m.grad_fn.name())
d = m / -3
print(d.requires_grad, d.grad_fn.name())
e = torch.tensor([2.0], requires_grad=True) @ torch.zeros(4, 0, 1, 3, dtype=torch.int64)
print(e.shape, e.dtype, e.requires_grad)
f = torch.zeros(3, 2, 0, 1, requires_grad=True).gather(1, torch.tensor([], dtype=torch.int64))
g = f.matmul(torch.zeros(1, 2, 0, 1, dtype=torch.int64))
print(g.shape, g.dtype, g.requires_grad, g.grad_fn.name())
