import torch
m = torch.tensor([True, False])
print(m << m)  # expect-error
