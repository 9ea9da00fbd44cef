import torch
with torch.inference_mode():
    c = torch.ones(3)
print(c.clone().add_(1))
c.add_(1)  # expect-error
