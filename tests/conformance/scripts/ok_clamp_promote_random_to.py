# check-stdout
# clamp/clamp_min/clamp_max promote a bool or integral input with their bounds (PyTorch's result_type); random_(to=n).
import torch
torch.manual_seed(0); x=torch.tensor([1.,2.,3.])
print(x.clone().random_(to=3), x.clone().random_(1, to=3))
b=torch.tensor([True,False]); print(torch.clamp_max(b,1.1), torch.clamp_min(b, 1), torch.clamp(b, 0.5), torch.clamp_max(torch.tensor([1,5]), 2.5), torch.clamp(b, 0), b.clamp_max(0))
