import torch
p = torch.nn.Parameter(torch.ones(3))
p.grad = torch.tensor([1.0, float('inf'), 2.0])
print(torch.nn.utils.clip_grad_norm_([p], 1.0))
torch.nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)  # expect-error
