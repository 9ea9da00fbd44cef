# check-stdout
# torch.from_numpy shares memory, torch.tensor(np_array) copies and keeps the dtype,
# Tensor.numpy() shares memory.
import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(a)
u = torch.tensor(a)
a[0] = 10.0
print(t.dtype, u.dtype, t.tolist(), u.tolist())
i = torch.tensor(np.array([[1, 2], [3, 4]]))
f = torch.tensor(np.array([0.5, 1.5], dtype=np.float32), requires_grad=True)
print(i.dtype, f.dtype)
x = torch.ones(3)
n = x.numpy()
x.add_(1)
print(n, n.dtype, repr(n))
w = torch.tensor([1.0, -2.0], requires_grad=True)
y = (w * torch.from_numpy(np.array([3.0, 4.0])).float()).sum()
y.backward()
print(w.grad.numpy(), w.detach().numpy(), y.item())
z = torch.from_numpy(np.linspace(0, 1, 5)) * 2
print(z.dtype, z.numpy())
