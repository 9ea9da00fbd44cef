# torch.nonzero's result is column-major as PyTorch's CPU kernel makes it (not contiguous), and
# random_ fills a non-contiguous tensor in memory order (PyTorch's TensorIterator order).
import torch
torch.manual_seed(415)
v1 = torch.tensor([[float('nan')], [2.360], [-0.0], [-0.4]], dtype=torch.float64)
v4 = torch.nonzero(v1)
print(v4.is_contiguous(), v4.shape)
v8 = v4.random_()
print(v8)
x = torch.tensor([[1, 0, 2], [0, 3, 0]])
print(torch.nonzero(x).is_contiguous(), torch.nonzero(x.t()).is_contiguous())
torch.manual_seed(415)
print(torch.empty(3, 2, dtype=torch.int64).random_())
torch.manual_seed(3)
x = torch.zeros(3, 4, dtype=torch.int64).t()
x.random_()
print(x)
y = torch.zeros(2, 3, 4).permute(2, 0, 1)
y.random_(0, 10)
print(y)
z = torch.zeros(4, 3, dtype=torch.int32)[:, 1]
z.random_(5)
print(z, torch.rand(2))
