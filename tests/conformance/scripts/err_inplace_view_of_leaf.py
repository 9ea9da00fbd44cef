import torch
x = torch.randn(2, 3, requires_grad=True)
y = (x * 2)[0]
y.unsqueeze_(0)
print(y.shape)
v = x.view(3, 2)
v.t_()  # expect-error
