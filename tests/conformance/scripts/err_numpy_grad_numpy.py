import torch
w = torch.ones(2, requires_grad=True)
n = w.numpy()  # expect-error
