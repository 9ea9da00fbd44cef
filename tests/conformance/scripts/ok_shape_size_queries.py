import torch
# check-stdout
x = torch.zeros(2, 3, 4)
print(tuple(x.shape))
print(x.size(0), x.size(-1), x.dim(), x.numel())
print(tuple(x.size()))
print(x.shape[1])
y = x.permute(2, 0, 1)
print(tuple(y.shape), y.dim())
