# source: https://pytorch.org/docs/1.13/generated/torch.unsqueeze.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

x = torch.tensor([1, 2, 3, 4])
print(torch.unsqueeze(x, 0))
print(torch.unsqueeze(x, 1))

# https://pytorch.org/docs/1.13/generated/torch.flatten.html
t = torch.tensor([[[1, 2],
                   [3, 4]],
                  [[5, 6],
                   [7, 8]]])
print(torch.flatten(t))
print(torch.flatten(t, start_dim=1))

# https://pytorch.org/docs/1.13/generated/torch.narrow.html
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(torch.narrow(x, 0, 0, 2))
print(torch.narrow(x, 1, 1, 2))

# https://pytorch.org/docs/1.13/generated/torch.flip.html
x = torch.arange(8).view(2, 2, 2)
print(x)
print(torch.flip(x, [0, 1]))

# https://pytorch.org/docs/1.13/generated/torch.roll.html
x = torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2)
print(x)
print(torch.roll(x, 1))
print(torch.roll(x, 1, 0))
print(torch.roll(x, -1, 0))
print(torch.roll(x, shifts=(2, 1), dims=(0, 1)))

# https://pytorch.org/docs/1.13/generated/torch.transpose.html
x = torch.randn(2, 3)
print(x)
print(torch.transpose(x, 0, 1))

# https://pytorch.org/docs/1.13/generated/torch.t.html
x = torch.randn(())
print(x)
print(torch.t(x))
x = torch.randn(3)
print(x)
print(torch.t(x))
x = torch.randn(2, 3)
print(x)
print(torch.t(x))

# https://pytorch.org/docs/1.13/generated/torch.unbind.html
print(torch.unbind(torch.tensor([[1, 2, 3],
                                 [4, 5, 6],
                                 [7, 8, 9]])))

# https://pytorch.org/docs/1.13/generated/torch.tile.html
x = torch.tensor([1, 2, 3])
print(x.tile((2,)))
y = torch.tensor([[1, 2], [3, 4]])
print(torch.tile(y, (2, 2)))
