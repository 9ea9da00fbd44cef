import torch
with torch.inference_mode():
    a = torch.ones(3)
w = torch.ones(3, requires_grad=True)
print((w + a).requires_grad)
out = w * a  # expect-error
