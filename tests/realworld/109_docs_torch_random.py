# source: https://pytorch.org/docs/1.13/generated/torch.multinomial.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

weights = torch.tensor([0, 10, 3, 0], dtype=torch.float) # create a tensor of weights
print(torch.multinomial(weights, 2))
print(torch.multinomial(weights, 4, replacement=True))

# https://pytorch.org/docs/1.13/generated/torch.normal.html
print(torch.normal(mean=torch.arange(1., 11.), std=torch.arange(1, 0, -0.1)))
print(torch.normal(mean=0.5, std=torch.arange(1., 6.)))
print(torch.normal(mean=torch.arange(1., 6.)))
print(torch.normal(2, 3, size=(1, 4)))

# https://pytorch.org/docs/1.13/generated/torch.randint.html
print(torch.randint(3, 5, (3,)))
print(torch.randint(10, (2, 2)))
print(torch.randint(3, 10, (2, 2)))

# https://pytorch.org/docs/1.13/generated/torch.randperm.html
print(torch.randperm(4))

# https://pytorch.org/docs/1.13/generated/torch.rand.html
print(torch.rand(4))
print(torch.rand(2, 3))

# https://pytorch.org/docs/1.13/generated/torch.randn.html
print(torch.randn(4))
print(torch.randn(2, 3))

# https://pytorch.org/docs/1.13/generated/torch.bernoulli.html
a = torch.empty(3, 3).uniform_(0, 1)  # generate a uniform random matrix with range [0, 1]
print(a)
print(torch.bernoulli(a))
