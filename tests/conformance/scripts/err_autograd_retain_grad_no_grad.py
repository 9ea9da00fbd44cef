import torch
x = torch.ones(3)
x.retain_grad()  # expect-error
