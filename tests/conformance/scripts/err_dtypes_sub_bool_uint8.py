import torch
u = torch.tensor([1, 2], dtype=torch.uint8)
print(u - torch.tensor([True, False]))  # expect-error
