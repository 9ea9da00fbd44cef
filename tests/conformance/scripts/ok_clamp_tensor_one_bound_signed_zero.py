# clamp with one tensor bound is PyTorch's maximum/minimum: on a tie of 0.0 and -0.0 their vector
# lanes return the bound, the scalar tail self.
import torch
x = torch.zeros(20)
hi = torch.full((20,), -0.0)
print(torch.clamp(x, max=hi).tolist())
print(torch.clamp(x, min=hi).tolist())
print(torch.clamp(hi, min=x).tolist())
print(torch.clamp(torch.tensor([1.0, float('nan'), -2.0]), max=torch.tensor([0.5, 1.0, float('nan')])))
