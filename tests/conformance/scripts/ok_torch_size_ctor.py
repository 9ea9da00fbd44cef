# check-stdout
# torch.Size(...) construction, isinstance, equality and repr.
import torch
s = torch.Size([2, 5, 5])
print(s, torch.Size(), torch.Size((3,)))
print(isinstance(s, torch.Size), isinstance(s, tuple), isinstance((2, 5, 5), torch.Size))
print(s == (2, 5, 5), s == torch.Size([2, 5]), torch.zeros(2, 5, 5).shape == s)
print(type(torch.zeros(1).shape) is torch.Size, s[1:], len(s))
torch.manual_seed(0)
x = torch.randn(2, 50)
u = torch.nn.Unflatten(1, torch.Size([2, 5, 5]))(x)
print(u.shape)
