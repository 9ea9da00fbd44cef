import torch
# check-stdout
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
a = x[1, 2]
print(a.item(), a.dim(), tuple(a.shape))
b = x[0]
print(b.tolist())
print(x[-1, -1].item() + 1)
