import torch
m = torch.tensor([True, False])
print(m & 1.5)  # expect-error
