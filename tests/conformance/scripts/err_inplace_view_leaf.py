import torch
x = torch.randn(3, requires_grad=True)
with torch.no_grad():
    x.unsqueeze_(0)
print(x.shape)
x.squeeze_(0)  # expect-error
