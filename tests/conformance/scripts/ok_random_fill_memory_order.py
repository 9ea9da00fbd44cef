# rand_like of a non-dense input (unfold) draws in the layout of PyTorch's empty_like
# (infer_dense_strides: the order of the input's strides); exponential_ of a transposed tensor
# draws in its memory order.
import torch
torch.manual_seed(0)
v = torch.zeros(3, 4, dtype=torch.float64).unfold(0, 2, 1)
print(torch.rand_like(v))
print(torch.rand_like(torch.zeros(4, 6)[:, ::2].t()))
x = torch.zeros(3, 4, 4, dtype=torch.float64).transpose(-1, 0)
x.exponential_()
print(x)
y = torch.zeros(2, 3)
y.t().exponential_()
print(y)
