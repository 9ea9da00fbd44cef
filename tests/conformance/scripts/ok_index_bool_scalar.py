# check-stdout
# A Python bool or a 0-d bool tensor as an index: a new dim of size 1 indexed by [0] (True) or [] (False).
import torch
x = torch.arange(6.).reshape(2, 3)
print(x[torch.tensor(True)], x[torch.tensor(False)].shape)
print(x[True].shape, x[False].shape, x[0, True], x[..., torch.tensor(True)].shape)
print(x[None, True, 1].shape, x[True, [0, 1]])
y = x.clone()
y[torch.tensor(True)] = 7
print(y)
y[False] = 9
print(y)
z = torch.tensor(3.0)
print(z[True], z[torch.tensor(False)], z[True, None].shape)
w = torch.ones(3, requires_grad=True)
r = w[True] * 2
r.sum().backward()
print(r.grad_fn.name(), w.grad)
print(x[:, ..., ...].shape, x[..., ...].shape, x[..., None, ...].shape)  # several ellipses (PyTorch accepts them)
