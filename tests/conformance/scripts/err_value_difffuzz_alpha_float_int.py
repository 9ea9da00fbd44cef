# PyTorch's alpha check: a float alpha with integer tensors is an error.
import torch
a = torch.tensor([1, 2])
b = torch.add(a, a, alpha=0.5)  # expect-error
