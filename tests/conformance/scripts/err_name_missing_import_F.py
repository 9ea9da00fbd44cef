import torch
x = torch.ones(2)
y = F.relu(x)  # expect-error
