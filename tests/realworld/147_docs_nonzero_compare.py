# source: https://pytorch.org/docs/1.13/generated/torch.nonzero.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1])))
print(torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                                  [0.0, 0.4, 0.0, 0.0],
                                  [0.0, 0.0, 1.2, 0.0],
                                  [0.0, 0.0, 0.0,-0.4]])))
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True))
print(torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                                  [0.0, 0.4, 0.0, 0.0],
                                  [0.0, 0.0, 1.2, 0.0],
                                  [0.0, 0.0, 0.0,-0.4]]), as_tuple=True))
print(torch.nonzero(torch.tensor(5), as_tuple=True))

# https://pytorch.org/docs/1.13/generated/torch.eq.html
print(torch.eq(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]])))

# https://pytorch.org/docs/1.13/generated/torch.gt.html
print(torch.gt(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]])))

# https://pytorch.org/docs/1.13/generated/torch.allclose.html
print(torch.allclose(torch.tensor([10000., 1e-07]), torch.tensor([10000.1, 1e-08])))
print(torch.allclose(torch.tensor([10000., 1e-08]), torch.tensor([10000.1, 1e-09])))
print(torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')])))
print(torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')]), equal_nan=True))

# https://pytorch.org/docs/1.13/generated/torch.isclose.html
print(torch.isclose(torch.tensor((1., 2, 3)), torch.tensor((1 + 1e-10, 3, 4))))
print(torch.isclose(torch.tensor((float('inf'), 4)), torch.tensor((float('inf'), 6)), rtol=.5))

# https://pytorch.org/docs/1.13/generated/torch.equal.html
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])))

# https://pytorch.org/docs/1.13/generated/torch.maximum.html
a = torch.tensor((1, 2, -1))
b = torch.tensor((3, 0, 4))
print(torch.maximum(a, b))

# https://pytorch.org/docs/1.13/generated/torch.isnan.html
print(torch.isnan(torch.tensor([1, float('nan'), 2])))

# https://pytorch.org/docs/1.13/generated/torch.sign.html
a = torch.tensor([0.7, -1.2, 0., 2.3])
print(a)
print(torch.sign(a))
