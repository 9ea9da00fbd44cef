import torch
a = torch.tensor([1, 2])
print(a ^ 3)
print(torch.bitwise_xor(a, torch.tensor([1.5, 2.0])))  # expect-error
