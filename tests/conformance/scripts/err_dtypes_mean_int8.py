import torch
x = torch.tensor([1, 2], dtype=torch.int8)
print(x.mean())  # expect-error
